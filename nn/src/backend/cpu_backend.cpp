// The CPU backend's storage access and factory; the ops are in cpu_*.cpp by area.
#include "cpu_backend.h"

#include <algorithm>

namespace vkrl::nn {

void require_same_size(const char* op, const Tensor& a, const Tensor& b) {
  if (a.size() != b.size())
    throw Error(std::string(op) + ": tensors " + a.shape().to_string() + " and " + b.shape().to_string() +
                " differ in size");
}

size_t channel_inner(const Tensor& y, size_t channels, const char* op) {
  const size_t cols = y.shape().cols();
  if (channels == 0 || cols % channels != 0)
    throw Error(std::string(op) + ": " + std::to_string(channels) + " channels for a tensor " + y.shape().to_string());
  return cols / channels;
}

template <class T>
void CpuBackend<T>::write(const Tensor& t, std::span<const float> v) {
  std::transform(v.begin(), v.end(), data(t), [](float x) { return T(x); });
}
template <class T>
void CpuBackend<T>::write(const Tensor& t, std::span<const double> v) {
  std::transform(v.begin(), v.end(), data(t), [](double x) { return T(x); });
}
template <class T>
void CpuBackend<T>::read(const Tensor& t, std::span<float> out) {
  std::transform(data(t), data(t) + t.size(), out.begin(), [](T x) { return float(x); });
}
template <class T>
void CpuBackend<T>::read(const Tensor& t, std::span<double> out) {
  std::transform(data(t), data(t) + t.size(), out.begin(), [](T x) { return double(x); });
}

#define VKRL_INSTANTIATE(T)                                                   \
  template void CpuBackend<T>::write(const Tensor&, std::span<const float>);  \
  template void CpuBackend<T>::write(const Tensor&, std::span<const double>); \
  template void CpuBackend<T>::read(const Tensor&, std::span<float>);         \
  template void CpuBackend<T>::read(const Tensor&, std::span<double>);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

std::unique_ptr<Backend> make_cpu_backend(bool double_precision) {
  if (double_precision) return std::make_unique<CpuBackend<double>>();
  return std::make_unique<CpuBackend<float>>();
}

}  // namespace vkrl::nn
