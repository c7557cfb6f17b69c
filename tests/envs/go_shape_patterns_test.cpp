// MoGo's 3x3 shapes (shape_patterns.h) and the Patterns playout policy, on diagrams worked out by hand: a shape is
// found in every rotation and for either colour, nothing is found where one colour stands alone, and the playouts'
// shape replies lie next to the last move.
#include <catch2/catch.hpp>

#include "go_diagram.h"
#include "support/vulkan_fixture.h"
#include "vkrl/envs/go/playout.h"
#include "vkrl/envs/go/shape_patterns.h"

using namespace vkrl::envs::go;
using vkrl::test::go_at;
using vkrl::test::go_from_diagram;

namespace {

bool shape_at(const GoGame& g, int row, int col) {
  return matches_shape_pattern(g.board(), g.point_of(go_at(g, row, col)));
}

}  // namespace

TEST_CASE("go shapes: the enclosing hane in all four directions and for either colour", "[envs][go]") {
  // X O X with the point below the O, then the same turned a quarter, and with the colours swapped.
  CHECK(
      shape_at(go_from_diagram({". . . . .", ". X O X .", ". . . . .", ". . . . .", ". . . . ."}, Stone::Black), 2, 2));
  CHECK(
      shape_at(go_from_diagram({". . . . .", ". X O X .", ". . . . .", ". . . . .", ". . . . ."}, Stone::Black), 0, 2));
  CHECK(
      shape_at(go_from_diagram({". . . . .", ". X . . .", ". O . . .", ". X . . .", ". . . . ."}, Stone::Black), 2, 2));
  CHECK(
      shape_at(go_from_diagram({". . . . .", ". O X O .", ". . . . .", ". . . . .", ". . . . ."}, Stone::White), 2, 2));
}

TEST_CASE("go shapes: the unguarded cut between two diagonal stones", "[envs][go]") {
  const GoGame g = go_from_diagram({". . . . .",  //
                                    ". X O . .",  //
                                    ". O . . .",  //
                                    ". . . . .",  //
                                    ". . . . ."},
                                   Stone::Black);
  CHECK(shape_at(g, 2, 2));  // the cutting point of X at B4 against O at C4 and B3
}

TEST_CASE("go shapes: the chase along the first line", "[envs][go]") {
  const GoGame g = go_from_diagram({". . . . .",  //
                                    ". . . . .",  //
                                    ". . . . .",  //
                                    "X . . . .",  //
                                    "O . . . ."},
                                   Stone::Black);
  CHECK(shape_at(g, 4, 1));
}

TEST_CASE("go shapes: none on an empty board, by a lone stone, or by one colour's stones", "[envs][go]") {
  const GoGame empty = go_from_diagram({". . . . .", ". . . . .", ". . . . .", ". . . . .", ". . . . ."}, Stone::Black);
  const GoGame lone = go_from_diagram({". . . . .", ". . . . .", ". . X . .", ". . . . .", ". . . . ."}, Stone::Black);
  const GoGame friends =
      go_from_diagram({". . . . .", ". X . X .", ". . X . .", ". X . . .", ". . . . ."}, Stone::Black);
  for (int r = 0; r < 5; ++r)
    for (int c = 0; c < 5; ++c) {
      INFO("row " << r << " col " << c);
      CHECK_FALSE(shape_at(empty, r, c));
      if (lone.board().at(lone.point_of(go_at(lone, r, c))) == Stone::Empty) CHECK_FALSE(shape_at(lone, r, c));
      if (friends.board().at(friends.point_of(go_at(friends, r, c))) == Stone::Empty)
        CHECK_FALSE(shape_at(friends, r, c));
    }
}

TEST_CASE("go shapes: the playouts' shape replies lie next to the last move and form a shape", "[envs][go]") {
  GoGame g = go_from_diagram({". . . . . . .",  //
                              ". . . . . . .",  //
                              ". . X . . . .",  //
                              ". . . . . . .",  //
                              ". . . . . . .",  //
                              ". . . . . . .",  //
                              ". . . . . . ."},
                             Stone::White);
  g.play(go_at(g, 2, 3));  // White attaches beside Black's stone: hane points appear above and below both
  const int last = g.point_of(go_at(g, 2, 3));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PlayoutRng rng(seed);
  int replies = 0;
  for (int i = 0; i < 200; ++i) {
    const int p = shape_reply_point(g.board(), Stone::Black, last, rng);
    if (p == Board::kNoPoint) continue;
    ++replies;
    CHECK(std::abs(g.board().row_of(p) - 2) <= 1);
    CHECK(std::abs(g.board().col_of(p) - 3) <= 1);
    CHECK(matches_shape_pattern(g.board(), p));
  }
  CHECK(replies == 200);
  // Far from every stone there is nothing to answer.
  CHECK(shape_reply_point(g.board(), Stone::Black, g.point_of(go_at(g, 6, 6)), rng) == Board::kNoPoint);
}
