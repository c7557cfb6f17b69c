// Vulkan backend: GEMM (engine::gemm on the tensors' views), bias and softmax over rows.
#include "shape_checks.h"
#include "vkrl/engine/ops.h"
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

void VulkanBackend::gemm(bool trans_a, bool trans_b, double alpha, const Tensor& a, const Tensor& b, double beta,
                         Tensor& c) {
  const size_t a_rows = size_t(a.shape().rows()), a_cols = a.shape().cols();
  const size_t b_rows = size_t(b.shape().rows()), b_cols = b.shape().cols();
  const size_t m = trans_a ? a_cols : a_rows, k = trans_a ? a_rows : a_cols;
  const size_t k2 = trans_b ? b_cols : b_rows, n = trans_b ? b_rows : b_cols;
  if (k != k2 || size_t(c.shape().rows()) != m || c.shape().cols() != n)
    throw Error("gemm: op(A) " + std::to_string(m) + "x" + std::to_string(k) + ", op(B) " + std::to_string(k2) + "x" +
                std::to_string(n) + ", C " + c.shape().to_string());
  if (k == 0) {  // an empty product: C = beta C
    if (beta == 0.0) return fill(c, 0.0);
    return elementwise(ElementwiseOp::axpby, view(c), view(c), view(c), float(beta), 0.0f);
  }
  engine::Gemm g;
  g.a = view(a);
  g.b = view(b);
  g.c = view(c);
  g.m = uint32_t(m);
  g.n = uint32_t(n);
  g.k = uint32_t(k);
  g.trans_a = trans_a;
  g.trans_b = trans_b;
  g.alpha = float(alpha);
  g.beta = float(beta);
  engine::gemm(stream(), g);
}

void VulkanBackend::add_bias(Tensor& y, const Tensor& bias) {
  const size_t inner = channel_inner(y, bias.size(), "add_bias");
  elementwise(ElementwiseOp::add_bias, view(bias), view(y), view(y), 0, 0, 0, uint32_t(inner), uint32_t(bias.size()));
}

void VulkanBackend::bias_gradient(const Tensor& dy, double beta, Tensor& dbias) {
  const size_t inner = channel_inner(dy, dbias.size(), "bias_gradient");
  const engine::BufferView g = view(dy), db = view(dbias);
  struct {
    uint32_t rows, channels, inner, off_dy, off_db;
    float beta;
  } push{uint32_t(dy.shape().rows()), uint32_t(dbias.size()), uint32_t(inner), offset_of(g), offset_of(db),
         float(beta)};
  dispatch_reduction("nn_bias_gradient", {{g, engine::Access::read}, {db, engine::Access::read_write}}, push,
           uint32_t(std::min<size_t>(dbias.size(), 65535)));
}

void VulkanBackend::row_op(RowOp op, const engine::BufferView& x, const engine::BufferView& y,
                           const engine::BufferView& z, const engine::BufferView& out, uint32_t rows, uint32_t cols,
                           float scale) {
  if (rows == 0 || cols == 0) return;
  struct {
    uint32_t rows, cols, off_x, off_y, off_z, off_out, op;
    float scale;
  } push{rows, cols, offset_of(x), offset_of(y), offset_of(z), offset_of(out), uint32_t(op), scale};
  dispatch("nn_rows",
           {{x, engine::Access::read}, {y, engine::Access::read}, {z, engine::Access::write},
            {out, engine::Access::write}},
           push, groups_for(rows));
}

void VulkanBackend::softmax(const Tensor& x, Tensor& y) {
  require_same_size("softmax", x, y);
  row_op(RowOp::softmax, view(x), view(x), view(y), view(y), uint32_t(x.shape().rows()), uint32_t(x.shape().cols()));
}

void VulkanBackend::softmax_backward(const Tensor& y, const Tensor& dy, Tensor& dx) {
  require_same_size("softmax_backward", y, dy);
  require_same_size("softmax_backward", y, dx);
  row_op(RowOp::softmax_backward, view(y), view(dy), view(dx), view(dx), uint32_t(y.shape().rows()),
         uint32_t(y.shape().cols()));
}

}  // namespace vkrl::nn
