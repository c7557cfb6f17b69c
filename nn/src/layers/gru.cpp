#include "vkrl/nn/layers/gru.h"

namespace vkrl::nn {

GRU::GRU(int units, bool return_sequences) : RecurrentLayer("GRU", units, return_sequences) {}

void GRU::build_cell(int features, std::mt19937_64& rng) {
  Backend& b = *backend_;
  const int h = units_;
  weight_ = Tensor(b, {3 * h, features});
  recurrent_weight_ = Tensor(b, {3 * h, h});
  bias_ = Tensor(b, {3 * h});
  weight_grad_ = Tensor(b, weight_.shape());
  recurrent_weight_grad_ = Tensor(b, recurrent_weight_.shape());
  bias_grad_ = Tensor(b, bias_.shape());
  initialize(weight_, Initializer::glorot_uniform, features, 3 * h, rng);
  initialize(recurrent_weight_, Initializer::glorot_uniform, h, 3 * h, rng);
}

void GRU::resize_steps() {
  Backend& b = *backend_;
  ensure_shape(update_reset_, b, {steps_, batch_, 2 * units_});
  ensure_shape(candidates_, b, {steps_, batch_, units_});
  ensure_shape(reset_hidden_, b, {steps_, batch_, units_});
  ensure_shape(update_reset_grads_, b, update_reset_.shape());
  ensure_shape(candidate_grads_, b, candidates_.shape());
  ensure_shape(reset_hidden_grad_, b, {batch_, units_});
  ensure_shape(initial_state_grad_, b, {batch_, units_});
}

void GRU::forward_steps() {
  Backend& b = *backend_;
  const Tensor x = flat(inputs_);
  Tensor all_zr = flat(update_reset_), all_n = flat(candidates_);
  b.gemm(false, true, 1.0, x, update_reset_block(weight_), 0.0, all_zr);
  b.add_bias(all_zr, update_reset_block(bias_));
  b.gemm(false, true, 1.0, x, candidate_block(weight_), 0.0, all_n);
  b.add_bias(all_n, candidate_block(bias_));
  const Tensor u_zr = update_reset_block(recurrent_weight_), u_n = candidate_block(recurrent_weight_);
  for (int t = 0; t < steps_; ++t) {
    const Tensor previous = step(states_, t);
    Tensor zr = step(update_reset_, t), n = step(candidates_, t), rh = step(reset_hidden_, t);
    Tensor state = step(states_, t + 1);
    b.gemm(false, true, 1.0, previous, u_zr, 1.0, zr);
    b.gru_reset(previous, zr, rh);
    b.gemm(false, true, 1.0, rh, u_n, 1.0, n);
    b.gru_update(previous, zr, n, state);
  }
}

void GRU::backward_steps() {
  Backend& b = *backend_;
  const Tensor u_zr = update_reset_block(recurrent_weight_), u_n = candidate_block(recurrent_weight_);
  b.fill(initial_state_grad_, 0.0);
  for (int t = steps_ - 1; t >= 0; --t) {
    const Tensor previous = step(states_, t), zr = step(update_reset_, t);
    Tensor dzr = step(update_reset_grads_, t), dn = step(candidate_grads_, t);
    Tensor dprevious = t > 0 ? step(state_grads_, t - 1) : initial_state_grad_;
    b.gru_update_backward(previous, zr, step(candidates_, t), step(state_grads_, t), dzr, dn, dprevious);
    b.gemm(false, false, 1.0, dn, u_n, 0.0, reset_hidden_grad_);
    b.gru_reset_backward(previous, zr, reset_hidden_grad_, dzr, dprevious);
    if (t > 0) b.gemm(false, false, 1.0, dzr, u_zr, 1.0, dprevious);
  }
  const Tensor all_dzr = flat(update_reset_grads_), all_dn = flat(candidate_grads_), x = flat(inputs_);
  Tensor dw_zr = update_reset_block(weight_grad_), dw_n = candidate_block(weight_grad_);
  Tensor du_zr = update_reset_block(recurrent_weight_grad_), du_n = candidate_block(recurrent_weight_grad_);
  Tensor db_zr = update_reset_block(bias_grad_), db_n = candidate_block(bias_grad_);
  b.gemm(true, false, 1.0, all_dzr, x, 0.0, dw_zr);
  b.gemm(true, false, 1.0, all_dn, x, 0.0, dw_n);
  b.gemm(true, false, 1.0, all_dzr, flat(states_.rows(0, steps_)), 0.0, du_zr);
  b.gemm(true, false, 1.0, all_dn, flat(reset_hidden_), 0.0, du_n);
  b.bias_gradient(all_dzr, 0.0, db_zr);
  b.bias_gradient(all_dn, 0.0, db_n);
  if (input_gradient_needed_) {
    Tensor input_grads = flat(input_grads_);
    b.gemm(false, false, 1.0, all_dzr, update_reset_block(weight_), 0.0, input_grads);
    b.gemm(false, false, 1.0, all_dn, candidate_block(weight_), 1.0, input_grads);
  }
}

}  // namespace vkrl::nn
