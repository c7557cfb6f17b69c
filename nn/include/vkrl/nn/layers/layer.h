// Layer is one stage of a model: build() sizes its parameters for an input shape (the batch included) and returns
// the output shape; forward() computes the output, which the layer keeps; backward(dy) computes the gradients of the
// loss with respect to its parameters (overwriting grads()) and returns the gradient with respect to its input. A
// layer holds its outputs and gradients as tensors reallocated only when the batch size changes, so a training step
// allocates nothing. Every layer's backward pass is checked by finite differences (tests/nn/gradcheck_test.cpp).
#pragma once

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "vkrl/nn/backend.h"
#include "vkrl/nn/layers/initializer.h"

namespace vkrl::nn {

class Layer {
public:
  virtual ~Layer() = default;
  virtual std::string kind() const = 0;  // "Dense", "ReLU", ...

  virtual Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) = 0;
  virtual const Tensor& forward(const Tensor& x, bool training) = 0;
  virtual const Tensor& backward(const Tensor& dy) = 0;

  virtual std::vector<Tensor> params() { return {}; }
  virtual std::vector<Tensor> grads() { return {}; }
  // Names of params(), in the same order ("weight", "bias"); checkpoints store each as "<layer index>.<name>".
  virtual std::vector<std::string> param_names() const { return {}; }
  // State that is saved and restored but not trained (BatchNorm's running statistics), with names.
  virtual std::vector<std::pair<std::string, Tensor>> buffers() { return {}; }
  // The L1/L2 penalty on the layer's kernel, params()[0], that the trainer adds to the loss; none by default.
  virtual Regularizer regularizer() const { return {}; }

  // A model's first layer need not compute the gradient with respect to the model's input, which nobody reads (a
  // whole conv backward pass per DQN update); layers with weights then skip it and backward() returns an empty
  // tensor. Layers without weights always compute it.
  void set_input_gradient_needed(bool needed) { input_gradient_needed_ = needed; }

protected:
  bool input_gradient_needed_ = true;
};

// `t` holding `shape` on `backend`: reallocated only when the shape differs (a new batch size).
void ensure_shape(Tensor& t, Backend& backend, const Shape& shape);

}  // namespace vkrl::nn
