// What every backend shares: window arithmetic, shape checks and the default capture (run the ops on each replay).
#include "vkrl/nn/backend.h"

#include "shape_checks.h"
#include "vkrl/error.h"

namespace vkrl::nn {

namespace {

int window_out(int in, int kernel, int stride, int pad, int dilation, const char* axis) {
  if (kernel < 1 || stride < 1 || pad < 0 || dilation < 1)
    throw Error(std::string("window: bad ") + axis + " geometry (kernel " + std::to_string(kernel) + ", stride " +
                std::to_string(stride) + ", padding " + std::to_string(pad) + ", dilation " +
                std::to_string(dilation) + ")");
  const int span = dilation * (kernel - 1) + 1;
  if (in + 2 * pad < span)
    throw Error(std::string("window: a ") + axis + " of " + std::to_string(in) + " with padding " +
                std::to_string(pad) + " is smaller than the window's " + std::to_string(span));
  return (in + 2 * pad - span) / stride + 1;
}

class RerunWork final : public CapturedWork {
public:
  explicit RerunWork(std::function<void()> ops) : ops_(std::move(ops)) {}
  void replay() override { ops_(); }

private:
  std::function<void()> ops_;
};

}  // namespace

int Window2d::out_height(int height) const { return window_out(height, kernel_h, stride_h, pad_h, dilation_h, "height"); }
int Window2d::out_width(int width) const { return window_out(width, kernel_w, stride_w, pad_w, dilation_w, "width"); }

void require_same_size(const char* op, const Tensor& a, const Tensor& b) {
  if (a.size() != b.size())
    throw Error(std::string(op) + ": tensors " + a.shape().to_string() + " and " + b.shape().to_string() +
                " differ in size");
}

size_t channel_inner(const Tensor& y, size_t channels, const char* op) {
  const size_t cols = y.shape().cols();
  if (channels == 0 || cols % channels != 0)
    throw Error(std::string(op) + ": " + std::to_string(channels) + " channels for a tensor " + y.shape().to_string());
  return cols / channels;
}

void require_rows(const char* op, const Tensor& q, const Tensor& per_row) {
  if (per_row.size() != size_t(q.shape().rows()))
    throw Error(std::string(op) + ": " + per_row.shape().to_string() + " does not hold one value per row of " +
                q.shape().to_string());
}

void require_swapped_axes(const Tensor& x, const Tensor& y) {
  const Shape &a = x.shape(), &b = y.shape();
  if (a.rank() < 2 || b.rank() != a.rank() || a[0] != b[1] || a[1] != b[0] || a.size() != b.size())
    throw Error("swap_leading_axes: " + a.to_string() + " cannot become " + b.to_string());
}

namespace {

void require_cell_tensor(const char* op, const CellSize& size, const Tensor& t, int blocks) {
  if (size_t(t.shape().rows()) != size.rows || t.shape().cols() != size.units * size_t(blocks))
    throw Error(std::string(op) + ": " + t.shape().to_string() + " is not " + std::to_string(size.rows) + " x " +
                std::to_string(blocks) + " * " + std::to_string(size.units) + " for the batch's state");
}

}  // namespace

CellSize require_cell_operands(const char* op, const Tensor& state, std::initializer_list<CellOperand> operands) {
  const CellSize size{size_t(state.shape().rows()), state.shape().cols()};
  for (const CellOperand& o : operands) require_cell_tensor(op, size, o.tensor, o.blocks);
  return size;
}

void require_peepholes(const char* op, const CellSize& size, const Tensor& peephole, const Tensor* peephole_gradient) {
  if (!peephole.defined()) return;
  if (peephole.size() != 3 * size.units)
    throw Error(std::string(op) + ": peepholes " + peephole.shape().to_string() + " for " +
                std::to_string(size.units) + " units");
  if (peephole_gradient) require_cell_tensor(op, size, *peephole_gradient, 3);
}

size_t require_embedding(const char* op, const Tensor& indices, const Tensor& table, const Tensor& rows) {
  const Shape& t = table.shape();
  if (t.rank() != 2 || rows.size() != indices.size() * size_t(t[1]))
    throw Error(std::string(op) + ": indices " + indices.shape().to_string() + ", table " + t.to_string() +
                " and rows " + rows.shape().to_string() + " do not fit (rows need a table row per index)");
  return size_t(t[1]);
}

void require_optimizer_operands(const OptimizerRule& rule, const Tensor& step, const Tensor& param, const Tensor& grad,
                                std::span<Tensor> state) {
  require_same_size("optimizer_step", param, grad);
  if (step.size() != size_t(kOptimizerStepValues))
    throw Error("optimizer_step: the step tensor holds " + std::to_string(step.size()) + " values, not " +
                std::to_string(kOptimizerStepValues));
  if (state.size() != size_t(optimizer_state_count(rule)))
    throw Error("optimizer_step: " + std::to_string(state.size()) + " state tensors for a rule that keeps " +
                std::to_string(optimizer_state_count(rule)));
  for (const Tensor& s : state) require_same_size("optimizer_step", param, s);
}

std::unique_ptr<CapturedWork> Backend::capture(std::function<void()> ops) {
  return std::make_unique<RerunWork>(std::move(ops));
}

void Backend::run_independent(const std::function<void()>& first, const std::function<void()>& second) {
  first();
  second();
}

}  // namespace vkrl::nn
