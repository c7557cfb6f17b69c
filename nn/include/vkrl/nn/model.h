// Model is a network as agents and experiments use it: a trunk Sequential followed by one or more named heads, each a
// Sequential fed by the trunk's output (dueling Q heads, AlphaZero's policy and value heads). forward() returns every
// head's output in head order; backward() takes every head's gradient, sums them into the gradient of the trunk's
// output (Backend::axpby) and runs the trunk backwards. A plain stack is a trunk with one empty head named "output".
// Parameters are listed trunk first, then head by head; checkpoint names are the trunk's "<layer>.<name>" and
// "<head>.<layer>.<name>" for heads. A model built from a spec (model_spec.h) keeps the spec as JSON text for
// checkpoints, and summary() prints a Keras-like table of layers, output shapes and parameter counts.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "vkrl/nn/sequential.h"

namespace vkrl::nn {

class Model {
public:
  // `input` is one sample's shape (no batch dimension); heads are kept in the order given.
  Model(Shape input, Sequential trunk, std::vector<std::pair<std::string, Sequential>> heads,
        std::string spec_json = "");

  // Sizes every layer for a batch of `batch` samples; later forward passes may use any batch size.
  void build(Backend& backend, int batch, uint64_t seed);
  const std::vector<Tensor>& forward(const Tensor& x, bool training);
  // One gradient per head, in head order and of its output's shape; returns the gradient with respect to the input.
  const Tensor& backward(std::span<const Tensor> head_grads);
  // Stops the first layer from computing the gradient with respect to the model's input (see
  // Layer::set_input_gradient_needed); backward() then returns an empty tensor. For training, where nobody reads it.
  void skip_input_gradient();

  std::vector<Tensor> params();
  std::vector<Tensor> grads();
  std::vector<std::pair<std::string, Tensor>> named_tensors();
  // The checkpoint names of params(), in the same order.
  std::vector<std::string> parameter_names();
  // Every layer, trunk first and then head by head, in params() order (for their regularizers).
  std::vector<Layer*> layers();

  const Shape& input_shape() const { return input_; }
  size_t head_count() const { return heads_.size(); }
  const std::string& head_name(size_t i) const { return heads_[i].first; }
  Sequential& trunk() { return trunk_; }
  Sequential& head(size_t i) { return heads_[i].second; }
  const std::string& spec_json() const { return spec_json_; }
  // The layer table; the model must be built.
  std::string summary() const;

private:
  Shape input_;
  Sequential trunk_;
  std::vector<std::pair<std::string, Sequential>> heads_;
  std::string spec_json_;
  Backend* backend_ = nullptr;
  std::vector<Tensor> outputs_;
  Tensor trunk_grad_;
};

}  // namespace vkrl::nn
