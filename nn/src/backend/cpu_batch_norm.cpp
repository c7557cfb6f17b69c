// CPU backend: batch normalisation, statistics per channel of [N, C, rest]. Sums run in double for both precisions.
#include "cpu_backend.h"

#include <cmath>
#include <initializer_list>

namespace vkrl::nn {

namespace {

// x seen as [rows, channels, inner]: calls visit(channel, element index) for every element.
template <class Visit>
void for_channels(const Tensor& x, size_t channels, size_t inner, Visit&& visit) {
  const size_t rows = size_t(x.shape().rows());
  for (size_t r = 0; r < rows; ++r)
    for (size_t c = 0; c < channels; ++c) {
      const size_t begin = (r * channels + c) * inner;
      for (size_t i = begin; i < begin + inner; ++i) visit(c, i);
    }
}

void require_channels(const char* op, size_t channels, std::initializer_list<const Tensor*> tensors) {
  for (const Tensor* t : tensors)
    if (t->size() != channels)
      throw Error(std::string(op) + ": a per-channel tensor " + t->shape().to_string() + " for " +
                  std::to_string(channels) + " channels");
}

}  // namespace

template <class T>
void CpuBackend<T>::batch_norm_train(const Tensor& x, const Tensor& gamma, const Tensor& beta, double momentum,
                                     double epsilon, Tensor& running_mean, Tensor& running_var, Tensor& saved_mean,
                                     Tensor& saved_inv_std, Tensor& y) {
  const size_t channels = gamma.size(), inner = channel_inner(x, channels, "batch_norm_train");
  require_channels("batch_norm_train", channels, {&beta, &running_mean, &running_var, &saved_mean, &saved_inv_std});
  require_same_size("batch_norm_train", x, y);
  const T* in = data(x);
  std::vector<double> sum(channels, 0.0), squares(channels, 0.0);
  for_channels(x, channels, inner, [&](size_t c, size_t i) { sum[c] += double(in[i]); });
  const double count = double(x.shape().rows()) * double(inner);
  for (auto& s : sum) s /= count;
  for_channels(x, channels, inner, [&](size_t c, size_t i) {
    const double d = double(in[i]) - sum[c];
    squares[c] += d * d;
  });
  T *mean = data(saved_mean), *inv_std = data(saved_inv_std), *rm = data(running_mean), *rv = data(running_var);
  for (size_t c = 0; c < channels; ++c) {
    const double var = squares[c] / count;
    mean[c] = T(sum[c]);
    inv_std[c] = T(1.0 / std::sqrt(var + epsilon));
    rm[c] = T(momentum * double(rm[c]) + (1.0 - momentum) * sum[c]);
    rv[c] = T(momentum * double(rv[c]) + (1.0 - momentum) * var);
  }
  const T *g = data(gamma), *b = data(beta);
  T* out = data(y);
  for_channels(x, channels, inner, [&](size_t c, size_t i) { out[i] = g[c] * (in[i] - mean[c]) * inv_std[c] + b[c]; });
}

template <class T>
void CpuBackend<T>::batch_norm_inference(const Tensor& x, const Tensor& gamma, const Tensor& beta,
                                         const Tensor& running_mean, const Tensor& running_var, double epsilon,
                                         Tensor& y) {
  const size_t channels = gamma.size(), inner = channel_inner(x, channels, "batch_norm_inference");
  require_channels("batch_norm_inference", channels, {&beta, &running_mean, &running_var});
  require_same_size("batch_norm_inference", x, y);
  const T *in = data(x), *g = data(gamma), *b = data(beta), *rm = data(running_mean), *rv = data(running_var);
  std::vector<T> scale(channels);
  for (size_t c = 0; c < channels; ++c) scale[c] = T(double(g[c]) / std::sqrt(double(rv[c]) + epsilon));
  T* out = data(y);
  for_channels(x, channels, inner, [&](size_t c, size_t i) { out[i] = (in[i] - rm[c]) * scale[c] + b[c]; });
}

template <class T>
void CpuBackend<T>::batch_norm_backward(const Tensor& x, const Tensor& gamma, const Tensor& saved_mean,
                                        const Tensor& saved_inv_std, const Tensor& dy, Tensor& dx, Tensor& dgamma,
                                        Tensor& dbeta) {
  const size_t channels = gamma.size(), inner = channel_inner(x, channels, "batch_norm_backward");
  require_channels("batch_norm_backward", channels, {&saved_mean, &saved_inv_std, &dgamma, &dbeta});
  require_same_size("batch_norm_backward", x, dy);
  require_same_size("batch_norm_backward", x, dx);
  const T *in = data(x), *g = data(gamma), *mean = data(saved_mean), *inv_std = data(saved_inv_std);
  const T* grad_out = data(dy);
  // With xhat = (x - mean) inv_std: dbeta = sum dy, dgamma = sum dy xhat, and
  // dx = gamma inv_std (dy - dbeta / M - xhat dgamma / M) over the M = rows * inner elements of a channel.
  std::vector<double> sum_dy(channels, 0.0), sum_dy_xhat(channels, 0.0);
  for_channels(x, channels, inner, [&](size_t c, size_t i) {
    sum_dy[c] += double(grad_out[i]);
    sum_dy_xhat[c] += double(grad_out[i]) * (double(in[i]) - double(mean[c])) * double(inv_std[c]);
  });
  const double count = double(x.shape().rows()) * double(inner);
  T *db = data(dbeta), *dg = data(dgamma), *grad_in = data(dx);
  for (size_t c = 0; c < channels; ++c) {
    db[c] = T(sum_dy[c]);
    dg[c] = T(sum_dy_xhat[c]);
  }
  for_channels(x, channels, inner, [&](size_t c, size_t i) {
    const double xhat = (double(in[i]) - double(mean[c])) * double(inv_std[c]);
    grad_in[i] = T(double(g[c]) * double(inv_std[c]) *
                   (double(grad_out[i]) - sum_dy[c] / count - xhat * sum_dy_xhat[c] / count));
  });
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
