// Context is the engine's root object: the Vulkan instance, one chosen device with one compute queue, a command pool,
// the kernel cache and a pipeline cache kept on disk between runs. Everything else (Buffer, Kernel, Stream, Graph)
// belongs to a Context and must not outlive it. A Context is used from one thread at a time.
//
// Validation: with ContextOptions::validation (default: the VKRL_VALIDATE=1 variable) the Khronos validation layer runs
// with synchronization validation on, and every warning or error it reports goes to on_validation_message (default:
// print to stderr). The test suite turns this on and fails a test on any message.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "vkrl/engine/device_info.h"

namespace vkrl::engine {

class Kernel;

// A specialization constant: id and its 32-bit value (bools as 0 or 1).
struct SpecConstant {
  uint32_t id;
  uint32_t value;
  bool operator==(const SpecConstant&) const = default;
};

struct ContextOptions {
  std::optional<uint32_t> device_index;                  // nullopt: the best device (discrete GPU first)
  std::optional<bool> validation;                        // nullopt: VKRL_VALIDATE=1 in the environment
  std::function<void(std::string_view)> on_validation_message;  // nullopt: print to stderr
  std::optional<std::filesystem::path> pipeline_cache_dir;      // nullopt: VKRL_CACHE_DIR, else ~/.cache/vkrl
  // Buffers mapped into host memory (true) or reached through a staging copy (false). nullopt: the device's own rule,
  // DeviceInfo::maps_buffers_by_default(). Tests force staging to cover that path on lavapipe.
  std::optional<bool> map_buffers;
};

class Context {
public:
  explicit Context(ContextOptions options = {});
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  const DeviceInfo& device() const;
  bool validation_enabled() const;
  bool maps_buffers() const;

  // The pipeline for a registered kernel with these specialization constants, created on first use and cached.
  Kernel& kernel(std::string_view name, const std::vector<SpecConstant>& spec = {});

  // Writes the pipeline cache to disk now (it is also written when the Context is destroyed).
  void save_pipeline_cache();
  std::filesystem::path pipeline_cache_path() const;

  struct Impl;
  Impl& impl() { return *impl_; }

private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace vkrl::engine
