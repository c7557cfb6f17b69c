// Monte Carlo tree search with UCT over any Env that can be cloned (Kocsis and Szepesvari 2006; the shape of
// OpenSpiel's MCTSBot, ../shared/REFERENCE.md §4). Each simulation clones the root env and walks down the tree, picking
// the child with the highest total_reward / n + uct_c * sqrt(ln N / n) for the player to move (an unvisited child
// first, ties to the first in the list, which is shuffled once at expansion); a leaf is evaluated by the Evaluator on
// its first visit and expanded with the Evaluator's prior on its second. Every node on the path then counts the visit
// and adds the return (step rewards along the path plus the leaf's value) of the player who chose the move into it. The
// search stops at max_simulations, max_seconds, or when the tree would pass max_memory_mb; the move is the most visited
// child (then the higher total reward). Not yet here: tree reuse between moves, MCTS-Solver, RAVE, parallel search.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "vkrl/agents/mcts/evaluator.h"
#include "vkrl/envs/env.h"

namespace vkrl::agents::mcts {

struct MctsOptions {
  double uct_c = 2.0;
  int max_simulations = 1000;  // 0: no limit (then max_seconds must be set)
  double max_seconds = 0;      // 0: no limit
  double max_memory_mb = 1000;
  uint64_t seed = 0;
};

struct SearchNode {
  int action = -1;  // the move into this node
  int player = 0;   // who chose it
  double prior = 0;
  int explore_count = 0;
  double total_reward = 0;
  std::vector<SearchNode> children;
};

class MctsSearch {
public:
  MctsSearch(Evaluator& evaluator, const MctsOptions& options);

  // Searches from env's state (which must have a legal action) and returns the move; root() then holds the tree.
  int choose_action(const envs::Env& env);
  const SearchNode& root() const { return root_; }
  int simulations() const { return simulations_; }

private:
  void simulate(const envs::Env& root_env);
  size_t select_child(const SearchNode& node) const;
  void expand(SearchNode& node, const envs::Env& env);

  Evaluator& evaluator_;
  MctsOptions options_;
  std::mt19937_64 rng_;
  SearchNode root_;
  size_t nodes_ = 0;
  int simulations_ = 0;
};

}  // namespace vkrl::agents::mcts
