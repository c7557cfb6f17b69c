// Stream records compute work into one command buffer: kernel dispatches, buffer copies and fills. Each command says
// which buffer ranges it reads and writes, and the stream inserts a barrier only where one is needed (see
// HazardTracker), so callers never write barriers. submit() sends the work, wait() blocks until it is done, after which
// the stream records afresh. finish() turns the recorded work into a Graph that can be replayed many times.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "vkrl/engine/buffer.h"

typedef struct VkCommandBuffer_T* VkCommandBuffer;

namespace vkrl::engine {

class Context;
class Kernel;
class Graph;

enum class Access { read, write, read_write };

struct Binding {
  BufferView view;
  Access access;
};

using Groups = std::array<uint32_t, 3>;

class Stream {
public:
  explicit Stream(Context& context);
  ~Stream();
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  Context& context();

  // Records kernel(bindings..., push constants) over `groups` workgroups. Binding i goes to binding i of the shader
  // and covers its view from the view's offset rounded down to the device's storage-buffer alignment; the kernel
  // finds the view's first float at shader_offset(view) (pass it in the push constants).
  void dispatch(Kernel& kernel, std::span<const Binding> bindings, std::span<const std::byte> push, Groups groups);
  template <class Push>
  void dispatch(Kernel& kernel, std::initializer_list<Binding> bindings, const Push& push, Groups groups) {
    dispatch(kernel, std::span<const Binding>(bindings.begin(), bindings.size()),
             std::as_bytes(std::span<const Push>(&push, 1)), groups);
  }
  // Where a bound view's first float sits in the shader's array: its offset past the aligned start of the binding.
  uint32_t shader_offset(const BufferView& view) const;

  void copy(BufferView src, BufferView dst);  // same size
  void fill(BufferView dst, float value);     // every float of dst
  // Host bytes copied into dst by the queue (at most kMaxUpdateBytes, a multiple of 4). The bytes are taken at
  // recording, so a small write rides with the other commands instead of costing a submit of its own.
  static constexpr size_t kMaxUpdateBytes = 65536;  // vkCmdUpdateBuffer's limit
  void update(BufferView dst, std::span<const std::byte> data);

  void submit();
  void wait();
  void run() { submit(); wait(); }

  // Ends recording and hands the commands to a Graph; the stream starts empty again.
  Graph finish();

  // The command buffer being recorded, for tests that must record raw Vulkan commands.
  VkCommandBuffer native_handle();

  struct Impl;

private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace vkrl::engine
