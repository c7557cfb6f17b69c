// GRU: the gated recurrent unit of ../shared/REFERENCE.md 9.5 over [N, T, F] sequences (RecurrentLayer), with the
// reset gate applied to h_{t-1} before U_n and h_t = (1 - z) h_{t-1} + z n (z weighs the new candidate; PyTorch and
// Keras weigh h_{t-1} by z, the same model with z negated). Gates in the order z, r, n: weight [3H, F],
// recurrent_weight [3H, H], bias [3H]. Per step: one GEMM for the z and r blocks, the fused gru_reset, one GEMM by
// U_n over r h_{t-1}, the fused gru_update. Kernels start Glorot-uniform, the bias at zero.
#pragma once

#include "vkrl/nn/layers/recurrent_layer.h"

namespace vkrl::nn {

class GRU final : public RecurrentLayer {
public:
  GRU(int units, bool return_sequences);

  std::string kind() const override { return "GRU"; }
  std::vector<Tensor> params() override { return {weight_, recurrent_weight_, bias_}; }
  std::vector<Tensor> grads() override { return {weight_grad_, recurrent_weight_grad_, bias_grad_}; }
  std::vector<std::string> param_names() const override { return {"weight", "recurrent_weight", "bias"}; }

private:
  void build_cell(int features, std::mt19937_64& rng) override;
  void resize_steps() override;
  void forward_steps() override;
  void backward_steps() override;

  // The z and r blocks (rows [0, 2H)) and the n block (rows [2H, 3H)) of a [3H, ...] tensor.
  Tensor update_reset_block(const Tensor& t) const { return t.rows(0, 2 * units_); }
  Tensor candidate_block(const Tensor& t) const { return t.rows(2 * units_, units_); }

  Tensor weight_, recurrent_weight_, bias_;
  Tensor weight_grad_, recurrent_weight_grad_, bias_grad_;
  Tensor update_reset_;         // [T, N, 2H]: z and r, pre-activations then activations
  Tensor candidates_;           // [T, N, H]: n, likewise
  Tensor reset_hidden_;         // [T, N, H]: r h_{t-1}
  Tensor update_reset_grads_;   // [T, N, 2H]
  Tensor candidate_grads_;      // [T, N, H]
  Tensor reset_hidden_grad_;    // [N, H]
  Tensor initial_state_grad_;   // [N, H]: where the gradient reaching the zero initial state goes
};

}  // namespace vkrl::nn
