// The CPU backend's storage access and factory; the ops are in cpu_*.cpp by area.
#include "cpu_backend.h"

#include <algorithm>
#include <thread>

#include "vkrl/worker_pool.h"

namespace vkrl::nn {

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

template <class T>
CpuBackend<T>::~CpuBackend() = default;

template <class T>
void CpuBackend<T>::run_independent(const std::function<void()>& first, const std::function<void()>& second) {
  if (!pool_) pool_ = std::make_unique<WorkerPool>(cpu_backend_threads());
  pool_->run(2, [&](int i) { i == 0 ? first() : second(); });
}

#define VKRL_INSTANTIATE(T)                                                   \
  template void CpuBackend<T>::write(const Tensor&, std::span<const float>);  \
  template void CpuBackend<T>::write(const Tensor&, std::span<const double>); \
  template void CpuBackend<T>::read(const Tensor&, std::span<float>);         \
  template void CpuBackend<T>::read(const Tensor&, std::span<double>);        \
  template void CpuBackend<T>::run_independent(const std::function<void()>&, const std::function<void()>&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

// Each op runs on one core (Eigen is built without OpenMP), so two groups at once keep two cores busy.
int cpu_backend_threads() { return int(std::clamp(std::thread::hardware_concurrency(), 1u, 2u)); }

std::unique_ptr<Backend> make_cpu_backend(bool double_precision) {
  if (double_precision) return std::make_unique<CpuBackend<double>>();
  return std::make_unique<CpuBackend<float>>();
}

}  // namespace vkrl::nn
