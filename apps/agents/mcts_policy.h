// The `mcts` agent for watch, play and eval: Monte Carlo tree search (agents/mcts) planning with clones of the env it
// plays. On Go it searches like the GTP engine (RAVE, playouts that answer ataris, see gtp/go_player.h); on any other
// env it is UCT with random rollouts cut after kRolloutSteps steps, which on MinAtar plans with the game's own
// simulator. Its action values are the share of the last search's visits each action got, the heat map of `play`.
#pragma once

#include <memory>

#include "agents/policy.h"
#include "agents/policy_registry.h"
#include "vkrl/agents/mcts/evaluator.h"
#include "vkrl/agents/mcts/mcts.h"

namespace vkrl::apps {

class MctsPolicy final : public Policy {
public:
  static constexpr int kDefaultPlayouts = 1000;
  static constexpr int kRolloutSteps = 100;

  MctsPolicy(const envs::Env& env, const AgentOptions& options);

  int act(const envs::Env& env, std::span<const float> observation, std::mt19937_64& rng) override;
  // After act(): the visit shares of its search; before any search, empty.
  std::vector<float> action_values(const envs::Env& env, std::span<const float> observation) const override;

private:
  std::unique_ptr<agents::mcts::Evaluator> evaluator_;
  std::unique_ptr<agents::mcts::MctsSearch> search_;
};

std::unique_ptr<Policy> make_mcts_policy(const envs::Env& env, const AgentOptions& options);

}  // namespace vkrl::apps
