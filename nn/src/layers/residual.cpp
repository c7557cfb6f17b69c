#include "vkrl/nn/layers/residual.h"

#include "vkrl/error.h"

namespace vkrl::nn {

Residual::Residual(Sequential inner) : inner_(std::move(inner)) {}

Shape Residual::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  backend_ = &backend;
  const Shape out = inner_.build(backend, input, rng());
  if (!(out == input))
    throw Error("Residual: the inner block maps " + input.to_string() + " to " + out.to_string() +
                "; the skip needs the same shape");
  return out;
}

const Tensor& Residual::forward(const Tensor& x, bool training) {
  const Tensor& inner = inner_.forward(x, training);
  ensure_shape(output_, *backend_, x.shape());
  backend_->axpby(1.0, x, 1.0, inner, output_);
  return output_;
}

const Tensor& Residual::backward(const Tensor& dy) {
  const Tensor& inner = inner_.backward(dy);
  ensure_shape(input_grad_, *backend_, dy.shape());
  backend_->axpby(1.0, dy, 1.0, inner, input_grad_);
  return input_grad_;
}

std::vector<std::string> Residual::param_names() const {
  std::vector<std::string> names;
  const auto& layers = inner_.layers();
  for (size_t i = 0; i < layers.size(); ++i)
    for (const auto& name : layers[i]->param_names()) names.push_back(std::to_string(i) + "." + name);
  return names;
}

std::vector<std::pair<std::string, Tensor>> Residual::buffers() {
  std::vector<std::pair<std::string, Tensor>> all;
  const auto& layers = inner_.layers();
  for (size_t i = 0; i < layers.size(); ++i)
    for (auto& [name, t] : layers[i]->buffers()) all.emplace_back(std::to_string(i) + "." + name, t);
  return all;
}

}  // namespace vkrl::nn
