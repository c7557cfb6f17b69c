// The Vulkan backend's storage, host access, batching and capture, the helpers its op files share, and the factories.
#include "vulkan_backend.h"

#include <algorithm>
#include <utility>

#include "vkrl/engine/device_request.h"
#include "vkrl/engine/graph.h"
#include "vkrl/engine/kernel.h"
#include "vkrl/error.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::nn {

namespace {
constexpr uint32_t kMaxGroups = 65535;   // the least maxComputeWorkGroupCount[0] Vulkan allows
constexpr size_t kBatchCommands = 512;   // a longer batch is run before more is recorded
constexpr size_t kArenaBytes = 1 << 20;  // scratch arenas hold at least this much
constexpr size_t kScratchAlign = 256;    // the largest minStorageBufferOffsetAlignment Vulkan allows
constexpr uint32_t kReduceGroups = 256;  // nn_reduce's first pass writes at most this many partial sums
constexpr size_t kInlineWriteBytes = 4 * engine::Stream::kMaxUpdateBytes;  // larger writes go through upload()
constexpr size_t kSpareLimitBytes = size_t(64) << 20;                      // spare buffers beyond this are freed
}  // namespace

VulkanStorage::VulkanStorage(VulkanBackend& backend, size_t elements)
    : backend_(backend), buffer_(backend.take_buffer(elements * sizeof(float))) {}

VulkanStorage::~VulkanStorage() { backend_.retire(std::move(buffer_)); }

// A captured step: the graph and the buffers only it still holds.
class VulkanBackend::Captured final : public CapturedWork {
public:
  Captured(VulkanBackend& backend, engine::Graph graph, std::vector<std::unique_ptr<engine::Buffer>> held)
      : backend_(backend), graph_(std::move(graph)), held_(std::move(held)) {}
  ~Captured() override {
    try {
      backend_.forget(graph_);
    } catch (...) {
      // A destructor cannot report a lost device; the graph's own teardown waits for it.
    }
  }
  void replay() override { backend_.run_with(graph_); }

private:
  VulkanBackend& backend_;
  engine::Graph graph_;
  std::vector<std::unique_ptr<engine::Buffer>> held_;
};

namespace {
// CPU-type devices (lavapipe) run a workgroup's invocations as loops, and every barrier of a shared-memory tree sum
// costs a pass over the whole group: with 256 invocations a bias gradient ran 10x slower than with 16. GPUs get 256.
bool cpu_type(const engine::Context& context) { return context.device().device_class == engine::DeviceClass::cpu; }
}  // namespace

VulkanBackend::VulkanBackend(engine::Context& context)
    : context_(context),
      stream_(context),
      item_local_size_(cpu_type(context) ? 64 : 256),
      reduction_local_size_(cpu_type(context) ? 16 : 256) {}

VulkanBackend::VulkanBackend(std::unique_ptr<engine::Context> owned) : VulkanBackend(*owned) {
  owned_context_ = std::move(owned);
}

VulkanBackend::~VulkanBackend() {
  try {
    flush();
  } catch (...) {
    // A destructor cannot report a lost device; the stream's own teardown waits for the queue.
  }
}

std::string VulkanBackend::name() const { return "vulkan:" + context_.device().name; }

std::shared_ptr<Storage> VulkanBackend::allocate(size_t elements) {
  auto storage = std::make_shared<VulkanStorage>(*this, elements);
  // Zero-filled: a fill recorded with the other ops, so that allocating inside a step costs no submit.
  const engine::BufferView whole = storage->buffer().view();
  stream().fill(whole, 0.0f);
  return storage;
}

engine::Buffer& VulkanBackend::buffer_of(const Tensor& t) const {
  if (&t.backend() != this) throw Error("a tensor of backend " + t.backend().name() + " given to " + name());
  return static_cast<VulkanStorage&>(t.storage()).buffer();
}

engine::BufferView VulkanBackend::view(const Tensor& t) const {
  return buffer_of(t).view(t.offset() * sizeof(float), t.size() * sizeof(float));
}

