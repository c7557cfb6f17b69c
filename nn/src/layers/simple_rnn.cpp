#include "vkrl/nn/layers/simple_rnn.h"

namespace vkrl::nn {

SimpleRNN::SimpleRNN(int units, bool return_sequences) : RecurrentLayer("SimpleRNN", units, return_sequences) {}

void SimpleRNN::build_cell(int features, std::mt19937_64& rng) {
  Backend& b = *backend_;
  weight_ = Tensor(b, {units_, features});
  recurrent_weight_ = Tensor(b, {units_, units_});
  bias_ = Tensor(b, {units_});
  weight_grad_ = Tensor(b, weight_.shape());
  recurrent_weight_grad_ = Tensor(b, recurrent_weight_.shape());
  bias_grad_ = Tensor(b, bias_.shape());
  initialize(weight_, Initializer::glorot_uniform, features, units_, rng);
  initialize(recurrent_weight_, Initializer::glorot_uniform, units_, units_, rng);
}

void SimpleRNN::resize_steps() { ensure_shape(pre_activation_grads_, *backend_, {steps_, batch_, units_}); }

void SimpleRNN::forward_steps() {
  Backend& b = *backend_;
  // The input parts go straight into the states of steps 1..T, which each step then completes in place.
  Tensor later_states = flat(states_.rows(1, steps_));
  b.gemm(false, true, 1.0, flat(inputs_), weight_, 0.0, later_states);
  b.add_bias(later_states, bias_);
  for (int t = 0; t < steps_; ++t) {
    Tensor state = step(states_, t + 1);
    b.gemm(false, true, 1.0, step(states_, t), recurrent_weight_, 1.0, state);
    b.activation(Activation::tanh, 0.0, state, state);
  }
}

void SimpleRNN::backward_steps() {
  Backend& b = *backend_;
  for (int t = steps_ - 1; t >= 0; --t) {
    Tensor grads = step(pre_activation_grads_, t);
    b.activation_backward(Activation::tanh, 0.0, step(states_, t + 1), step(state_grads_, t), grads);
    if (t > 0) {
      Tensor previous = step(state_grads_, t - 1);
      b.gemm(false, false, 1.0, grads, recurrent_weight_, 1.0, previous);
    }
  }
  const Tensor all_grads = flat(pre_activation_grads_);
  b.gemm(true, false, 1.0, all_grads, flat(inputs_), 0.0, weight_grad_);
  b.gemm(true, false, 1.0, all_grads, flat(states_.rows(0, steps_)), 0.0, recurrent_weight_grad_);
  b.bias_gradient(all_grads, 0.0, bias_grad_);
  if (input_gradient_needed_) {
    Tensor input_grads = flat(input_grads_);
    b.gemm(false, false, 1.0, all_grads, weight_, 0.0, input_grads);
  }
}

}  // namespace vkrl::nn
