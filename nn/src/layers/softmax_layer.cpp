#include "vkrl/nn/layers/softmax_layer.h"

namespace vkrl::nn {

Shape SoftmaxLayer::build(Backend& backend, const Shape& input, std::mt19937_64&) {
  backend_ = &backend;
  return input;
}

const Tensor& SoftmaxLayer::forward(const Tensor& x, bool) {
  ensure_shape(output_, *backend_, x.shape());
  backend_->softmax(x, output_);
  return output_;
}

const Tensor& SoftmaxLayer::backward(const Tensor& dy) {
  ensure_shape(input_grad_, *backend_, dy.shape());
  backend_->softmax_backward(output_, dy, input_grad_);
  return input_grad_;
}

}  // namespace vkrl::nn