void VulkanBackend::write(const Tensor& t, std::span<const float> values) {
  if (capturing_) throw Error("write: the host cannot write a tensor inside capture()");
  if (values.size() != t.size())
    throw Error("write: " + std::to_string(values.size()) + " values for a tensor " + t.shape().to_string());
  engine::Buffer& buffer = buffer_of(t);
  const auto bytes = std::as_bytes(values);
  if (buffer.host_visible() && recorded_ == 0 && !in_flight_graph_uses(buffer)) {  // nothing running reads them
    buffer.upload(values, t.offset() * sizeof(float));
    return;
  }
  if (bytes.size() <= kInlineWriteBytes) {
    // Recorded with the ops, after those that read the old values: no submit and no wait of its own.
    const engine::BufferView whole = view(t);
    for (size_t at = 0; at < bytes.size(); at += engine::Stream::kMaxUpdateBytes) {
      const size_t n = std::min(engine::Stream::kMaxUpdateBytes, bytes.size() - at);
      stream().update({whole.buffer, whole.offset + at, n}, bytes.subspan(at, n));
    }
    return;
  }
  flush();
  buffer.upload(values, t.offset() * sizeof(float));
}

void VulkanBackend::write(const Tensor& t, std::span<const double> values) {
  if (values.size() != t.size())
    throw Error("write: " + std::to_string(values.size()) + " values for a tensor " + t.shape().to_string());
  const std::vector<float> floats(values.begin(), values.end());
  write(t, std::span<const float>(floats));
}

void VulkanBackend::read(const Tensor& t, std::span<float> out) {
  if (capturing_) throw Error("read: the host cannot read a tensor inside capture()");
  if (out.size() != t.size())
    throw Error("read: room for " + std::to_string(out.size()) + " values from a tensor " + t.shape().to_string());
  const engine::Buffer& buffer = buffer_of(t);
  flush();
  buffer.download(std::as_writable_bytes(out), t.offset() * sizeof(float));
}

void VulkanBackend::read(const Tensor& t, std::span<double> out) {
  if (out.size() != t.size())
    throw Error("read: room for " + std::to_string(out.size()) + " values from a tensor " + t.shape().to_string());
  std::vector<float> floats(t.size());
  read(t, std::span<float>(floats));
  std::copy(floats.begin(), floats.end(), out.begin());
}

std::unique_ptr<CapturedWork> VulkanBackend::capture(std::function<void()> ops) {
  if (capturing_) throw Error("capture: already capturing");
  flush();
  capturing_ = true;
  try {
    ops();
  } catch (...) {
    capturing_ = false;
    stream_.finish();  // drops what was recorded
    recorded_ = 0;
    arena_ = nullptr;
    held_.clear();
    throw;
  }
  capturing_ = false;
  recorded_ = 0;
  arena_ = nullptr;
  return std::make_unique<Captured>(*this, stream_.finish(), std::exchange(held_, {}));
}

engine::Stream& VulkanBackend::stream() {
  if (!capturing_ && recorded_ >= kBatchCommands) flush();
  ++recorded_;
  return stream_;
}

void VulkanBackend::flush() {
  if (recorded_ > 0) {
    stream_.run();
    recorded_ = 0;
  }
  // Newest first: the queue runs them in order, so the others are done by then.
  const std::vector<engine::Graph*> graphs = std::exchange(graphs_in_flight_, {});
  for (auto it = graphs.rbegin(); it != graphs.rend(); ++it) (*it)->wait();
  release_held();
}

// A replay returns while the graph runs, so that the host can prepare the next step meanwhile; the next read or
// flush waits for it. Graphs and stream batches open with a barrier against earlier submissions, so work recorded
// before the replay (the writes of a new batch, say) is done before the graph reads it, and work recorded after it
// waits for the graph.
void VulkanBackend::run_with(engine::Graph& graph) {
  forget(graph);  // a graph may not be submitted again while in flight
  if (recorded_ > 0) {
    stream_.submit();
    graph.submit();
    stream_.wait();  // the graph is queued behind the stream's batch and may still run
    recorded_ = 0;
  } else {
    graph.submit();
  }
  graphs_in_flight_.push_back(&graph);
  release_held();  // what the stream's batch used; the graph holds its own buffers
}

void VulkanBackend::forget(engine::Graph& graph) {
  const auto it = std::find(graphs_in_flight_.begin(), graphs_in_flight_.end(), &graph);
  if (it == graphs_in_flight_.end()) return;
  graphs_in_flight_.erase(it);
  graph.wait();
}

bool VulkanBackend::in_flight_graph_uses(const engine::Buffer& buffer) const {
  return std::any_of(graphs_in_flight_.begin(), graphs_in_flight_.end(),
                     [&](const engine::Graph* graph) { return graph->uses(buffer); });
}

void VulkanBackend::release_held() {
  arena_ = nullptr;
  for (auto& buffer : std::exchange(held_, {})) keep_spare(std::move(buffer));
}

void VulkanBackend::retire(std::unique_ptr<engine::Buffer> buffer) {
  if (capturing_ || recorded_ > 0 || !graphs_in_flight_.empty())
    held_.push_back(std::move(buffer));
  else
    keep_spare(std::move(buffer));
}

