#include "vkrl/agents/mcts/evaluator.h"

namespace vkrl::agents::mcts {

void add_step_reward(std::vector<double>& returns, int mover, double reward) {
  returns[size_t(mover)] += reward;
  if (returns.size() == 2) returns[size_t(1 - mover)] -= reward;
}

std::vector<double> RandomRolloutEvaluator::evaluate(const envs::Env& env, std::mt19937_64& rng, MoveTrace* trace) {
  std::vector<double> total(size_t(env.player_count()), 0.0);
  for (int r = 0; r < rollouts_; ++r) {
    const auto game = env.clone();
    for (int step = 0; step < max_steps_; ++step) {
      const std::vector<int> legal = game->legal_actions();
      if (legal.empty()) break;
      const int mover = game->current_player();
      const int action = legal[rng() % legal.size()];
      if (trace && r == 0) trace->emplace_back(mover, action);
      const envs::StepResult result = game->step(action);
      add_step_reward(total, mover, result.reward);
      if (result.done()) break;
    }
  }
  for (double& v : total) v /= rollouts_;
  return total;
}

std::vector<ActionPrior> RandomRolloutEvaluator::prior(const envs::Env& env) {
  const std::vector<int> legal = env.legal_actions();
  std::vector<ActionPrior> p;
  p.reserve(legal.size());
  for (int a : legal) p.push_back({.action = a, .probability = 1.0 / double(legal.size())});
  return p;
}

}  // namespace vkrl::agents::mcts
