// CPU backend: the recurrent cells' fused steps, one pass over the batch's N x H units per op (the GEMMs around them
// are the layer's); nothing is allocated.
#include <algorithm>
#include <cmath>

#include "cpu_backend.h"

namespace vkrl::nn {

namespace {

template <class T>
T logistic(T x) {
  return T(1) / (T(1) + std::exp(-x));
}

}  // namespace

template <class T>
void CpuBackend<T>::swap_leading_axes(const Tensor& x, Tensor& y) {
  require_swapped_axes(x, y);
  const size_t a = size_t(x.shape()[0]), b = size_t(x.shape()[1]), inner = x.size() / (a * b);
  const T* in = data(x);
  T* out = data(y);
  for (size_t i = 0; i < a; ++i)
    for (size_t j = 0; j < b; ++j) std::copy_n(in + (i * b + j) * inner, inner, out + (j * a + i) * inner);
}

template <class T>
void CpuBackend<T>::lstm_cell(const Tensor& peephole, const Tensor& c_prev, Tensor& gates, Tensor& c, Tensor& h) {
  const CellSize s = cell_size(c_prev);
  require_cell_tensor("lstm_cell", s, gates, 4);
  require_cell_tensor("lstm_cell", s, c, 1);
  require_cell_tensor("lstm_cell", s, h, 1);
  if (peephole.defined() && peephole.size() != 3 * s.units)
    throw Error("lstm_cell: peepholes " + peephole.shape().to_string() + " for " + std::to_string(s.units) + " units");
  const size_t units = s.units;
  const T* p = peephole.defined() ? data(peephole) : nullptr;
  const T* cp = data(c_prev);
  T *g = data(gates), *cn = data(c), *hn = data(h);
  for (size_t n = 0; n < s.rows; ++n, g += 4 * units, cp += units, cn += units, hn += units)
    for (size_t j = 0; j < units; ++j) {
      const T i = logistic(g[j] + (p ? p[j] * cp[j] : T(0)));
      const T f = logistic(g[units + j] + (p ? p[units + j] * cp[j] : T(0)));
      const T cand = std::tanh(g[2 * units + j]);
      const T cell = f * cp[j] + i * cand;
      const T o = logistic(g[3 * units + j] + (p ? p[2 * units + j] * cell : T(0)));
      g[j] = i;
      g[units + j] = f;
      g[2 * units + j] = cand;
      g[3 * units + j] = o;
      cn[j] = cell;
      hn[j] = o * std::tanh(cell);
    }
}

template <class T>
void CpuBackend<T>::lstm_cell_backward(const Tensor& peephole, const Tensor& gates, const Tensor& c_prev,
                                       const Tensor& c, const Tensor& dh, Tensor& dc, Tensor& dgates,
                                       Tensor& dpeephole) {
  const CellSize s = cell_size(c_prev);
  for (const Tensor* t : {&c, &dh, static_cast<const Tensor*>(&dc)}) require_cell_tensor("lstm_cell_backward", s, *t, 1);
  require_cell_tensor("lstm_cell_backward", s, gates, 4);
  require_cell_tensor("lstm_cell_backward", s, dgates, 4);
  if (peephole.defined()) {
    if (peephole.size() != 3 * s.units)
      throw Error("lstm_cell_backward: peepholes " + peephole.shape().to_string() + " for " +
                  std::to_string(s.units) + " units");
    require_cell_tensor("lstm_cell_backward", s, dpeephole, 3);
  }
  const size_t units = s.units;
  const T* p = peephole.defined() ? data(peephole) : nullptr;
  const T *g = data(gates), *cp = data(c_prev), *cn = data(c), *dhn = data(dh);
  T *dcn = data(dc), *dg = data(dgates), *dp = p ? data(dpeephole) : nullptr;
  for (size_t n = 0; n < s.rows; ++n) {
    for (size_t j = 0; j < units; ++j) {
      const T i = g[j], f = g[units + j], cand = g[2 * units + j], o = g[3 * units + j];
      const T tc = std::tanh(cn[j]);
      const T d_o = dhn[j] * tc * o * (T(1) - o);
      T dcell = dcn[j] + dhn[j] * o * (T(1) - tc * tc);
      if (p) dcell += d_o * p[2 * units + j];
      const T d_i = dcell * cand * i * (T(1) - i);
      const T d_f = dcell * cp[j] * f * (T(1) - f);
      const T d_g = dcell * i * (T(1) - cand * cand);
      T dprev = dcell * f;
      if (p) {
        dprev += d_i * p[j] + d_f * p[units + j];
        dp[j] = d_i * cp[j];
        dp[units + j] = d_f * cp[j];
        dp[2 * units + j] = d_o * cn[j];
      }
      dg[j] = d_i;
      dg[units + j] = d_f;
      dg[2 * units + j] = d_g;
      dg[3 * units + j] = d_o;
      dcn[j] = dprev;
    }
    g += 4 * units, dg += 4 * units, cp += units, cn += units, dhn += units, dcn += units;
    if (dp) dp += 3 * units;
  }
}

template <class T>
void CpuBackend<T>::gru_reset(const Tensor& h_prev, Tensor& zr, Tensor& reset_hidden) {
  const CellSize s = cell_size(h_prev);
  require_cell_tensor("gru_reset", s, zr, 2);
  require_cell_tensor("gru_reset", s, reset_hidden, 1);
  const size_t units = s.units;
  const T* hp = data(h_prev);
  T *g = data(zr), *rh = data(reset_hidden);
  for (size_t n = 0; n < s.rows; ++n, g += 2 * units, hp += units, rh += units)
    for (size_t j = 0; j < units; ++j) {
      g[j] = logistic(g[j]);
      g[units + j] = logistic(g[units + j]);
      rh[j] = g[units + j] * hp[j];
    }
}

template <class T>
void CpuBackend<T>::gru_update(const Tensor& h_prev, const Tensor& zr, Tensor& n, Tensor& h) {
  const CellSize s = cell_size(h_prev);
  require_cell_tensor("gru_update", s, zr, 2);
  require_cell_tensor("gru_update", s, n, 1);
  require_cell_tensor("gru_update", s, h, 1);
  const size_t units = s.units;
  const T *hp = data(h_prev), *g = data(zr);
  T *cand = data(n), *hn = data(h);
  for (size_t r = 0; r < s.rows; ++r, g += 2 * units, hp += units, cand += units, hn += units)
    for (size_t j = 0; j < units; ++j) {
      cand[j] = std::tanh(cand[j]);
      hn[j] = (T(1) - g[j]) * hp[j] + g[j] * cand[j];
    }
}

template <class T>
void CpuBackend<T>::gru_update_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& n, const Tensor& dh,
                                        Tensor& dzr, Tensor& dn, Tensor& dh_prev) {
  const CellSize s = cell_size(h_prev);
  for (const Tensor* t : {&n, &dh, static_cast<const Tensor*>(&dn), static_cast<const Tensor*>(&dh_prev)})
    require_cell_tensor("gru_update_backward", s, *t, 1);
  require_cell_tensor("gru_update_backward", s, zr, 2);
  require_cell_tensor("gru_update_backward", s, dzr, 2);
  const size_t units = s.units;
  const T *hp = data(h_prev), *g = data(zr), *cand = data(n), *dhn = data(dh);
  T *dg = data(dzr), *dcand = data(dn), *dhp = data(dh_prev);
  for (size_t r = 0; r < s.rows; ++r) {
    for (size_t j = 0; j < units; ++j) {
      const T z = g[j];
      dcand[j] = dhn[j] * z * (T(1) - cand[j] * cand[j]);
      dg[j] = dhn[j] * (cand[j] - hp[j]) * z * (T(1) - z);
      dhp[j] += dhn[j] * (T(1) - z);
    }
    hp += units, g += 2 * units, cand += units, dhn += units, dg += 2 * units, dcand += units, dhp += units;
  }
}

