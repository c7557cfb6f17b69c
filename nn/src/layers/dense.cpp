#include "vkrl/nn/layers/dense.h"

#include "vkrl/error.h"

namespace vkrl::nn {

Dense::Dense(int units, DenseOptions options) : units_(units), options_(options) {
  if (units < 1) throw Error("Dense: units must be positive, got " + std::to_string(units));
}

Shape Dense::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  if (input.rank() != 2) throw Error("Dense: needs a [batch, features] input, got " + input.to_string());
  backend_ = &backend;
  const int in = input[1];
  weight_ = Tensor(backend, {in, units_});
  bias_ = Tensor(backend, {units_});
  weight_grad_ = Tensor(backend, {in, units_});
  bias_grad_ = Tensor(backend, {units_});
  initialize(weight_, options_.init, in, units_, rng);
  return {input[0], units_};
}

const Tensor& Dense::forward(const Tensor& x, bool) {
  if (x.shape().rank() != 2 || x.shape()[1] != weight_.shape()[0])
    throw Error("Dense: input " + x.shape().to_string() + " for weights " + weight_.shape().to_string());
  input_ = x;
  ensure_shape(output_, *backend_, {x.shape()[0], units_});
  backend_->gemm(false, false, 1.0, x, weight_, 0.0, output_);
  backend_->add_bias(output_, bias_);
  return output_;
}

const Tensor& Dense::backward(const Tensor& dy) {
  backend_->gemm(true, false, 1.0, input_, dy, 0.0, weight_grad_);
  backend_->bias_gradient(dy, 0.0, bias_grad_);
  if (!input_gradient_needed_) return no_input_grad_;
  ensure_shape(input_grad_, *backend_, input_.shape());
  backend_->gemm(false, true, 1.0, dy, weight_, 0.0, input_grad_);
  return input_grad_;
}

}  // namespace vkrl::nn
