// CPU backend: batch normalisation, statistics per channel of [N, C, rest].
#include "cpu_backend.h"

namespace vkrl::nn {

// TODO(layers helper): every op below.
template <class T>
void CpuBackend<T>::batch_norm_train(const Tensor&, const Tensor&, const Tensor&, double, double, Tensor&, Tensor&,
                                     Tensor&, Tensor&, Tensor&) {
  throw Error("batch_norm_train: not written yet");
}
template <class T>
void CpuBackend<T>::batch_norm_inference(const Tensor&, const Tensor&, const Tensor&, const Tensor&, const Tensor&,
                                         double, Tensor&) {
  throw Error("batch_norm_inference: not written yet");
}
template <class T>
void CpuBackend<T>::batch_norm_backward(const Tensor&, const Tensor&, const Tensor&, const Tensor&, const Tensor&,
                                        Tensor&, Tensor&, Tensor&) {
  throw Error("batch_norm_backward: not written yet");
}

#define VKRL_INSTANTIATE(T)                                                                                          \
  template void CpuBackend<T>::batch_norm_train(const Tensor&, const Tensor&, const Tensor&, double, double,         \
                                                Tensor&, Tensor&, Tensor&, Tensor&, Tensor&);                        \
  template void CpuBackend<T>::batch_norm_inference(const Tensor&, const Tensor&, const Tensor&, const Tensor&,      \
                                                    const Tensor&, double, Tensor&);                                 \
  template void CpuBackend<T>::batch_norm_backward(const Tensor&, const Tensor&, const Tensor&, const Tensor&,       \
                                                   const Tensor&, Tensor&, Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
