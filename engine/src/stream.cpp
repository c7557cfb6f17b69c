#include "vkrl/engine/stream.h"

#include <algorithm>
#include <bit>

#include "context_impl.h"
#include "graph_impl.h"
#include "submission.h"
#include "vkrl/engine/graph.h"
#include "vkrl/engine/hazard_tracker.h"

namespace vkrl::engine {

namespace {
constexpr uint32_t kSetsPerPool = 256;
constexpr uint32_t kBuffersPerSet = 8;
}  // namespace

struct Stream::Impl {
  Context& context;
  Context::Impl& ctx;
  vk::UniqueCommandBuffer cmd;
  Submission submission;
  std::vector<vk::UniqueDescriptorPool> pools;  // every set of the commands being recorded
  uint32_t sets_left = 0;                       // in pools.back()
  HazardTracker hazards;
  std::vector<const void*> buffers;  // every buffer the commands being recorded read or write, with repeats
  bool recording = false;

  explicit Impl(Context& c) : context(c), ctx(c.impl()), submission(*ctx.device) { new_command_buffer(); }

  void new_command_buffer() {
    cmd = std::move(
        ctx.device->allocateCommandBuffersUnique({*ctx.command_pool, vk::CommandBufferLevel::ePrimary, 1})[0]);
    pools.clear();
    sets_left = 0;
    hazards.reset();
    buffers.clear();
    recording = false;
  }

  // Work submitted earlier may still be writing what this command buffer reads, so it opens with a barrier.
  void begin() {
    if (recording) return;
    cmd->begin(vk::CommandBufferBeginInfo{});
    cmd->pipelineBarrier(kComputeTransfer, kComputeTransfer, {}, compute_transfer_barrier(), {}, {});
    recording = true;
  }

  // Results must be visible to the host (mapped reads) and to work submitted later.
  void end() {
    begin();
    const vk::MemoryBarrier to_host(vk::AccessFlagBits::eShaderWrite | vk::AccessFlagBits::eTransferWrite,
                                    vk::AccessFlagBits::eHostRead);
    cmd->pipelineBarrier(kComputeTransfer, vk::PipelineStageFlagBits::eHost, {}, to_host, {}, {});
    cmd->end();
    recording = false;
  }

  void track(std::span<const ByteRange> reads, std::span<const ByteRange> writes) {
    begin();
    for (const auto* ranges : {&reads, &writes})
      for (const ByteRange& r : *ranges) buffers.push_back(r.resource);
    if (hazards.add(reads, writes))
      cmd->pipelineBarrier(kComputeTransfer, kComputeTransfer, {}, compute_transfer_barrier(), {}, {});
  }

