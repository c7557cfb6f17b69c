// The Go search's prior knowledge (go_knowledge.h) on hand-made positions: urgent and well-shaped moves start above
// an even win share, self-ataris and first-line openings below it, and a pass exactly at it.
#include "vkrl/agents/mcts/go_knowledge.h"

#include <catch2/catch.hpp>

#include "vkrl/envs/go/game.h"

using namespace vkrl::envs::go;

namespace {

GoGame diagram(const std::vector<std::string>& rows, Stone to_play) {
  GoGame game({int(rows.size()), 7.5, 0});
  for (size_t r = 0; r < rows.size(); ++r)
    for (size_t c = 0; c < rows.size(); ++c) {
      const char ch = rows[r][2 * c];
      if (ch != '.') game.add_setup_stone(int(r * rows.size() + c), ch == 'X' ? Stone::Black : Stone::White);
    }
  game.set_to_play(to_play);
  return game;
}

double win_share(const GoGame& g, int row, int col) {
  const auto k = vkrl::agents::mcts::go_move_knowledge(g.board(), g.to_play(), g.board().point(row, col));
  REQUIRE(k.visits > 0);
  return k.wins / k.visits;
}

}  // namespace

TEST_CASE("go knowledge: a capture and a third-line opening start above even, first-line openings below",
          "[agents][mcts]") {
  const GoGame g = diagram({". . . . . . . . .",  //
                            ". . X . . . . . .",  //
                            ". X O . . . . . .",  //
                            ". . X . . . . . .",  //
                            ". . . . . . . . .",  //
                            ". . . . . . . . .",  //
                            ". . . . . . . . .",  //
                            ". . . . . . . . .",  //
                            ". . . . . . . . ."},
                           Stone::Black);
  const double capture = win_share(g, 2, 3), third_line = win_share(g, 6, 6);
  const double second_line = win_share(g, 7, 7), first_line = win_share(g, 8, 5), centre = win_share(g, 5, 5);
  CHECK(capture > centre);
  CHECK(third_line > centre);
  CHECK(second_line < centre);
  CHECK(first_line < centre);
  CHECK(capture > 0.5);
  CHECK(first_line < 0.5);
  // A pass is neither urgent nor bad.
  const auto pass = vkrl::agents::mcts::go_move_knowledge(g.board(), Stone::Black, Board::kNoPoint);
  CHECK(pass.wins / pass.visits == Approx(0.5));
}

TEST_CASE("go knowledge: a self-atari of four stones starts below even, an escape above", "[agents][mcts]") {
  // Black's three corner stones have two liberties, A8 and B7 (rows from the top: (1,0) and (2,1)). (1,0) leaves
  // only (2,1): a self-atari of four stones. White's atari on the lone black stone at (4,4) is escaped at (4,5).
  const GoGame g = diagram({"X X O . . . . . .",  //
                            ". X O . . . . . .",  //
                            "O . O . . . . . .",  //
                            ". . . . O . . . .",  //
                            ". . . O X . . . .",  //
                            ". . . . O . . . .",  //
                            ". . . . . . . . .",  //
                            ". . . . . . . . .",  //
                            ". . . . . . . . ."},
                           Stone::Black);
  CHECK(win_share(g, 1, 0) < 0.5);
  CHECK(win_share(g, 2, 1) > win_share(g, 1, 0));
  CHECK(win_share(g, 4, 5) > win_share(g, 7, 4));
}
