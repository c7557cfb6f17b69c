// CPU backend: the recurrent cells' fused steps, one pass over the batch's N x H units per op (the GEMMs around them
// are the layer's), each row of H units as Eigen arrays so that exp and tanh are vectorized; nothing is allocated.
#include <algorithm>

#include "cpu_backend.h"

namespace vkrl::nn {

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
  const CellSize s = require_cell_operands("lstm_cell", c_prev, {{gates, 4}, {c, 1}, {h, 1}});
  require_peepholes("lstm_cell", s, peephole);
  // Row by row as Eigen arrays of H units, so that exp and tanh are vectorized; every expression writes in place.
  using Units = Eigen::Map<Vector>;
  const Eigen::Index units = Eigen::Index(s.units);
  T* p = peephole.defined() ? data(peephole) : nullptr;
  T *cp = data(c_prev), *g = data(gates), *cn = data(c), *hn = data(h);
  for (size_t n = 0; n < s.rows; ++n, g += 4 * units, cp += units, cn += units, hn += units) {
    Units i(g, units), f(g + units, units), cand(g + 2 * units, units), o(g + 3 * units, units);
    Units previous(cp, units), cell(cn, units), state(hn, units);
    if (p) {
      i += Units(p, units) * previous;
      f += Units(p + units, units) * previous;
    }
    i = (T(1) + (-i).exp()).inverse();
    f = (T(1) + (-f).exp()).inverse();
    cand = cand.tanh();
    cell = f * previous + i * cand;
    if (p) o += Units(p + 2 * units, units) * cell;
    o = (T(1) + (-o).exp()).inverse();
    state = o * cell.tanh();
  }
}

template <class T>
void CpuBackend<T>::lstm_cell_backward(const Tensor& peephole, const Tensor& gates, const Tensor& c_prev,
                                       const Tensor& c, const Tensor& dh, Tensor& dc, Tensor& dgates,
                                       Tensor& dpeephole) {
  const CellSize s =
      require_cell_operands("lstm_cell_backward", c_prev, {{c, 1}, {dh, 1}, {dc, 1}, {gates, 4}, {dgates, 4}});
  require_peepholes("lstm_cell_backward", s, peephole, &dpeephole);
  // As lstm_cell, row by row in Eigen arrays; dgates' blocks hold intermediate values before their final ones, so
  // that nothing is allocated.
  using Units = Eigen::Map<Vector>;
  const Eigen::Index units = Eigen::Index(s.units);
  T* p = peephole.defined() ? data(peephole) : nullptr;
  T *g = data(gates), *cp = data(c_prev), *cn = data(c), *dhn = data(dh);
  T *dcn = data(dc), *dg = data(dgates), *dp = p ? data(dpeephole) : nullptr;
  for (size_t n = 0; n < s.rows; ++n) {
    Units i(g, units), f(g + units, units), cand(g + 2 * units, units), o(g + 3 * units, units);
    Units previous(cp, units), cell(cn, units), grad_h(dhn, units), grad_c(dcn, units);
    Units d_i(dg, units), d_f(dg + units, units), d_g(dg + 2 * units, units), d_o(dg + 3 * units, units);
    d_g = cell.tanh();  // tanh(c_t) until d_g's own value below
    d_o = grad_h * d_g * o * (T(1) - o);
    grad_c += grad_h * o * (T(1) - d_g.square());
    if (p) grad_c += d_o * Units(p + 2 * units, units);
    d_i = grad_c * cand * i * (T(1) - i);
    d_f = grad_c * previous * f * (T(1) - f);
    d_g = grad_c * i * (T(1) - cand.square());
    grad_c *= f;
    if (p) {
      grad_c += d_i * Units(p, units) + d_f * Units(p + units, units);
      Units(dp, units) = d_i * previous;
      Units(dp + units, units) = d_f * previous;
      Units(dp + 2 * units, units) = d_o * cell;
      dp += 3 * units;
    }
    g += 4 * units, dg += 4 * units, cp += units, cn += units, dhn += units, dcn += units;
  }
}

