#include "vkrl/nn/layers/conv1d.h"

#include "vkrl/error.h"

namespace vkrl::nn {

namespace {

Window2d window_of(const Conv1dOptions& o) {
  if (o.kernel < 1 || o.stride < 1 || o.dilation < 1 || o.padding < 0)
    throw Error("Conv1D: kernel, stride and dilation must be positive and padding not negative");
  const int span = o.dilation * (o.kernel - 1);
  if (o.same_padding && span % 2 != 0)
    throw Error("Conv1D: \"same\" padding needs an odd kernel extent, got kernel " + std::to_string(o.kernel) +
                " with dilation " + std::to_string(o.dilation));
  return {1, o.kernel, 1, o.stride, 0, o.same_padding ? span / 2 : o.padding, 1, o.dilation};
}

}  // namespace

Conv1D::Conv1D(int filters, Conv1dOptions options)
    : conv_(filters, window_of(options), {.bias = options.bias, .init = options.init, .regularizer = options.regularizer}) {}

Shape Conv1D::as_image(const Shape& sequence) {
  if (sequence.rank() != 3) throw Error("Conv1D: needs an [N, C, L] input, got " + sequence.to_string());
  return {sequence[0], sequence[1], 1, sequence[2]};
}

Shape Conv1D::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  const Shape out = conv_.build(backend, as_image(input), rng);
  return {out[0], out[1], out[3]};
}

const Tensor& Conv1D::forward(const Tensor& x, bool training) {
  input_shape_ = x.shape();
  const Tensor& y = conv_.forward(x.reshaped(as_image(x.shape())), training);
  output_ = y.reshaped({y.shape()[0], y.shape()[1], y.shape()[3]});
  return output_;
}

const Tensor& Conv1D::backward(const Tensor& dy) {
  conv_.set_input_gradient_needed(input_gradient_needed_);
  const Tensor& dx = conv_.backward(dy.reshaped({dy.shape()[0], dy.shape()[1], 1, dy.shape()[2]}));
  input_grad_ = dx.defined() ? dx.reshaped(input_shape_) : Tensor();
  return input_grad_;
}

}  // namespace vkrl::nn
