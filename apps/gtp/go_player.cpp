#include "gtp/go_player.h"

#include <vector>

#include "vkrl/agents/mcts/go_playout_evaluator.h"
#include "vkrl/agents/mcts/mcts.h"
#include "vkrl/envs/go/go_env.h"
#include "vkrl/envs/go/playout.h"
#include "vkrl/error.h"
#include "vkrl/nearest_name.h"

namespace vkrl::apps {

namespace {

using envs::go::GoGame;

class RandomGoPlayer final : public GoPlayer {
public:
  explicit RandomGoPlayer(uint64_t seed) : rng_(seed) {}

  int choose_move(const GoGame& game, const MoveBudget&) override {
    // The full rules' legal points (superko included), less the mover's own eyes.
    std::vector<int> moves;
    for (int a : game.legal_actions())
      if (a != game.pass_action() && !game.board().is_eye(game.point_of(a), game.to_play())) moves.push_back(a);
    return moves.empty() ? game.pass_action() : moves[rng_.below(uint32_t(moves.size()))];
  }

private:
  envs::go::PlayoutRng rng_;
};

// UCT search (agents/mcts) with one fast random playout per leaf.
class MctsGoPlayer final : public GoPlayer {
public:
  static constexpr int kDefaultPlayouts = 1000;
  // UCT's exploration constant for Go. OpenSpiel's 2 spreads a few thousand simulations almost evenly over 81 moves
  // (returns are +-1 here), so the visit counts say little; a smaller constant lets the search concentrate. Not yet
  // tuned against GNU Go.
  static constexpr double kUctC = 0.5;

  explicit MctsGoPlayer(uint64_t seed) : seed_(seed) {}

  int choose_move(const GoGame& game, const MoveBudget& budget) override {
    agents::mcts::MctsOptions options;
    options.max_simulations = budget.playouts > 0 ? budget.playouts : budget.seconds > 0 ? 0 : kDefaultPlayouts;
    options.max_seconds = budget.seconds;
    options.uct_c = kUctC;
    options.seed = seed_ + uint64_t(moves_++);
    agents::mcts::MctsSearch search(evaluator_, options);
    const std::string name = "go/" + std::to_string(game.size()) + "x" + std::to_string(game.size());
    return search.choose_action(envs::go::GoEnv(name, game));
  }

private:
  uint64_t seed_;
  int moves_ = 0;
  agents::mcts::GoPlayoutEvaluator evaluator_;
};

struct PlayerEntry {
  const char* name;
  std::unique_ptr<GoPlayer> (*make)(uint64_t seed);
};

const PlayerEntry kPlayers[] = {
    {"random", [](uint64_t seed) -> std::unique_ptr<GoPlayer> { return std::make_unique<RandomGoPlayer>(seed); }},
    {"mcts", [](uint64_t seed) -> std::unique_ptr<GoPlayer> { return std::make_unique<MctsGoPlayer>(seed); }},
};

}  // namespace

std::string go_player_names() {
  std::string names;
  for (const PlayerEntry& p : kPlayers) names += (names.empty() ? "" : ", ") + std::string(p.name);
  return names;
}

std::unique_ptr<GoPlayer> make_go_player(std::string_view name, uint64_t seed) {
  for (const PlayerEntry& p : kPlayers)
    if (name == p.name) return p.make(seed);
  std::vector<std::string> names;
  for (const PlayerEntry& p : kPlayers) names.emplace_back(p.name);
  throw UsageError(unknown_name_message("Go agent", name, names));
}

}  // namespace vkrl::apps
