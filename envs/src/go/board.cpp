#include "vkrl/envs/go/board.h"

#include <utility>
#include <vector>

#include "vkrl/error.h"
#include "vkrl/splitmix64.h"

namespace vkrl::envs::go {

namespace {

// One random word per (colour, point), the same in every run so that hashes can be compared across processes.
struct Zobrist {
  std::array<std::array<uint64_t, Board::kMaxPoints>, 2> key{};
  Zobrist() {
    uint64_t state = 0x5eed0f90u;
    for (auto& colour : key)
      for (uint64_t& k : colour) k = splitmix64(state++);
  }
};

const Zobrist kZobrist;

uint64_t zobrist(Stone c, int p) { return kZobrist.key[c == Stone::Black ? 0 : 1][size_t(p)]; }

bool is_stone(Stone s) { return s == Stone::Black || s == Stone::White; }

}  // namespace

Board::Board(int size) : size_(size) {
  if (size < kMinSize || size > kMaxSize)
    throw Error("go board: size " + std::to_string(size) + " is outside " + std::to_string(kMinSize) + ".." +
                std::to_string(kMaxSize));
  color_.fill(Stone::Edge);
  for (int r = 0; r < size_; ++r)
    for (int c = 0; c < size_; ++c) {
      const int p = point(r, c);
      color_[p] = Stone::Empty;
      add_empty(p);
    }
}

void Board::add_empty(int p) {
  empty_index_[p] = uint16_t(empty_count_);
  empties_[empty_count_++] = uint16_t(p);
}

void Board::remove_empty(int p) {
  const int i = empty_index_[p];
  const int last = empties_[--empty_count_];
  empties_[i] = uint16_t(last);
  empty_index_[last] = uint16_t(i);
}

void Board::add_pseudo_liberty(int head, int lib) {
  pseudo_libs_[head] += 1;
  lib_sum_[head] += uint32_t(lib);
  lib_sum_sq_[head] += uint32_t(lib * lib);
}

void Board::remove_pseudo_liberty(int head, int lib) {
  pseudo_libs_[head] -= 1;
  lib_sum_[head] -= uint32_t(lib);
  lib_sum_sq_[head] -= uint32_t(lib * lib);
}

bool Board::all_liberties_at(int head, int p) const {
  const uint64_t n = pseudo_libs_[head];
  return n > 0 && lib_sum_[head] == n * uint64_t(p) && lib_sum_sq_[head] == n * uint64_t(p) * uint64_t(p);
}

int Board::atari_point(int p) const {
  const int head = head_[p];
  const uint64_t n = pseudo_libs_[head];
  if (n == 0 || lib_sum_[head] % n != 0) return kNoPoint;
  const int lib = int(lib_sum_[head] / n);
  return all_liberties_at(head, lib) ? lib : kNoPoint;
}

int Board::liberties(int p) const {
  std::vector<bool> seen(kMaxPoints, false);
  int count = 0;
  int s = p;
  do {
    for (int q : {s - 1, s + 1, s - stride(), s + stride()})
      if (color_[q] == Stone::Empty && !seen[size_t(q)]) {
        seen[size_t(q)] = true;
        ++count;
      }
    s = next_[s];
  } while (s != p);
  return count;
}

bool Board::is_legal_ignoring_superko(int p, Stone c) const {
  if (color_[p] != Stone::Empty || p == ko_) return false;
  // The common case first: an empty neighbour is a liberty.
  if (color_[p - 1] == Stone::Empty || color_[p + 1] == Stone::Empty || color_[p - stride()] == Stone::Empty ||
      color_[p + stride()] == Stone::Empty)
    return true;
  for (int q : {p - 1, p + 1, p - stride(), p + stride()}) {
    const Stone s = color_[q];
    if (s == Stone::Edge) continue;
    const bool atari_here = all_liberties_at(head_[q], p);
    if (s == c && !atari_here) return true;  // joins a chain that keeps another liberty
    if (s != c && atari_here) return true;   // captures
  }
  return false;
}

uint64_t Board::hash_after(int p, Stone c) const {
  uint64_t h = hash_ ^ zobrist(c, p);
  const Stone other = opponent(c);
  int captured[4];
  int n = 0;
  for (int q : {p - 1, p + 1, p - stride(), p + stride()}) {
    if (color_[q] != other) continue;
    const int head = head_[q];
    if (!all_liberties_at(head, p)) continue;
    bool counted = false;
    for (int i = 0; i < n; ++i) counted |= captured[i] == head;
    if (counted) continue;
    captured[n++] = head;
    int s = head;
    do {
      h ^= zobrist(other, s);
      s = next_[s];
    } while (s != head);
  }
  return h;
}

void Board::place_stone(int p, Stone c) {
  color_[p] = c;
  hash_ ^= zobrist(c, p);
  remove_empty(p);
  head_[p] = uint16_t(p);
  next_[p] = uint16_t(p);
  chain_stones_[p] = 1;
  pseudo_libs_[p] = 0;
  lib_sum_[p] = 0;
  lib_sum_sq_[p] = 0;
  for (int q : {p - 1, p + 1, p - stride(), p + stride()}) {
    const Stone s = color_[q];
    if (s == Stone::Empty)
      add_pseudo_liberty(p, q);
    else if (is_stone(s))
      remove_pseudo_liberty(head_[q], p);
  }
  for (int q : {p - 1, p + 1, p - stride(), p + stride()})
    if (color_[q] == c && head_[q] != head_[p]) {
      // The larger chain keeps its head, so relabelling costs the smaller one's size.
      if (chain_stones_[head_[q]] >= chain_stones_[head_[p]])
        merge_chains(head_[q], head_[p]);
      else
        merge_chains(head_[p], head_[q]);
    }
}

void Board::merge_chains(int a, int b) {
  int s = b;
  do {
    head_[s] = uint16_t(a);
    s = next_[s];
  } while (s != b);
  std::swap(next_[a], next_[b]);  // splices the two circular lists
  chain_stones_[a] += chain_stones_[b];
  pseudo_libs_[a] += pseudo_libs_[b];
  lib_sum_[a] += lib_sum_[b];
  lib_sum_sq_[a] += lib_sum_sq_[b];
}

int Board::remove_chain(int head) {
  const Stone c = color_[head];
  int removed = 0;
  int s = head;
  do {
    color_[s] = Stone::Empty;
    hash_ ^= zobrist(c, s);
    add_empty(s);
    ++removed;
    s = next_[s];
  } while (s != head);
  // Each removed stone frees a liberty for every neighbouring chain of the other colour.
  s = head;
  do {
    for (int q : {s - 1, s + 1, s - stride(), s + stride()})
      if (is_stone(color_[q])) add_pseudo_liberty(head_[q], s);
    s = next_[s];
  } while (s != head);
  return removed;
}

int Board::play(int p, Stone c) {
  place_stone(p, c);
  const Stone other = opponent(c);
  int captured = 0, last_captured = kNoPoint;
  for (int q : {p - 1, p + 1, p - stride(), p + stride()})
    if (color_[q] == other && pseudo_libs_[head_[q]] == 0) {
      last_captured = q;
      captured += remove_chain(head_[q]);
    }
  const int h = head_[p];
  ko_ = (captured == 1 && chain_stones_[h] == 1 && pseudo_libs_[h] == 1) ? last_captured : kNoPoint;
  return captured;
}

void Board::add_setup_stone(int p, Stone c) {
  place_stone(p, c);
  ko_ = kNoPoint;
}

bool Board::is_eye(int p, Stone c) const {
  if (color_[p] != Stone::Empty) return false;
  for (int q : {p - 1, p + 1, p - stride(), p + stride()})
    if (color_[q] != c && color_[q] != Stone::Edge) return false;
  int enemy = 0, edge = 0;
  for (int q : {p - stride() - 1, p - stride() + 1, p + stride() - 1, p + stride() + 1}) {
    enemy += color_[q] == opponent(c);
    edge += color_[q] == Stone::Edge;
  }
  return edge > 0 ? enemy == 0 : enemy <= 1;
}

AreaCount Board::area() const {
  AreaCount count;
  std::array<bool, kMaxPoints> seen{};
  std::array<uint16_t, kMaxPoints> stack;  // each point is pushed at most once
  for (int r = 0; r < size_; ++r)
    for (int c = 0; c < size_; ++c) {
      const int p = point(r, c);
      if (color_[p] == Stone::Black) ++count.black;
      if (color_[p] == Stone::White) ++count.white;
      if (color_[p] != Stone::Empty || seen[size_t(p)]) continue;
      // Flood the empty region and note which colours it reaches.
      bool reaches_black = false, reaches_white = false;
      int points = 0, top = 0;
      stack[size_t(top++)] = uint16_t(p);
      seen[size_t(p)] = true;
      while (top > 0) {
        const int s = stack[size_t(--top)];
        ++points;
        for (int q : {s - 1, s + 1, s - stride(), s + stride()}) {
          reaches_black |= color_[q] == Stone::Black;
          reaches_white |= color_[q] == Stone::White;
          if (color_[q] == Stone::Empty && !seen[size_t(q)]) {
            seen[size_t(q)] = true;
            stack[size_t(top++)] = uint16_t(q);
          }
        }
      }
      if (reaches_black && !reaches_white) count.black += points;
      if (reaches_white && !reaches_black) count.white += points;
    }
  return count;
}

std::string Board::to_string() const {
  std::string out;
  for (int r = 0; r < size_; ++r) {
    for (int c = 0; c < size_; ++c) {
      const Stone s = color_[point(r, c)];
      out += s == Stone::Black ? 'X' : s == Stone::White ? 'O' : '.';
    }
    out += '\n';
  }
  return out;
}

}  // namespace vkrl::envs::go
