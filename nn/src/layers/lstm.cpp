#include "vkrl/nn/layers/lstm.h"

#include <algorithm>
#include <span>
#include <vector>

namespace vkrl::nn {

LSTM::LSTM(int units, bool return_sequences, bool peephole)
    : RecurrentLayer("LSTM", units, return_sequences), peephole_(peephole) {}

std::vector<Tensor> LSTM::params() {
  if (peephole_) return {weight_, recurrent_weight_, bias_, peephole_weight_};
  return {weight_, recurrent_weight_, bias_};
}

std::vector<Tensor> LSTM::grads() {
  if (peephole_) return {weight_grad_, recurrent_weight_grad_, bias_grad_, peephole_grad_};
  return {weight_grad_, recurrent_weight_grad_, bias_grad_};
}

std::vector<std::string> LSTM::param_names() const {
  if (peephole_) return {"weight", "recurrent_weight", "bias", "peephole"};
  return {"weight", "recurrent_weight", "bias"};
}

void LSTM::build_cell(int features, std::mt19937_64& rng) {
  Backend& b = *backend_;
  const int h = units_;
  weight_ = Tensor(b, {4 * h, features});
  recurrent_weight_ = Tensor(b, {4 * h, h});
  bias_ = Tensor(b, {4 * h});
  weight_grad_ = Tensor(b, weight_.shape());
  recurrent_weight_grad_ = Tensor(b, recurrent_weight_.shape());
  bias_grad_ = Tensor(b, bias_.shape());
  initialize(weight_, Initializer::glorot_uniform, features, 4 * h, rng);
  initialize(recurrent_weight_, Initializer::glorot_uniform, h, 4 * h, rng);
  std::vector<float> bias(size_t(4 * h), 0.0f);
  std::fill(bias.begin() + h, bias.begin() + 2 * h, 1.0f);
  bias_.write(std::span<const float>(bias));
  if (peephole_) {
    peephole_weight_ = Tensor(b, {3 * h});
    peephole_grad_ = Tensor(b, {3 * h});
  }
}

void LSTM::resize_steps() {
  Backend& b = *backend_;
  ensure_shape(gates_, b, {steps_, batch_, 4 * units_});
  ensure_shape(cells_, b, {steps_ + 1, batch_, units_});
  ensure_shape(gate_grads_, b, gates_.shape());
  ensure_shape(cell_grad_, b, {batch_, units_});
  if (peephole_) ensure_shape(peephole_terms_, b, {steps_, batch_, 3 * units_});
}

void LSTM::forward_steps() {
  Backend& b = *backend_;
  Tensor all_gates = flat(gates_);
  b.gemm(false, true, 1.0, flat(inputs_), weight_, 0.0, all_gates);
  b.add_bias(all_gates, bias_);
  for (int t = 0; t < steps_; ++t) {
    Tensor gates = step(gates_, t), cell = step(cells_, t + 1), state = step(states_, t + 1);
    b.gemm(false, true, 1.0, step(states_, t), recurrent_weight_, 1.0, gates);
    b.lstm_cell(peephole_weight_, step(cells_, t), gates, cell, state);
  }
}

void LSTM::backward_steps() {
  Backend& b = *backend_;
  b.fill(cell_grad_, 0.0);
  Tensor no_terms;
  for (int t = steps_ - 1; t >= 0; --t) {
    Tensor gate_grads = step(gate_grads_, t);
    Tensor terms = peephole_ ? step(peephole_terms_, t) : no_terms;
    b.lstm_cell_backward(peephole_weight_, step(gates_, t), step(cells_, t), step(cells_, t + 1),
                         step(state_grads_, t), cell_grad_, gate_grads, terms);
    if (t > 0) {
      Tensor previous = step(state_grads_, t - 1);
      b.gemm(false, false, 1.0, gate_grads, recurrent_weight_, 1.0, previous);
    }
  }
  const Tensor all_grads = flat(gate_grads_);
  b.gemm(true, false, 1.0, all_grads, flat(inputs_), 0.0, weight_grad_);
  b.gemm(true, false, 1.0, all_grads, flat(states_.rows(0, steps_)), 0.0, recurrent_weight_grad_);
  b.bias_gradient(all_grads, 0.0, bias_grad_);
  if (peephole_) b.bias_gradient(flat(peephole_terms_), 0.0, peephole_grad_);
  if (input_gradient_needed_) {
    Tensor input_grads = flat(input_grads_);
    b.gemm(false, false, 1.0, all_grads, weight_, 0.0, input_grads);
  }
}

}  // namespace vkrl::nn
