// CPU backend: the value-based RL ops (Q-learning targets, the TD loss on taken actions, the dueling head).
#include "cpu_backend.h"

#include <cmath>

namespace vkrl::nn {

template <class T>
void CpuBackend<T>::q_targets(const Tensor& next_q_target, const Tensor& next_q_select, const Tensor& rewards,
                              const Tensor& discounts, Tensor& targets) {
  if (!(next_q_target.shape() == next_q_select.shape()))
    throw Error("q_targets: next-state values " + next_q_target.shape().to_string() + " and " +
                next_q_select.shape().to_string() + " differ");
  for (const Tensor* t : {&rewards, &discounts, static_cast<const Tensor*>(&targets)})
    require_rows("q_targets", next_q_target, *t);
  const auto Qt = matrix(next_q_target), Qs = matrix(next_q_select);
  const T *r = data(rewards), *d = data(discounts);
  T* y = data(targets);
  for (Eigen::Index b = 0; b < Qt.rows(); ++b) {
    Eigen::Index best = 0;
    Qs.row(b).maxCoeff(&best);  // Eigen returns the first maximum
    y[b] = r[b] + d[b] * Qt(b, best);
  }
}

template <class T>
void CpuBackend<T>::td_loss(const Tensor& q, const Tensor& actions, const Tensor& targets, const Tensor& weights,
                            double delta, Tensor& loss, Tensor& dq, Tensor& abs_td) {
  require_same_size("td_loss", q, dq);
  for (const Tensor* t : {&actions, &targets, &weights, static_cast<const Tensor*>(&abs_td)})
    require_rows("td_loss", q, *t);
  const auto Q = matrix(q);
  auto D = matrix(dq);
  const T *a = data(actions), *y = data(targets), *w = data(weights);
  T* td = data(abs_td);
  const Eigen::Index rows = Q.rows(), cols = Q.cols();
  D.setZero();
  double total = 0;
  for (Eigen::Index b = 0; b < rows; ++b) {
    const auto action = Eigen::Index(a[b]);
    if (action < 0 || action >= cols)
      throw Error("td_loss: action " + std::to_string(double(a[b])) + " of row " + std::to_string(b) + " outside 0.." +
                  std::to_string(cols - 1));
    const double r = double(Q(b, action)) - double(y[b]);
    const bool quadratic = delta <= 0 || std::abs(r) <= delta;
    const double value = delta <= 0 ? r * r : quadratic ? 0.5 * r * r : delta * (std::abs(r) - 0.5 * delta);
    const double slope = delta <= 0 ? 2 * r : quadratic ? r : std::copysign(delta, r);
    total += double(w[b]) * value;
    D(b, action) = T(double(w[b]) * slope / double(rows));
    td[b] = T(std::abs(r));
  }
  data(loss)[0] = T(total / double(rows));
}

template <class T>
void CpuBackend<T>::dueling(const Tensor& value, const Tensor& advantage, Tensor& q) {
  require_same_size("dueling", advantage, q);
  require_rows("dueling", advantage, value);
  const auto A = matrix(advantage);
  auto Q = matrix(q);
  const T* v = data(value);
  for (Eigen::Index b = 0; b < A.rows(); ++b) Q.row(b) = (A.row(b).array() + (v[b] - A.row(b).mean())).matrix();
}

template <class T>
void CpuBackend<T>::dueling_backward(const Tensor& dq, Tensor& dvalue, Tensor& dadvantage) {
  require_same_size("dueling_backward", dq, dadvantage);
  require_rows("dueling_backward", dq, dvalue);
  const auto G = matrix(dq);
  auto DA = matrix(dadvantage);
  T* dv = data(dvalue);
  for (Eigen::Index b = 0; b < G.rows(); ++b) {
    dv[b] = G.row(b).sum();
    DA.row(b) = (G.row(b).array() - G.row(b).mean()).matrix();
  }
}

#define VKRL_INSTANTIATE(T)                                                                                          \
  template void CpuBackend<T>::q_targets(const Tensor&, const Tensor&, const Tensor&, const Tensor&, Tensor&);       \
  template void CpuBackend<T>::td_loss(const Tensor&, const Tensor&, const Tensor&, const Tensor&, double, Tensor&,  \
                                       Tensor&, Tensor&);                                                            \
  template void CpuBackend<T>::dueling(const Tensor&, const Tensor&, Tensor&);                                       \
  template void CpuBackend<T>::dueling_backward(const Tensor&, Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
