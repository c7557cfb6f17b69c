// Graph is recorded work that can be replayed: made by Stream::finish(), it holds the command buffer and every
// descriptor set it uses, and each replay is one queue submit with no host work inside. Buffers it names must stay
// alive and in place; values that change between replays belong in buffers, not in push constants.
#pragma once

#include <memory>

namespace vkrl::engine {

class Buffer;

class Graph {
public:
  struct Impl;
  explicit Graph(std::unique_ptr<Impl> impl);
  ~Graph();
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;

  void submit();
  void wait();
  void replay() { submit(); wait(); }
  // Whether a recorded command reads or writes `buffer`: the host may write a buffer that no running graph uses.
  bool uses(const Buffer& buffer) const;

private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace vkrl::engine
