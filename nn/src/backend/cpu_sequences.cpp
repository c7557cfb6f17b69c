// CPU backend: the sequence ops (embedding lookup and its scatter-add gradient).
#include "cpu_backend.h"

#include <cmath>

namespace vkrl::nn {

namespace {

// The table row of position i, or an error naming the position and the index.
template <class T>
size_t table_row(const char* op, const Tensor& indices, const T* index, size_t i, size_t vocab) {
  const T v = index[i];
  if (!(v >= 0 && v < T(vocab)) || v != std::floor(v))
    throw Error(std::string(op) + ": index " + std::to_string(double(v)) + " at position " + std::to_string(i) +
                " of " + indices.shape().to_string() + " is not a whole number in [0, " + std::to_string(vocab) + ")");
  return size_t(v);
}

}  // namespace

template <class T>
void CpuBackend<T>::embedding(const Tensor& indices, const Tensor& table, Tensor& y) {
  const size_t dim = require_embedding("embedding", indices, table, y);
  const size_t vocab = size_t(table.shape()[0]);
  const T *index = data(indices), *w = data(table);
  T* out = data(y);
  for (size_t i = 0; i < indices.size(); ++i) {
    const T* row = w + table_row("embedding", indices, index, i, vocab) * dim;
    std::copy(row, row + dim, out + i * dim);
  }
}

template <class T>
void CpuBackend<T>::embedding_backward(const Tensor& indices, const Tensor& dy, Tensor& dtable) {
  const size_t dim = require_embedding("embedding_backward", indices, dtable, dy);
  const size_t vocab = size_t(dtable.shape()[0]);
  const T *index = data(indices), *g = data(dy);
  T* dw = data(dtable);
  std::fill(dw, dw + dtable.size(), T(0));
  for (size_t i = 0; i < indices.size(); ++i) {
    T* row = dw + table_row("embedding_backward", indices, index, i, vocab) * dim;
    for (size_t d = 0; d < dim; ++d) row[d] += g[i * dim + d];
  }
}

#define VKRL_INSTANTIATE(T)                                                                                          \
  template void CpuBackend<T>::embedding(const Tensor&, const Tensor&, Tensor&);                                     \
  template void CpuBackend<T>::embedding_backward(const Tensor&, const Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
