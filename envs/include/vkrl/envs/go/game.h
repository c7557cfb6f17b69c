// GoGame is a game of Go under the rules vkrl plays (../shared/REFERENCE.md §5.1): no suicide, positional superko
// (a move may not recreate any earlier whole-board position, compared by Zobrist hash, so a 64-bit collision could in
// principle refuse a legal move), area scoring after Tromp and Taylor with komi, two consecutive passes end the game,
// and so does a move cap (2 * size^2 moves by default, passes included), after which the board is scored as it stands.
// Moves are actions: row * size + col for a point (row 0 at the top, as in SGF), size^2 for a pass. Black moves first
// unless setup says otherwise. Setup stones (SGF AB/AW) go on before the first move and start the position history.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vkrl/envs/go/board.h"

namespace vkrl::envs::go {

struct GoRules {
  int size = 9;
  double komi = 7.5;
  int max_moves = 0;  // 0: 2 * size^2
};

class GoGame {
public:
  explicit GoGame(const GoRules& rules = {});  // throws vkrl::Error on a size outside 5..19

  const GoRules& rules() const { return rules_; }
  int size() const { return board_.size(); }
  int pass_action() const { return size() * size(); }
  int point_of(int action) const { return board_.point(action / size(), action % size()); }
  int action_of(int point) const { return board_.row_of(point) * size() + board_.col_of(point); }

  const Board& board() const { return board_; }
  Stone to_play() const { return to_play_; }
  int move_count() const { return moves_; }
  int consecutive_passes() const { return passes_; }
  bool is_over() const { return passes_ >= 2 || moves_ >= max_moves(); }
  int max_moves() const { return rules_.max_moves > 0 ? rules_.max_moves : 2 * size() * size(); }

  // A pass, or an empty point that is not suicide and recreates no earlier position; false once the game is over.
  bool is_legal(int action) const;
  std::vector<int> legal_actions() const;  // ascending, pass last; empty once the game is over
  // Plays a legal move for the player to move and returns the stones it captured; throws vkrl::Error naming the move
  // and why when it is not legal.
  int play(int action);

  // Before the first move: a stone of colour c on an empty point (throws otherwise).
  void add_setup_stone(int action, Stone c);
  // Who moves next: Black first by default; SGF and GTP may give either colour at any time.
  void set_to_play(Stone c) { to_play_ = c; }
  // Clears the count of consecutive passes, for a controller that goes on after two (GTP has no end of game).
  void resume() { passes_ = 0; }
  // Komi only enters the score, so a controller may change it during a game (GTP's komi).
  void set_komi(double komi) { rules_.komi = komi; }

  // Black's area minus White's area minus komi: positive means Black wins.
  double score() const;
  // The winner by score(), or Stone::Empty for a tie (possible with an integer komi).
  Stone winner() const;

  std::string action_name(int action) const;  // "D4" style (GTP letters skip I), or "pass"

private:
  void remember_position();

  GoRules rules_;
  Board board_;
  Stone to_play_ = Stone::Black;
  int moves_ = 0;
  int passes_ = 0;
  std::vector<uint64_t> seen_positions_;  // sorted hashes of every position so far, for superko
};

}  // namespace vkrl::envs::go
