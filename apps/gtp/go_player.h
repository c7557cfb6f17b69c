// GoPlayer is what the GTP engine needs of an agent: a move for the player to move in a GoGame, within a budget of
// playouts or seconds. `random` plays a uniformly random legal move that does not fill its own eye (Board::is_eye) and
// passes when none is left; `mcts` runs UCT with RAVE (agents/mcts) on fast playouts that answer ataris, over all
// cores, keeping its tree between moves; 10,000 simulations a move unless the budget says otherwise. Another agent
// plugs in as a GoPlayer registered in go_player.cpp.
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

class GoPlayer {
public:
  virtual ~GoPlayer() = default;
  // A legal action of `game` for game.to_play(); called only while the game is not over.
  virtual int choose_move(const envs::go::GoGame& game, const MoveBudget& budget) = 0;
  // A new game starts (clear_board, boardsize, loadsgf, undo): anything kept between moves is stale.
  virtual void new_game() {}
  // `action` was just played (by either side), leading to `after`: a search may keep the subtree.
  virtual void move_played(const envs::go::GoGame& after, int action) { (void)after, (void)action; }
};

// The players --agent knows, comma-separated, for --help and error messages.
std::string go_player_names();
// Throws vkrl::UsageError naming an unknown player and listing the valid ones.
// `threads` is for search players (0: every core).
std::unique_ptr<GoPlayer> make_go_player(std::string_view name, uint64_t seed, int threads = 0);

}  // namespace vkrl::apps
