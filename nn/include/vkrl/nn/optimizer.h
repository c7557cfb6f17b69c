// Optimizer updates a model's parameters from their gradients: an update rule (Backend::optimizer_step, the forms in
// backend.h), a learning-rate schedule and an optional global-norm clip. It keeps the rule's state tensors per
// parameter (created at the first step, or by ensure_state() before a checkpoint is loaded into them) and a step
// tensor [lr, t, mu_product]. step() is begin_step(), which writes that tensor on the host, then apply(), which runs
// only backend ops (sum_squares and clip_by_norm when clipping, optimizer_step per parameter), so a whole training
// step can be captured once (Backend::capture) and replayed after each begin_step(). optimizer_options("adam") gives
// Keras's defaults for each named rule.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vkrl/nn/backend.h"
#include "vkrl/nn/schedule.h"

namespace vkrl::nn {

struct OptimizerOptions {
  OptimizerRule rule;
  LearningRateSchedule schedule;
  double clip_norm = 0;  // > 0: gradients scaled so that their global L2 norm is at most this
};

// The rule and constant learning rate Keras uses by default for a named optimizer: "sgd" (lr 0.01), "momentum" and
// "nesterov" (lr 0.01, momentum 0.9), "adagrad" (lr 0.001, accumulator 0.1), "adadelta" (lr 0.001, rho 0.95),
// "rmsprop" and "rmsprop-centered" (lr 0.001, rho 0.9), "adam", "adamw" (weight decay 0.004), "adamax", "nadam"
// (lr 0.001, betas 0.9 and 0.999); epsilon 1e-7 throughout. An unknown name is a vkrl::Error listing the valid ones.
OptimizerOptions optimizer_options(std::string_view name);
std::string optimizer_name(const OptimizerRule& rule);  // the name optimizer_options() takes for this rule's kind

class Optimizer {
public:
  Optimizer(Backend& backend, const OptimizerOptions& options);

  const OptimizerOptions& options() const { return options_; }
  int64_t step_count() const { return steps_; }  // updates made so far
  double learning_rate() const { return options_.schedule.at(steps_); }  // of the next update

  // One update: clips the gradients in place when clipping is on, then updates every parameter.
  void step(const std::vector<Tensor>& params, const std::vector<Tensor>& grads);
  // step() in two halves: the host write of the next update's [lr, t, mu_product], and the backend ops, which may be
  // captured (make the state first, with ensure_state(), so that a capture allocates nothing).
  void begin_step();
  void apply(const std::vector<Tensor>& params, const std::vector<Tensor>& grads);

  // The state tensors of each parameter (optimizer_state_names(rule) order), made for `params` if not made yet;
  // handles to the optimizer's own storage, so a checkpoint reads them and a loaded one is written into them.
  std::vector<std::vector<Tensor>>& ensure_state(const std::vector<Tensor>& params);
  void set_step_count(int64_t steps);  // after loading a checkpoint

private:
  Backend& backend_;
  OptimizerOptions options_;
  int64_t steps_ = 0;
  double mu_product_ = 1;  // Nadam's momentum-cache product up to steps_
  Tensor step_values_, norm_squared_;
  std::vector<std::vector<Tensor>> state_;
};

}  // namespace vkrl::nn
