#include "vkrl/engine/graph.h"

#include <algorithm>

#include "graph_impl.h"

namespace vkrl::engine {

Graph::Graph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Graph::~Graph() {
  try {
    wait();
  } catch (...) {
    // See Stream::~Stream.
  }
}

Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

void Graph::submit() { impl_->submission.submit(impl_->ctx.queue, *impl_->cmd, "a graph"); }

bool Graph::uses(const Buffer& buffer) const {
  return std::binary_search(impl_->buffers.begin(), impl_->buffers.end(), static_cast<const void*>(&buffer));
}

void Graph::wait() {
  if (impl_) impl_->submission.wait("a graph");
}

}  // namespace vkrl::engine
