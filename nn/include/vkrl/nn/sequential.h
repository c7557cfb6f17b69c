// Sequential is a model made of layers applied in order: build() sizes every layer for an input shape from one seed,
// forward() runs them, backward(dloss) runs their backward passes in reverse and returns the gradient with respect to
// the input, and params()/grads() list every layer's tensors in the same order for an optimizer.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class Sequential {
public:
  Sequential& add(std::unique_ptr<Layer> layer);

  Shape build(Backend& backend, const Shape& input, uint64_t seed);  // returns the output shape
  const Tensor& forward(const Tensor& x, bool training);
  const Tensor& backward(const Tensor& dloss);

  std::vector<Tensor> params();
  std::vector<Tensor> grads();
  // Every parameter and buffer as "<layer index>.<name>" (e.g. "0.weight", "2.running_mean"), for checkpoints.
  std::vector<std::pair<std::string, Tensor>> named_tensors();
  const std::vector<std::unique_ptr<Layer>>& layers() const { return layers_; }
  // Each layer's output shape (batch included) from the last build().
  const std::vector<Shape>& output_shapes() const { return output_shapes_; }

private:
  std::vector<std::unique_ptr<Layer>> layers_;
  std::vector<Shape> output_shapes_;
  bool built_ = false;
};

}  // namespace vkrl::nn