template <class T>
void CpuBackend<T>::gru_reset_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& d_reset_hidden,
                                       Tensor& dzr, Tensor& dh_prev) {
  const CellSize s = cell_size(h_prev);
  require_cell_tensor("gru_reset_backward", s, d_reset_hidden, 1);
  require_cell_tensor("gru_reset_backward", s, dh_prev, 1);
  require_cell_tensor("gru_reset_backward", s, zr, 2);
  require_cell_tensor("gru_reset_backward", s, dzr, 2);
  const size_t units = s.units;
  const T *hp = data(h_prev), *g = data(zr), *drh = data(d_reset_hidden);
  T *dg = data(dzr), *dhp = data(dh_prev);
  for (size_t r = 0; r < s.rows; ++r) {
    for (size_t j = 0; j < units; ++j) {
      const T reset = g[units + j];
      dg[units + j] = drh[j] * hp[j] * reset * (T(1) - reset);
      dhp[j] += drh[j] * reset;
    }
    hp += units, g += 2 * units, drh += units, dg += 2 * units, dhp += units;
  }
}

#define VKRL_INSTANTIATE(T)                                                                                          \
  template void CpuBackend<T>::swap_leading_axes(const Tensor&, Tensor&);                                            \
  template void CpuBackend<T>::lstm_cell(const Tensor&, const Tensor&, Tensor&, Tensor&, Tensor&);                   \
  template void CpuBackend<T>::lstm_cell_backward(const Tensor&, const Tensor&, const Tensor&, const Tensor&,        \
                                                  const Tensor&, Tensor&, Tensor&, Tensor&);                         \
  template void CpuBackend<T>::gru_reset(const Tensor&, Tensor&, Tensor&);                                           \
  template void CpuBackend<T>::gru_update(const Tensor&, const Tensor&, Tensor&, Tensor&);                           \
  template void CpuBackend<T>::gru_update_backward(const Tensor&, const Tensor&, const Tensor&, const Tensor&,       \
                                                   Tensor&, Tensor&, Tensor&);                                       \
  template void CpuBackend<T>::gru_reset_backward(const Tensor&, const Tensor&, const Tensor&, Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
