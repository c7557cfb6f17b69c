#include "vkrl/nn/layers/conv2d.h"

#include "vkrl/error.h"

namespace vkrl::nn {

namespace {

Window2d window_of(const Conv2dOptions& o) {
  if (o.kernel_h < 1 || o.kernel_w < 1 || o.stride_h < 1 || o.stride_w < 1 || o.dilation_h < 1 ||
      o.dilation_w < 1 || o.padding < 0)
    throw Error("Conv2D: kernel, stride and dilation must be positive and padding not negative");
  const int span_h = o.dilation_h * (o.kernel_h - 1), span_w = o.dilation_w * (o.kernel_w - 1);
  // "same" pads symmetrically, which keeps ceil(size / stride) cells only for a window of odd extent.
  if (o.same_padding && (span_h % 2 != 0 || span_w % 2 != 0))
    throw Error("Conv2D: \"same\" padding needs an odd kernel extent, got " + std::to_string(o.kernel_h) + "x" +
                std::to_string(o.kernel_w));
  return {o.kernel_h, o.kernel_w, o.stride_h, o.stride_w, o.same_padding ? span_h / 2 : o.padding,
          o.same_padding ? span_w / 2 : o.padding, o.dilation_h, o.dilation_w};
}

}  // namespace

Conv2D::Conv2D(int filters, Conv2dOptions options) : Conv2D(filters, window_of(options), options) {}

Conv2D::Conv2D(int filters, const Window2d& window, Conv2dOptions options)
    : filters_(filters), options_(options), window_(window) {
  if (filters < 1) throw Error("Conv2D: filters must be positive, got " + std::to_string(filters));
}

Shape Conv2D::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  if (input.rank() != 4) throw Error("Conv2D: needs an NCHW input, got " + input.to_string());
  backend_ = &backend;
  const int channels = input[1];
  const Shape w{filters_, channels, window_.kernel_h, window_.kernel_w};
  weight_ = Tensor(backend, w);
  weight_grad_ = Tensor(backend, w);
  if (options_.bias) {
    bias_ = Tensor(backend, {filters_});
    bias_grad_ = Tensor(backend, {filters_});
  }
  const int area = window_.kernel_h * window_.kernel_w;
  initialize(weight_, options_.init, channels * area, filters_ * area, rng);
  return {input[0], filters_, window_.out_height(input[2]), window_.out_width(input[3])};
}

const Tensor& Conv2D::forward(const Tensor& x, bool) {
  const Shape& s = x.shape();
  if (s.rank() != 4 || s[1] != weight_.shape()[1])
    throw Error("Conv2D: input " + s.to_string() + " for weights " + weight_.shape().to_string());
  input_ = x;
  ensure_shape(output_, *backend_, {s[0], filters_, window_.out_height(s[2]), window_.out_width(s[3])});
  backend_->conv2d(window_, x, weight_, output_);
  if (options_.bias) backend_->add_bias(output_, bias_);
  return output_;
}

const Tensor& Conv2D::backward(const Tensor& dy) {
  backend_->conv2d_backward_filter(window_, input_, dy, 0.0, weight_grad_);
  if (options_.bias) backend_->bias_gradient(dy, 0.0, bias_grad_);
  if (!input_gradient_needed_) return no_input_grad_;
  ensure_shape(input_grad_, *backend_, input_.shape());
  backend_->conv2d_backward_input(window_, dy, weight_, input_grad_);
  return input_grad_;
}

std::vector<Tensor> Conv2D::params() {
  if (options_.bias) return {weight_, bias_};
  return {weight_};
}

std::vector<Tensor> Conv2D::grads() {
  if (options_.bias) return {weight_grad_, bias_grad_};
  return {weight_grad_};
}

std::vector<std::string> Conv2D::param_names() const {
  if (options_.bias) return {"weight", "bias"};
  return {"weight"};
}

}  // namespace vkrl::nn