  vk::DescriptorSet allocate_set(vk::DescriptorSetLayout layout) {
    if (sets_left == 0) {
      const vk::DescriptorPoolSize size(vk::DescriptorType::eStorageBuffer, kSetsPerPool * kBuffersPerSet);
      pools.push_back(ctx.device->createDescriptorPoolUnique({{}, kSetsPerPool, size}));
      sets_left = kSetsPerPool;
    }
    --sets_left;
    return ctx.device->allocateDescriptorSets({*pools.back(), layout})[0];
  }
};

Stream::Stream(Context& context) : impl_(std::make_unique<Impl>(context)) {}

Stream::~Stream() {
  try {
    wait();
  } catch (...) {
    // A destructor cannot report a lost device; the Context's own teardown waits for the queue.
  }
}

Context& Stream::context() { return impl_->context; }

VkCommandBuffer Stream::native_handle() {
  impl_->begin();
  return *impl_->cmd;
}

static ByteRange range_of(const BufferView& v) { return {v.buffer, v.offset, v.offset + v.bytes}; }

void Stream::dispatch(Kernel& kernel, std::span<const Binding> bindings, std::span<const std::byte> push,
                      Groups groups) {
  auto& d = *impl_;
  auto& k = kernel.impl();
  if (bindings.size() != k.binding_count)
    throw Error("kernel " + k.name + ": " + std::to_string(bindings.size()) + " buffers bound, the shader has " +
                std::to_string(k.binding_count));
  if (push.size() != k.push_constant_bytes)
    throw Error("kernel " + k.name + ": " + std::to_string(push.size()) +
                " bytes of push constants given, the shader has " + std::to_string(k.push_constant_bytes));
  if (bindings.size() > kBuffersPerSet) throw Error("kernel " + k.name + ": more than 8 buffers");
  for (int i = 0; i < 3; ++i)
    if (groups[i] == 0 || groups[i] > d.ctx.info.max_workgroup_count[i])
      throw Error("kernel " + k.name + ": " + std::to_string(groups[i]) + " workgroups in dimension " +
                  std::to_string(i) + " (the device allows 1.." + std::to_string(d.ctx.info.max_workgroup_count[i]) +
                  ")");

  std::vector<ByteRange> reads, writes;
  std::vector<vk::DescriptorBufferInfo> infos;
  for (const auto& b : bindings) {
    if (!b.view.buffer) throw Error("kernel " + k.name + ": a binding has no buffer");
    if (b.view.offset % sizeof(float)) throw Error("kernel " + k.name + ": a view is not aligned to a float");
    const uint64_t start = b.view.offset - b.view.offset % d.ctx.info.min_storage_buffer_offset_alignment;
    const uint64_t range =
        std::min(padded_bytes(b.view.offset + b.view.bytes - start), padded_bytes(b.view.buffer->bytes()) - start);
    if (range > d.ctx.info.max_storage_buffer_range)
      throw Error("kernel " + k.name + ": a view of " + std::to_string(b.view.bytes) +
                  " bytes is larger than the device's largest storage-buffer binding (" +
                  std::to_string(d.ctx.info.max_storage_buffer_range) + " bytes)");
    if (b.access != Access::write) reads.push_back(range_of(b.view));
    if (b.access != Access::read) writes.push_back(range_of(b.view));
    // Descriptor offsets must be aligned; the remainder reaches the kernel through shader_offset().
    infos.emplace_back(native(*b.view.buffer), start, range);
  }
  d.track(reads, writes);

  const auto set = d.allocate_set(*k.set_layout);
  if (!infos.empty()) {
    const vk::WriteDescriptorSet write(set, 0, 0, vk::DescriptorType::eStorageBuffer, {}, infos);
    d.ctx.device->updateDescriptorSets(write, {});
  }
  d.cmd->bindPipeline(vk::PipelineBindPoint::eCompute, *k.pipeline);
  d.cmd->bindDescriptorSets(vk::PipelineBindPoint::eCompute, *k.layout, 0, set, {});
  if (!push.empty())
    d.cmd->pushConstants(*k.layout, vk::ShaderStageFlagBits::eCompute, 0, static_cast<uint32_t>(push.size()),
                         push.data());
  d.cmd->dispatch(groups[0], groups[1], groups[2]);
}

uint32_t Stream::shader_offset(const BufferView& view) const {
  return static_cast<uint32_t>(view.offset % impl_->ctx.info.min_storage_buffer_offset_alignment / sizeof(float));
}

void Stream::copy(BufferView src, BufferView dst) {
  if (src.bytes != dst.bytes)
    throw Error("copy of " + std::to_string(src.bytes) + " bytes into a view of " + std::to_string(dst.bytes));
  if (src.bytes == 0) return;
  const ByteRange r = range_of(src), w = range_of(dst);
  impl_->track({&r, 1}, {&w, 1});
  impl_->cmd->copyBuffer(native(*src.buffer), native(*dst.buffer), vk::BufferCopy(src.offset, dst.offset, src.bytes));
}

void Stream::fill(BufferView dst, float value) {
  if (dst.offset % 4 || dst.bytes % 4) throw Error("fill needs a view aligned to 4 bytes");
  if (dst.bytes == 0) return;
  const ByteRange w = range_of(dst);
  impl_->track({}, {&w, 1});
  impl_->cmd->fillBuffer(native(*dst.buffer), dst.offset, dst.bytes, std::bit_cast<uint32_t>(value));
}

void Stream::update(BufferView dst, std::span<const std::byte> data) {
  if (data.size() != dst.bytes)
    throw Error("update of " + std::to_string(data.size()) + " bytes into a view of " + std::to_string(dst.bytes));
  if (dst.offset % 4 || dst.bytes % 4 || dst.bytes > kMaxUpdateBytes)
    throw Error("update needs a view aligned to 4 bytes of at most " + std::to_string(kMaxUpdateBytes) + " bytes");
  if (dst.bytes == 0) return;
  const ByteRange w = range_of(dst);
  impl_->track({}, {&w, 1});
  impl_->cmd->updateBuffer(native(*dst.buffer), dst.offset, dst.bytes, data.data());
}

void Stream::submit() {
  auto& d = *impl_;
  if (d.submission.in_flight()) throw Error("a stream was submitted again before wait()");
  d.end();
  d.submission.submit(d.ctx.queue, *d.cmd, "a stream");
}

void Stream::wait() {
  auto& d = *impl_;
  if (!d.submission.wait("a stream")) return;
  d.cmd->reset();
  for (auto& pool : d.pools) d.ctx.device->resetDescriptorPool(*pool);
  // Reset pools are reused from the last one only; the others are released to keep the bookkeeping simple.
  if (d.pools.size() > 1) d.pools.erase(d.pools.begin(), d.pools.end() - 1);
  d.sets_left = d.pools.empty() ? 0 : kSetsPerPool;
  d.hazards.reset();
  d.buffers.clear();
}

Graph Stream::finish() {
  auto& d = *impl_;
  if (d.submission.in_flight()) throw Error("finish() on a stream that is still running: call wait() first");
  d.end();
  std::sort(d.buffers.begin(), d.buffers.end());
  d.buffers.erase(std::unique(d.buffers.begin(), d.buffers.end()), d.buffers.end());
  auto graph = std::make_unique<Graph::Impl>(d.ctx, std::move(d.cmd), std::move(d.pools), std::move(d.buffers));
  d.new_command_buffer();
  return Graph(std::move(graph));
}

}  // namespace vkrl::engine
