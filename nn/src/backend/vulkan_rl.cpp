// Vulkan backend: the value-based RL ops (nn_rl.comp, one invocation per batch row).
#include <algorithm>

#include "shape_checks.h"
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

namespace {

struct RlPush {
  uint32_t rows, cols;
  uint32_t off[7];
  float delta;
};

RlPush rows_of(const Tensor& q) { return {uint32_t(q.shape().rows()), uint32_t(q.shape().cols()), {}, 0.0f}; }

}  // namespace

void VulkanBackend::q_targets(const Tensor& next_q_target, const Tensor& next_q_select, const Tensor& rewards,
                              const Tensor& discounts, Tensor& targets) {
  if (!(next_q_target.shape() == next_q_select.shape()))
    throw Error("q_targets: next-state values " + next_q_target.shape().to_string() + " and " +
                next_q_select.shape().to_string() + " differ");
  for (const Tensor* t : {&rewards, &discounts, static_cast<const Tensor*>(&targets)})
    require_rows("q_targets", next_q_target, *t);
  RlPush push = rows_of(next_q_target);
  const engine::BufferView v[5] = {view(next_q_target), view(next_q_select), view(rewards), view(discounts),
                                   view(targets)};
  for (int i = 0; i < 5; ++i) push.off[i] = offset_of(v[i]);
  using engine::Access;
  dispatch("nn_q_targets",
           {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::read}, {v[3], Access::read},
            {v[4], Access::write}},
           push, groups_for(push.rows));
}

void VulkanBackend::td_loss(const Tensor& q, const Tensor& actions, const Tensor& targets, const Tensor& weights,
                            double delta, Tensor& loss, Tensor& dq, Tensor& abs_td) {
  require_same_size("td_loss", q, dq);
  for (const Tensor* t : {&actions, &targets, &weights, static_cast<const Tensor*>(&abs_td)})
    require_rows("td_loss", q, *t);
  RlPush push = rows_of(q);
  push.delta = float(delta);
  const engine::BufferView terms = scratch(push.rows);
  const engine::BufferView v[7] = {view(q),  view(actions), view(targets), view(weights),
                                   view(dq), view(abs_td),  terms};
  for (int i = 0; i < 7; ++i) push.off[i] = offset_of(v[i]);
  using engine::Access;
  dispatch("nn_td_loss",
           {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::read}, {v[3], Access::read},
            {v[4], Access::write}, {v[5], Access::write}, {v[6], Access::write}},
           push, groups_for(push.rows));
  // An action outside its row cannot throw from a kernel; the loss comes out NaN instead.
  reduce(engine::BufferView{terms.buffer, terms.offset, push.rows * sizeof(float)}, false,
         1.0f / float(std::max(push.rows, 1u)), 0.0f, view(loss));
}

void VulkanBackend::dueling(const Tensor& value, const Tensor& advantage, Tensor& q) {
  require_same_size("dueling", advantage, q);
  require_rows("dueling", advantage, value);
  RlPush push = rows_of(advantage);
  const engine::BufferView v[3] = {view(value), view(advantage), view(q)};
  for (int i = 0; i < 3; ++i) push.off[i] = offset_of(v[i]);
  using engine::Access;
  dispatch("nn_dueling", {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::write}}, push,
           groups_for(push.rows));
}

void VulkanBackend::dueling_backward(const Tensor& dq, Tensor& dvalue, Tensor& dadvantage) {
  require_same_size("dueling_backward", dq, dadvantage);
  require_rows("dueling_backward", dq, dvalue);
  RlPush push = rows_of(dq);
  const engine::BufferView v[3] = {view(dq), view(dvalue), view(dadvantage)};
  for (int i = 0; i < 3; ++i) push.off[i] = offset_of(v[i]);
  using engine::Access;
  dispatch("nn_dueling_backward", {{v[0], Access::read}, {v[1], Access::write}, {v[2], Access::write}}, push,
           groups_for(push.rows));
}

}  // namespace vkrl::nn
