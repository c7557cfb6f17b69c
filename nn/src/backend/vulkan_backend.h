// VulkanBackend: every Backend op as an engine kernel (shaders/nn_*.comp, engine::gemm) on fp32 buffers. Ops are
// recorded into one engine::Stream and submitted lazily: when the host reads or writes a tensor, when the batch grows
// long, or at the end of capture(), where the recorded stream becomes an engine::Graph that each replay submits
// once without waiting for it. The class is declared here and its ops are defined by area in vulkan_*.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "vkrl/engine/buffer.h"
#include "vkrl/engine/context.h"
#include "vkrl/engine/stream.h"
#include "vkrl/nn/backend.h"

namespace vkrl::nn {

class VulkanBackend;

// A tensor's storage: one buffer of floats. When it goes while recorded work may still use it, the backend keeps the
// buffer until that work is done (or for as long as the captured work that uses it lives).
class VulkanStorage final : public Storage {
public:
  VulkanStorage(VulkanBackend& backend, size_t elements);
  ~VulkanStorage() override;
  engine::Buffer& buffer() { return *buffer_; }

private:
  VulkanBackend& backend_;
  std::unique_ptr<engine::Buffer> buffer_;
};

// The op codes of nn_elementwise.comp.
enum class ElementwiseOp : uint32_t {
  axpby = 0,
  multiply = 1,
  relu = 2,
  leaky_relu = 3,
  sigmoid = 4,
  tanh = 5,
  relu_backward = 6,
  leaky_relu_backward = 7,
  sigmoid_backward = 8,
  tanh_backward = 9,
  dropout = 10,
  add_bias = 11,
  clip = 12,
};

// The row ops of nn_rows.comp.
enum class RowOp : uint32_t { softmax = 0, softmax_backward = 1, softmax_cross_entropy = 2 };

class VulkanBackend final : public Backend {
public:
  explicit VulkanBackend(engine::Context& context);
  explicit VulkanBackend(std::unique_ptr<engine::Context> owned);  // the backend owns its context
  ~VulkanBackend() override;

  std::string name() const override;

  std::shared_ptr<Storage> allocate(size_t elements) override;
  void write(const Tensor& t, std::span<const float> values) override;
  void write(const Tensor& t, std::span<const double> values) override;
  void read(const Tensor& t, std::span<float> out) override;
  void read(const Tensor& t, std::span<double> out) override;
  std::unique_ptr<CapturedWork> capture(std::function<void()> ops) override;

  // vulkan_elementwise.cpp
  void fill(Tensor& y, double value) override;
  void copy(const Tensor& x, Tensor& y) override;
  void axpby(double alpha, const Tensor& x, double beta, const Tensor& y, Tensor& z) override;
  void multiply(const Tensor& x, const Tensor& y, Tensor& z) override;
  void activation(Activation f, double slope, const Tensor& x, Tensor& y) override;
  void activation_backward(Activation f, double slope, const Tensor& y, const Tensor& dy, Tensor& dx) override;
  void dropout_mask(uint32_t key, double rate, Tensor& mask) override;

  // vulkan_matrix.cpp
  void gemm(bool trans_a, bool trans_b, double alpha, const Tensor& a, const Tensor& b, double beta,
            Tensor& c) override;
  void add_bias(Tensor& y, const Tensor& bias) override;
  void bias_gradient(const Tensor& dy, double beta, Tensor& dbias) override;
  void softmax(const Tensor& x, Tensor& y) override;
  void softmax_backward(const Tensor& y, const Tensor& dy, Tensor& dx) override;

  // vulkan_images.cpp
  void conv2d(const Window2d& win, const Tensor& x, const Tensor& w, Tensor& y) override;
  void conv2d_backward_input(const Window2d& win, const Tensor& dy, const Tensor& w, Tensor& dx) override;
  void conv2d_backward_filter(const Window2d& win, const Tensor& x, const Tensor& dy, double beta,
                              Tensor& dw) override;
  void pool2d(PoolKind kind, const Window2d& win, const Tensor& x, Tensor& y) override;
  void pool2d_backward(PoolKind kind, const Window2d& win, const Tensor& x, const Tensor& y, const Tensor& dy,
                       Tensor& dx) override;

