// CPU backend: reductions for gradient clipping and the optimizers' update rules.
#include "cpu_backend.h"

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
void CpuBackend<T>::optimizer_step(const OptimizerRule&, const Tensor&, Tensor&, const Tensor&, std::span<Tensor>) {
  throw Error("optimizer_step: not written yet");  // TODO(optimizers helper)
}

template <class T>
void CpuBackend<T>::sgd_step(Tensor& param, const Tensor& grad, Tensor& velocity, const SgdParams& p) {
  require_same_size("sgd_step", param, grad);
  require_same_size("sgd_step", param, velocity);
  auto P = array(param), V = array(velocity);
  const auto G = array(grad);
  V = T(p.momentum) * V + G;
  if (p.nesterov)
    P -= T(p.learning_rate) * (G + T(p.momentum) * V);
  else
    P -= T(p.learning_rate) * V;
}

#define VKRL_INSTANTIATE(T)                                                                                    \
  template void CpuBackend<T>::sum_squares(const Tensor&, double, Tensor&);                                    \
  template void CpuBackend<T>::clip_by_norm(const Tensor&, double, Tensor&);                                   \
  template void CpuBackend<T>::optimizer_step(const OptimizerRule&, const Tensor&, Tensor&, const Tensor&,     \
                                              std::span<Tensor>);                                              \
  template void CpuBackend<T>::sgd_step(Tensor&, const Tensor&, Tensor&, const SgdParams&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

int optimizer_state_count(const OptimizerRule&) { throw Error("optimizer_state_count: not written yet"); }

}  // namespace vkrl::nn
