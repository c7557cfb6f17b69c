// CPU backend: convolution and pooling over NCHW images.
#include "cpu_backend.h"

namespace vkrl::nn {

// TODO(layers helper): every op below.
template <class T>
void CpuBackend<T>::conv2d(const Window2d&, const Tensor&, const Tensor&, Tensor&) {
  throw Error("conv2d: not written yet");
}
template <class T>
void CpuBackend<T>::conv2d_backward_input(const Window2d&, const Tensor&, const Tensor&, Tensor&) {
  throw Error("conv2d_backward_input: not written yet");
}
template <class T>
void CpuBackend<T>::conv2d_backward_filter(const Window2d&, const Tensor&, const Tensor&, double, Tensor&) {
  throw Error("conv2d_backward_filter: not written yet");
}
template <class T>
void CpuBackend<T>::pool2d(PoolKind, const Window2d&, const Tensor&, Tensor&) {
  throw Error("pool2d: not written yet");
}
template <class T>
void CpuBackend<T>::pool2d_backward(PoolKind, const Window2d&, const Tensor&, const Tensor&, const Tensor&, Tensor&) {
  throw Error("pool2d_backward: not written yet");
}

#define VKRL_INSTANTIATE(T)                                                                                      \
  template void CpuBackend<T>::conv2d(const Window2d&, const Tensor&, const Tensor&, Tensor&);                   \
  template void CpuBackend<T>::conv2d_backward_input(const Window2d&, const Tensor&, const Tensor&, Tensor&);    \
  template void CpuBackend<T>::conv2d_backward_filter(const Window2d&, const Tensor&, const Tensor&, double,     \
                                                      Tensor&);                                                  \
  template void CpuBackend<T>::pool2d(PoolKind, const Window2d&, const Tensor&, Tensor&);                        \
  template void CpuBackend<T>::pool2d_backward(PoolKind, const Window2d&, const Tensor&, const Tensor&,          \
                                               const Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
