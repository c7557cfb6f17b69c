// LSTM: the long short-term memory layer of ../shared/REFERENCE.md 9.5 over [N, T, F] sequences (RecurrentLayer),
// gates in the order i, f, g (the candidate cell), o: weight [4H, F], recurrent_weight [4H, H], bias [4H] and, with
// peepholes, peephole [3H] = (P_i, P_f, P_o), where i and f see c_{t-1} and o sees c_t. Per step one GEMM adds
// h_{t-1} U^T to the precomputed input part and one fused lstm_cell op does the rest. Both kernels start
// Glorot-uniform (Keras's fans: F or H in, 4H out), the bias at zero except the forget gate's at 1 (Jozefowicz et al.
// 2015, Keras's unit_forget_bias), the peepholes at zero.
#pragma once

#include "vkrl/nn/layers/recurrent_layer.h"

namespace vkrl::nn {

class LSTM final : public RecurrentLayer {
public:
  LSTM(int units, bool return_sequences, bool peephole = false);

  std::string kind() const override { return "LSTM"; }
  std::vector<Tensor> params() override;
  std::vector<Tensor> grads() override;
  std::vector<std::string> param_names() const override;
  bool peephole() const { return peephole_; }

private:
  void build_cell(int features, std::mt19937_64& rng) override;
  void resize_steps() override;
  void forward_steps() override;
  void backward_steps() override;

  bool peephole_;
  Tensor weight_, recurrent_weight_, bias_, peephole_weight_;
  Tensor weight_grad_, recurrent_weight_grad_, bias_grad_, peephole_grad_;
  Tensor gates_;            // [T, N, 4H]: pre-activations, then the gates' activations
  Tensor cells_;            // [T + 1, N, H]; step 0 is the zero initial cell
  Tensor gate_grads_;       // [T, N, 4H]
  Tensor peephole_terms_;   // [T, N, 3H], per-row terms of the peepholes' gradient
  Tensor cell_grad_;        // [N, H], carried from step to step
};

}  // namespace vkrl::nn
