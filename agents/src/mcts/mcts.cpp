#include "vkrl/agents/mcts/mcts.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <thread>

#include "vkrl/error.h"

namespace vkrl::agents::mcts {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

MctsSearch::MctsSearch(Evaluator& evaluator, const MctsOptions& options) : evaluator_(evaluator), options_(options) {
  set_budget(options.max_simulations, options.max_seconds);
  if (options.threads < 1) throw Error("mcts: threads must be at least 1");
  if (options.rave_equivalence < 0) throw Error("mcts: rave_equivalence must not be negative");
  trees_.resize(size_t(options.threads));
  // Each thread's stream differs, and thread 0 draws what a one-thread search would. Seeded once: the searches of
  // later games go on drawing from the streams, so a match's games differ while a run repeats from its seed.
  for (size_t t = 0; t < trees_.size(); ++t) trees_[t].rng.seed(options.seed + 0x9e3779b97f4a7c15ULL * t);
  reset();
}

void MctsSearch::set_budget(int max_simulations, double max_seconds) {
  if (max_simulations <= 0 && max_seconds <= 0)
    throw Error("mcts: set max_simulations or max_seconds, or the search never stops");
  options_.max_simulations = max_simulations;
  options_.max_seconds = max_seconds;
}

void MctsSearch::reset() {
  for (Tree& tree : trees_) {
    tree.root = SearchNode();
    tree.nodes = 1;
    tree.reusable = false;
  }
}

size_t MctsSearch::select_child(const SearchNode& node) const {
  size_t best = 0;
  double best_score = -std::numeric_limits<double>::infinity();
  const double log_parent = std::log(double(std::max(1, node.explore_count)));
  const double k = options_.rave_equivalence;
  for (size_t i = 0; i < node.children.size(); ++i) {
    const SearchNode& c = node.children[i];
    const bool rave = k > 0 && c.amaf_count > 0;
    const double visits = c.explore_count + c.prior_visits;  // real and virtual
    double score = std::numeric_limits<double>::infinity();  // nothing known yet: try it first
    if (visits > 0 || rave) {
      const double mean = visits > 0 ? (c.total_reward + c.prior_visits * c.prior_value) / visits : 0;
      double value = mean;
      if (rave) {
        // An unvisited child without virtual experience is judged by its AMAF value alone (β = 1).
        const double m = c.amaf_count;
        const double beta = m / (m + visits + visits * m / k);
        value = (1 - beta) * mean + beta * c.amaf_reward / m;
      }
      score = value + options_.uct_c * std::sqrt(log_parent / double(std::max(1, c.explore_count)));
    }
    if (score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return best;
}

void MctsSearch::expand(Tree& tree, SearchNode& node, const envs::Env& env) const {
  const int player = env.current_player();
  for (const ActionPrior& prior : evaluator_.prior(env)) {
    SearchNode child;
    child.action = prior.action;
    child.player = player;
    child.prior = prior.probability;
    child.prior_visits = prior.visits;
    child.prior_value = prior.value;
    node.children.push_back(std::move(child));
  }
  std::shuffle(node.children.begin(), node.children.end(), tree.rng);
  tree.nodes += node.children.size();
}

void MctsSearch::update_amaf(Tree& tree, SearchNode& node, const std::vector<double>& returns) const {
  for (SearchNode& c : node.children) {
    const size_t a = size_t(c.action);
    if (a < tree.stamp.size() && tree.stamp[a] == tree.mark && tree.first_player[a] == c.player) {
      c.amaf_count += 1;
      c.amaf_reward += returns[size_t(c.player)];
    }
  }
}

void MctsSearch::simulate(Tree& tree, const envs::Env& root_env) const {
  const auto env = root_env.clone();
  const size_t players = size_t(env->player_count());
  const bool rave = options_.rave_equivalence > 0;
  std::vector<SearchNode*>& path = tree.path;
  std::vector<double>& step_rewards = tree.step_rewards;
  path.assign(1, &tree.root);
  step_rewards.assign(players, 0.0);
  bool done = false;
  SearchNode* node = &tree.root;
  // Down while nodes have been visited before: the root always, others from their second visit.
  while (!done && (node == &tree.root || node->explore_count > 0)) {
    if (node->children.empty()) {
      if (env->legal_actions().empty()) break;
      expand(tree, *node, *env);
    }
    SearchNode& child = node->children[select_child(*node)];
    const int mover = env->current_player();
    const envs::StepResult r = env->step(child.action);
    tree.reward.assign(players, 0.0);
    add_step_reward(tree.reward, mover, r.reward);
    step_rewards.insert(step_rewards.end(), tree.reward.begin(), tree.reward.end());
    path.push_back(&child);
    node = &child;
    done = r.done();
  }
  tree.trace.clear();
  std::vector<double> returns =
      done ? std::vector<double>(players, 0.0) : evaluator_.evaluate(*env, tree.rng, rave ? &tree.trace : nullptr);
  if (rave) {
    // Mark, per action, the first player to make it after the deepest node: the rollout read backwards leaves the
    // earliest mover in place.
    const size_t actions = size_t(env->action_count());
    if (tree.stamp.size() < actions) tree.stamp.resize(actions, 0), tree.first_player.resize(actions, -1);
    ++tree.mark;
    for (auto it = tree.trace.rbegin(); it != tree.trace.rend(); ++it) {
      tree.stamp[size_t(it->second)] = tree.mark;
      tree.first_player[size_t(it->second)] = it->first;
    }
  }
  for (size_t i = path.size(); i-- > 0;) {
    if (rave) {
      // path[i]'s children are credited with the moves made after path[i], before the move into it joins them.
      update_amaf(tree, *path[i], returns);
      if (i > 0) {
        tree.stamp[size_t(path[i]->action)] = tree.mark;
        tree.first_player[size_t(path[i]->action)] = path[i]->player;
      }
    }
    for (size_t p = 0; p < players; ++p) returns[p] += step_rewards[i * players + p];
    path[i]->explore_count += 1;
    path[i]->total_reward += returns[size_t(path[i]->player)];
  }
}

void MctsSearch::search_tree(Tree& tree, const envs::Env& env, int simulations, double deadline_seconds) const {
  const auto start = Clock::now();
  const double memory_cap_nodes =
      options_.max_memory_mb * 1024 * 1024 / double(sizeof(SearchNode)) / double(options_.threads);
  const bool single_move = env.legal_actions().size() == 1;
  tree.simulations = 0;
  while (true) {
    if (simulations > 0 && tree.simulations >= simulations) break;
    if (deadline_seconds > 0 && seconds_since(start) >= deadline_seconds) break;
    if (double(tree.nodes) >= memory_cap_nodes) break;
    if (single_move && tree.simulations > 0) break;  // nothing to choose
    simulate(tree, env);
    ++tree.simulations;
  }
}

int MctsSearch::choose_action(const envs::Env& env) {
  const std::vector<int> legal = env.legal_actions();
  if (legal.empty()) throw Error("mcts: " + env.name() + " has no legal action to search");
  const int threads = options_.threads;
  for (Tree& tree : trees_) {
    if (!tree.reusable) {
      tree.root = SearchNode();
      tree.nodes = 1;
    }
    tree.root.player = env.current_player();
    tree.reusable = false;
  }
  auto budget = [&](int t) {
    if (options_.max_simulations <= 0) return 0;
    return options_.max_simulations / threads + (t < options_.max_simulations % threads ? 1 : 0);
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t)
    workers.emplace_back([&, t] { search_tree(trees_[size_t(t)], env, budget(t), options_.max_seconds); });
  search_tree(trees_.front(), env, budget(0), options_.max_seconds);
  for (std::thread& w : workers) w.join();
  const std::vector<RootMove> moves = root_moves();
  return moves.empty() ? legal.front() : moves.front().action;
}

void MctsSearch::advance(int action) {
  for (Tree& tree : trees_) {
    auto child = std::find_if(tree.root.children.begin(), tree.root.children.end(),
                              [&](const SearchNode& c) { return c.action == action; });
    if (child == tree.root.children.end()) {
      tree.root = SearchNode();
      tree.nodes = 1;
      tree.reusable = false;
      continue;
    }
    SearchNode kept = std::move(*child);
    tree.root = std::move(kept);
    tree.reusable = true;
    // Only the kept subtree counts against the memory cap now; recounting it is cheap next to a search.
    size_t nodes = 0;
    std::vector<const SearchNode*> stack{&tree.root};
    while (!stack.empty()) {
      const SearchNode* n = stack.back();
      stack.pop_back();
      ++nodes;
      for (const SearchNode& c : n->children) stack.push_back(&c);
    }
    tree.nodes = nodes;
  }
}

std::vector<RootMove> MctsSearch::root_moves() const {
  std::map<int, std::pair<int, double>> summed;  // action -> (visits, total reward)
  for (const Tree& tree : trees_)
    for (const SearchNode& c : tree.root.children) {
      auto& [visits, total] = summed[c.action];
      visits += c.explore_count;
      total += c.total_reward;
    }
  std::vector<RootMove> moves;
  for (const auto& [action, stats] : summed)
    moves.push_back({action, stats.first, stats.first > 0 ? stats.second / stats.first : 0.0});
  std::stable_sort(moves.begin(), moves.end(), [](const RootMove& a, const RootMove& b) {
    if (a.visits != b.visits) return a.visits > b.visits;
    return a.mean_return > b.mean_return;
  });
  return moves;
}

int MctsSearch::simulations() const {
  int total = 0;
  for (const Tree& tree : trees_) total += tree.simulations;
  return total;
}

}  // namespace vkrl::agents::mcts
