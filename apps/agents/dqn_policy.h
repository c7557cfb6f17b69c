// DqnPolicy plays a trained DQN from a run folder (runs/<name>, or its checkpoint/ folder): greedy on the online
// net's Q-values (epsilon-greedy with the run's eval_epsilon), which the watch window shows beside the game. It
// refuses, in one line, a checkpoint trained on an env whose observations or actions differ from this env's. The net
// runs on the backend --device picks.
#pragma once

#include <filesystem>
#include <memory>

#include "agents/policy.h"
#include "vkrl/agents/dqn/dqn_learner.h"
#include "vkrl/engine/device_request.h"
#include "vkrl/nn/backend.h"

namespace vkrl::apps {

class DqnPolicy final : public Policy {
public:
  DqnPolicy(const std::filesystem::path& run, const envs::Env& env, const engine::DeviceRequest& device);

  int act(const envs::Env& env, std::span<const float> observation, std::mt19937_64& rng) override;
  std::vector<float> action_values(const envs::Env& env, std::span<const float> observation) const override;

  // Whether `path` is a run folder or checkpoint folder that DqnPolicy can open.
  static bool is_checkpoint(const std::filesystem::path& path);

private:
  std::unique_ptr<nn::Backend> backend_;
  std::unique_ptr<agents::dqn::DqnLearner> learner_;
  double epsilon_ = 0;
};

}  // namespace vkrl::apps
