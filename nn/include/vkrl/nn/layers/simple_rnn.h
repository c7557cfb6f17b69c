// SimpleRNN: the Elman recurrent layer h_t = tanh(W x_t + U h_{t-1} + b) over [N, T, F] sequences (RecurrentLayer):
// weight [H, F], recurrent_weight [H, H], bias [H]. Per step one GEMM adds h_{t-1} U^T and the tanh runs in place
// (the backend's activation op is the fused cell). Kernels start Glorot-uniform, the bias at zero.
#pragma once

#include "vkrl/nn/layers/recurrent_layer.h"

namespace vkrl::nn {

class SimpleRNN final : public RecurrentLayer {
public:
  SimpleRNN(int units, bool return_sequences);

  std::string kind() const override { return "SimpleRNN"; }
  std::vector<Tensor> params() override { return {weight_, recurrent_weight_, bias_}; }
  std::vector<Tensor> grads() override { return {weight_grad_, recurrent_weight_grad_, bias_grad_}; }
  std::vector<std::string> param_names() const override { return {"weight", "recurrent_weight", "bias"}; }

private:
  void build_cell(int features, std::mt19937_64& rng) override;
  void resize_steps() override;
  void forward_steps() override;
  void backward_steps() override;

  Tensor weight_, recurrent_weight_, bias_;
  Tensor weight_grad_, recurrent_weight_grad_, bias_grad_;
  Tensor pre_activation_grads_;  // [T, N, H]
};

}  // namespace vkrl::nn
