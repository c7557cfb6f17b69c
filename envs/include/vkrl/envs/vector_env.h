// VectorEnv steps N copies of an environment as one batch, across a pool of threads, writing every observation
// straight into one contiguous buffer (the EnvPool idea): agents act on the whole batch with one forward pass. A copy
// whose episode ends is reset at once (auto-reset): its row of observations() then holds the first observation of the
// new episode, and final_observations() keeps the last one of the episode that ended (needed to bootstrap a
// truncated episode). Episode e of copy i is seeded from (seed, i, e) alone, so results do not depend on the number
// of threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "vkrl/envs/env.h"
#include "vkrl/worker_pool.h"

namespace vkrl::envs {

class VectorEnv {
public:
  using Factory = std::function<std::unique_ptr<Env>()>;

  VectorEnv(const Factory& make, int count, int threads, uint64_t seed);

  int size() const { return static_cast<int>(envs_.size()); }
  const ObservationSpec& observation_spec() const { return spec_; }
  int action_count() const { return envs_.front()->action_count(); }
  Env& env(int i) { return *envs_[static_cast<size_t>(i)]; }

  // Starts a fresh episode in every copy.
  void reset();
  // Puts every copy back where a run left it, for resuming from a checkpoint: copy i is reset to episode
  // `episodes[i]` (its seed), given the state it carried into that episode (`carried[i]`, see
  // episode_start_states()) and stepped through `actions[i]`, the actions of that episode so far. Episodes are
  // deterministic given these, so the copies and their observations are exactly as they were.
  void restore(std::span<const uint64_t> episodes, std::span<const std::vector<int64_t>> carried,
               std::span<const std::vector<int>> actions);
  // Each copy's Env::carried_state() when its current episode began.
  std::span<const std::vector<int64_t>> episode_start_states() const { return episode_start_states_; }
  // Steps copy i with actions[i]; copies whose episode ends are reset.
  void step(std::span<const int> actions);

  std::span<const float> observations() const { return observations_; }              // size() x spec size
  std::span<const float> final_observations() const { return final_observations_; }  // rows where done
  std::span<const float> rewards() const { return rewards_; }
  std::span<const uint8_t> terminated() const { return terminated_; }
  std::span<const uint8_t> truncated() const { return truncated_; }
  // Episodes finished by each copy so far.
  std::span<const uint64_t> episodes() const { return episodes_; }

  // The seed of episode `episode` of copy `index`.
  static uint64_t episode_seed(uint64_t seed, int index, uint64_t episode);

private:
  std::span<float> row(std::vector<float>& buffer, int i) {
    return {buffer.data() + size_t(i) * spec_.size(), spec_.size()};
  }

  std::vector<std::unique_ptr<Env>> envs_;
  ObservationSpec spec_;
  uint64_t seed_;
  WorkerPool pool_;
  std::vector<float> observations_, final_observations_, rewards_;
  std::vector<uint8_t> terminated_, truncated_;
  std::vector<uint64_t> episodes_;
  std::vector<std::vector<int64_t>> episode_start_states_;
};

}  // namespace vkrl::envs
