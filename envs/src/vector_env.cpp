#include "vkrl/envs/vector_env.h"

#include <algorithm>
#include <string>

#include "vkrl/error.h"
#include "vkrl/splitmix64.h"

namespace vkrl::envs {

uint64_t VectorEnv::episode_seed(uint64_t seed, int index, uint64_t episode) {
  return splitmix64(splitmix64(splitmix64(seed) ^ static_cast<uint64_t>(index)) ^ episode);
}

VectorEnv::VectorEnv(const Factory& make, int count, int threads, uint64_t seed)
    : seed_(seed), pool_(std::clamp(threads, 1, std::max(count, 1))) {
  if (count < 1) throw Error("a vector env needs at least one copy, got " + std::to_string(count));
  for (int i = 0; i < count; ++i) envs_.push_back(make());
  spec_ = envs_.front()->observation_spec();
  const size_t n = size_t(count);
  observations_.assign(n * spec_.size(), 0.0f);
  final_observations_.assign(n * spec_.size(), 0.0f);
  rewards_.assign(n, 0.0f);
  terminated_.assign(n, 0);
  truncated_.assign(n, 0);
  episodes_.assign(n, 0);
  episode_start_states_.assign(n, {});
}

void VectorEnv::reset() {
  pool_.run(size(), [&](int i) {
    envs_[size_t(i)]->reset(episode_seed(seed_, i, episodes_[size_t(i)]));
    episode_start_states_[size_t(i)] = envs_[size_t(i)]->carried_state();
    envs_[size_t(i)]->observe(row(observations_, i));
  });
}

void VectorEnv::restore(std::span<const uint64_t> episodes, std::span<const std::vector<int64_t>> carried,
                        std::span<const std::vector<int>> actions) {
  if (episodes.size() != envs_.size() || carried.size() != envs_.size() || actions.size() != envs_.size())
    throw Error("vector env restore: state for " + std::to_string(episodes.size()) + " copies, this one has " +
                std::to_string(envs_.size()));
  pool_.run(size(), [&](int i) {
    Env& env = *envs_[size_t(i)];
    episodes_[size_t(i)] = episodes[size_t(i)];
    env.reset(episode_seed(seed_, i, episodes_[size_t(i)]));
    env.set_carried_state(carried[size_t(i)]);
    episode_start_states_[size_t(i)] = carried[size_t(i)];
    for (const int a : actions[size_t(i)])
      if (env.step(a).done())
        throw Error("vector env restore: copy " + std::to_string(i) + "'s episode ended before its recorded actions did");
    env.observe(row(observations_, i));
  });
}

void VectorEnv::step(std::span<const int> actions) {
  if (actions.size() != envs_.size())
    throw Error("vector env step: " + std::to_string(actions.size()) + " actions for " +
                std::to_string(envs_.size()) + " copies");
  // One task per thread, each over a contiguous block of copies: few, large tasks keep the pool's overhead small. The
  // closure holds two pointers, which std::function keeps without allocating on every step.
  pool_.run(pool_.threads(), [this, &actions](int t) {
    const int tasks = pool_.threads(), begin = t * size() / tasks, end = (t + 1) * size() / tasks;
    for (int i = begin; i < end; ++i) {
      Env& env = *envs_[size_t(i)];
      const StepResult r = env.step(actions[size_t(i)]);
      rewards_[size_t(i)] = r.reward;
      terminated_[size_t(i)] = r.terminated;
      truncated_[size_t(i)] = r.truncated;
      if (r.done()) {
        env.observe(row(final_observations_, i));
        env.reset(episode_seed(seed_, i, ++episodes_[size_t(i)]));
        episode_start_states_[size_t(i)] = env.carried_state();
      }
      env.observe(row(observations_, i));
    }
  });
}

}  // namespace vkrl::envs