  // vulkan_sequences.cpp
  void embedding(const Tensor& indices, const Tensor& table, Tensor& y) override;
  void embedding_backward(const Tensor& indices, const Tensor& dy, Tensor& dtable) override;

  // vulkan_batch_norm.cpp
  void batch_norm_train(const Tensor& x, const Tensor& gamma, const Tensor& beta, double momentum, double epsilon,
                        Tensor& running_mean, Tensor& running_var, Tensor& saved_mean, Tensor& saved_inv_std,
                        Tensor& y) override;
  void batch_norm_inference(const Tensor& x, const Tensor& gamma, const Tensor& beta, const Tensor& running_mean,
                            const Tensor& running_var, double epsilon, Tensor& y) override;
  void batch_norm_backward(const Tensor& x, const Tensor& gamma, const Tensor& saved_mean,
                           const Tensor& saved_inv_std, const Tensor& dy, Tensor& dx, Tensor& dgamma,
                           Tensor& dbeta) override;

  // vulkan_losses.cpp
  void softmax_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss, Tensor& dlogits) override;
  void binary_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss, Tensor& dlogits) override;
  void mean_squared_error(const Tensor& pred, const Tensor& target, Tensor& loss, Tensor& dpred) override;
  void huber(const Tensor& pred, const Tensor& target, double delta, Tensor& loss, Tensor& dpred) override;
  void weight_penalty(double l1, double l2, const Tensor& param, Tensor& grad, Tensor& loss) override;

  // vulkan_rl.cpp
  void q_targets(const Tensor& next_q_target, const Tensor& next_q_select, const Tensor& rewards,
                 const Tensor& discounts, Tensor& targets) override;
  void td_loss(const Tensor& q, const Tensor& actions, const Tensor& targets, const Tensor& weights, double delta,
               Tensor& loss, Tensor& dq, Tensor& abs_td) override;
  void dueling(const Tensor& value, const Tensor& advantage, Tensor& q) override;
  void dueling_backward(const Tensor& dq, Tensor& dvalue, Tensor& dadvantage) override;

  // vulkan_optimizers.cpp
  void sum_squares(const Tensor& x, double beta, Tensor& out) override;
  void clip_by_norm(const Tensor& norm_squared, double max_norm, Tensor& g) override;
  void optimizer_step(const OptimizerRule& rule, const Tensor& step, Tensor& param, const Tensor& grad,
                      std::span<Tensor> state) override;

  // vulkan_recurrent.cpp
  void swap_leading_axes(const Tensor& x, Tensor& y) override;
  void lstm_cell(const Tensor& peephole, const Tensor& c_prev, Tensor& gates, Tensor& c, Tensor& h) override;
  void lstm_cell_backward(const Tensor& peephole, const Tensor& gates, const Tensor& c_prev, const Tensor& c,
                          const Tensor& dh, Tensor& dc, Tensor& dgates, Tensor& dpeephole) override;
  void gru_reset(const Tensor& h_prev, Tensor& zr, Tensor& reset_hidden) override;
  void gru_update(const Tensor& h_prev, const Tensor& zr, Tensor& n, Tensor& h) override;
  void gru_update_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& n, const Tensor& dh, Tensor& dzr,
                           Tensor& dn, Tensor& dh_prev) override;
  void gru_reset_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& d_reset_hidden, Tensor& dzr,
                          Tensor& dh_prev) override;

  // --- For the op files ---
  engine::Context& context() { return context_; }
  // The tensor's floats in its buffer; throws if the tensor belongs to another backend.
  engine::BufferView view(const Tensor& t) const;
  // The stream an op records into: it runs the batch first if the batch has grown long (outside capture).
  engine::Stream& stream();
  // Records `kernel` (a kernel of shaders/nn_*.comp) over `groups` workgroups of the size for one invocation per item.
  template <class Push>
  void dispatch(const char* kernel, std::initializer_list<engine::Binding> bindings, const Push& push,
                uint32_t groups) {
    engine::Stream& s = stream();
    s.dispatch(kernel_of(kernel, item_local_size_), bindings, push, {groups, 1, 1});
  }
  // The same for kernels whose workgroups sum in shared memory (nn_reduce, nn_bias_gradient, nn_batch_norm).
  template <class Push>
  void dispatch_reduction(const char* kernel, std::initializer_list<engine::Binding> bindings, const Push& push,
                          uint32_t groups) {
    engine::Stream& s = stream();
    s.dispatch(kernel_of(kernel, reduction_local_size_), bindings, push, {groups, 1, 1});
  }
  // Workgroups for one invocation per item, capped (kernels loop over the rest).
  uint32_t groups_for(size_t items) const;
  // Where a view's first float sits in its shader array (pass it in the push constants).
  uint32_t offset_of(const engine::BufferView& v) { return stream_.shader_offset(v); }
  // Temporary floats that live as long as the work recorded with them.
  engine::BufferView scratch(size_t floats);
  // z = op(x, y) elementwise over z (nn_elementwise.comp).
  void elementwise(ElementwiseOp op, const engine::BufferView& x, const engine::BufferView& y,
                   const engine::BufferView& z, float a = 0, float b = 0, uint32_t key = 0, uint32_t inner = 1,
                   uint32_t channels = 1);
  // A row op of nn_rows.comp over a rows x cols matrix.
  void row_op(RowOp op, const engine::BufferView& x, const engine::BufferView& y, const engine::BufferView& z,
              const engine::BufferView& out, uint32_t rows, uint32_t cols, float scale = 1.0f);
  // out[0] = scale * (the sum of x, or of x squared) + beta * out[0] (beta 0 ignores out), in a fixed order.
  void reduce(const engine::BufferView& x, bool square, float scale, float beta, const engine::BufferView& out);

  // A kernel of nn_recurrent.comp over rows x units x inner items, the bindings' offsets passed in order.
  void recurrent_dispatch(const char* kernel, std::initializer_list<engine::Binding> bindings, uint32_t rows,
                          uint32_t units, uint32_t inner, bool peephole);
  // Submits what is recorded and waits for it and for every replay still running.
  void flush();
  // Keeps a buffer of a storage that went until the work that may use it is done, then keeps it for reuse.
  void retire(std::unique_ptr<engine::Buffer> buffer);
  // A buffer of exactly `bytes`: a spare one of that size when there is one, else a new allocation.
  std::unique_ptr<engine::Buffer> take_buffer(size_t bytes);

