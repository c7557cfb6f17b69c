#include "vkrl/agents/mcts/mcts.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "vkrl/error.h"

namespace vkrl::agents::mcts {

MctsSearch::MctsSearch(Evaluator& evaluator, const MctsOptions& options)
    : evaluator_(evaluator), options_(options), rng_(options.seed) {
  if (options.max_simulations <= 0 && options.max_seconds <= 0)
    throw Error("mcts: set max_simulations or max_seconds, or the search never stops");
}

size_t MctsSearch::select_child(const SearchNode& node) const {
  size_t best = 0;
  double best_score = -std::numeric_limits<double>::infinity();
  const double log_parent = std::log(double(std::max(1, node.explore_count)));
  for (size_t i = 0; i < node.children.size(); ++i) {
    const SearchNode& c = node.children[i];
    const double score = c.explore_count == 0 ? std::numeric_limits<double>::infinity()
                                              : c.total_reward / c.explore_count +
                                                    options_.uct_c * std::sqrt(log_parent / double(c.explore_count));
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

void MctsSearch::expand(SearchNode& node, const envs::Env& env) {
  const int player = env.current_player();
  for (const auto& [action, prior] : evaluator_.prior(env)) {
    SearchNode child;
    child.action = action;
    child.player = player;
    child.prior = prior;
    node.children.push_back(std::move(child));
  }
  std::shuffle(node.children.begin(), node.children.end(), rng_);
  nodes_ += node.children.size();
}

void MctsSearch::simulate(const envs::Env& root_env) {
  const auto env = root_env.clone();
  const size_t players = size_t(env->player_count());
  std::vector<SearchNode*> path{&root_};
  std::vector<std::vector<double>> step_rewards{std::vector<double>(players, 0.0)};
  bool done = false;
  SearchNode* node = &root_;
  // Down while nodes have been visited before: the root always, others from their second visit.
  while (!done && (node == &root_ || node->explore_count > 0)) {
    if (node->children.empty()) {
      if (env->legal_actions().empty()) break;
      expand(*node, *env);
    }
    SearchNode& child = node->children[select_child(*node)];
    const int mover = env->current_player();
    const envs::StepResult r = env->step(child.action);
    std::vector<double> reward(players, 0.0);
    add_step_reward(reward, mover, r.reward);
    step_rewards.push_back(std::move(reward));
    path.push_back(&child);
    node = &child;
    done = r.done();
  }
  std::vector<double> returns = done ? std::vector<double>(players, 0.0) : evaluator_.evaluate(*env, rng_);
  for (size_t i = path.size(); i-- > 0;) {
    for (size_t p = 0; p < players; ++p) returns[p] += step_rewards[i][p];
    path[i]->explore_count += 1;
    path[i]->total_reward += returns[size_t(path[i]->player)];
  }
}

int MctsSearch::choose_action(const envs::Env& env) {
  const std::vector<int> legal = env.legal_actions();
  if (legal.empty()) throw Error("mcts: " + env.name() + " has no legal action to search");
  root_ = SearchNode();
  root_.player = env.current_player();
  nodes_ = 1;
  simulations_ = 0;
  const auto start = std::chrono::steady_clock::now();
  const double memory_cap_nodes = options_.max_memory_mb * 1024 * 1024 / double(sizeof(SearchNode));
  while (true) {
    if (options_.max_simulations > 0 && simulations_ >= options_.max_simulations) break;
    if (options_.max_seconds > 0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >= options_.max_seconds)
      break;
    if (double(nodes_) >= memory_cap_nodes) break;
    if (legal.size() == 1 && simulations_ > 0) break;  // nothing to choose
    simulate(env);
    ++simulations_;
  }
  const auto best =
      std::max_element(root_.children.begin(), root_.children.end(), [](const SearchNode& a, const SearchNode& b) {
        if (a.explore_count != b.explore_count) return a.explore_count < b.explore_count;
        return a.total_reward < b.total_reward;
      });
  return best == root_.children.end() ? legal.front() : best->action;
}

}  // namespace vkrl::agents::mcts
