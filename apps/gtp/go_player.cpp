#include "gtp/go_player.h"

#include <algorithm>
#include <thread>
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

// UCT with RAVE and Go knowledge (agents/mcts), one shape playout per leaf, root-parallel over `threads` trees kept
// between moves.
class MctsGoPlayer final : public GoPlayer {
public:
  static constexpr int kDefaultPlayouts = 10000;

  // A resignation needs this many simulations behind it.
  static constexpr int kResignSimulations = 1000;

  explicit MctsGoPlayer(const GoPlayerSettings& settings)
      : search_(evaluator_, options(settings.seed, settings.threads)), resign_below_(settings.resign_below) {}

  int choose_move(const GoGame& game, const MoveBudget& budget) override {
    if (!follows(game)) search_.reset();  // and the last move is unknown
    search_.set_budget(budget.playouts > 0  ? budget.playouts
                       : budget.seconds > 0 ? 0
                                            : kDefaultPlayouts,
                       budget.seconds);
    const std::string name = "go/" + std::to_string(game.size()) + "x" + std::to_string(game.size());
    const int action = search_.choose_action(envs::go::GoEnv(name, game, follows(game) ? tracked_last_ : -1));
    const std::vector<agents::mcts::RootMove> moves = search_.root_moves();
    int simulations = 0;
    for (const auto& m : moves) simulations += m.visits;
    const bool hopeless = simulations >= kResignSimulations && !moves.empty() &&
                          (1 + moves.front().mean_return) / 2 < resign_below_;  // returns are +-1 for a win or loss
    return hopeless ? kResign : action;
  }

  void new_game() override {
    search_.reset();
    tracked_ = false;
  }

  void move_played(const GoGame& after, int action) override {
    search_.advance(action);
    tracked_ = true;
    tracked_last_ = action;
    tracked_hash_ = after.board().hash();
    tracked_to_play_ = after.to_play();
    tracked_komi_ = after.rules().komi;
  }

private:
  static agents::mcts::MctsOptions options(uint64_t seed, int threads) {
    agents::mcts::MctsOptions o;
    agents::mcts::use_go_search_settings(o);
    o.seed = seed;
    o.threads = threads > 0 ? threads : int(std::max(1u, std::thread::hardware_concurrency()));
    o.max_simulations = kDefaultPlayouts;
    return o;
  }

  // The tree's root is `game`'s position: every move since the last search went through move_played.
  bool follows(const GoGame& game) const {
    return tracked_ && tracked_hash_ == game.board().hash() && tracked_to_play_ == game.to_play() &&
           tracked_komi_ == game.rules().komi;
  }

  agents::mcts::GoPlayoutEvaluator evaluator_;
  agents::mcts::MctsSearch search_;
  bool tracked_ = false;
  uint64_t tracked_hash_ = 0;
  envs::go::Stone tracked_to_play_ = envs::go::Stone::Black;
  double tracked_komi_ = 0;
  int tracked_last_ = -1;
  double resign_below_;
};

struct PlayerEntry {
  const char* name;
  std::unique_ptr<GoPlayer> (*make)(const GoPlayerSettings& settings);
};

const PlayerEntry kPlayers[] = {
    {"random",
     [](const GoPlayerSettings& s) -> std::unique_ptr<GoPlayer> { return std::make_unique<RandomGoPlayer>(s.seed); }},
    {"mcts",
     [](const GoPlayerSettings& s) -> std::unique_ptr<GoPlayer> { return std::make_unique<MctsGoPlayer>(s); }},
};

}  // namespace

std::string go_player_names() {
  std::string names;
  for (const PlayerEntry& p : kPlayers) names += (names.empty() ? "" : ", ") + std::string(p.name);
  return names;
}

std::unique_ptr<GoPlayer> make_go_player(std::string_view name, const GoPlayerSettings& settings) {
  for (const PlayerEntry& p : kPlayers)
    if (name == p.name) return p.make(settings);
  std::vector<std::string> names;
  for (const PlayerEntry& p : kPlayers) names.emplace_back(p.name);
  throw UsageError(unknown_name_message("Go agent", name, names));
}

}  // namespace vkrl::apps
