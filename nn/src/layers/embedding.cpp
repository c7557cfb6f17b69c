#include "vkrl/nn/layers/embedding.h"

#include "vkrl/error.h"

namespace vkrl::nn {

Embedding::Embedding(int vocab, int dim) : vocab_(vocab), dim_(dim) {
  if (vocab < 1 || dim < 1)
    throw Error("Embedding: vocab and dim must be positive, got " + std::to_string(vocab) + " and " +
                std::to_string(dim));
}

Shape Embedding::output_shape(const Shape& input) const {
  if (input.rank() != 2) throw Error("Embedding: needs an [N, T] input of indices, got " + input.to_string());
  return {input[0], input[1], dim_};
}

Shape Embedding::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  backend_ = &backend;
  table_ = Tensor(backend, {vocab_, dim_});
  table_grad_ = Tensor(backend, {vocab_, dim_});
  std::uniform_real_distribution<double> uniform(-0.05, 0.05);
  std::vector<double> values(table_.size());
  for (double& v : values) v = uniform(rng);
  table_.write(std::span<const double>(values));
  return output_shape(input);
}

const Tensor& Embedding::forward(const Tensor& x, bool) {
  input_ = x;
  ensure_shape(output_, *backend_, output_shape(x.shape()));
  backend_->embedding(x, table_, output_);
  return output_;
}

const Tensor& Embedding::backward(const Tensor& dy) {
  backend_->embedding_backward(input_, dy, table_grad_);
  // Indices have no gradient: zeros (new storage is zero-filled, and nothing writes it) keep any layer before this
  // one well defined.
  ensure_shape(input_grad_, *backend_, input_.shape());
  return input_grad_;
}

}  // namespace vkrl::nn
