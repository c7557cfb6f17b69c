// A slow Go implementation that is obviously correct, for differential tests of Board and GoGame: a plain grid,
// liberties by flood fill on every question, simple ko as "recreates the position before the opponent's last move",
// and positional superko against the set of every earlier grid (no hashing).
#pragma once

#include <set>
#include <vector>

namespace vkrl::test {

class ReferenceGo {
public:
  enum : int { kEmpty = 0, kBlack = 1, kWhite = 2 };

  explicit ReferenceGo(int size) : size_(size), grid_(size_t(size * size), kEmpty) { history_.insert(grid_); }

  int at(int action) const { return grid_[size_t(action)]; }
  void set_setup(int action, int colour) {
    grid_[size_t(action)] = colour;
    history_ = {grid_};
    before_last_.clear();
  }

  struct Legality {
    bool without_superko = false;  // not occupied, not suicide, not the simple-ko repeat
    bool with_superko = false;     // and no earlier position at all
  };
  Legality legality(int action, int colour) const {
    Legality l;
    if (grid_[size_t(action)] != kEmpty) return l;
    std::vector<int> after = grid_;
    place(after, action, colour);
    if (after[size_t(action)] == kEmpty) return l;  // suicide
    // Simple ko: the move recreates the position before the opponent's last move.
    l.without_superko = before_last_.empty() || after != before_last_;
    l.with_superko = l.without_superko && !history_.count(after);
    return l;
  }

  // Plays a move (or a pass, action -1) and returns the stones captured.
  int play(int action, int colour) {
    const std::vector<int> before = grid_;
    int captured = 0;
    if (action >= 0) captured = place(grid_, action, colour);
    before_last_ = action >= 0 ? before : std::vector<int>();
    history_.insert(grid_);
    return captured;
  }

  int liberties(int action) const {
    std::vector<bool> in_chain, is_liberty;
    flood(grid_, action, in_chain, is_liberty);
    int n = 0;
    for (bool b : is_liberty) n += b;
    return n;
  }

  // Tromp-Taylor: Black's stones and regions minus White's, minus komi.
  double score(double komi) const {
    int black = 0, white = 0;
    for (int a = 0; a < size_ * size_; ++a) {
      if (grid_[size_t(a)] == kBlack) ++black;
      if (grid_[size_t(a)] == kWhite) ++white;
      if (grid_[size_t(a)] != kEmpty) continue;
      // Reachability of each colour from this empty point through empty points.
      std::vector<bool> seen(grid_.size(), false);
      std::vector<int> stack{a};
      seen[size_t(a)] = true;
      bool reaches_black = false, reaches_white = false;
      while (!stack.empty()) {
        const int p = stack.back();
        stack.pop_back();
        for (int q : neighbours(p)) {
          reaches_black |= grid_[size_t(q)] == kBlack;
          reaches_white |= grid_[size_t(q)] == kWhite;
          if (grid_[size_t(q)] == kEmpty && !seen[size_t(q)]) {
            seen[size_t(q)] = true;
            stack.push_back(q);
          }
        }
      }
      black += reaches_black && !reaches_white;
      white += reaches_white && !reaches_black;
    }
    return black - white - komi;
  }

private:
  std::vector<int> neighbours(int p) const {
    std::vector<int> out;
    const int r = p / size_, c = p % size_;
    if (r > 0) out.push_back(p - size_);
    if (r + 1 < size_) out.push_back(p + size_);
    if (c > 0) out.push_back(p - 1);
    if (c + 1 < size_) out.push_back(p + 1);
    return out;
  }

  void flood(const std::vector<int>& grid, int start, std::vector<bool>& in_chain,
             std::vector<bool>& is_liberty) const {
    in_chain.assign(grid.size(), false);
    is_liberty.assign(grid.size(), false);
    std::vector<int> stack{start};
    in_chain[size_t(start)] = true;
    while (!stack.empty()) {
      const int p = stack.back();
      stack.pop_back();
      for (int q : neighbours(p)) {
        if (grid[size_t(q)] == kEmpty) is_liberty[size_t(q)] = true;
        if (grid[size_t(q)] == grid[size_t(start)] && !in_chain[size_t(q)]) {
          in_chain[size_t(q)] = true;
          stack.push_back(q);
        }
      }
    }
  }

  // Puts the stone, removes opponent chains left without liberties, then the mover's own chain if it has none
  // (which legality() reads as suicide). Returns the opponent stones removed.
  int place(std::vector<int>& grid, int action, int colour) const {
    grid[size_t(action)] = colour;
    const int other = colour == kBlack ? kWhite : kBlack;
    int captured = 0;
    std::vector<bool> in_chain, is_liberty;
    for (int q : neighbours(action)) {
      if (grid[size_t(q)] != other) continue;
      flood(grid, q, in_chain, is_liberty);
      bool has_liberty = false;
      for (bool b : is_liberty) has_liberty |= b;
      if (has_liberty) continue;
      for (size_t i = 0; i < grid.size(); ++i)
        if (in_chain[i]) {
          grid[i] = kEmpty;
          ++captured;
        }
    }
    flood(grid, action, in_chain, is_liberty);
    bool has_liberty = false;
    for (bool b : is_liberty) has_liberty |= b;
    if (!has_liberty)
      for (size_t i = 0; i < grid.size(); ++i)
        if (in_chain[i]) grid[i] = kEmpty;
    return captured;
  }

  int size_;
  std::vector<int> grid_;
  std::vector<int> before_last_;  // the position before the last move; empty after a pass or setup
  std::set<std::vector<int>> history_;
};

}  // namespace vkrl::test
