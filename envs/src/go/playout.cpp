#include "vkrl/envs/go/playout.h"

#include <algorithm>
#include <array>
#include <utility>

#include "vkrl/envs/go/shape_patterns.h"

namespace vkrl::envs::go {

// The new chain's liberties are p's empty neighbours and each joined chain's liberties besides p, which Board tells in
// O(1) when there is at most one; a capture is never self-atari.
bool self_ataris_group(const Board& board, int p, Stone c) {
  const int s = board.stride();
  int stones = 1, chains[4], chain_count = 0, liberties[8], liberty_count = 0;
  auto add_liberty = [&](int l) {
    if (std::find(liberties, liberties + liberty_count, l) == liberties + liberty_count) liberties[liberty_count++] = l;
  };
  for (int q : {p - 1, p + 1, p - s, p + s}) {
    const Stone at = board.at(q);
    if (at == Stone::Empty) {
      add_liberty(q);
    } else if (at == opponent(c)) {
      if (board.atari_point(q) == p) return false;
    } else if (at == c) {
      const int chain = board.chain_of(q);
      if (std::find(chains, chains + chain_count, chain) != chains + chain_count) continue;
      chains[chain_count++] = chain;
      stones += board.stones_in_chain(q);
      if (board.atari_point(q) == p) continue;  // nothing besides p
      const int other = board.liberty_besides(q, p);
      if (other == Board::kNoPoint) return false;  // two or more besides p
      add_liberty(other);
    }
    if (liberty_count >= 2) return false;
  }
  return stones >= 2;
}

int random_playout_point(const Board& board, Stone c, PlayoutRng& rng, bool avoid_self_atari) {
  const auto acceptable = [&](int p) {
    return !board.is_eye(p, c) && board.is_legal_ignoring_superko(p, c) &&
           !(avoid_self_atari && self_ataris_group(board, p, c));
  };
  // Most draws are acceptable, so first a few plain draws from the empty points (rejection sampling, uniform over the
  // acceptable ones) without copying anything. The eye test goes first: it fails fast on most points and is cheaper
  // than the legality test on the eyes that fill the board late in a playout.
  constexpr int kQuickDraws = 8;
  const int empties = board.empty_count();
  for (int i = 0; i < kQuickDraws && empties > 0; ++i) {
    const int p = board.empty_point(int(rng.below(uint32_t(empties))));
    if (acceptable(p)) return p;
  }
  // Then every empty point at most once: a rejected one is swapped past the end of the live range, and the accepted
  // one is still uniform over the acceptable points.
  std::array<uint16_t, Board::kMaxPoints> candidates;
  int n = empties;
  for (int i = 0; i < n; ++i) candidates[size_t(i)] = uint16_t(board.empty_point(i));
  while (n > 0) {
    const uint32_t i = rng.below(uint32_t(n));
    const int p = candidates[i];
    if (acceptable(p)) return p;
    std::swap(candidates[i], candidates[size_t(--n)]);
  }
  // Passing instead of a self-atari would end playouts with dead stones still counted on the board: play it.
  return avoid_self_atari ? random_playout_point(board, c, rng, false) : Board::kNoPoint;
}

int atari_reply_point(const Board& board, Stone c, int last) {
  if (last == Board::kNoPoint || board.at(last) != opponent(c)) return Board::kNoPoint;
  // Capture the last mover's chain when it is in atari.
  const int capture = board.atari_point(last);
  if (capture != Board::kNoPoint && board.is_legal_ignoring_superko(capture, c)) return capture;
  // Save a chain of c's next to the last move from atari: capture a chain in atari that touches it, or else extend
  // at its liberty when that leads to at least two more.
  const int s = board.stride();
  for (int q : {last - 1, last + 1, last - s, last + s}) {
    if (board.at(q) != c) continue;
    const int lib = board.atari_point(q);
    if (lib == Board::kNoPoint) continue;
    int stone = q;
    do {
      for (int n : {stone - 1, stone + 1, stone - s, stone + s}) {
        if (board.at(n) != opponent(c)) continue;
        const int take = board.atari_point(n);
        if (take != Board::kNoPoint && board.is_legal_ignoring_superko(take, c)) return take;
      }
      stone = board.next_in_chain(stone);
    } while (stone != q);
    if (!board.is_legal_ignoring_superko(lib, c)) continue;
    int new_liberties = 0;
    for (int n : {lib - 1, lib + 1, lib - s, lib + s}) new_liberties += board.at(n) == Stone::Empty;
    if (new_liberties >= 2) return lib;
  }
  return Board::kNoPoint;
}

int shape_reply_point(const Board& board, Stone c, int last, PlayoutRng& rng) {
  if (last == Board::kNoPoint) return Board::kNoPoint;
  const int s = board.stride();
  int candidates[8], count = 0;
  for (int q : {last - s - 1, last - s, last - s + 1, last - 1, last + 1, last + s - 1, last + s, last + s + 1})
    if (board.at(q) == Stone::Empty && matches_shape_pattern(board, q) && board.is_legal_ignoring_superko(q, c) &&
        !board.is_eye(q, c) && !self_ataris_group(board, q, c))
      candidates[count++] = q;
  return count == 0 ? Board::kNoPoint : candidates[rng.below(uint32_t(count))];
}

PlayoutResult random_playout(Board& board, Stone c, int passes, int max_moves, double komi, PlayoutRng& rng,
                             const PlayoutOptions& options) {
  PlayoutResult result;
  int last = options.last_point;
  while (passes < 2 && result.moves < max_moves) {
    const bool informed = options.policy != PlayoutPolicy::Uniform;
    int p = informed ? atari_reply_point(board, c, last) : Board::kNoPoint;
    if (p == Board::kNoPoint && options.policy == PlayoutPolicy::Patterns) p = shape_reply_point(board, c, last, rng);
    if (p == Board::kNoPoint) p = random_playout_point(board, c, rng, informed);
    if (options.played) options.played->push_back(p);
    last = p;
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
