#include "vkrl/agents/dqn/sum_tree.h"

#include <bit>
#include <cmath>
#include <string>

#include "vkrl/error.h"

namespace vkrl::agents::dqn {

SumTree::SumTree(size_t capacity)
    : capacity_(capacity), leaves_(std::bit_ceil(capacity == 0 ? size_t{1} : capacity)), nodes_(2 * leaves_, 0.0) {
  if (capacity == 0) throw Error("sum tree: capacity must be at least 1");
}

void SumTree::set(size_t slot, double priority) {
  if (slot >= capacity_)
    throw Error("sum tree: slot " + std::to_string(slot) + " is past the capacity " + std::to_string(capacity_));
  if (!(priority >= 0.0) || !std::isfinite(priority))
    throw Error("sum tree: priority " + std::to_string(priority) + " of slot " + std::to_string(slot) +
                " is not a finite number >= 0");
  size_t node = leaves_ + slot;
  nodes_[node] = priority;
  for (node /= 2; node >= 1; node /= 2) nodes_[node] = nodes_[2 * node] + nodes_[2 * node + 1];
  if (priority > max_priority_) max_priority_ = priority;
}

size_t SumTree::find(double mass) const {
  size_t node = 1;
  while (node < leaves_) {
    const size_t left = 2 * node;
    // Rounding can put `mass` at or past the left sum when the right side is empty: stay left then.
    if (mass < nodes_[left] || nodes_[left + 1] <= 0.0) {
      node = left;
    } else {
      mass -= nodes_[left];
      node = left + 1;
    }
  }
  return node - leaves_;
}

void SumTree::sample_stratified(SplitMixRandom& rng, std::span<uint32_t> out) const {
  if (!(total() > 0.0)) throw Error("sum tree: cannot sample, every priority is 0");
  const double segment = total() / static_cast<double>(out.size());
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<uint32_t>(find((static_cast<double>(i) + rng.uniform()) * segment));
}

void SumTree::assign_leaves(std::span<const double> priorities, double max_priority) {
  if (priorities.size() != capacity_)
    throw Error("sum tree: " + std::to_string(priorities.size()) + " priorities for a capacity of " +
                std::to_string(capacity_));
  for (size_t i = 0; i < capacity_; ++i) {
    if (!(priorities[i] >= 0.0) || !std::isfinite(priorities[i]))
      throw Error("sum tree: priority of slot " + std::to_string(i) + " is not a finite number >= 0");
    nodes_[leaves_ + i] = priorities[i];
  }
  for (size_t node = leaves_ - 1; node >= 1; --node) nodes_[node] = nodes_[2 * node] + nodes_[2 * node + 1];
  max_priority_ = max_priority;
}

}  // namespace vkrl::agents::dqn
