// CPU backend: losses from logits or predictions, and weight penalties. Sums run in double for both precisions.
#include "cpu_backend.h"

#include <cmath>

namespace vkrl::nn {

template <class T>
void CpuBackend<T>::softmax_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss,
                                          Tensor& dlogits) {
  require_same_size("softmax_cross_entropy", logits, targets);
  require_same_size("softmax_cross_entropy", logits, dlogits);
  const auto Z = matrix(logits), Tt = matrix(targets);
  auto D = matrix(dlogits);
  T total = 0;
  for (Eigen::Index r = 0; r < Z.rows(); ++r) {
    const T max = Z.row(r).maxCoeff();
    const T log_sum = std::log((Z.row(r).array() - max).exp().sum()) + max;
    // -sum_j t_j (z_j - log_sum), computed from logits for stability.
    total -= (Tt.row(r).array() * (Z.row(r).array() - log_sum)).sum();
    D.row(r) = ((Z.row(r).array() - log_sum).exp() - Tt.row(r).array()).matrix() / T(Z.rows());
  }
  data(loss)[0] = total / T(Z.rows());
}

template <class T>
void CpuBackend<T>::binary_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss,
                                         Tensor& dlogits) {
  require_same_size("binary_cross_entropy", logits, targets);
  require_same_size("binary_cross_entropy", logits, dlogits);
  const T* z = data(logits);
  const T* t = data(targets);
  T* d = data(dlogits);
  const double n = double(logits.size());
  double total = 0;
  for (size_t i = 0; i < logits.size(); ++i) {
    total += double(std::max(z[i], T(0)) - z[i] * t[i] + std::log1p(std::exp(-std::abs(z[i]))));
    d[i] = T((1.0 / (1.0 + std::exp(-double(z[i]))) - double(t[i])) / n);
  }
  data(loss)[0] = T(total / n);
}

template <class T>
void CpuBackend<T>::mean_squared_error(const Tensor& pred, const Tensor& target, Tensor& loss, Tensor& dpred) {
  require_same_size("mean_squared_error", pred, target);
  require_same_size("mean_squared_error", pred, dpred);
  const auto P = array(pred), Tt = array(target);
  auto D = array(dpred);
  D = T(2) * (P - Tt) / T(pred.size());
  data(loss)[0] = (P - Tt).square().sum() / T(pred.size());
}

template <class T>
void CpuBackend<T>::huber(const Tensor& pred, const Tensor& target, double delta, Tensor& loss, Tensor& dpred) {
  require_same_size("huber", pred, target);
  require_same_size("huber", pred, dpred);
  if (!(delta > 0)) throw Error("huber: delta must be positive, got " + std::to_string(delta));
  const T* p = data(pred);
  const T* t = data(target);
  T* d = data(dpred);
  const double n = double(pred.size());
  double total = 0;
  for (size_t i = 0; i < pred.size(); ++i) {
    const double r = double(p[i]) - double(t[i]);
    const bool quadratic = std::abs(r) <= delta;
    total += quadratic ? 0.5 * r * r : delta * (std::abs(r) - 0.5 * delta);
    d[i] = T((quadratic ? r : std::copysign(delta, r)) / n);
  }
  data(loss)[0] = T(total / n);
}

template <class T>
void CpuBackend<T>::weight_penalty(double l1, double l2, const Tensor& param, Tensor& grad, Tensor& loss) {
  require_same_size("weight_penalty", param, grad);
  const auto W = array(param);
  auto G = array(grad);
  G += T(l1) * W.sign() + T(2 * l2) * W;
  data(loss)[0] += T(l1 * double(W.abs().sum()) + l2 * double(W.square().sum()));
}

#define VKRL_INSTANTIATE(T)                                                                                   \
  template void CpuBackend<T>::softmax_cross_entropy(const Tensor&, const Tensor&, Tensor&, Tensor&);         \
  template void CpuBackend<T>::binary_cross_entropy(const Tensor&, const Tensor&, Tensor&, Tensor&);          \
  template void CpuBackend<T>::mean_squared_error(const Tensor&, const Tensor&, Tensor&, Tensor&);            \
  template void CpuBackend<T>::huber(const Tensor&, const Tensor&, double, Tensor&, Tensor&);                 \
  template void CpuBackend<T>::weight_penalty(double, double, const Tensor&, Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
