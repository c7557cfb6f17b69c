#include "vkrl/agents/mcts/go_knowledge.h"

#include <algorithm>
#include <cstdlib>

#include "vkrl/envs/go/playout.h"
#include "vkrl/envs/go/shape_patterns.h"

namespace vkrl::agents::mcts {

namespace {

using envs::go::Board;
using envs::go::Stone;

constexpr double kEven = 10;
constexpr double kCaptureOne = 15, kCaptureMany = 30, kEscape = 15;
constexpr double kShape = 10;
constexpr double kSelfAtari = 10;
constexpr double kEmptyArea = 10;
constexpr int kEmptyRadius = 3;

// No stone within kEmptyRadius of p (|row| + |column|): an opening point, judged by its line.
bool in_empty_area(const Board& board, int p) {
  const int row = board.row_of(p), col = board.col_of(p);
  for (int dr = -kEmptyRadius; dr <= kEmptyRadius; ++dr)
    for (int dc = -kEmptyRadius + std::abs(dr); dc <= kEmptyRadius - std::abs(dr); ++dc) {
      const int r = row + dr, c = col + dc;
      if (r < 0 || c < 0 || r >= board.size() || c >= board.size()) continue;
      const Stone s = board.at(board.point(r, c));
      if (s == Stone::Black || s == Stone::White) return false;
    }
  return true;
}

}  // namespace

GoMoveKnowledge go_move_knowledge(const Board& board, Stone c, int p) {
  GoMoveKnowledge k{kEven, kEven / 2};
  if (p == Board::kNoPoint) return k;
  auto add = [&](double visits, double wins) {
    k.visits += visits;
    k.wins += wins;
  };
  // Captures and escapes: the point is the last liberty of a neighbouring chain.
  const int s = board.stride();
  int captured = 0;
  bool escapes = false;
  for (int q : {p - 1, p + 1, p - s, p + s}) {
    const Stone at = board.at(q);
    if ((at != Stone::Black && at != Stone::White) || board.atari_point(q) != p) continue;
    if (at == c)
      escapes = true;
    else
      captured += board.stones_in_chain(q);
  }
  const bool self_atari = envs::go::self_ataris_group(board, p, c);
  if (captured > 0) add(captured > 1 ? kCaptureMany : kCaptureOne, captured > 1 ? kCaptureMany : kCaptureOne);
  if (escapes && !self_atari) add(kEscape, kEscape);
  if (self_atari) add(kSelfAtari, 0);
  if (envs::go::matches_shape_pattern(board, p)) add(kShape, kShape);
  // The line counts from 0 at the nearest edge.
  const int line = std::min(
      {board.row_of(p), board.col_of(p), board.size() - 1 - board.row_of(p), board.size() - 1 - board.col_of(p)});
  if (line <= 2 && in_empty_area(board, p)) add(kEmptyArea, line == 2 ? kEmptyArea : 0);
  return k;
}

}  // namespace vkrl::agents::mcts
