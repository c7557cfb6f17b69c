// CPU backend: elementwise ops, activations and dropout masks.
#include "cpu_backend.h"

#include <algorithm>

namespace vkrl::nn {

template <class T>
void CpuBackend<T>::fill(Tensor& y, double value) {
  std::fill(data(y), data(y) + y.size(), T(value));
}

template <class T>
void CpuBackend<T>::copy(const Tensor& x, Tensor& y) {
  require_same_size("copy", x, y);
  std::copy(data(x), data(x) + x.size(), data(y));
}

template <class T>
void CpuBackend<T>::axpby(double alpha, const Tensor& x, double beta, const Tensor& y, Tensor& z) {
  require_same_size("axpby", x, z);
  require_same_size("axpby", y, z);
  array(z) = T(alpha) * array(x) + T(beta) * array(y);
}

template <class T>
void CpuBackend<T>::multiply(const Tensor& x, const Tensor& y, Tensor& z) {
  require_same_size("multiply", x, z);
  require_same_size("multiply", y, z);
  array(z) = array(x) * array(y);
}

template <class T>
void CpuBackend<T>::activation(Activation f, double slope, const Tensor& x, Tensor& y) {
  require_same_size("activation", x, y);
  const auto X = array(x);
  auto Y = array(y);
  switch (f) {
    case Activation::identity: Y = X; break;
    case Activation::relu: Y = X.max(T(0)); break;
    case Activation::leaky_relu: Y = (X > T(0)).select(X, T(slope) * X); break;
    case Activation::sigmoid: Y = T(1) / (T(1) + (-X).exp()); break;
    case Activation::tanh: Y = X.tanh(); break;
  }
}

template <class T>
void CpuBackend<T>::activation_backward(Activation f, double slope, const Tensor& y, const Tensor& dy, Tensor& dx) {
  require_same_size("activation_backward", y, dy);
  require_same_size("activation_backward", dy, dx);
  const auto Y = array(y), G = array(dy);
  auto D = array(dx);
  switch (f) {
    case Activation::identity: D = G; break;
    case Activation::relu: D = (Y > T(0)).select(G, T(0)); break;
    case Activation::leaky_relu: D = (Y > T(0)).select(G, T(slope) * G); break;
    case Activation::sigmoid: D = G * Y * (T(1) - Y); break;
    case Activation::tanh: D = G * (T(1) - Y * Y); break;
  }
}

template <class T>
void CpuBackend<T>::dropout_mask(uint32_t key, double rate, Tensor& mask) {
  if (!(rate >= 0.0 && rate < 1.0)) throw Error("dropout_mask: rate must be in [0, 1), got " + std::to_string(rate));
  T* m = data(mask);
  const T keep = T(1.0 / (1.0 - rate));
  const float threshold = float(rate);
  for (size_t i = 0; i < mask.size(); ++i) m[i] = counter_uniform(key, uint32_t(i)) < threshold ? T(0) : keep;
}

#define VKRL_INSTANTIATE(T)                                                                                   \
  template void CpuBackend<T>::fill(Tensor&, double);                                                         \
  template void CpuBackend<T>::copy(const Tensor&, Tensor&);                                                  \
  template void CpuBackend<T>::axpby(double, const Tensor&, double, const Tensor&, Tensor&);                  \
  template void CpuBackend<T>::multiply(const Tensor&, const Tensor&, Tensor&);                               \
  template void CpuBackend<T>::activation(Activation, double, const Tensor&, Tensor&);                        \
  template void CpuBackend<T>::activation_backward(Activation, double, const Tensor&, const Tensor&, Tensor&); \
  template void CpuBackend<T>::dropout_mask(uint32_t, double, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
