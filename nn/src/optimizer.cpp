#include "vkrl/nn/optimizer.h"

#include <array>
#include <cmath>

#include "vkrl/error.h"

namespace vkrl::nn {

namespace {

struct NamedRule {
  const char* name;
  double learning_rate;
  OptimizerRule rule;
};

// Keras's default hyper-parameters (keras.optimizers.*); "momentum" and "nesterov" are SGD with the customary 0.9.
const std::array<NamedRule, 11> kNamedRules = {{
    {"sgd", 0.01, {.kind = OptimizerKind::sgd}},
    {"momentum", 0.01, {.kind = OptimizerKind::sgd, .momentum = 0.9}},
    {"nesterov", 0.01, {.kind = OptimizerKind::sgd, .momentum = 0.9, .nesterov = true}},
    {"adagrad", 0.001, {.kind = OptimizerKind::adagrad, .initial_accumulator = 0.1}},
    {"adadelta", 0.001, {.kind = OptimizerKind::adadelta, .rho = 0.95}},
    {"rmsprop", 0.001, {.kind = OptimizerKind::rmsprop, .rho = 0.9}},
    {"rmsprop-centered", 0.001, {.kind = OptimizerKind::rmsprop, .centered = true, .rho = 0.9}},
    {"adam", 0.001, {.kind = OptimizerKind::adam}},
    {"adamw", 0.001, {.kind = OptimizerKind::adamw, .weight_decay = 0.004}},
    {"adamax", 0.001, {.kind = OptimizerKind::adamax}},
    {"nadam", 0.001, {.kind = OptimizerKind::nadam}},
}};

}  // namespace

OptimizerOptions optimizer_options(std::string_view name) {
  for (const auto& named : kNamedRules)
    if (name == named.name) return {named.rule, LearningRateSchedule::constant(named.learning_rate), 0};
  std::string valid;
  for (const auto& named : kNamedRules) valid += std::string(valid.empty() ? "" : ", ") + named.name;
  throw Error("optimizer: unknown name '" + std::string(name) + "' (valid: " + valid + ")");
}

std::string optimizer_name(const OptimizerRule& rule) {
  switch (rule.kind) {
    case OptimizerKind::sgd: return rule.nesterov ? "nesterov" : rule.momentum != 0 ? "momentum" : "sgd";
    case OptimizerKind::rmsprop: return rule.centered ? "rmsprop-centered" : "rmsprop";
    case OptimizerKind::adagrad: return "adagrad";
    case OptimizerKind::adadelta: return "adadelta";
    case OptimizerKind::adam: return "adam";
    case OptimizerKind::adamw: return "adamw";
    case OptimizerKind::adamax: return "adamax";
    case OptimizerKind::nadam: return "nadam";
  }
  return "unknown";
}

Optimizer::Optimizer(Backend& backend, const OptimizerOptions& options)
    : backend_(backend), options_(options), step_values_(backend, {kOptimizerStepValues}), norm_squared_(backend, {1}) {
  options_.schedule.at(0);  // a schedule without steps fails here, not at the first update
  if (options_.clip_norm < 0) throw Error("optimizer: clip_norm must not be negative");
}

std::vector<std::vector<Tensor>>& Optimizer::ensure_state(const std::vector<Tensor>& params) {
  if (state_.empty()) {
    for (const Tensor& p : params) {
      auto& slots = state_.emplace_back();
      for (int i = 0; i < optimizer_state_count(options_.rule); ++i) {
        slots.emplace_back(backend_, p.shape());
        if (options_.rule.kind == OptimizerKind::adagrad) backend_.fill(slots.back(), options_.rule.initial_accumulator);
      }
    }
  }
  if (state_.size() != params.size())
    throw Error("optimizer: state for " + std::to_string(state_.size()) + " parameters, given " +
                std::to_string(params.size()));
  for (size_t i = 0; i < params.size(); ++i)
    for (const Tensor& s : state_[i])
      if (!(s.shape() == params[i].shape()))
        throw Error("optimizer: parameter " + std::to_string(i) + " is " + params[i].shape().to_string() +
                    ", its state " + s.shape().to_string());
  return state_;
}

void Optimizer::set_step_count(int64_t steps) {
  if (steps < 0) throw Error("optimizer: a negative step count");
  steps_ = steps;
  mu_product_ = 1;
  for (int64_t i = 1; i <= steps; ++i) mu_product_ *= options_.rule.beta1 * (1 - 0.5 * std::pow(0.96, double(i)));
}

void Optimizer::step(const std::vector<Tensor>& params, const std::vector<Tensor>& grads) {
  begin_step();
  apply(params, grads);
}

void Optimizer::begin_step() {
  const double lr = options_.schedule.at(steps_);
  ++steps_;
  mu_product_ *= options_.rule.beta1 * (1 - 0.5 * std::pow(0.96, double(steps_)));
  const std::array<double, kOptimizerStepValues> values = {lr, double(steps_), mu_product_};
  backend_.write(step_values_, std::span<const double>(values));
}

void Optimizer::apply(const std::vector<Tensor>& params, const std::vector<Tensor>& grads) {
  if (params.size() != grads.size())
    throw Error("optimizer: " + std::to_string(params.size()) + " parameters and " + std::to_string(grads.size()) +
                " gradients");
  auto& state = ensure_state(params);
  if (options_.clip_norm > 0) {
    for (size_t i = 0; i < grads.size(); ++i) backend_.sum_squares(grads[i], i == 0 ? 0.0 : 1.0, norm_squared_);
    for (Tensor g : grads) backend_.clip_by_norm(norm_squared_, options_.clip_norm, g);
  }
  for (size_t i = 0; i < params.size(); ++i) {
    Tensor param = params[i];  // a handle: the update lands in the model's storage
    backend_.optimizer_step(options_.rule, step_values_, param, grads[i], state[i]);
  }
}

}  // namespace vkrl::nn
