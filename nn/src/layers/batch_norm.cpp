#include "vkrl/nn/layers/batch_norm.h"

#include "vkrl/error.h"

namespace vkrl::nn {

BatchNorm::BatchNorm(double momentum, double epsilon) : momentum_(momentum), epsilon_(epsilon) {
  if (!(momentum >= 0.0 && momentum <= 1.0) || !(epsilon > 0.0))
    throw Error("BatchNorm: momentum must be in [0, 1] and epsilon positive");
}

Shape BatchNorm::build(Backend& backend, const Shape& input, std::mt19937_64&) {
  if (input.rank() != 2 && input.rank() != 4)
    throw Error("BatchNorm: needs a [batch, features] or NCHW input, got " + input.to_string());
  backend_ = &backend;
  const Shape channels{input[1]};
  for (Tensor* t : {&gamma_, &beta_, &gamma_grad_, &beta_grad_, &running_mean_, &running_var_, &saved_mean_,
                    &saved_inv_std_})
    *t = Tensor(backend, channels);
  backend.fill(gamma_, 1.0);
  backend.fill(running_var_, 1.0);
  return input;
}

const Tensor& BatchNorm::forward(const Tensor& x, bool training) {
  if (x.shape().rank() < 2 || x.shape()[1] != gamma_.shape()[0])
    throw Error("BatchNorm: input " + x.shape().to_string() + " for " + std::to_string(gamma_.size()) + " channels");
  input_ = x;
  trained_ = training;
  ensure_shape(output_, *backend_, x.shape());
  if (training)
    backend_->batch_norm_train(x, gamma_, beta_, momentum_, epsilon_, running_mean_, running_var_, saved_mean_,
                               saved_inv_std_, output_);
  else
    backend_->batch_norm_inference(x, gamma_, beta_, running_mean_, running_var_, epsilon_, output_);
  return output_;
}

const Tensor& BatchNorm::backward(const Tensor& dy) {
  if (!trained_) throw Error("BatchNorm: backward() needs a training forward pass before it");
  ensure_shape(input_grad_, *backend_, input_.shape());
  backend_->batch_norm_backward(input_, gamma_, saved_mean_, saved_inv_std_, dy, input_grad_, gamma_grad_,
                                beta_grad_);
  return input_grad_;
}

std::vector<std::pair<std::string, Tensor>> BatchNorm::buffers() {
  return {{"running_mean", running_mean_}, {"running_var", running_var_}};
}

}  // namespace vkrl::nn
