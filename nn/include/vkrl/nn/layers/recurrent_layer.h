// RecurrentLayer: what LSTM, GRU and SimpleRNN share. The input is a batch of sequences [N, T, F] (batch first); the
// output is every step's hidden state [N, T, H] with return_sequences, else the last one [N, H], so that recurrent
// layers stack. Inside, sequences are kept time-major ([T, N, ...], one swap_leading_axes at each end) so that step t
// is a contiguous block: a cell computes every step's input part of its gates with one GEMM, then per step one GEMM
// for the recurrent part and one fused cell op, and the backward pass (full backpropagation through time) mirrors it
// and sums the weight gradients over all steps with one GEMM each. The state starts at zero for every sequence.
// Weights use PyTorch's layout, one row per gate unit: kernel [G H, F] and recurrent kernel [G H, H] for G gate
// blocks, so that each block is a contiguous row range.
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class RecurrentLayer : public Layer {
public:
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) final;
  const Tensor& forward(const Tensor& x, bool training) final;
  const Tensor& backward(const Tensor& dy) final;

  int units() const { return units_; }
  bool return_sequences() const { return return_sequences_; }

protected:
  RecurrentLayer(const char* kind, int units, bool return_sequences);

  // Creates the weights for `features` inputs per step.
  virtual void build_cell(int features, std::mt19937_64& rng) = 0;
  // Sizes the cell's own per-step buffers for the current batch and steps (called when either changes).
  virtual void resize_steps() = 0;
  // From inputs_, fills states_[1..T].
  virtual void forward_steps() = 0;
  // From state_grads_ (the output's gradient per step; the cell may add to it in place), writes grads() and, when
  // input_gradient_needed_, input_grads_.
  virtual void backward_steps() = 0;

  // Views of time-major tensors: step t of a [T, N, X] tensor as [N, X], and all of it as [T N, X].
  Tensor step(const Tensor& sequence, int t) const;
  Tensor flat(const Tensor& sequence) const;

  Backend* backend_ = nullptr;
  int units_, features_ = 0, batch_ = 0, steps_ = 0;
  Tensor inputs_;       // [T, N, F]
  Tensor states_;       // [T + 1, N, H]; step 0 is the zero initial state, step t + 1 the state after input t
  Tensor state_grads_;  // [T, N, H]
  Tensor input_grads_;  // [T, N, F]

private:
  const char* kind_;
  bool return_sequences_;
  Tensor output_, input_grad_;
  const Tensor no_input_grad_;
};

}  // namespace vkrl::nn