private:
  class Captured;
  // Submits the recorded work and then `graph`, and returns while the graph runs: the queue keeps their order.
  void run_with(engine::Graph& graph);
  void forget(engine::Graph& graph);  // waits for the graph if it is in flight, and forgets it
  bool in_flight_graph_uses(const engine::Buffer& buffer) const;
  void keep_spare(std::unique_ptr<engine::Buffer> buffer);
  // After the recorded work ran: the scratch arena starts afresh and the held buffers become spares.
  void release_held();
  engine::Kernel& kernel_of(const char* name, uint32_t local_size);
  engine::Buffer& buffer_of(const Tensor& t) const;  // throws if the tensor belongs to another backend

  std::unique_ptr<engine::Context> owned_context_;
  engine::Context& context_;
  engine::Stream stream_;
  uint32_t item_local_size_, reduction_local_size_;  // workgroup sizes for the device, see the constructor
  size_t recorded_ = 0;                              // commands in the stream since it last ran
  std::vector<engine::Graph*> graphs_in_flight_;     // replays still running, in submission order
  bool capturing_ = false;
  // Buffers the recorded work uses that nothing else holds: scratch arenas and storage that went.
  std::vector<std::unique_ptr<engine::Buffer>> held_;
  engine::Buffer* arena_ = nullptr;  // the scratch arena being filled, one of held_
  size_t arena_used_ = 0;            // bytes
  // Buffers no storage uses, by size. Allocating device memory costs far more on a discrete GPU (hundreds of
  // microseconds) than a whole small training step, and a step allocates the same sizes every time.
  std::unordered_map<size_t, std::vector<std::unique_ptr<engine::Buffer>>> spare_;
  size_t spare_bytes_ = 0;
};

}  // namespace vkrl::nn
