// The fast random-playout path over Board, for Monte Carlo evaluation: each move is drawn uniformly from the empty
// points that are legal and not the mover's own eye (Board::is_eye), found by sampling the board's empty-point list
// and striking out rejects, and a player with no such point passes. What it simplifies against GoGame's full rules:
// only simple ko is checked (Board's ko point), not positional superko, because a longer cycle is vanishingly rare
// in random play without eye filling and the move cap ends any cycle anyway; there is no position history, so a
// playout allocates nothing. The playout ends after two consecutive passes or at the move cap and is scored by area.
//
// The AnswerAtari policy makes playouts less random where it matters most (after MoGo's playouts, Gelly et al. 2006):
// when the last move left its own chain in atari it is captured, and when it put a chain of the mover's next to it in
// atari the mover captures a chain in atari that touches it, or else extends at the liberty if that gains liberties; otherwise the move is uniform as above, less the
// moves that would put two or more of the mover's own stones in atari (which the answers would then punish) while
// any other move is left. The Patterns policy adds MoGo's next step: when there is no atari to answer, a legal point
// among the last move's eight neighbours that forms one of the 3x3 shapes of shape_patterns.h (and is not a
// self-atari of two or more stones) is played, drawn uniformly among those that do.
#pragma once

#include <cstdint>
#include <vector>

#include "vkrl/envs/go/board.h"
#include "vkrl/splitmix64.h"

namespace vkrl::envs::go {

// A SplitMix64 counter: cheap to seed and to copy, and fast enough that the playout loop does not wait on it.
class PlayoutRng {
public:
  explicit PlayoutRng(uint64_t seed) : state_(seed) {}
  uint64_t next() { return splitmix64(state_++); }
  uint32_t below(uint32_t n) { return uint32_t((uint64_t(uint32_t(next())) * n) >> 32); }  // uniform in [0, n)

private:
  uint64_t state_;
};

// A random legal point for c that is not c's own eye, or Board::kNoPoint when there is none (c passes). With
// avoid_self_atari, a self-atari of two or more stones is chosen only when nothing else is left.
int random_playout_point(const Board& board, Stone c, PlayoutRng& rng, bool avoid_self_atari = false);

enum class PlayoutPolicy { Uniform, AnswerAtari, Patterns };

// AnswerAtari's reply to the move at `last` (a point, or kNoPoint), or kNoPoint when it has none for c.
int atari_reply_point(const Board& board, Stone c, int last);
// Patterns' shape reply to the move at `last`, or kNoPoint when none of its neighbours forms a shape for c.
int shape_reply_point(const Board& board, Stone c, int last, PlayoutRng& rng);
// Playing c at p (a legal move) leaves two or more of c's stones, p's chain, with a single liberty.
bool self_ataris_group(const Board& board, int p, Stone c);

struct PlayoutOptions {
  PlayoutPolicy policy = PlayoutPolicy::Uniform;
  int last_point = Board::kNoPoint;    // the move before the playout, for AnswerAtari
  std::vector<int>* played = nullptr;  // when given, receives each move's point (kNoPoint for a pass)
};

struct PlayoutResult {
  double score = 0;  // Black's area minus White's minus komi
  int moves = 0;     // moves played, passes included
};

// Plays from `board` with c to move (and `passes` consecutive passes already made) until two consecutive passes or
// `max_moves` moves; the board is left in the final position.
PlayoutResult random_playout(Board& board, Stone c, int passes, int max_moves, double komi, PlayoutRng& rng,
                             const PlayoutOptions& options = {});

}  // namespace vkrl::envs::go
