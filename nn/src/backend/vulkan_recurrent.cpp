// Vulkan backend: the recurrent cells' fused steps (nn_recurrent.comp), one dispatch per op over the batch's N x H
// units.
#include <vector>

#include "shape_checks.h"
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

namespace {

struct RecurrentPush {
  uint32_t rows, units, inner, peephole;
  uint32_t off[8];
};

}  // namespace

// Records `kernel` over `items` invocations with `bindings`, their offsets filled into the push constants in order.
void VulkanBackend::recurrent_dispatch(const char* kernel, std::initializer_list<engine::Binding> bindings,
                                       uint32_t rows, uint32_t units, uint32_t inner, bool peephole) {
  RecurrentPush push{rows, units, inner, peephole ? 1u : 0u, {}};
  size_t i = 0;
  for (const engine::Binding& b : bindings) push.off[i++] = offset_of(b.view);
  dispatch(kernel, bindings, push, groups_for(size_t(rows) * units * inner));
}

void VulkanBackend::swap_leading_axes(const Tensor& x, Tensor& y) {
  require_swapped_axes(x, y);
  const uint32_t a = uint32_t(x.shape()[0]), b = uint32_t(x.shape()[1]);
  using engine::Access;
  recurrent_dispatch("nn_swap_leading_axes", {{view(x), Access::read}, {view(y), Access::write}}, a, b,
                     uint32_t(x.size() / (size_t(a) * b)), false);
}

void VulkanBackend::lstm_cell(const Tensor& peephole, const Tensor& c_prev, Tensor& gates, Tensor& c, Tensor& h) {
  const CellSize s = require_cell_operands("lstm_cell", c_prev, {{gates, 4}, {c, 1}, {h, 1}});
  require_peepholes("lstm_cell", s, peephole);
  // Without peepholes the kernel reads none; a scratch float stands in for the binding.
  const engine::BufferView p = peephole.defined() ? view(peephole) : scratch(1);
  using engine::Access;
  recurrent_dispatch("nn_lstm_cell",
                     {{p, Access::read}, {view(c_prev), Access::read}, {view(gates), Access::read_write},
                      {view(c), Access::write}, {view(h), Access::write}},
                     uint32_t(s.rows), uint32_t(s.units), 1, peephole.defined());
}

void VulkanBackend::lstm_cell_backward(const Tensor& peephole, const Tensor& gates, const Tensor& c_prev,
                                       const Tensor& c, const Tensor& dh, Tensor& dc, Tensor& dgates,
                                       Tensor& dpeephole) {
  const CellSize s =
      require_cell_operands("lstm_cell_backward", c_prev, {{c, 1}, {dh, 1}, {dc, 1}, {gates, 4}, {dgates, 4}});
  require_peepholes("lstm_cell_backward", s, peephole, &dpeephole);
  const engine::BufferView p = peephole.defined() ? view(peephole) : scratch(1);
  const engine::BufferView dp = peephole.defined() ? view(dpeephole) : scratch(1);
  using engine::Access;
  recurrent_dispatch("nn_lstm_cell_backward",
                     {{p, Access::read}, {view(gates), Access::read}, {view(c_prev), Access::read},
                      {view(c), Access::read}, {view(dh), Access::read}, {view(dc), Access::read_write},
                      {view(dgates), Access::write}, {dp, Access::write}},
                     uint32_t(s.rows), uint32_t(s.units), 1, peephole.defined());
}

void VulkanBackend::gru_reset(const Tensor& h_prev, Tensor& zr, Tensor& reset_hidden) {
  const CellSize s = require_cell_operands("gru_reset", h_prev, {{zr, 2}, {reset_hidden, 1}});
  using engine::Access;
  recurrent_dispatch("nn_gru_reset",
                     {{view(h_prev), Access::read}, {view(zr), Access::read_write},
                      {view(reset_hidden), Access::write}},
                     uint32_t(s.rows), uint32_t(s.units), 1, false);
}

void VulkanBackend::gru_update(const Tensor& h_prev, const Tensor& zr, Tensor& n, Tensor& h) {
  const CellSize s = require_cell_operands("gru_update", h_prev, {{zr, 2}, {n, 1}, {h, 1}});
  using engine::Access;
  recurrent_dispatch("nn_gru_update",
                     {{view(h_prev), Access::read}, {view(zr), Access::read}, {view(n), Access::read_write},
                      {view(h), Access::write}},
                     uint32_t(s.rows), uint32_t(s.units), 1, false);
}

void VulkanBackend::gru_update_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& n, const Tensor& dh,
                                        Tensor& dzr, Tensor& dn, Tensor& dh_prev) {
  const CellSize s = require_cell_operands("gru_update_backward", h_prev,
                                           {{n, 1}, {dh, 1}, {dn, 1}, {dh_prev, 1}, {zr, 2}, {dzr, 2}});
  using engine::Access;
  recurrent_dispatch("nn_gru_update_backward",
                     {{view(h_prev), Access::read}, {view(zr), Access::read}, {view(n), Access::read},
                      {view(dh), Access::read}, {view(dzr), Access::write}, {view(dn), Access::write},
                      {view(dh_prev), Access::read_write}},
                     uint32_t(s.rows), uint32_t(s.units), 1, false);
}

void VulkanBackend::gru_reset_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& d_reset_hidden,
                                       Tensor& dzr, Tensor& dh_prev) {
  const CellSize s =
      require_cell_operands("gru_reset_backward", h_prev, {{d_reset_hidden, 1}, {dh_prev, 1}, {zr, 2}, {dzr, 2}});
  using engine::Access;
  recurrent_dispatch("nn_gru_reset_backward",
                     {{view(h_prev), Access::read}, {view(zr), Access::read}, {view(d_reset_hidden), Access::read},
                      {view(dzr), Access::read_write}, {view(dh_prev), Access::read_write}},
                     uint32_t(s.rows), uint32_t(s.units), 1, false);
}

}  // namespace vkrl::nn
