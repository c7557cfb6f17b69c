// The playouts' atari answers (playout.h, PlayoutPolicy::AnswerAtari) and Board::atari_point, from diagrams worked
// out by hand: the last move's chain in atari is captured, own stones it ataried extend when that gains liberties,
// and a hopeless extension is left alone.
#include <catch2/catch.hpp>

#include "go_diagram.h"
#include "support/vulkan_fixture.h"
#include "vkrl/envs/go/playout.h"

using namespace vkrl::envs::go;
using vkrl::test::go_at;
using vkrl::test::go_from_diagram;

TEST_CASE("go playouts: atari_point finds a chain's one liberty, and only then", "[envs][go]") {
  const GoGame g = go_from_diagram({"X . O . .",  //
                                    "X X O . .",  //
                                    "O O . . .",  //
                                    ". . . . .",  //
                                    ". . . . ."},
                                   Stone::Black);
  const Board& b = g.board();
  // Black's three stones touch B5 twice (from A5 and B4): one liberty counted twice.
  CHECK(b.atari_point(g.point_of(go_at(g, 1, 0))) == g.point_of(go_at(g, 0, 1)));
  CHECK(b.atari_point(g.point_of(go_at(g, 0, 2))) == Board::kNoPoint);  // four liberties
  CHECK(b.atari_point(g.point_of(go_at(g, 2, 0))) == Board::kNoPoint);  // three
}

TEST_CASE("go playouts: the last move's chain in atari is captured", "[envs][go]") {
  GoGame g = go_from_diagram({". . . . .",  //
                              ". X . . .",  //
                              "X . X . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::White);
  g.play(go_at(g, 2, 1));  // White's stone in the mouth: one liberty, B2
  CHECK(atari_reply_point(g.board(), Stone::Black, g.point_of(go_at(g, 2, 1))) == g.point_of(go_at(g, 3, 1)));
}

TEST_CASE("go playouts: own stones put in atari extend when that gains liberties", "[envs][go]") {
  GoGame g = go_from_diagram({". . . . .",  //
                              ". O . . .",  //
                              "O X . . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::White);
  g.play(go_at(g, 3, 1));  // atari on B3; C3 leads to three new liberties
  CHECK(atari_reply_point(g.board(), Stone::Black, g.point_of(go_at(g, 3, 1))) == g.point_of(go_at(g, 2, 2)));
}

TEST_CASE("go playouts: own stones put in atari capture the attacker in atari rather than extend", "[envs][go]") {
  GoGame g = go_from_diagram({". O X . .",  //
                              "O X . . .",  //
                              ". . . . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::White);
  g.play(go_at(g, 2, 1));  // atari on B4, whose liberty C4 would extend; but White's B5 is in atari at A5
  CHECK(atari_reply_point(g.board(), Stone::Black, g.point_of(go_at(g, 2, 1))) == g.point_of(go_at(g, 0, 0)));
}

TEST_CASE("go playouts: a hopeless extension is not an answer", "[envs][go]") {
  GoGame g = go_from_diagram({". X O . .",  //
                              ". . . . .",  //
                              ". . . . .",  //
                              ". . . . .",  //
                              ". . . . ."},
                             Stone::White);
  g.play(go_at(g, 1, 1));  // atari on B5; A5 would leave one liberty, A4
  CHECK(atari_reply_point(g.board(), Stone::Black, g.point_of(go_at(g, 1, 1))) == Board::kNoPoint);
  // The same move without the atari: no answer either, and a uniform playout still plays on.
  PlayoutRng rng(7);
  Board board = g.board();
  std::vector<int> played;
  const PlayoutOptions options{PlayoutPolicy::AnswerAtari, g.point_of(go_at(g, 1, 1)), &played};
  random_playout(board, Stone::Black, 0, 10, 7.5, rng, options);
  CHECK(played.size() == 10);
}

TEST_CASE("go playouts: the tactical policy never fills a group's second-last liberty", "[envs][go]") {
  // Black's three stones have two liberties, A4 and B3. A4 would leave B3 alone (self-atari of four stones); B3
  // keeps A4 and gains B2.
  const GoGame g = go_from_diagram({"X X O . .",  //
                                    ". X O . .",  //
                                    "O . O . .",  //
                                    ". . . . .",  //
                                    ". . . . ."},
                                   Stone::Black);
  const int self_atari = g.point_of(go_at(g, 1, 0)), safe = g.point_of(go_at(g, 2, 1));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PlayoutRng rng(seed);
  int plain_self_atari = 0, plain_safe = 0, avoiding_self_atari = 0, avoiding_safe = 0;
  for (int i = 0; i < 3000; ++i) {
    const int plain = random_playout_point(g.board(), Stone::Black, rng);
    const int avoiding = random_playout_point(g.board(), Stone::Black, rng, true);
    plain_self_atari += plain == self_atari, plain_safe += plain == safe;
    avoiding_self_atari += avoiding == self_atari, avoiding_safe += avoiding == safe;
  }
  // 18 legal points, none an eye: each about 3000 / 18 = 167 times.
  CHECK(plain_self_atari > 100);
  CHECK(plain_safe > 100);
  CHECK(avoiding_self_atari == 0);
  CHECK(avoiding_safe > 100);
}

TEST_CASE("go playouts: joining a chain rich in liberties is never taken for self-atari", "[envs][go]") {
  // C3 touches only Black's three-stone chain (six liberties besides C3) and White stones: Black may play it.
  const GoGame g = go_from_diagram({". . . . .",  //
                                    ". X X X .",  //
                                    ". O . O .",  //
                                    ". . O . .",  //
                                    ". . . . ."},
                                   Stone::Black);
  const int join = g.point_of(go_at(g, 2, 2));
  CHECK(g.board().liberty_besides(g.point_of(go_at(g, 1, 2)), join) == Board::kNoPoint);  // more than one
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PlayoutRng rng(seed);
  int joins = 0;
  for (int i = 0; i < 3000; ++i) joins += random_playout_point(g.board(), Stone::Black, rng, true) == join;
  CHECK(joins > 80);  // 19 empty points, none refused: about 158
}

TEST_CASE("go playouts: liberty_besides names a chain's one other liberty", "[envs][go]") {
  const GoGame g = go_from_diagram({"X X O . .",  //
                                    ". X O . .",  //
                                    "O . O . .",  //
                                    ". . . . .",  //
                                    ". . . . ."},
                                   Stone::Black);
  const Board& b = g.board();
  const int chain = g.point_of(go_at(g, 0, 0)), a4 = g.point_of(go_at(g, 1, 0)), b3 = g.point_of(go_at(g, 2, 1));
  CHECK(b.liberty_besides(chain, a4) == b3);  // A4 touches two of the chain's stones: counted twice, taken out twice
  CHECK(b.liberty_besides(chain, b3) == a4);
}
