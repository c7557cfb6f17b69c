// Go rules from known positions drawn as diagrams (go_diagram.h): captures, snapback, suicide, ko, superko, passes
// and area scoring computed by hand.
#include <catch2/catch.hpp>

#include "go_diagram.h"
#include "vkrl/envs/go/game.h"
#include "vkrl/error.h"

using namespace vkrl::envs::go;
using vkrl::test::go_at;
using vkrl::test::go_from_diagram;

TEST_CASE("go rules: a single capture removes the stone and counts it", "[envs][go]") {
  GoGame g = go_from_diagram({". X . . .",  //
                              "X O . . .",  //
                              ". . . . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::Black);
  CHECK(g.board().liberties(g.point_of(go_at(g, 1, 1))) == 2);
  CHECK(g.play(go_at(g, 1, 2)) == 0);  // atari
  CHECK(g.board().liberties(g.point_of(go_at(g, 1, 1))) == 1);
  g.play(g.pass_action());
  CHECK(g.play(go_at(g, 2, 1)) == 1);
  CHECK(g.board().at(g.point_of(go_at(g, 1, 1))) == Stone::Empty);
}

TEST_CASE("go rules: one move captures four separate stones", "[envs][go]") {
  GoGame g = go_from_diagram({". X O X .",  //
                              "X O . O X",  //
                              ". X O X .",  //
                              ". . X . .",  //
                              ". . . . ."},
                             Stone::Black);
  // Every neighbour of the centre is white, so without the captures the move would be suicide.
  CHECK(g.is_legal(go_at(g, 1, 2)));
  CHECK(g.play(go_at(g, 1, 2)) == 4);
  CHECK(g.board().to_string() ==
        ".X.X.\n"
        "X.X.X\n"
        ".X.X.\n"
        "..X..\n"
        ".....\n");
}

TEST_CASE("go rules: snapback, a throw-in captured and the capturers taken back", "[envs][go]") {
  GoGame g = go_from_diagram({". . O X .",  //
                              "O O O X .",  //
                              "X X X . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::Black);
  CHECK(g.play(go_at(g, 0, 1)) == 0);              // the throw-in
  CHECK(g.play(go_at(g, 0, 0)) == 1);              // white takes it
  CHECK(g.board().ko_point() == Board::kNoPoint);  // five stones took one: no ko
  CHECK(g.is_legal(go_at(g, 0, 1)));
  CHECK(g.play(go_at(g, 0, 1)) == 5);  // and black takes five back
  CHECK(g.board().to_string() ==
        ".X.X.\n"
        "...X.\n"
        "XXX..\n"
        ".....\n"
        ".....\n");
}

TEST_CASE("go rules: suicide is refused, for one stone and for a group", "[envs][go]") {
  GoGame g = go_from_diagram({". O . . .",  //
                              "O . . . .",  //
                              ". . . X X",  //
                              ". . . X .",  //
                              ". . . X O"},
                             Stone::Black);
  CHECK_FALSE(g.is_legal(go_at(g, 0, 0)));
  CHECK_THROWS_AS(g.play(go_at(g, 0, 0)), vkrl::Error);
  CHECK(g.is_legal(go_at(g, 3, 4)));  // all neighbours occupied, but it captures the white stone in the corner

  GoGame group = go_from_diagram({". X O . .",  //
                                  "X X O . .",  //
                                  "O O . . .",  //
                                  ". . . . .",  //
                                  ". . . . ."},
                                 Stone::Black);
  CHECK_FALSE(group.is_legal(go_at(group, 0, 0)));  // the black group's last liberty
  group.set_to_play(Stone::White);
  CHECK(group.is_legal(go_at(group, 0, 0)));  // white there captures
}

TEST_CASE("go rules: a capture makes an otherwise suicidal move legal", "[envs][go]") {
  GoGame g = go_from_diagram({". O X . .",  //
                              "O X . . .",  //
                              ". . . . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::Black);
  REQUIRE(g.is_legal(go_at(g, 0, 0)));
  CHECK(g.play(go_at(g, 0, 0)) == 1);
  CHECK(g.board().at(g.point_of(go_at(g, 0, 1))) == Stone::Empty);
  CHECK(g.board().liberties(g.point_of(go_at(g, 0, 0))) == 1);
  // The same point with the white stone given a second liberty is suicide.
  GoGame h = go_from_diagram({". O . . .",  //
                              "O X . . .",  //
                              ". . . . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::Black);
  CHECK_FALSE(h.is_legal(go_at(h, 0, 0)));
}

namespace {

// A ko: white's stone at (1,1) of the block can be taken at (1,2), and the taker retaken.
const std::vector<std::string> kKo = {". X O . .",  //
                                      "X O . O .",  //
                                      ". X O . .",  //
                                      ". . . . .",  //
                                      ". . . . ."};

}  // namespace

TEST_CASE("go rules: simple ko, no immediate retake, retake after a move elsewhere", "[envs][go]") {
  GoGame g = go_from_diagram(kKo, Stone::Black);
  CHECK(g.play(go_at(g, 1, 2)) == 1);
  CHECK(g.board().ko_point() == g.point_of(go_at(g, 1, 1)));
  CHECK_FALSE(g.is_legal(go_at(g, 1, 1)));
  CHECK_THROWS_WITH(g.play(go_at(g, 1, 1)), Catch::Contains("ko"));
  g.play(go_at(g, 4, 4));  // a ko threat elsewhere
  g.play(go_at(g, 4, 0));
  CHECK(g.is_legal(go_at(g, 1, 1)));
  CHECK(g.play(go_at(g, 1, 1)) == 1);
}

TEST_CASE("go rules: a triple ko cycle is refused by positional superko", "[envs][go]") {
  // Three kos: the first and third with a white stone that black can take, the second with a black stone that white
  // can take. Taking them in turn brings the board back to the start after six moves; the sixth is refused, although
  // simple ko allows it.
  GoGame g = go_from_diagram({". . . . . . . . .",  //
                              ". X O . . . X O .",  //
                              "X O . O . X . X O",  //
                              ". X O . . . X O .",  //
                              ". . . . . . . . .",  //
                              ". X O . . . . . .",  //
                              "X O . O . . . . .",  //
                              ". X O . . . . . .",  //
                              ". . . . . . . . ."},
                             Stone::Black);
  const std::string start = g.board().to_string();
  CHECK(g.play(go_at(g, 2, 2)) == 1);  // black takes ko 1
  CHECK(g.play(go_at(g, 2, 6)) == 1);  // white takes ko 2
  CHECK(g.play(go_at(g, 6, 2)) == 1);  // black takes ko 3
  CHECK(g.play(go_at(g, 2, 1)) == 1);  // white retakes ko 1
  CHECK(g.play(go_at(g, 2, 7)) == 1);  // black retakes ko 2
  const int sixth = go_at(g, 6, 1);    // white retaking ko 3 would recreate the start
  CHECK(g.board().ko_point() != g.point_of(sixth));
  CHECK(g.board().is_legal_ignoring_superko(g.point_of(sixth), Stone::White));
  CHECK_FALSE(g.is_legal(sixth));
  CHECK_THROWS_WITH(g.play(sixth), Catch::Contains("superko"));
  // After a move elsewhere the position is new, so the same retake is allowed.
  g.play(go_at(g, 8, 8));
  g.play(go_at(g, 0, 8));
  CHECK(g.is_legal(sixth));
  g.play(sixth);
  CHECK(g.board().to_string() != start);
}

TEST_CASE("go rules: two passes end the game, a move in between does not", "[envs][go]") {
  GoGame g({9, 7.5, 0});
  g.play(g.pass_action());
  CHECK_FALSE(g.is_over());
  g.play(go_at(g, 4, 4));
  g.play(g.pass_action());
  CHECK_FALSE(g.is_over());
  g.play(g.pass_action());
  CHECK(g.is_over());
  CHECK(g.legal_actions().empty());
  CHECK_THROWS_WITH(g.play(g.pass_action()), Catch::Contains("over"));
  // White's lone stone owns the whole board: 0 - 81 - 7.5.
  CHECK(g.score() == -88.5);
}

TEST_CASE("go rules: the move cap ends the game", "[envs][go]") {
  GoGame g({5, 0.5, 3});
  g.play(go_at(g, 0, 0));
  g.play(go_at(g, 4, 4));
  CHECK_FALSE(g.is_over());
  g.play(go_at(g, 2, 2));
  CHECK(g.is_over());
}

TEST_CASE("go rules: area scoring of finished 9x9 positions, komi 7.5", "[envs][go]") {
  // A wall: black owns columns a-d (36 points), white e-i (45).
  GoGame wall = go_from_diagram({". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . ."},
                                Stone::Black);
  CHECK(wall.score() == 36 - 45 - 7.5);
  // A white stone left inside black's area: the region touches both colours, so black keeps only its 9 stones and
  // white counts 45 + 1.
  GoGame dead = go_from_diagram({". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". O . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . .",  //
                                 ". . . X O . . . ."},
                                Stone::Black);
  CHECK(dead.score() == 9 - 46 - 7.5);
  // Black walls off the lower left, white everything else, with one neutral point (dame) between them.
  GoGame split = go_from_diagram({". . . . . . . . .",  //
                                  ". . . . . . . . .",  //
                                  ". . . . . . . . .",  //
                                  "O O O O O O . . .",  //
                                  "X X X X X . O . .",  //
                                  ". . . . X O . . .",  //
                                  ". . . . X O . . .",  //
                                  ". . . . X O . . .",  //
                                  ". . . . X O . . ."},
                                 Stone::White);
  // Black: 9 stones + 16 inside = 25. White: 11 stones + 44 empty = 55. The dame (row 4, col 5): 81 = 25 + 1 + 55.
  CHECK(split.score() == 25 - 55 - 7.5);
  split.play(split.pass_action());
  split.play(split.pass_action());
  CHECK(split.is_over());
  CHECK(split.winner() == Stone::White);
}
