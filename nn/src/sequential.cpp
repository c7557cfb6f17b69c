#include "vkrl/nn/sequential.h"

#include "vkrl/error.h"

namespace vkrl::nn {

Sequential& Sequential::add(std::unique_ptr<Layer> layer) {
  if (built_) throw Error("Sequential: layers are added before build()");
  layers_.push_back(std::move(layer));
  return *this;
}

Shape Sequential::build(Backend& backend, const Shape& input, uint64_t seed) {
  std::mt19937_64 rng(seed);
  Shape shape = input;
  output_shapes_.clear();
  for (size_t i = 0; i < layers_.size(); ++i) {
    // The layer's index and kind say which of several alike layers does not fit.
    try {
      output_shapes_.push_back(shape = layers_[i]->build(backend, shape, rng));
    } catch (const Error& e) {
      throw Error("layer " + std::to_string(i) + " (" + layers_[i]->kind() + "): " + e.what());
    }
  }
  built_ = true;
  return shape;
}

const Tensor& Sequential::forward(const Tensor& x, bool training) {
  if (!built_) throw Error("Sequential: forward() before build()");
  const Tensor* h = &x;
  for (auto& layer : layers_) h = &layer->forward(*h, training);
  return *h;
}

const Tensor& Sequential::backward(const Tensor& dloss) {
  const Tensor* g = &dloss;
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) g = &(*it)->backward(*g);
  return *g;
}

std::vector<Tensor> Sequential::params() {
  std::vector<Tensor> all;
  for (auto& layer : layers_)
    for (auto& p : layer->params()) all.push_back(p);
  return all;
}

std::vector<Tensor> Sequential::grads() {
  std::vector<Tensor> all;
  for (auto& layer : layers_)
    for (auto& g : layer->grads()) all.push_back(g);
  return all;
}

std::vector<std::pair<std::string, Tensor>> Sequential::named_tensors() {
  std::vector<std::pair<std::string, Tensor>> all;
  for (size_t i = 0; i < layers_.size(); ++i) {
    const auto params = layers_[i]->params();
    const auto names = layers_[i]->param_names();
    if (names.size() != params.size())
      throw Error("Sequential: layer " + std::to_string(i) + " (" + layers_[i]->kind() + ") names " +
                  std::to_string(names.size()) + " of its " + std::to_string(params.size()) + " parameters");
    for (size_t j = 0; j < params.size(); ++j) all.emplace_back(std::to_string(i) + "." + names[j], params[j]);
    for (auto& [name, t] : layers_[i]->buffers()) all.emplace_back(std::to_string(i) + "." + name, t);
  }
  return all;
}

}  // namespace vkrl::nn
