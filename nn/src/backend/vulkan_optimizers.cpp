// Vulkan backend: the squared global norm, clipping by it, and the optimizers' update rules (nn_optimizer.comp).
#include <cmath>

#include "shape_checks.h"
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

void VulkanBackend::sum_squares(const Tensor& x, double beta, Tensor& out) {
  reduce(view(x), true, 1.0f, float(beta), view(out));
}

void VulkanBackend::clip_by_norm(const Tensor& norm_squared, double max_norm, Tensor& g) {
  const engine::BufferView norm = view(norm_squared), vg = view(g);
  elementwise(ElementwiseOp::clip, engine::BufferView{norm.buffer, norm.offset, sizeof(float)}, vg, vg,
              float(max_norm));
}

void VulkanBackend::optimizer_step(const OptimizerRule& rule, const Tensor& step, Tensor& param, const Tensor& grad,
                                   std::span<Tensor> state) {
  require_optimizer_operands(rule, step, param, grad, state);
  if (param.size() == 0) return;

  const engine::BufferView vstep = view(step), vp = view(param), vg = view(grad);
  engine::BufferView vs[3] = {vg, vg, vg};  // unused state slots see the gradient, which they never touch
  for (size_t i = 0; i < state.size(); ++i) vs[i] = view(state[i]);
  struct {
    uint32_t n, off_step, off_p, off_g, off0, off1, off2;
    uint32_t kind, nesterov, centered, has_momentum;
    float momentum, rho, one_minus_rho;
    float beta1, one_minus_beta1, log_beta1;
    float beta2, one_minus_beta2, log_beta2;
    float epsilon, weight_decay;
  } push{uint32_t(param.size()), offset_of(vstep), offset_of(vp), offset_of(vg), offset_of(vs[0]), offset_of(vs[1]),
         offset_of(vs[2]), uint32_t(rule.kind), rule.nesterov ? 1u : 0u, rule.centered ? 1u : 0u,
         rule.momentum != 0 ? 1u : 0u, float(rule.momentum), float(rule.rho), float(1 - rule.rho),
         float(rule.beta1), float(1 - rule.beta1), float(std::log(rule.beta1)), float(rule.beta2),
         float(1 - rule.beta2), float(std::log(rule.beta2)), float(rule.epsilon), float(rule.weight_decay)};
  auto state_access = [&](size_t i) { return i < state.size() ? engine::Access::read_write : engine::Access::read; };
  dispatch("nn_optimizer",
           {{vstep, engine::Access::read},
            {vp, engine::Access::read_write},
            {vg, engine::Access::read},
            {vs[0], state_access(0)},
            {vs[1], state_access(1)},
            {vs[2], state_access(2)}},
           push, groups_for(param.size()));
}

}  // namespace vkrl::nn
