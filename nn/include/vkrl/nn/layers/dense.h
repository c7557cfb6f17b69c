// Dense: y = x W + b for x of [batch, in], W of [in, units] (Keras's layout) and b of [units]. Gradients:
// dW = x^T dy, db = the column sums of dy, dx = dy W^T. Weights start Glorot-uniform (Glorot and Bengio 2010: limit
// sqrt(6 / (in + units))), drawn on the host from the model's seed so that every backend starts from the same
// numbers; biases start at zero.
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class Dense final : public Layer {
public:
  explicit Dense(int units);

  std::string kind() const override { return "Dense"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;
  std::vector<Tensor> params() override { return {weight_, bias_}; }
  std::vector<Tensor> grads() override { return {weight_grad_, bias_grad_}; }
  std::vector<std::string> param_names() const override { return {"weight", "bias"}; }

private:
  int units_;
  Backend* backend_ = nullptr;
  Tensor weight_, bias_, weight_grad_, bias_grad_;
  Tensor input_, output_, input_grad_;
};

}  // namespace vkrl::nn
