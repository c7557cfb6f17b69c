// The Vulkan objects behind Context, Kernel, Buffer, Stream and Graph, shared by the engine's sources.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "vk.h"
#include "vkrl/engine/buffer.h"
#include "vkrl/engine/context.h"
#include "vkrl/engine/kernel.h"

namespace vkrl::engine {

// Kernels may read whole vec4s, so every buffer is allocated in multiples of 16 bytes and a binding's range is
// rounded up to 16 within it.
constexpr size_t kBufferGranule = 16;
inline size_t padded_bytes(size_t bytes) {
  return (std::max(bytes, kBufferGranule) + kBufferGranule - 1) / kBufferGranule * kBufferGranule;
}

// One buffer and its own memory allocation; with host access it is mapped for its lifetime.
struct RawBuffer {
  vk::UniqueBuffer buffer;
  vk::UniqueDeviceMemory memory;
  void* mapped = nullptr;
  size_t bytes = 0;

  RawBuffer(Context::Impl& context, size_t bytes, bool host_access);
};

class Submission;

struct Context::Impl {
  vk::UniqueInstance instance;
  vk::DispatchLoaderDynamic dispatch;  // extension entry points (debug utils)
  vk::UniqueHandle<vk::DebugUtilsMessengerEXT, vk::DispatchLoaderDynamic> messenger;
  vk::PhysicalDevice physical;
  DeviceInfo info;
  vk::UniqueDevice device;
  vk::Queue queue;
  uint32_t queue_family = 0;
  vk::UniqueCommandPool command_pool;
  vk::UniquePipelineCache pipeline_cache;
  std::filesystem::path pipeline_cache_file;
  size_t pipeline_cache_loaded_bytes = 0;
  bool validation = false;
  bool map_buffers = true;
  std::function<void(std::string_view)> on_message;
  std::mutex message_mutex;
  std::map<std::string, std::unique_ptr<Kernel>> kernels;  // key: name + spec constants

  // Memory type for a buffer: host-visible and coherent (device-local too where there is one) for host access,
  // device-local otherwise.
  uint32_t memory_type(uint32_t allowed_bits, bool host_access) const;

  // Staging for devices whose buffer memory is not host-visible; grown on demand.
  std::unique_ptr<RawBuffer> staging;
  RawBuffer& staging_buffer(size_t bytes);

  // Records one command buffer with `record`, submits it and waits. The command buffer and its fence are made once
  // and reused: a staged host read or write costs one submit and one wait, nothing more.
  void run_once(const std::function<void(vk::CommandBuffer)>& record);
  vk::UniqueCommandBuffer once_cmd;
  std::unique_ptr<Submission> once_submission;
};

struct Kernel::Impl {
  std::string name;
  uint32_t binding_count = 0, push_constant_bytes = 0;
  vk::UniqueDescriptorSetLayout set_layout;
  vk::UniquePipelineLayout layout;
  vk::UniquePipeline pipeline;
};

// One global barrier between compute shaders and transfers, covering every hazard kind.
inline vk::MemoryBarrier compute_transfer_barrier() {
  return {vk::AccessFlagBits::eShaderWrite | vk::AccessFlagBits::eTransferWrite,
          vk::AccessFlagBits::eShaderRead | vk::AccessFlagBits::eShaderWrite | vk::AccessFlagBits::eTransferRead |
              vk::AccessFlagBits::eTransferWrite};
}
constexpr vk::PipelineStageFlags kComputeTransfer =
    vk::PipelineStageFlagBits::eComputeShader | vk::PipelineStageFlagBits::eTransfer;

vk::Buffer native(const Buffer& b);

}  // namespace vkrl::engine
