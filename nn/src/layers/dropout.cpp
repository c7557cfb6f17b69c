#include "vkrl/nn/layers/dropout.h"

#include "vkrl/error.h"
#include "vkrl/splitmix64.h"

namespace vkrl::nn {

Dropout::Dropout(double rate) : rate_(rate) {
  if (!(rate >= 0.0 && rate < 1.0)) throw Error("Dropout: rate must be in [0, 1), got " + std::to_string(rate));
}

Shape Dropout::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  backend_ = &backend;
  seed_ = rng();
  return input;
}

const Tensor& Dropout::forward(const Tensor& x, bool training) {
  dropped_ = training && rate_ > 0.0;
  if (!dropped_) return x;
  ensure_shape(mask_, *backend_, x.shape());
  ensure_shape(output_, *backend_, x.shape());
  backend_->dropout_mask(uint32_t(splitmix64(seed_ ^ splitmix64(calls_++))), rate_, mask_);
  backend_->multiply(x, mask_, output_);
  return output_;
}

const Tensor& Dropout::backward(const Tensor& dy) {
  if (!dropped_) return dy;
  ensure_shape(input_grad_, *backend_, dy.shape());
  backend_->multiply(dy, mask_, input_grad_);
  return input_grad_;
}

}  // namespace vkrl::nn
