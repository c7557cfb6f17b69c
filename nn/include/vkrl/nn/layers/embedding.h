// Embedding: a trainable table of `vocab` rows of `dim` numbers, looked up by index. The input is [N, T] whole numbers
// stored as floats (token ids in [0, vocab)), the output [N, T, dim], row t of sample n being table[x[n, t]]. Its
// gradient scatter-adds dy into the rows that were looked up (Backend::embedding_backward); the indices have no
// gradient, so backward() returns zeros of the input's shape. An index outside the table is an error on the CPU
// backend and a NaN row on Vulkan. The table starts uniform in [-0.05, 0.05], as Keras's does.
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class Embedding final : public Layer {
public:
  Embedding(int vocab, int dim);

  std::string kind() const override { return "Embedding"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;
  std::vector<Tensor> params() override { return {table_}; }
  std::vector<Tensor> grads() override { return {table_grad_}; }
  std::vector<std::string> param_names() const override { return {"table"}; }

private:
  Shape output_shape(const Shape& input) const;

  int vocab_, dim_;
  Backend* backend_ = nullptr;
  Tensor table_, table_grad_;
  Tensor input_, output_, input_grad_;
};

}  // namespace vkrl::nn
