// Board is the one Go board representation that both the full rules (GoGame) and the fast random playouts use. Points
// are indices into a (size+2)^2 array whose outer ring is Edge, so a neighbour is p±1 or p±stride without bounds
// checks. Stones form chains kept as circular linked lists with a representative (head); each head counts its
// pseudo-liberties (one per stone/empty-neighbour adjacency, so a liberty next to two stones counts twice) together
// with the sum and sum of squares of those liberty points: all pseudo-liberties of a chain lie on one point exactly
// when count * sum_sq == sum^2, which gives atari and its point in O(1) without liberty sets. The empty points are kept
// in a list that playouts draw from (the candidate-move cache). The position hash is Zobrist over stones only, for
// positional superko. Board knows simple ko (the point a single-stone capture by a single stone forbids next) but not
// superko, which needs the game's history (GoGame).
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace vkrl::envs::go {

enum class Stone : uint8_t { Empty = 0, Black = 1, White = 2, Edge = 3 };

constexpr Stone opponent(Stone s) { return s == Stone::Black ? Stone::White : Stone::Black; }

// Tromp-Taylor area: stones of a colour plus the empty points that reach only that colour.
struct AreaCount {
  int black = 0, white = 0;
};

class Board {
public:
  static constexpr int kMinSize = 5;
  static constexpr int kMaxSize = 19;
  static constexpr int kMaxPoints = (kMaxSize + 2) * (kMaxSize + 2);
  static constexpr int kNoPoint = 0;  // an Edge point, never a move

  explicit Board(int size);  // throws vkrl::Error outside 5..19

  int size() const { return size_; }
  int stride() const { return size_ + 2; }
  // Rows count from the top (row 0 is SGF's "a" row, GTP's row `size`), columns from the left.
  int point(int row, int col) const { return (row + 1) * stride() + col + 1; }
  int row_of(int p) const { return p / stride() - 1; }
  int col_of(int p) const { return p % stride() - 1; }

  Stone at(int p) const { return color_[p]; }
  uint64_t hash() const { return hash_; }
  int ko_point() const { return ko_; }  // kNoPoint when no simple ko is on
  int stones_in_chain(int p) const { return chain_stones_[head_[p]]; }
  int chain_of(int p) const { return head_[p]; }  // the same point for every stone of a chain
  int next_in_chain(int p) const { return next_[p]; }  // following it from a stone visits its whole chain once
  // Distinct liberties of the chain at p (a walk over the chain; for tests and display, not the hot path).
  int liberties(int p) const;
  // The one liberty of the chain at p when the chain is in atari, else kNoPoint: O(1), from the pseudo-liberty sums.
  int atari_point(int p) const;
  // For the chain at q and an empty point p: its one liberty other than p when it has exactly one, else kNoPoint
  // (none, or two or more). O(1) too: p's share of the sums is taken out first.
  int liberty_besides(int q, int p) const;

  // Empty, not the simple-ko point, and not suicide. Superko is the caller's (GoGame's) business.
  bool is_legal_ignoring_superko(int p, Stone c) const;
  // The position hash after c plays at p (a legal move), without playing it.
  uint64_t hash_after(int p, Stone c) const;
  // Plays a legal move (is_legal_ignoring_superko holds) and returns how many stones it captured.
  int play(int p, Stone c);
  void pass() { ko_ = kNoPoint; }
  // A setup stone (SGF AB/AW) on an empty point: no captures, no ko.
  void add_setup_stone(int p, Stone c);

  // An empty point whose four neighbours are c or the edge, and whose diagonals hold no more than one opponent stone
  // (none on the edge): a point a random playout must not fill.
  bool is_eye(int p, Stone c) const;

  int empty_count() const { return empty_count_; }
  int empty_point(int i) const { return empties_[i]; }  // 0 <= i < empty_count(), in no particular order

  AreaCount area() const;
  std::string to_string() const;  // rows top to bottom: X black, O white, . empty

private:
  void add_pseudo_liberty(int head, int lib);
  void remove_pseudo_liberty(int head, int lib);
  bool all_liberties_at(int head, int p) const;  // every pseudo-liberty of the chain is the point p
  void place_stone(int p, Stone c);              // a stone, its liberties and merges, no captures
  void merge_chains(int a, int b);               // b's chain joins a's
  int remove_chain(int head);                    // returns the number of stones removed
  void add_empty(int p);
  void remove_empty(int p);

  int size_;
  int ko_ = kNoPoint;
  uint64_t hash_ = 0;
  int empty_count_ = 0;
  std::array<Stone, kMaxPoints> color_{};
  std::array<uint16_t, kMaxPoints> head_{};
  std::array<uint16_t, kMaxPoints> next_{};  // the next stone of the same chain, circular
  // Valid at heads only.
  std::array<uint16_t, kMaxPoints> chain_stones_{};
  std::array<uint16_t, kMaxPoints> pseudo_libs_{};
  std::array<uint32_t, kMaxPoints> lib_sum_{};
  std::array<uint32_t, kMaxPoints> lib_sum_sq_{};
  std::array<uint16_t, kMaxPoints> empties_{};
  std::array<uint16_t, kMaxPoints> empty_index_{};
};

}  // namespace vkrl::envs::go
