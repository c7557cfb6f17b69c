// Vulkan backend: losses and weight penalties. Each kernel writes the gradient and one loss term per element (per row
// for cross-entropy) into scratch, and nn_reduce sums the terms in a fixed order into the one-element loss.
#include <algorithm>

#include "shape_checks.h"
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

namespace {
// The op codes of nn_loss.comp.
enum class LossOp : uint32_t { binary_cross_entropy = 0, mean_squared_error = 1, huber = 2, weight_penalty = 3 };

void elementwise_loss(VulkanBackend& backend, LossOp op, const Tensor& pred, const Tensor& target, float a, float b,
                      float reduce_beta, Tensor& grad, Tensor& loss) {
  const size_t n = pred.size();
  const float scale = op == LossOp::weight_penalty ? 1.0f : 1.0f / float(std::max<size_t>(n, 1));
  const engine::BufferView p = backend.view(pred), t = backend.view(target), d = backend.view(grad);
  const engine::BufferView terms = backend.scratch(n);
  if (n > 0) {
    struct {
      uint32_t n, off_p, off_t, off_d, off_term, op;
      float a, b, scale;
    } push{uint32_t(n), backend.offset_of(p), backend.offset_of(t), backend.offset_of(d), backend.offset_of(terms),
           uint32_t(op), a, b, scale};
    const auto d_access = op == LossOp::weight_penalty ? engine::Access::read_write : engine::Access::write;
    backend.dispatch("nn_loss",
                     {{p, engine::Access::read}, {t, engine::Access::read}, {d, d_access},
                      {terms, engine::Access::write}},
                     push, backend.groups_for(n));
  }
  backend.reduce(engine::BufferView{terms.buffer, terms.offset, n * sizeof(float)}, false, scale, reduce_beta,
                 backend.view(loss));
}
}  // namespace

void VulkanBackend::softmax_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss,
                                          Tensor& dlogits) {
  require_same_size("softmax_cross_entropy", logits, targets);
  require_same_size("softmax_cross_entropy", logits, dlogits);
  const uint32_t rows = uint32_t(logits.shape().rows());
  const float scale = 1.0f / float(std::max(rows, 1u));
  const engine::BufferView terms = scratch(rows);
  row_op(RowOp::softmax_cross_entropy, view(logits), view(targets), view(dlogits), terms, rows,
         uint32_t(logits.shape().cols()), scale);
  reduce(engine::BufferView{terms.buffer, terms.offset, rows * sizeof(float)}, false, scale, 0.0f, view(loss));
}

void VulkanBackend::binary_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss,
                                         Tensor& dlogits) {
  require_same_size("binary_cross_entropy", logits, targets);
  require_same_size("binary_cross_entropy", logits, dlogits);
  elementwise_loss(*this, LossOp::binary_cross_entropy, logits, targets, 0, 0, 0, dlogits, loss);
}

void VulkanBackend::mean_squared_error(const Tensor& pred, const Tensor& target, Tensor& loss, Tensor& dpred) {
  require_same_size("mean_squared_error", pred, target);
  require_same_size("mean_squared_error", pred, dpred);
  elementwise_loss(*this, LossOp::mean_squared_error, pred, target, 0, 0, 0, dpred, loss);
}

void VulkanBackend::huber(const Tensor& pred, const Tensor& target, double delta, Tensor& loss, Tensor& dpred) {
  require_same_size("huber", pred, target);
  require_same_size("huber", pred, dpred);
  if (!(delta > 0)) throw Error("huber: delta must be positive, got " + std::to_string(delta));
  elementwise_loss(*this, LossOp::huber, pred, target, float(delta), 0, 0, dpred, loss);
}

void VulkanBackend::weight_penalty(double l1, double l2, const Tensor& param, Tensor& grad, Tensor& loss) {
  require_same_size("weight_penalty", param, grad);
  elementwise_loss(*this, LossOp::weight_penalty, param, param, float(l1), float(l2), 1.0f, grad, loss);
}

}  // namespace vkrl::nn
