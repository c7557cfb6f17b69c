// Softmax as a layer: y = softmax over each row of x (the features of one sample), and dx = y (dy - sum_j dy_j y_j)
// per row. For training with cross-entropy, leave it out and use the loss from logits, which is stabler.
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class SoftmaxLayer final : public Layer {
public:
  std::string kind() const override { return "Softmax"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;

private:
  Backend* backend_ = nullptr;
  Tensor output_, input_grad_;
};

}  // namespace vkrl::nn
