// Go positions for tests written as ASCII diagrams, one string a row from the top: X black, O white, . empty (spaces
// are ignored). The stones go on as setup stones, so the position has no history before the first move.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "vkrl/envs/go/game.h"

namespace vkrl::test {

inline envs::go::GoGame go_from_diagram(const std::vector<std::string>& rows, envs::go::Stone to_play,
                                        double komi = 7.5) {
  using envs::go::Stone;
  envs::go::GoGame game({int(rows.size()), komi, 0});
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (char ch : rows[r])
      if (ch != ' ') line += ch;
    REQUIRE(line.size() == rows.size());
    for (size_t c = 0; c < line.size(); ++c) {
      const int action = int(r * rows.size() + c);
      if (line[c] == 'X') game.add_setup_stone(action, Stone::Black);
      if (line[c] == 'O') game.add_setup_stone(action, Stone::White);
    }
  }
  game.set_to_play(to_play);
  return game;
}

// The action of the point at (row, col), rows from the top.
inline int go_at(const envs::go::GoGame& game, int row, int col) { return row * game.size() + col; }

}  // namespace vkrl::test
