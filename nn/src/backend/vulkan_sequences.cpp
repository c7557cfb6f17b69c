// Vulkan backend: the sequence ops (nn_embedding.comp).
#include "shape_checks.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

namespace {

struct EmbeddingPush {
  uint32_t positions, vocab, dim;
  uint32_t off[3];
};

}  // namespace

void VulkanBackend::embedding(const Tensor& indices, const Tensor& table, Tensor& y) {
  const size_t dim = require_embedding("embedding", indices, table, y);
  EmbeddingPush push{uint32_t(indices.size()), uint32_t(table.shape()[0]), uint32_t(dim), {}};
  const engine::BufferView v[3] = {view(indices), view(table), view(y)};
  for (int i = 0; i < 3; ++i) push.off[i] = offset_of(v[i]);
  using engine::Access;
  dispatch("nn_embedding", {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::write}}, push,
           groups_for(y.size()));
}

void VulkanBackend::embedding_backward(const Tensor& indices, const Tensor& dy, Tensor& dtable) {
  const size_t dim = require_embedding("embedding_backward", indices, dtable, dy);
  EmbeddingPush push{uint32_t(indices.size()), uint32_t(dtable.shape()[0]), uint32_t(dim), {}};
  const engine::BufferView v[3] = {view(indices), view(dy), view(dtable)};
  for (int i = 0; i < 3; ++i) push.off[i] = offset_of(v[i]);
  using engine::Access;
  dispatch("nn_embedding_backward", {{v[0], Access::read}, {v[1], Access::read}, {v[2], Access::write}}, push,
           groups_for(dtable.size()));
}

}  // namespace vkrl::nn