// The GRU's halves, row by row in Eigen arrays as the LSTM's cell.
template <class T>
void CpuBackend<T>::gru_reset(const Tensor& h_prev, Tensor& zr, Tensor& reset_hidden) {
  const CellSize s = require_cell_operands("gru_reset", h_prev, {{zr, 2}, {reset_hidden, 1}});
  using Units = Eigen::Map<Vector>;
  const Eigen::Index units = Eigen::Index(s.units);
  T *hp = data(h_prev), *g = data(zr), *rh = data(reset_hidden);
  for (size_t n = 0; n < s.rows; ++n, g += 2 * units, hp += units, rh += units) {
    Units z(g, units), r(g + units, units);
    z = (T(1) + (-z).exp()).inverse();
    r = (T(1) + (-r).exp()).inverse();
    Units(rh, units) = r * Units(hp, units);
  }
}

template <class T>
void CpuBackend<T>::gru_update(const Tensor& h_prev, const Tensor& zr, Tensor& n, Tensor& h) {
  const CellSize s = require_cell_operands("gru_update", h_prev, {{zr, 2}, {n, 1}, {h, 1}});
  using Units = Eigen::Map<Vector>;
  const Eigen::Index units = Eigen::Index(s.units);
  T *hp = data(h_prev), *g = data(zr), *cand = data(n), *hn = data(h);
  for (size_t r = 0; r < s.rows; ++r, g += 2 * units, hp += units, cand += units, hn += units) {
    Units z(g, units), candidate(cand, units);
    candidate = candidate.tanh();
    Units(hn, units) = (T(1) - z) * Units(hp, units) + z * candidate;
  }
}

template <class T>
void CpuBackend<T>::gru_update_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& n, const Tensor& dh,
                                        Tensor& dzr, Tensor& dn, Tensor& dh_prev) {
  const CellSize s = require_cell_operands("gru_update_backward", h_prev,
                                           {{n, 1}, {dh, 1}, {dn, 1}, {dh_prev, 1}, {zr, 2}, {dzr, 2}});
  using Units = Eigen::Map<Vector>;
  const Eigen::Index units = Eigen::Index(s.units);
  T *hp = data(h_prev), *g = data(zr), *cand = data(n), *dhn = data(dh);
  T *dg = data(dzr), *dcand = data(dn), *dhp = data(dh_prev);
  for (size_t r = 0; r < s.rows; ++r) {
    Units z(g, units), candidate(cand, units), grad_h(dhn, units), previous(hp, units);
    Units(dcand, units) = grad_h * z * (T(1) - candidate.square());
    Units(dg, units) = grad_h * (candidate - previous) * z * (T(1) - z);
    Units(dhp, units) += grad_h * (T(1) - z);
    hp += units, g += 2 * units, cand += units, dhn += units, dg += 2 * units, dcand += units, dhp += units;
  }
}

template <class T>
void CpuBackend<T>::gru_reset_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& d_reset_hidden,
                                       Tensor& dzr, Tensor& dh_prev) {
  const CellSize s =
      require_cell_operands("gru_reset_backward", h_prev, {{d_reset_hidden, 1}, {dh_prev, 1}, {zr, 2}, {dzr, 2}});
  using Units = Eigen::Map<Vector>;
  const Eigen::Index units = Eigen::Index(s.units);
  T *hp = data(h_prev), *g = data(zr), *drh = data(d_reset_hidden), *dg = data(dzr), *dhp = data(dh_prev);
  for (size_t r = 0; r < s.rows; ++r) {
    Units reset(g + units, units), grad(drh, units);
    Units(dg + units, units) = grad * Units(hp, units) * reset * (T(1) - reset);
    Units(dhp, units) += grad * reset;
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
