// SGF: hand-written files read into the expected game, written back and read again unchanged; variations follow the
// main line; malformed files give one line naming the line and column and the problem.
#include <catch2/catch.hpp>

#include "vkrl/envs/go/sgf.h"
#include "vkrl/error.h"

using namespace vkrl::envs::go;

namespace {

// Setup stones (a point list and a rectangle), comments with escapes, passes both ways, players and result.
const char* const kSetupGame = R"((;FF[4]GM[1]SZ[9]KM[6.5]PB[Black \] Player]PW[White]RE[W+2.5]
C[A setup problem: black to live\\die]
AB[cc][gc]AW[dd:ee]
;B[ef]C[first move]
;W[]
;B[cg]
;W[tt]
;W[fe]))";

// A main line of three moves with variations branching after the first and the second.
const char* const kVariations = R"(
(;GM[1]FF[4]SZ[5]
 ;B[cc]
 (;W[bb]
  (;B[dd]C[main line])
  (;B[bd]C[second variation]))
 (;W[dc];B[dd])
))";

}  // namespace

TEST_CASE("go sgf: a file with setup stones, comments and passes reads as written", "[envs][go][sgf]") {
  const SgfGame g = parse_sgf(kSetupGame, "setup.sgf");
  CHECK(g.size == 9);
  CHECK(g.komi == 6.5);
  CHECK(g.black_player == "Black ] Player");
  CHECK(g.white_player == "White");
  CHECK(g.result == "W+2.5");
  CHECK(g.comment == "A setup problem: black to live\\die");
  CHECK(g.black_setup == std::vector<int>{2 * 9 + 2, 2 * 9 + 6});
  CHECK(g.white_setup == std::vector<int>{3 * 9 + 3, 3 * 9 + 4, 4 * 9 + 3, 4 * 9 + 4});
  REQUIRE(g.moves.size() == 5);
  CHECK(g.moves[0] == SgfMove{Stone::Black, 5 * 9 + 4, "first move"});
  CHECK(g.moves[1] == SgfMove{Stone::White, 81, ""});
  CHECK(g.moves[2] == SgfMove{Stone::Black, 6 * 9 + 2, ""});
  CHECK(g.moves[3] == SgfMove{Stone::White, 81, ""});
  CHECK(g.moves[4] == SgfMove{Stone::White, 4 * 9 + 5, ""});  // two white moves in a row: SGF allows it

  const GoGame game = play_sgf(g);
  CHECK(game.move_count() == 5);
  CHECK(game.to_play() == Stone::Black);
  CHECK(game.board().to_string() ==
        ".........\n"
        ".........\n"
        "..X...X..\n"
        "...OO....\n"
        "...OOO...\n"
        "....X....\n"
        "..X......\n"
        ".........\n"
        ".........\n");
}

TEST_CASE("go sgf: written files read back the same game", "[envs][go][sgf]") {
  for (const char* text : {kSetupGame, kVariations}) {
    const SgfGame g = parse_sgf(text);
    const std::string written = write_sgf(g);
    INFO(written);
    CHECK(parse_sgf(written) == g);
    CHECK(write_sgf(parse_sgf(written)) == written);
  }
  // A played game: every move of a 9x9 game from a fixed list, passes included.
  SgfGame played;
  played.size = 9;
  played.black_player = "vkrl";
  for (int i = 0; i < 40; ++i)
    played.moves.push_back({i % 2 ? Stone::White : Stone::Black, i % 7 == 6 ? 81 : (i * 37) % 81, ""});
  CHECK(parse_sgf(write_sgf(played)) == played);
}

TEST_CASE("go sgf: variations are skipped, the main line is played", "[envs][go][sgf]") {
  const SgfGame g = parse_sgf(kVariations);
  REQUIRE(g.moves.size() == 3);
  CHECK(g.moves[0].action == 2 * 5 + 2);
  CHECK(g.moves[1].action == 1 * 5 + 1);
  CHECK(g.moves[2] == SgfMove{Stone::Black, 3 * 5 + 3, "main line"});
  CHECK(play_sgf(g).to_play() == Stone::White);
}

TEST_CASE("go sgf: malformed files name the line, column and problem", "[envs][go][sgf]") {
  const auto error_of = [](const char* text) {
    try {
      parse_sgf(text, "bad.sgf");
    } catch (const vkrl::Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(error_of("(;SZ[9];B[cc]") == "bad.sgf:1:1: unbalanced '(': the game tree is never closed");
  CHECK(error_of("(;SZ[9]\n;B[cc") == "bad.sgf:2:3: unbalanced '[': the value is never closed");
  CHECK(error_of("(;SZ[9]\n;B[cc]\n;W[zz])") == "bad.sgf:3:4: bad coordinate [zz] on a 9x9 board");
  CHECK(error_of("(;SZ[9];B[j])") == "bad.sgf:1:11: bad coordinate [j] on a 9x9 board");
  CHECK(error_of("(;SZ[25];B[aa])") == "bad.sgf:1:6: unsupported board size SZ[25] (vkrl plays 5..19)");
  CHECK(error_of("(;SZ[9:13])") == "bad.sgf:1:6: unknown board size SZ[9:13] (vkrl plays square boards 5..19)");
  CHECK(error_of("(;GM[2])") == "bad.sgf:1:6: GM[2] is not Go");
  CHECK(error_of("(;KM[seven])") == "bad.sgf:1:6: KM[seven] is not a number");
  CHECK(error_of("(;B[aa]))") == "bad.sgf:1:9: unexpected ')' after the game tree");
  CHECK(error_of("  ") == "bad.sgf:1:3: expected '(' to open a game tree");
  CHECK(error_of("(B[aa])") == "bad.sgf:1:2: expected ';' to start the game tree's first node");
  CHECK(error_of("(;B)") == "bad.sgf:1:4: property B has no value");
  // Legal syntax, illegal play: the move is named when the game is played.
  CHECK_THROWS_WITH(play_sgf(parse_sgf("(;SZ[5];B[cc];W[cc])")),
                    Catch::Contains("sgf move 2") && Catch::Contains("occupied"));
}
