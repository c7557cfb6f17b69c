#include "vkrl/nn/layers/reshape.h"

#include <memory>

#include "vkrl/error.h"

namespace vkrl::nn {

Reshape::Reshape(std::vector<int> dims) : dims_(std::move(dims)) {
  if (dims_.empty() || dims_.size() > 3) throw Error("Reshape: needs 1 to 3 dims after the batch");
  for (int d : dims_)
    if (d < 1) throw Error("Reshape: dims must be positive, got " + std::to_string(d));
}

std::unique_ptr<Reshape> Reshape::flatten() {
  std::unique_ptr<Reshape> layer(new Reshape());
  layer->flatten_ = true;
  return layer;
}

Shape Reshape::target(const Shape& input) const {
  const int batch = input.rows();
  if (flatten_) return {batch, int(input.cols())};
  size_t size = 1;
  for (int d : dims_) size *= size_t(d);
  if (size != input.cols())
    throw Error("Reshape: " + input.to_string() + " holds " + std::to_string(input.cols()) +
                " values per sample, the target " + std::to_string(size));
  if (dims_.size() == 1) return {batch, dims_[0]};
  if (dims_.size() == 2) return {batch, dims_[0], dims_[1]};
  return {batch, dims_[0], dims_[1], dims_[2]};
}

Shape Reshape::build(Backend&, const Shape& input, std::mt19937_64&) { return target(input); }

const Tensor& Reshape::forward(const Tensor& x, bool) {
  input_shape_ = x.shape();
  output_ = x.reshaped(target(x.shape()));
  return output_;
}

const Tensor& Reshape::backward(const Tensor& dy) {
  input_grad_ = dy.reshaped(input_shape_);
  return input_grad_;
}

}  // namespace vkrl::nn
