// GoPlayoutEvaluator scores GoEnv states for the search with the fast random playouts (envs/go/playout.h) instead of
// stepping the env: each rollout plays the board out, without superko checks and without filling own eyes (and by
// default answering ataris, PlayoutPolicy::AnswerAtari), and gives +1 to the winner on area score and -1 to the
// loser (0 each on a tie), averaged over the rollouts. It reports the first rollout's moves for RAVE. Its prior
// is uniform over the legal moves that do not fill the mover's own eye, plus the pass, which keeps hopeless eye-filling
// moves out of the tree. It throws vkrl::Error when given an env that is not a GoEnv.
#pragma once

#include "vkrl/agents/mcts/evaluator.h"
#include "vkrl/envs/go/playout.h"

namespace vkrl::agents::mcts {

class GoPlayoutEvaluator final : public Evaluator {
public:
  explicit GoPlayoutEvaluator(int rollouts = 1, envs::go::PlayoutPolicy policy = envs::go::PlayoutPolicy::AnswerAtari)
      : rollouts_(rollouts), policy_(policy) {}

  std::vector<double> evaluate(const envs::Env& env, std::mt19937_64& rng, MoveTrace* trace = nullptr) override;
  std::vector<std::pair<int, double>> prior(const envs::Env& env) override;

private:
  int rollouts_;
  envs::go::PlayoutPolicy policy_;
};

}  // namespace vkrl::agents::mcts
