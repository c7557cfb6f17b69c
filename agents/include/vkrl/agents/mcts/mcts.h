// Monte Carlo tree search with UCT over any Env that can be cloned (Kocsis and Szepesvari 2006; the shape of
// OpenSpiel's MCTSBot, ../shared/REFERENCE.md §4). Each simulation clones the root env and walks down the tree, picking
// the child with the highest total_reward / n + uct_c * sqrt(ln N / n) for the player to move (an unvisited child
// first, ties to the first in the list, which is shuffled once at expansion); a leaf is evaluated by the Evaluator on
// its first visit and expanded with the Evaluator's prior on its second. Every node on the path then counts the visit
// and adds the return (step rewards along the path plus the leaf's value) of the player who chose the move into it. The
// search stops at max_simulations, max_seconds, or when the tree would pass max_memory_mb; the move is the most visited
// child (then the higher total reward).
//
// Four additions over plain UCT:
// - Prior knowledge: a child starts with the Evaluator's virtual experience (ActionPrior), v0 visits of mean value q0,
//   which count in its mean, (total_reward + v0 q0) / (n + v0), but not in its visits.
// - RAVE (Gelly and Silver 2011), when rave_equivalence k > 0: each node also keeps all-moves-as-first statistics of
//   its children, from every later move of the simulation (tree and rollout, as the Evaluator reports it) made by the
//   same player, and selection blends their mean in with weight β = m / (m + v + v m / k) for m AMAF samples and
//   v = n + v0 visits, real and virtual (Silver's minimum-error schedule): AMAF leads while it has more samples, and
//   fades as real visits grow past k.
// - Root parallelism: `threads` independent trees with their own seeds search at once and their root visits are summed.
//   It needs no locks, and a playout budget is split evenly, so the same seed picks the same move on any machine.
//   The Evaluator is called from all threads at once, so it must keep no mutable state.
// - Tree reuse: after advance(action) for every move played since the last search (own and opponent's), the next
//   search starts from the subtree it already grew. Without advance() calls each search starts afresh.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "vkrl/agents/mcts/evaluator.h"
#include "vkrl/envs/env.h"

namespace vkrl::agents::mcts {

struct MctsOptions {
  double uct_c = 2.0;
  int max_simulations = 1000;  // over all threads; 0: no limit (then max_seconds must be set)
  double max_seconds = 0;      // 0: no limit
  double max_memory_mb = 1000;
  uint64_t seed = 0;
  double rave_equivalence = 0;  // 0: plain UCT
  int threads = 1;
};

struct SearchNode {
  int action = -1;  // the move into this node
  int player = 0;   // who chose it
  double prior = 0;
  double prior_visits = 0;  // virtual experience: visits and their mean return for `player`
  double prior_value = 0;
  int explore_count = 0;
  double total_reward = 0;
  int amaf_count = 0;  // RAVE: simulations through the parent in which `player` played `action` later
  double amaf_reward = 0;
  std::vector<SearchNode> children;
};

// What the root's trees say about one move, summed over the threads.
struct RootMove {
  int action = -1;
  int visits = 0;
  double mean_return = 0;  // for the player to move at the root
};

class MctsSearch {
public:
  MctsSearch(Evaluator& evaluator, const MctsOptions& options);

  // Searches from env's state (which must have a legal action) and returns the most visited move.
  int choose_action(const envs::Env& env);
  // A new budget for the next searches (a game clock's): simulations over all threads, seconds (0: no limit).
  void set_budget(int max_simulations, double max_seconds);
  // The move `action` was played from the searched position (or from the last advanced one): keep its subtree.
  void advance(int action);
  // Forget the trees (a new game); the random streams go on.
  void reset();

  // The root's moves after the last search, most visited first.
  std::vector<RootMove> root_moves() const;
  // The first thread's tree, for tests and display.
  const SearchNode& root() const { return trees_.front().root; }
  int simulations() const;  // in the last search, over all threads

private:
  struct Tree {
    SearchNode root;
    std::mt19937_64 rng;
    size_t nodes = 1;
    int simulations = 0;
    bool reusable = false;  // root is the position of the next search (advance() found every move)
    // Scratch for RAVE, kept to avoid allocating per simulation: the later moves, and per action the first player
    // to play it (valid where stamp equals the current simulation's mark).
    MoveTrace trace;
    std::vector<int> first_player;
    std::vector<uint32_t> stamp;
    uint32_t mark = 0;
    // Scratch for one simulation's walk down the tree: the nodes, and per node `players` rewards of the step into it.
    std::vector<SearchNode*> path;
    std::vector<double> step_rewards, reward;
  };

  void search_tree(Tree& tree, const envs::Env& env, int simulations, double deadline_seconds) const;
  void simulate(Tree& tree, const envs::Env& root_env) const;
  size_t select_child(const SearchNode& node) const;
  void expand(Tree& tree, SearchNode& node, const envs::Env& env) const;
  void update_amaf(Tree& tree, SearchNode& node, const std::vector<double>& returns) const;

  Evaluator& evaluator_;
  MctsOptions options_;
  std::vector<Tree> trees_;
};

}  // namespace vkrl::agents::mcts
