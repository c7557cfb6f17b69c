#include "agents/mcts_policy.h"

#include <algorithm>
#include <thread>

#include "vkrl/agents/mcts/go_playout_evaluator.h"
#include "vkrl/envs/go/go_env.h"

namespace vkrl::apps {

MctsPolicy::MctsPolicy(const envs::Env& env, const AgentOptions& options) {
  agents::mcts::MctsOptions o;
  o.max_simulations = options.playouts > 0 ? options.playouts : options.seconds > 0 ? 0 : kDefaultPlayouts;
  o.max_seconds = options.seconds;
  o.seed = options.seed;
  o.threads = options.threads > 0 ? options.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  if (dynamic_cast<const envs::go::GoEnv*>(&env)) {
    evaluator_ = std::make_unique<agents::mcts::GoPlayoutEvaluator>();
    agents::mcts::use_go_search_settings(o);
  } else {
    evaluator_ = std::make_unique<agents::mcts::RandomRolloutEvaluator>(1, kRolloutSteps);
  }
  search_ = std::make_unique<agents::mcts::MctsSearch>(*evaluator_, o);
}

int MctsPolicy::act(const envs::Env& env, std::span<const float>, std::mt19937_64&) {
  return search_->choose_action(env);
}

std::vector<float> MctsPolicy::action_values(const envs::Env& env, std::span<const float>) const {
  const std::vector<agents::mcts::RootMove> moves = search_->root_moves();
  if (moves.empty()) return {};
  int total = 0;
  for (const auto& m : moves) total += m.visits;
  std::vector<float> shares(size_t(env.action_count()), 0.0f);
  for (const auto& m : moves)
    if (m.action >= 0 && m.action < env.action_count()) shares[size_t(m.action)] = float(m.visits) / float(total);
  return shares;
}

std::unique_ptr<Policy> make_mcts_policy(const envs::Env& env, const AgentOptions& options) {
  return std::make_unique<MctsPolicy>(env, options);
}

}  // namespace vkrl::apps
