// GoPlayer is what the GTP engine needs of an agent: a move for the player to move in a GoGame, within a budget of
// playouts or seconds. `random` plays a uniformly random legal move that does not fill its own eye (Board::is_eye) and
// passes when none is left; `mcts` runs UCT with RAVE and Go knowledge (agents/mcts) on fast playouts that answer
// ataris and play shapes, over all cores, keeping its tree between moves; 10,000 simulations a move unless the budget
// says otherwise, and it resigns when its best move's estimated chance of winning falls below `resign_below`. Another
// agent plugs in as a GoPlayer registered in go_player.cpp.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "vkrl/envs/go/game.h"

namespace vkrl::apps {

struct MoveBudget {
  int playouts = 0;    // 0: not limited by playouts
  double seconds = 0;  // 0: not limited by time
};

struct GoPlayerSettings {
  uint64_t seed = 0;
  int threads = 0;          // search players: 0 is every core
  double resign_below = 0;  // search players: resign below this chance of winning (0: never)
};

class GoPlayer {
public:
  static constexpr int kResign = -1;

  virtual ~GoPlayer() = default;
  // A legal action of `game` for game.to_play(), or kResign; called only while the game is not over.
  virtual int choose_move(const envs::go::GoGame& game, const MoveBudget& budget) = 0;
  // A new game starts (clear_board, boardsize, loadsgf, undo): anything kept between moves is stale.
  virtual void new_game() {}
  // `action` was just played (by either side), leading to `after`: a search may keep the subtree.
  virtual void move_played(const envs::go::GoGame& after, int action) { (void)after, (void)action; }
};

// The players --agent knows, comma-separated, for --help and error messages.
std::string go_player_names();
// Throws vkrl::UsageError naming an unknown player and listing the valid ones.
std::unique_ptr<GoPlayer> make_go_player(std::string_view name, const GoPlayerSettings& settings);

}  // namespace vkrl::apps
