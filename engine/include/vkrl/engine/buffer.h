// Buffer is one device allocation used as a storage buffer. On unified-memory devices (lavapipe, integrated GPUs) and
// discrete GPUs with resizable BAR it is host-visible and stays mapped, so upload/download are plain memcpy; on other
// discrete GPUs it is device-local and they go through the Context's staging buffer with a copy on the queue (see
// ContextOptions::map_buffers). BufferView names a byte range of a buffer: it is what kernels
// bind and what the Stream's hazard tracking compares.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

typedef struct VkBuffer_T* VkBuffer;

namespace vkrl::engine {

class Context;
class Buffer;

struct BufferView {
  const Buffer* buffer = nullptr;
  size_t offset = 0;  // bytes
  size_t bytes = 0;

  size_t floats() const { return bytes / sizeof(float); }
};

class Buffer {
public:
  Buffer(Context& context, size_t bytes);
  ~Buffer();
  Buffer(Buffer&&) noexcept;
  Buffer& operator=(Buffer&&) noexcept;

  size_t bytes() const;
  bool host_visible() const;

  // Copies host data in or out at a byte offset. Must not overlap GPU work that is still running on this buffer.
  void upload(std::span<const std::byte> data, size_t offset = 0);
  void download(std::span<std::byte> data, size_t offset = 0) const;

  template <class T>
  void upload(std::span<const T> data, size_t offset = 0) {
    upload(std::as_bytes(data), offset);
  }
  template <class T>
  std::vector<T> download(size_t count, size_t offset = 0) const {
    std::vector<T> out(count);
    download(std::as_writable_bytes(std::span<T>(out)), offset);
    return out;
  }

  BufferView view() const { return {this, 0, bytes()}; }
  BufferView view(size_t offset, size_t bytes) const;  // throws vkrl::Error if the range is outside the buffer

  VkBuffer native_handle() const;

  struct Impl;

private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace vkrl::engine
