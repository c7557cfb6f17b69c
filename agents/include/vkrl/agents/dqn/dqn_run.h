// DqnRun is one DQN training run on an environment: a VectorEnv of num_envs copies, the replay buffer, the learner
// and the exploration schedule, advanced a batch of frames at a time. Before replay_start frames it acts uniformly at
// random; then epsilon-greedily with epsilon decaying linearly over epsilon_frames (MinAtar's dqn.py schedule), with
// one update every update_every frames and a target sync every target_update_every updates.
//
// Everything a run holds can be saved into a directory and loaded back (the networks and optimizer, the replay
// buffer, the exploration RNG, the counters, and each copy's episode so far, which VectorEnv::restore replays from its
// seed and actions), so a run resumed from a checkpoint continues exactly as if it had never stopped.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "vkrl/agents/dqn/dqn_config.h"
#include "vkrl/agents/dqn/dqn_learner.h"
#include "vkrl/agents/dqn/replay_buffer.h"
#include "vkrl/agents/dqn/splitmix_random.h"
#include "vkrl/envs/vector_env.h"

namespace vkrl::agents::dqn {

struct EpisodeRecord {
  int64_t frame = 0;    // frames seen when the episode ended
  int64_t episode = 0;  // 1-based over the run
  double score = 0;     // undiscounted return
  int64_t length = 0;
};

class DqnRun {
public:
  DqnRun(const DqnConfig& config, const std::string& env_name, nn::Backend& backend, uint64_t seed);

  const DqnConfig& config() const { return config_; }
  int64_t frames() const { return frames_; }
  int64_t episodes() const { return episodes_; }
  double epsilon() const;
  double last_loss() const { return learner_->loss().value_or(loaded_loss_); }
  DqnLearner& learner() { return *learner_; }
  const ReplayBuffer& replay() const { return *replay_; }

  // Acts in every copy once (num_envs frames), stores the transitions and trains when due; each finished episode is
  // passed to `on_episode`.
  void step(const std::function<void(const EpisodeRecord&)>& on_episode);

  // Saves or loads everything into or from `dir` (which save() creates); load() checks that the checkpoint was made
  // for this environment, seed and observation shape.
  void save(const std::filesystem::path& dir) const;
  void load(const std::filesystem::path& dir);

private:
  DqnConfig config_;
  std::string env_name_;
  uint64_t seed_;
  std::unique_ptr<envs::VectorEnv> envs_;
  std::unique_ptr<ReplayBuffer> replay_;
  std::unique_ptr<DqnLearner> learner_;
  SplitMixRandom explore_;
  int64_t frames_ = 0, episodes_ = 0, updates_since_sync_ = 0;
  double loaded_loss_ = 0;  // the checkpoint's loss, shown until this run's first update
  std::vector<int> actions_;
  std::vector<float> current_obs_;
  std::vector<uint8_t> explore_now_;
  std::vector<double> episode_score_;
  std::vector<int64_t> episode_length_;
  std::vector<std::vector<int>> episode_actions_;  // each copy's actions since its episode began
  // The sample arrays, reused by every update.
  std::vector<float> batch_obs_, batch_next_obs_, batch_returns_, batch_discounts_, batch_weights_;
  std::vector<int32_t> batch_actions_;
  std::vector<uint32_t> batch_indices_;
};

}  // namespace vkrl::agents::dqn