std::unique_ptr<engine::Buffer> VulkanBackend::take_buffer(size_t bytes) {
  auto it = spare_.find(bytes);
  if (it == spare_.end() || it->second.empty()) return std::make_unique<engine::Buffer>(context_, bytes);
  auto buffer = std::move(it->second.back());
  it->second.pop_back();
  spare_bytes_ -= bytes;
  return buffer;
}

void VulkanBackend::keep_spare(std::unique_ptr<engine::Buffer> buffer) {
  if (spare_bytes_ + buffer->bytes() > kSpareLimitBytes) return;  // freed
  spare_bytes_ += buffer->bytes();
  spare_[buffer->bytes()].push_back(std::move(buffer));
}

engine::Kernel& VulkanBackend::kernel_of(const char* name, uint32_t local_size) {
  return context_.kernel(name, {{0, local_size}});
}

uint32_t VulkanBackend::groups_for(size_t items) const {
  return uint32_t(std::clamp<size_t>((items + item_local_size_ - 1) / item_local_size_, 1, kMaxGroups));
}

engine::BufferView VulkanBackend::scratch(size_t floats) {
  const size_t bytes = std::max<size_t>(floats, 1) * sizeof(float);
  arena_used_ = (arena_used_ + kScratchAlign - 1) / kScratchAlign * kScratchAlign;
  if (!arena_ || arena_used_ + bytes > arena_->bytes()) {
    held_.push_back(take_buffer(std::max(bytes, kArenaBytes)));
    arena_ = held_.back().get();
    arena_used_ = 0;
  }
  const engine::BufferView v = arena_->view(arena_used_, bytes);
  arena_used_ += bytes;
  return v;
}

void VulkanBackend::elementwise(ElementwiseOp op, const engine::BufferView& x, const engine::BufferView& y,
                                const engine::BufferView& z, float a, float b, uint32_t key, uint32_t inner,
                                uint32_t channels) {
  const size_t n = z.floats();
  if (n == 0) return;
  struct {
    uint32_t n, off_x, off_y, off_z, op, key, inner, channels;
    float a, b;
  } push{uint32_t(n), offset_of(x), offset_of(y), offset_of(z), uint32_t(op), key, inner, channels, a, b};
  dispatch("nn_elementwise", {{x, engine::Access::read}, {y, engine::Access::read}, {z, engine::Access::write}}, push,
           groups_for(n));
}

void VulkanBackend::reduce(const engine::BufferView& x, bool square, float scale, float beta,
                           const engine::BufferView& out) {
  struct Push {
    uint32_t n, off_x, off_out, square, final_pass;
    float scale, beta;
  };
  const size_t n = x.floats();
  const uint32_t local = reduction_local_size_;
  const uint32_t groups = std::min(uint32_t((n + local - 1) / local), kReduceGroups);
  const engine::BufferView result{out.buffer, out.offset, sizeof(float)};
  if (groups == 0) {  // nothing to sum: out = beta out
    const engine::BufferView zero = scratch(1);
    stream().fill(zero, 0.0f);
    Push push{1, offset_of(zero), offset_of(result), 0, 1, scale, beta};
    return dispatch_reduction("nn_reduce", {{zero, engine::Access::read}, {result, engine::Access::read_write}}, push,
                              1);
  }
  const engine::BufferView partials = scratch(groups);
  const Push first{uint32_t(n), offset_of(x), offset_of(partials), square ? 1u : 0u, 0, 1.0f, 0.0f};
  dispatch_reduction("nn_reduce", {{x, engine::Access::read}, {partials, engine::Access::write}}, first, groups);
  const Push second{groups, offset_of(partials), offset_of(result), 0, 1, scale, beta};
  dispatch_reduction("nn_reduce", {{partials, engine::Access::read}, {result, engine::Access::read_write}}, second, 1);
}

std::unique_ptr<Backend> make_vulkan_backend(engine::Context& context) {
  return std::make_unique<VulkanBackend>(context);
}

std::unique_ptr<Backend> make_backend(const engine::DeviceRequest& request, engine::ContextOptions options) {
  const engine::BackendChoice choice = engine::choose_backend(request, engine::probe_vulkan());
  if (!choice.use_vulkan) return make_cpu_backend();
  options.device_index = choice.device_index;
  return std::make_unique<VulkanBackend>(std::make_unique<engine::Context>(std::move(options)));
}

std::unique_ptr<Backend> make_backend(std::string_view device) {
  return make_backend(engine::DeviceRequest::parse(device));
}

}  // namespace vkrl::nn
