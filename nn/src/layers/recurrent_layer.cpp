#include "vkrl/nn/layers/recurrent_layer.h"

#include "vkrl/error.h"

namespace vkrl::nn {

RecurrentLayer::RecurrentLayer(const char* kind, int units, bool return_sequences)
    : units_(units), kind_(kind), return_sequences_(return_sequences) {
  if (units < 1) throw Error(std::string(kind) + ": units must be positive, got " + std::to_string(units));
}

Shape RecurrentLayer::build(Backend& backend, const Shape& input, std::mt19937_64& rng) {
  if (input.rank() != 3) throw Error(std::string(kind_) + ": needs a [batch, steps, features] input, got " + input.to_string());
  backend_ = &backend;
  features_ = input[2];
  batch_ = steps_ = 0;
  build_cell(features_, rng);
  return return_sequences_ ? Shape{input[0], input[1], units_} : Shape{input[0], units_};
}

Tensor RecurrentLayer::step(const Tensor& sequence, int t) const {
  const Shape& s = sequence.shape();
  return sequence.rows(t, 1).reshaped({s[1], s[2]});
}

Tensor RecurrentLayer::flat(const Tensor& sequence) const {
  const Shape& s = sequence.shape();
  return sequence.reshaped({s[0] * s[1], s[2]});
}

const Tensor& RecurrentLayer::forward(const Tensor& x, bool) {
  const Shape& s = x.shape();
  if (s.rank() != 3 || s[2] != features_ || s[1] < 1)
    throw Error(std::string(kind_) + ": input " + s.to_string() + " for " + std::to_string(features_) +
                " features per step");
  if (s[0] != batch_ || s[1] != steps_) {
    batch_ = s[0];
    steps_ = s[1];
    ensure_shape(inputs_, *backend_, {steps_, batch_, features_});
    ensure_shape(states_, *backend_, {steps_ + 1, batch_, units_});
    ensure_shape(state_grads_, *backend_, {steps_, batch_, units_});
    resize_steps();
  }
  backend_->swap_leading_axes(x, inputs_);
  forward_steps();
  if (!return_sequences_) {
    output_ = step(states_, steps_);
    return output_;
  }
  ensure_shape(output_, *backend_, {batch_, steps_, units_});
  backend_->swap_leading_axes(states_.rows(1, steps_), output_);
  return output_;
}

const Tensor& RecurrentLayer::backward(const Tensor& dy) {
  if (return_sequences_) {
    backend_->swap_leading_axes(dy, state_grads_);
  } else {
    backend_->fill(state_grads_, 0.0);
    Tensor last = step(state_grads_, steps_ - 1);
    backend_->copy(dy, last);
  }
  if (input_gradient_needed_) ensure_shape(input_grads_, *backend_, inputs_.shape());
  backward_steps();
  if (!input_gradient_needed_) return no_input_grad_;
  ensure_shape(input_grad_, *backend_, {batch_, steps_, features_});
  backend_->swap_leading_axes(input_grads_, input_grad_);
  return input_grad_;
}

}  // namespace vkrl::nn
