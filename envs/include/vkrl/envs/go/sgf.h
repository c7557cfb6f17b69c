// SGF (FF[4], Smart Game Format) for Go games: the reader takes the first game tree of a collection and follows its
// main line (the first variation at every branch; the other variations are checked for syntax and skipped); the
// writer writes one main line. Properties read: GM (must be 1, Go), SZ (square, 5..19; 19 when absent), KM (7.5 when
// absent, vkrl's default), PB, PW, RE, C (the root's comment and each move's), AB/AW setup stones (points or a:b
// rectangles, in nodes before the first move), and B/W moves, where an empty value or "tt" is a pass. Other
// properties are kept out of the game and not written back. A malformed file throws vkrl::Error as one line
// "SOURCE:LINE:COLUMN: problem" naming where in the text it is (an unclosed bracket, a bad coordinate, an unknown
// size). Points use SGF's letters, "aa" at the top left: column first, then row, matching GoGame's actions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vkrl/envs/go/game.h"

namespace vkrl::envs::go {

struct SgfMove {
  Stone colour = Stone::Black;
  int action = 0;  // row * size + col, or size * size for a pass
  std::string comment;
  bool operator==(const SgfMove&) const = default;
};

struct SgfGame {
  int size = 19;
  double komi = 7.5;
  std::string black_player, white_player, result, comment;
  std::vector<int> black_setup, white_setup;  // actions
  std::vector<SgfMove> moves;                 // the main line
  bool operator==(const SgfGame&) const = default;
};

// Throws vkrl::Error "SOURCE:LINE:COLUMN: problem" on malformed input.
SgfGame parse_sgf(std::string_view text, std::string_view source = "sgf");
std::string write_sgf(const SgfGame& game);

// The game's position after its setup stones and main line under vkrl's rules (game.h), with `max_moves` as the move
// cap (0: the default); throws vkrl::Error naming the first move that is illegal.
GoGame play_sgf(const SgfGame& game, int max_moves = 0);

}  // namespace vkrl::envs::go
