// Reshape and Flatten: the same numbers seen with another shape, batch dimension kept. Both are views (no copy in
// either direction); Flatten gives [batch, everything else], Reshape the given dims after the batch.
#pragma once

#include <vector>

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class Reshape final : public Layer {
public:
  explicit Reshape(std::vector<int> dims);  // the target without the batch dimension, 1 to 3 positive dims
  static std::unique_ptr<Reshape> flatten();

  std::string kind() const override { return flatten_ ? "Flatten" : "Reshape"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;

private:
  Reshape() = default;
  Shape target(const Shape& input) const;

  std::vector<int> dims_;
  bool flatten_ = false;
  Shape input_shape_;
  Tensor output_, input_grad_;
};

}  // namespace vkrl::nn
