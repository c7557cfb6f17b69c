// The Vulkan objects a Graph owns: its command buffer, the descriptor pools of its sets, and its submission fence;
// and the buffers its commands use.
#pragma once

#include "context_impl.h"
#include "submission.h"
#include "vkrl/engine/graph.h"

namespace vkrl::engine {

struct Graph::Impl {
  Context::Impl& ctx;
  vk::UniqueCommandBuffer cmd;
  std::vector<vk::UniqueDescriptorPool> pools;
  std::vector<const void*> buffers;  // sorted
  Submission submission;

  Impl(Context::Impl& c, vk::UniqueCommandBuffer commands, std::vector<vk::UniqueDescriptorPool> descriptor_pools,
       std::vector<const void*> used_buffers)
      : ctx(c),
        cmd(std::move(commands)),
        pools(std::move(descriptor_pools)),
        buffers(std::move(used_buffers)),
        submission(*c.device) {}
};

}  // namespace vkrl::engine
