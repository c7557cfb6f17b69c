#include "vkrl/envs/go/playout.h"

#include <array>
#include <utility>

namespace vkrl::envs::go {

int random_playout_point(const Board& board, Stone c, PlayoutRng& rng) {
  // Most draws are acceptable, so first a few plain draws from the empty points (rejection sampling, uniform over the
  // acceptable ones) without copying anything.
  constexpr int kQuickDraws = 8;
  const int empties = board.empty_count();
  for (int i = 0; i < kQuickDraws && empties > 0; ++i) {
    const int p = board.empty_point(int(rng.below(uint32_t(empties))));
    if (board.is_legal_ignoring_superko(p, c) && !board.is_eye(p, c)) return p;
  }
  // Then every empty point at most once: a rejected one is swapped past the end of the live range, and the accepted
  // one is still uniform over the acceptable points.
  std::array<uint16_t, Board::kMaxPoints> candidates;
  int n = empties;
  for (int i = 0; i < n; ++i) candidates[size_t(i)] = uint16_t(board.empty_point(i));
  while (n > 0) {
    const uint32_t i = rng.below(uint32_t(n));
    const int p = candidates[i];
    if (board.is_legal_ignoring_superko(p, c) && !board.is_eye(p, c)) return p;
    std::swap(candidates[i], candidates[size_t(--n)]);
  }
  return Board::kNoPoint;
}

PlayoutResult random_playout(Board& board, Stone c, int passes, int max_moves, double komi, PlayoutRng& rng) {
  PlayoutResult result;
  while (passes < 2 && result.moves < max_moves) {
    const int p = random_playout_point(board, c, rng);
    if (p == Board::kNoPoint) {
      board.pass();
      ++passes;
    } else {
      board.play(p, c);
      passes = 0;
    }
    ++result.moves;
    c = opponent(c);
  }
  const AreaCount area = board.area();
  result.score = double(area.black) - double(area.white) - komi;
  return result;
}

}  // namespace vkrl::envs::go
