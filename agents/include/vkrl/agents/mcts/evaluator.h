// Evaluator stands between Monte Carlo tree search and whatever scores a leaf, after OpenSpiel's Evaluator: a value of
// the state for every player and a prior over its legal actions. RandomRolloutEvaluator is the model-free one: a
// uniform prior and the mean return of random rollouts to the end of the episode. Returns follow the Env convention
// (env.h): a step's reward belongs to the player who made it, and in a two-player env the other player receives its
// negation (vkrl's two-player games are zero-sum). A policy-value network plugs in here later (AlphaZero).
#pragma once

#include <random>
#include <utility>
#include <vector>

#include "vkrl/envs/env.h"

namespace vkrl::agents::mcts {

// The moves a rollout made, in order, as (player, action): what RAVE learns from.
using MoveTrace = std::vector<std::pair<int, int>>;

// What an Evaluator knows of a move before the search tries it: its probability under the evaluator's policy, and
// optional virtual experience (Gelly and Silver 2007): the move's node starts as if it had been tried `visits` times
// with a mean return of `value` for its mover. Virtual experience only steers selection; the move the search plays is
// still the one most visited by real simulations.
struct ActionPrior {
  int action = -1;
  double probability = 0;
  double visits = 0;
  double value = 0;
};

class Evaluator {
public:
  virtual ~Evaluator() = default;
  // The expected return from env's state on, one entry per player (env.player_count()). When `trace` is given, a
  // rollout evaluator appends the moves of its first rollout to it (one that plays no moves leaves it alone).
  virtual std::vector<double> evaluate(const envs::Env& env, std::mt19937_64& rng, MoveTrace* trace = nullptr) = 0;
  // One entry for each move the search may try, a subset of env.legal_actions(), the probabilities summing to 1.
  virtual std::vector<ActionPrior> prior(const envs::Env& env) = 0;
};

// Adds a step's reward to `returns` by the Env convention: to the mover, and negated to the other of two players.
void add_step_reward(std::vector<double>& returns, int mover, double reward);

class RandomRolloutEvaluator final : public Evaluator {
public:
  // `rollouts` random games per evaluation, each cut after `max_steps` steps (long single-player episodes).
  explicit RandomRolloutEvaluator(int rollouts = 1, int max_steps = 1000)
      : rollouts_(rollouts), max_steps_(max_steps) {}

  std::vector<double> evaluate(const envs::Env& env, std::mt19937_64& rng, MoveTrace* trace = nullptr) override;
  std::vector<ActionPrior> prior(const envs::Env& env) override;  // uniform, no virtual experience

private:
  int rollouts_;
  int max_steps_;
};

}  // namespace vkrl::agents::mcts
