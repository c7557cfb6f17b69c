// Residual: a block with a skip connection (He et al. 2016), y = x + inner(x), where inner is a Sequential whose
// output shape must equal its input shape. The backward pass adds the skip's gradient to the inner block's:
// dx = dy + inner.backward(dy). Parameters and buffers are the inner block's, named "<inner index>.<name>".
#pragma once

#include "vkrl/nn/sequential.h"

namespace vkrl::nn {

class Residual final : public Layer {
public:
  explicit Residual(Sequential inner);

  std::string kind() const override { return "Residual"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;
  std::vector<Tensor> params() override { return inner_.params(); }
  std::vector<Tensor> grads() override { return inner_.grads(); }
  std::vector<std::string> param_names() const override;
  std::vector<std::pair<std::string, Tensor>> buffers() override;
  Sequential& inner() { return inner_; }

private:
  Sequential inner_;
  Backend* backend_ = nullptr;
  Tensor output_, input_grad_;
};

}  // namespace vkrl::nn
