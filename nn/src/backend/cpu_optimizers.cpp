// CPU backend: reductions for gradient clipping and the optimizers' update rules, in the forms backend.h documents.
// Per-step scalars come from the step tensor and are formed in double, then applied in the backend's precision.
#include "cpu_backend.h"

#include <array>
#include <cmath>

namespace vkrl::nn {

template <class T>
void CpuBackend<T>::sum_squares(const Tensor& x, double beta, Tensor& out) {
  data(out)[0] = T(beta * double(data(out)[0]) + double(array(x).template cast<double>().square().sum()));
}

template <class T>
void CpuBackend<T>::clip_by_norm(const Tensor& norm_squared, double max_norm, Tensor& g) {
  const double norm = std::sqrt(double(data(norm_squared)[0]));
  if (norm > max_norm) array(g) *= T(max_norm / norm);
}

template <class T>
void CpuBackend<T>::optimizer_step(const OptimizerRule& rule, const Tensor& step, Tensor& param, const Tensor& grad,
                                   std::span<Tensor> state) {
  require_optimizer_operands(rule, step, param, grad, state);

  const T* scalars = data(step);
  const double lr = double(scalars[0]), t = double(scalars[1]), mu_product = double(scalars[2]);
  auto P = array(param);
  const auto G = array(grad);
  const T eps = T(rule.epsilon);
  switch (rule.kind) {
    case OptimizerKind::sgd: {
      if (rule.momentum == 0) {
        P -= T(lr) * G;
        break;
      }
      auto V = array(state[0]);
      V = T(rule.momentum) * V + G;
      if (rule.nesterov)
        P -= T(lr) * (G + T(rule.momentum) * V);
      else
        P -= T(lr) * V;
      break;
    }
    case OptimizerKind::adagrad: {
      auto A = array(state[0]);
      A += G.square();
      P -= T(lr) * G / (A.sqrt() + eps);
      break;
    }
    case OptimizerKind::adadelta: {
      auto A = array(state[0]), S = array(state[1]);
      const T rho = T(rule.rho);
      A = rho * A + (T(1) - rho) * G.square();
      const Vector delta = (S + eps).sqrt() / (A + eps).sqrt() * G;
      S = rho * S + (T(1) - rho) * delta.square();
      P -= T(lr) * delta;
      break;
    }
    case OptimizerKind::rmsprop: {
      auto V = array(state[0]);
      const T rho = T(rule.rho);
      V = rho * V + (T(1) - rho) * G.square();
      // The denominator stays an expression, evaluated inside the one pass that uses it: no temporary vector.
      auto apply = [&](const auto& denominator) {
        if (rule.momentum != 0) {
          auto B = array(state[rule.centered ? 2 : 1]);
          B = T(rule.momentum) * B + G / denominator;
          P -= T(lr) * B;
        } else {
          P -= T(lr) * G / denominator;
        }
      };
      if (rule.centered) {
        auto C = array(state[1]);
        C = rho * C + (T(1) - rho) * G;
        apply((V - C.square()).sqrt() + eps);
      } else {
        apply(V.sqrt() + eps);
      }
      break;
    }
    case OptimizerKind::adam:
    case OptimizerKind::adamw: {
      if (rule.kind == OptimizerKind::adamw) P -= T(lr * rule.weight_decay) * P;
      auto M = array(state[0]), V = array(state[1]);
      M = T(rule.beta1) * M + T(1 - rule.beta1) * G;
      V = T(rule.beta2) * V + T(1 - rule.beta2) * G.square();
      const double alpha = lr * std::sqrt(1 - std::pow(rule.beta2, t)) / (1 - std::pow(rule.beta1, t));
      P -= T(alpha) * M / (V.sqrt() + eps);
      break;
    }
    case OptimizerKind::adamax: {
      auto M = array(state[0]), U = array(state[1]);
      M = T(rule.beta1) * M + T(1 - rule.beta1) * G;
      U = (T(rule.beta2) * U).max(G.abs());
      P -= T(lr / (1 - std::pow(rule.beta1, t))) * M / (U + eps);
      break;
    }
    case OptimizerKind::nadam: {
      auto M = array(state[0]), V = array(state[1]);
      const double mu_t = rule.beta1 * (1 - 0.5 * std::pow(0.96, t));
      const double mu_next = rule.beta1 * (1 - 0.5 * std::pow(0.96, t + 1));
      M = T(rule.beta1) * M + T(1 - rule.beta1) * G;
      V = T(rule.beta2) * V + T(1 - rule.beta2) * G.square();
      const Vector m_hat = T(mu_next / (1 - mu_product * mu_next)) * M + T((1 - mu_t) / (1 - mu_product)) * G;
      const Vector v_hat = V / T(1 - std::pow(rule.beta2, t));
      P -= T(lr) * m_hat / (v_hat.sqrt() + eps);
      break;
    }
  }
}

#define VKRL_INSTANTIATE(T)                                                                                    \
  template void CpuBackend<T>::sum_squares(const Tensor&, double, Tensor&);                                    \
  template void CpuBackend<T>::clip_by_norm(const Tensor&, double, Tensor&);                                   \
  template void CpuBackend<T>::optimizer_step(const OptimizerRule&, const Tensor&, Tensor&, const Tensor&,     \
                                              std::span<Tensor>);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

namespace {

// A rule's state slots by name, built without allocating: optimizer_state_count() runs on every step.
struct StateSlots {
  std::array<const char*, 3> names{};
  int count = 0;
  StateSlots& add(const char* name) {
    names[size_t(count++)] = name;
    return *this;
  }
};

StateSlots state_slots(const OptimizerRule& rule) {
  StateSlots slots;
  switch (rule.kind) {
    case OptimizerKind::sgd: return rule.momentum != 0 ? slots.add("momentum") : slots;
    case OptimizerKind::adagrad: return slots.add("accumulator");
    case OptimizerKind::adadelta: return slots.add("accumulated_grad").add("accumulated_delta");
    case OptimizerKind::rmsprop:
      slots.add("mean_square");
      if (rule.centered) slots.add("mean_grad");
      if (rule.momentum != 0) slots.add("momentum");
      return slots;
    case OptimizerKind::adam:
    case OptimizerKind::adamw:
    case OptimizerKind::nadam: return slots.add("m").add("v");
    case OptimizerKind::adamax: return slots.add("m").add("u");
  }
  throw Error("optimizer_state_names: unknown optimizer kind " + std::to_string(int(rule.kind)));
}

}  // namespace

std::vector<std::string> optimizer_state_names(const OptimizerRule& rule) {
  const StateSlots slots = state_slots(rule);
  return {slots.names.begin(), slots.names.begin() + slots.count};
}

int optimizer_state_count(const OptimizerRule& rule) { return state_slots(rule).count; }

}  // namespace vkrl::nn
