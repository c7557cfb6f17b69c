// BatchNorm (Ioffe and Szegedy 2015) per channel: over the features of [N, C] inputs, or over the channels of NCHW
// images (statistics over N, H and W). Training normalises with the batch's mean and biased variance and updates the
// running statistics as running = momentum running + (1 - momentum) batch; inference uses the running statistics.
// Keras's defaults: momentum 0.99, epsilon 1e-3; gamma starts at 1, beta at 0, the running mean at 0 and the running
// variance at 1. Parameters "gamma" and "beta"; buffers "running_mean" and "running_var".
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class BatchNorm final : public Layer {
public:
  explicit BatchNorm(double momentum = 0.99, double epsilon = 1e-3);

  std::string kind() const override { return "BatchNorm"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;  // after a training forward pass
  std::vector<Tensor> params() override { return {gamma_, beta_}; }
  std::vector<Tensor> grads() override { return {gamma_grad_, beta_grad_}; }
  std::vector<std::string> param_names() const override { return {"gamma", "beta"}; }
  std::vector<std::pair<std::string, Tensor>> buffers() override;

private:
  double momentum_, epsilon_;
  bool trained_ = false;  // whether the last forward pass was a training one
  Backend* backend_ = nullptr;
  Tensor gamma_, beta_, gamma_grad_, beta_grad_, running_mean_, running_var_, saved_mean_, saved_inv_std_;
  Tensor input_, output_, input_grad_;
};

}  // namespace vkrl::nn
