// GoPlayoutEvaluator scores GoEnv states for the search with the fast random playouts (envs/go/playout.h) instead of
// stepping the env: each rollout plays the board out, without superko checks and without filling own eyes (and by
// default answering ataris and playing shapes, PlayoutPolicy::Patterns), and gives +1 to the winner on area score and
// -1 to the loser (0 each on a tie), averaged over the rollouts. It reports the first rollout's moves for RAVE.
//
// Its prior is uniform over the legal moves that do not fill the mover's own eye, plus the pass, which keeps hopeless
// eye-filling moves out of the tree. With go_knowledge (the default) each move also gets virtual experience from Go
// heuristics, after Gelly and Silver 2007 and the later MoGo-style programs: every move starts at 10 visits of
// even value, and urgent or well-shaped moves gain virtual wins (captures, escapes from atari, the 3x3 shapes, the
// third line in an empty area) while bad ones gain virtual losses (self-atari of two or more
// stones, the first two lines in an empty area). It throws vkrl::Error when given an env that is not a GoEnv.
#pragma once

#include "vkrl/agents/mcts/evaluator.h"
#include "vkrl/agents/mcts/mcts.h"
#include "vkrl/envs/go/playout.h"

namespace vkrl::agents::mcts {

class GoPlayoutEvaluator final : public Evaluator {
public:
  explicit GoPlayoutEvaluator(int rollouts = 1, envs::go::PlayoutPolicy policy = envs::go::PlayoutPolicy::Patterns,
                              bool go_knowledge = true)
      : rollouts_(rollouts), policy_(policy), go_knowledge_(go_knowledge) {}

  std::vector<double> evaluate(const envs::Env& env, std::mt19937_64& rng, MoveTrace* trace = nullptr) override;
  std::vector<ActionPrior> prior(const envs::Env& env) override;

private:
  int rollouts_;
  envs::go::PlayoutPolicy policy_;
  bool go_knowledge_;
};

// The search settings of vkrl's Go players (GTP, play, watch, bench go) with this evaluator: RAVE with k = 3500 and
// no UCT exploration term, since RAVE and the prior's virtual experience already spread the first visits (tuned in
// self-play; see the Go issue's notes).
void use_go_search_settings(MctsOptions& options);

}  // namespace vkrl::agents::mcts
