// CPU backend: GEMM, bias and softmax over rows.
#include "cpu_backend.h"

namespace vkrl::nn {

template <class T>
void CpuBackend<T>::gemm(bool trans_a, bool trans_b, double alpha, const Tensor& a, const Tensor& b, double beta,
                         Tensor& c) {
  const auto A = matrix(a), B = matrix(b);
  auto C = matrix(c);
  const Eigen::Index m = trans_a ? A.cols() : A.rows(), k = trans_a ? A.rows() : A.cols();
  const Eigen::Index k2 = trans_b ? B.cols() : B.rows(), n = trans_b ? B.rows() : B.cols();
  if (k != k2 || C.rows() != m || C.cols() != n)
    throw Error("gemm: op(A) " + std::to_string(m) + "x" + std::to_string(k) + ", op(B) " + std::to_string(k2) + "x" +
                std::to_string(n) + ", C " + c.shape().to_string());
  if (beta == 0.0)
    C.setZero();
  else if (beta != 1.0)
    C *= T(beta);
  // Without a scale when alpha is 1 (every layer's case): Eigen evaluates a scaled vector (a batch of one) into a
  // temporary on the heap before a matrix-vector product.
  auto add_product = [&](const auto& op_a, const auto& op_b) {
    if (alpha == 1.0)
      C.noalias() += op_a * op_b;
    else
      C.noalias() += T(alpha) * op_a * op_b;
  };
  if (!trans_a && !trans_b) add_product(A, B);
  if (trans_a && !trans_b) add_product(A.transpose(), B);
  if (!trans_a && trans_b) add_product(A, B.transpose());
  if (trans_a && trans_b) add_product(A.transpose(), B.transpose());
}

template <class T>
void CpuBackend<T>::add_bias(Tensor& y, const Tensor& bias) {
  const size_t channels = bias.size(), inner = channel_inner(y, channels, "add_bias");
  const auto b = array(bias);
  // y as [outer, channels, inner]: a dense layer's rows (inner 1) get the bias vector added whole, an image's planes
  // one channel value each.
  T* out = data(y);
  const size_t outer = y.size() / (channels * inner);
  for (size_t n = 0; n < outer; ++n, out += channels * inner) {
    if (inner == 1) {
      Eigen::Map<Vector>(out, Eigen::Index(channels)) += b;
      continue;
    }
    for (size_t c = 0; c < channels; ++c)
      Eigen::Map<Vector>(out + c * inner, Eigen::Index(inner)) += b[Eigen::Index(c)];
  }
}

template <class T>
void CpuBackend<T>::bias_gradient(const Tensor& dy, double beta, Tensor& dbias) {
  const size_t channels = dbias.size(), inner = channel_inner(dy, channels, "bias_gradient");
  auto db = array(dbias);
  if (beta == 0.0)
    db.setZero();
  else
    db *= T(beta);
  const T* g = data(dy);
  const size_t outer = dy.size() / (channels * inner);
  for (size_t n = 0; n < outer; ++n, g += channels * inner) {
    if (inner == 1) {
      db += Eigen::Map<const Vector>(g, Eigen::Index(channels));
      continue;
    }
    for (size_t c = 0; c < channels; ++c)
      db[Eigen::Index(c)] += Eigen::Map<const Vector>(g + c * inner, Eigen::Index(inner)).sum();
  }
}

template <class T>
void CpuBackend<T>::softmax(const Tensor& x, Tensor& y) {
  require_same_size("softmax", x, y);
  const auto X = matrix(x);
  auto Y = matrix(y);
  for (Eigen::Index r = 0; r < X.rows(); ++r) {
    Y.row(r) = (X.row(r).array() - X.row(r).maxCoeff()).exp().matrix();
    Y.row(r) /= Y.row(r).sum();
  }
}

template <class T>
void CpuBackend<T>::softmax_backward(const Tensor& y, const Tensor& dy, Tensor& dx) {
  require_same_size("softmax_backward", y, dy);
  require_same_size("softmax_backward", y, dx);
  const auto Y = matrix(y), G = matrix(dy);
  auto D = matrix(dx);
  for (Eigen::Index r = 0; r < Y.rows(); ++r) {
    const T dot = Y.row(r).dot(G.row(r));
    D.row(r) = (Y.row(r).array() * (G.row(r).array() - dot)).matrix();
  }
}

#define VKRL_INSTANTIATE(T)                                                                                         \
  template void CpuBackend<T>::gemm(bool, bool, double, const Tensor&, const Tensor&, double, Tensor&);             \
  template void CpuBackend<T>::add_bias(Tensor&, const Tensor&);                                                    \
  template void CpuBackend<T>::bias_gradient(const Tensor&, double, Tensor&);                                       \
  template void CpuBackend<T>::softmax(const Tensor&, Tensor&);                                                     \
  template void CpuBackend<T>::softmax_backward(const Tensor&, const Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
