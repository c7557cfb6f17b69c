// SumTree holds a non-negative priority for each of `capacity` slots in a binary tree whose inner nodes hold the sum of
// their children (Schaul et al. 2016, "Prioritized Experience Replay", appendix B.2.1): setting a priority and finding
// the slot where a prefix sum falls both take O(log n), so slots can be drawn in proportion to their priority.
// Parents are recomputed from their children on every set, in double precision, so the sums never drift and a subtree
// of zeros sums to exactly zero (a slot of priority 0 is never drawn). max_priority() is the largest priority ever
// set, the value prioritized replay gives new transitions.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "vkrl/agents/dqn/splitmix_random.h"

namespace vkrl::agents::dqn {

class SumTree {
public:
  explicit SumTree(size_t capacity);

  size_t capacity() const { return capacity_; }
  void set(size_t slot, double priority);
  double get(size_t slot) const { return nodes_[leaves_ + slot]; }
  double total() const { return nodes_[1]; }
  double max_priority() const { return max_priority_; }
  size_t bytes() const { return nodes_.size() * sizeof(double); }

  // The slot whose priority interval [prefix sums before it, ... + its priority) holds `mass`, for mass in
  // [0, total()); always a slot of non-zero priority while total() > 0.
  size_t find(double mass) const;
  // One slot per entry of `out`, stratified: the total is cut into out.size() equal segments and one uniform draw is
  // made in each, so a batch spreads over the whole distribution. total() must be > 0.
  void sample_stratified(SplitMixRandom& rng, std::span<uint32_t> out) const;

  // Every leaf's priority, for snapshots; assign_leaves rebuilds the sums from them and restores the running max.
  std::span<const double> leaves() const { return {nodes_.data() + leaves_, capacity_}; }
  void assign_leaves(std::span<const double> priorities, double max_priority);

private:
  size_t capacity_;
  size_t leaves_;              // leaf count: capacity rounded up to a power of two; leaf i is node leaves_ + i
  std::vector<double> nodes_;  // 1-based heap order: node k has children 2k and 2k + 1; nodes_[0] is unused
  double max_priority_ = 0.0;
};

}  // namespace vkrl::agents::dqn
