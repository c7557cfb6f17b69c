#include "vkrl/nn/layers/conv_transpose2d.h"

#include "vkrl/error.h"

namespace vkrl::nn {

ConvTranspose2D::ConvTranspose2D(int filters, ConvTranspose2dOptions options) : filters_(filters), options_(options) {
  if (filters < 1) throw Error("ConvTranspose2D: filters must be positive, got " + std::to_string(filters));
  const auto& o = options_;
  if (o.kernel_h < 1 || o.kernel_w < 1 || o.stride_h < 1 || o.stride_w < 1 || o.dilation_h < 1 ||
      o.dilation_w < 1 || o.padding_h < 0 || o.padding_w < 0)
    throw Error("ConvTranspose2D: kernel, stride and dilation must be positive and padding not negative");
  // A larger output padding would give an output that the transposed convolution does not map back to the input.
  if (o.output_padding_h < 0 || o.output_padding_w < 0 || o.output_padding_h >= o.stride_h ||
      o.output_padding_w >= o.stride_w)
    throw Error("ConvTranspose2D: output padding must be at least 0 and less than the stride, got " +
                std::to_string(o.output_padding_h) + "x" + std::to_string(o.output_padding_w) + " for stride " +
                std::to_string(o.stride_h) + "x" + std::to_string(o.stride_w));
  window_ = {o.kernel_h, o.kernel_w, o.stride_h, o.stride_w, o.padding_h, o.padding_w, o.dilation_h, o.dilation_w};
}

Shape ConvTranspose2D::output_shape(const Shape& input) const {
  const auto& o = options_;
  const int h = (input[2] - 1) * o.stride_h - 2 * o.padding_h + o.dilation_h * (o.kernel_h - 1) + 1 + o.output_padding_h;
  const int w = (input[3] - 1) * o.stride_w - 2 * o.padding_w + o.dilation_w * (o.kernel_w - 1) + 1 + o.output_padding_w;
  if (h < 1 || w < 1)
    throw Error("ConvTranspose2D: input " + input.to_string() + " gives an empty output (" + std::to_string(h) + "x" +
                std::to_string(w) + "); the padding is too large");
  return {input[0], filters_, h, w};
}

Shape ConvTranspose2D::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  if (input.rank() != 4) throw Error("ConvTranspose2D: needs an NCHW input, got " + input.to_string());
  backend_ = &backend;
  const int channels = input[1];
  const Shape w{channels, filters_, window_.kernel_h, window_.kernel_w};
  weight_ = Tensor(backend, w);
  weight_grad_ = Tensor(backend, w);
  if (options_.bias) {
    bias_ = Tensor(backend, {filters_});
    bias_grad_ = Tensor(backend, {filters_});
  }
  const int area = window_.kernel_h * window_.kernel_w;
  initialize(weight_, options_.init, channels * area, filters_ * area, rng);
  return output_shape(input);
}

const Tensor& ConvTranspose2D::forward(const Tensor& x, bool) {
  const Shape& s = x.shape();
  if (s.rank() != 4 || s[1] != weight_.shape()[0])
    throw Error("ConvTranspose2D: input " + s.to_string() + " for weights " + weight_.shape().to_string());
  input_ = x;
  ensure_shape(output_, *backend_, output_shape(s));
  backend_->conv2d_backward_input(window_, x, weight_, output_);
  if (options_.bias) backend_->add_bias(output_, bias_);
  return output_;
}

const Tensor& ConvTranspose2D::backward(const Tensor& dy) {
  // The transposed convolution's filter gradient is the convolution's, with its input (dy here) and output gradient
  // (x here) in their places.
  backend_->conv2d_backward_filter(window_, dy, input_, 0.0, weight_grad_);
  if (options_.bias) backend_->bias_gradient(dy, 0.0, bias_grad_);
  if (!input_gradient_needed_) return no_input_grad_;
  ensure_shape(input_grad_, *backend_, input_.shape());
  backend_->conv2d(window_, dy, weight_, input_grad_);
  return input_grad_;
}

std::vector<Tensor> ConvTranspose2D::params() {
  if (options_.bias) return {weight_, bias_};
  return {weight_};
}

std::vector<Tensor> ConvTranspose2D::grads() {
  if (options_.bias) return {weight_grad_, bias_grad_};
  return {weight_grad_};
}

std::vector<std::string> ConvTranspose2D::param_names() const {
  if (options_.bias) return {"weight", "bias"};
  return {"weight"};
}

}  // namespace vkrl::nn
