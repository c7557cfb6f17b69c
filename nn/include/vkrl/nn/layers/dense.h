// Dense: y = x W + b for x of [batch, in], W of [in, units] (Keras's layout) and b of [units]. Gradients:
// dW = x^T dy, db = the column sums of dy, dx = dy W^T. Weights start Glorot-uniform unless another initializer is
// chosen (initializer.h), drawn on the host from the model's seed so that every backend starts from the same numbers;
// biases start at zero. An optional L1/L2 regularizer on W is read by the trainer through regularizer().
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

struct DenseOptions {
  Initializer init = Initializer::glorot_uniform;
  Regularizer regularizer;
};

class Dense final : public Layer {
public:
  explicit Dense(int units, DenseOptions options = {});

  std::string kind() const override { return "Dense"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;
  std::vector<Tensor> params() override { return {weight_, bias_}; }
  std::vector<Tensor> grads() override { return {weight_grad_, bias_grad_}; }
  std::vector<std::string> param_names() const override { return {"weight", "bias"}; }
  Regularizer regularizer() const override { return options_.regularizer; }

private:
  int units_;
  DenseOptions options_;
  Backend* backend_ = nullptr;
  Tensor weight_, bias_, weight_grad_, bias_grad_;
  Tensor input_, output_, input_grad_;
  const Tensor no_input_grad_;  // what backward() returns when the input gradient is not needed
};

}  // namespace vkrl::nn
