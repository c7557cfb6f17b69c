// Vulkan backend: batch normalisation (nn_batch_norm.comp, one workgroup per channel).
#include "shape_checks.h"
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

namespace {

struct BatchNormPush {
  uint32_t n, c, inner;
  uint32_t off[8];
  float momentum, epsilon;
};

// x seen as [N, C, inner] with C = the per-channel tensors' size, each of which must hold C values.
BatchNormPush geometry(const Tensor& x, std::initializer_list<const Tensor*> per_channel, const char* op) {
  const size_t channels = per_channel.begin()[0]->size();
  const size_t inner = channel_inner(x, channels, op);
  for (const Tensor* t : per_channel)
    if (t->size() != channels)
      throw Error(std::string(op) + ": per-channel tensors " + per_channel.begin()[0]->shape().to_string() + " and " +
                  t->shape().to_string() + " differ in size");
  return {uint32_t(x.shape().rows()), uint32_t(channels), uint32_t(inner), {}, 0.0f, 0.0f};
}

}  // namespace

void VulkanBackend::batch_norm_train(const Tensor& x, const Tensor& gamma, const Tensor& beta, double momentum,
                                     double epsilon, Tensor& running_mean, Tensor& running_var, Tensor& saved_mean,
                                     Tensor& saved_inv_std, Tensor& y) {
  require_same_size("batch_norm_train", x, y);
  BatchNormPush push =
      geometry(x, {&gamma, &beta, &running_mean, &running_var, &saved_mean, &saved_inv_std}, "batch_norm_train");
  const engine::BufferView v[8] = {view(x),           view(gamma),      view(beta),          view(running_mean),
                                   view(running_var), view(saved_mean), view(saved_inv_std), view(y)};
  for (int i = 0; i < 8; ++i) push.off[i] = offset_of(v[i]);
  push.momentum = float(momentum);
  push.epsilon = float(epsilon);
  using engine::Access;
  dispatch_reduction("nn_batch_norm_train",
           {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::read}, {v[3], Access::read_write},
            {v[4], Access::read_write}, {v[5], Access::write}, {v[6], Access::write}, {v[7], Access::write}},
           push, uint32_t(std::min<size_t>(push.c, 65535)));
}

void VulkanBackend::batch_norm_inference(const Tensor& x, const Tensor& gamma, const Tensor& beta,
                                         const Tensor& running_mean, const Tensor& running_var, double epsilon,
                                         Tensor& y) {
  require_same_size("batch_norm_inference", x, y);
  BatchNormPush push = geometry(x, {&gamma, &beta, &running_mean, &running_var}, "batch_norm_inference");
  const engine::BufferView v[6] = {view(x), view(gamma), view(beta), view(running_mean), view(running_var), view(y)};
  for (int i = 0; i < 6; ++i) push.off[i] = offset_of(v[i]);
  push.epsilon = float(epsilon);
  using engine::Access;
  dispatch_reduction("nn_batch_norm_inference",
           {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::read}, {v[3], Access::read},
            {v[4], Access::read}, {v[5], Access::write}},
           push, uint32_t(std::min<size_t>(push.c, 65535)));
}

void VulkanBackend::batch_norm_backward(const Tensor& x, const Tensor& gamma, const Tensor& saved_mean,
                                        const Tensor& saved_inv_std, const Tensor& dy, Tensor& dx, Tensor& dgamma,
                                        Tensor& dbeta) {
  require_same_size("batch_norm_backward", x, dy);
  require_same_size("batch_norm_backward", x, dx);
  BatchNormPush push = geometry(x, {&gamma, &saved_mean, &saved_inv_std, &dgamma, &dbeta}, "batch_norm_backward");
  const engine::BufferView v[8] = {view(x),  view(gamma), view(saved_mean), view(saved_inv_std),
                                   view(dy), view(dx),    view(dgamma),     view(dbeta)};
  for (int i = 0; i < 8; ++i) push.off[i] = offset_of(v[i]);
  using engine::Access;
  dispatch_reduction("nn_batch_norm_backward",
           {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::read}, {v[3], Access::read},
            {v[4], Access::read}, {v[5], Access::write}, {v[6], Access::write}, {v[7], Access::write}},
           push, uint32_t(std::min<size_t>(push.c, 65535)));
}

}  // namespace vkrl::nn
