// The fast Go paths (Board's incremental pseudo-liberties and simple ko, GoGame's hashed superko, the playout move
// choice) against ReferenceGo (flood fill, full position history) over random games on 5x5, 7x7 and 9x9: at every
// move they agree on which points are legal with and without superko, on the stones captured, on each chain's
// liberties, and at the end on the area score. The ctest run plays 300 games; VKRL_GO_DIFF_GAMES=10000 plays more.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "go_reference.h"
#include "support/vulkan_fixture.h"
#include "vkrl/envs/go/game.h"
#include "vkrl/envs/go/playout.h"

using namespace vkrl::envs::go;
using vkrl::test::ReferenceGo;

namespace {

int games_to_play() {
  const char* games = std::getenv("VKRL_GO_DIFF_GAMES");
  return games ? std::atoi(games) : 300;
}

int reference_colour(Stone s) { return s == Stone::Black ? ReferenceGo::kBlack : ReferenceGo::kWhite; }

}  // namespace

TEST_CASE("go differential: fast paths agree with the flood-fill reference over random games", "[envs][go]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const int games = games_to_play();
  PlayoutRng rng(seed);
  long moves = 0, captures = 0, superko_refusals = 0, ko_refusals = 0;
  for (int game_index = 0; game_index < games; ++game_index) {
    const int size = 5 + 2 * (game_index % 3);
    INFO("game " << game_index << ", " << size << "x" << size);
    GoGame game({size, 7.5, 0});
    ReferenceGo reference(size);
    while (!game.is_over()) {
      const Stone c = game.to_play();
      const Board& board = game.board();
      INFO("move " << game.move_count() << "\n" << board.to_string());
      for (int a = 0; a < size * size; ++a) {
        const int p = game.point_of(a);
        const bool fast = board.is_legal_ignoring_superko(p, c);
        const ReferenceGo::Legality expected = reference.legality(a, reference_colour(c));
        REQUIRE(fast == expected.without_superko);
        REQUIRE(game.is_legal(a) == expected.with_superko);
        ko_refusals += p == board.ko_point();
        superko_refusals += fast && !game.is_legal(a);
        if (board.at(p) != Stone::Empty) REQUIRE(board.liberties(p) == reference.liberties(a));
      }
      // The playout's choice; on the rare superko conflict the full rules pass instead.
      const int point = random_playout_point(board, c, rng);
      int action = point == Board::kNoPoint ? game.pass_action() : game.action_of(point);
      if (point != Board::kNoPoint) REQUIRE_FALSE(board.is_eye(point, c));
      if (!game.is_legal(action)) action = game.pass_action();
      const int reference_captures = reference.play(action == game.pass_action() ? -1 : action, reference_colour(c));
      const int fast_captures = game.play(action);
      REQUIRE(fast_captures == reference_captures);
      captures += fast_captures;
      ++moves;
    }
    REQUIRE(game.score() == reference.score(7.5));
    // The playout's own scoring from the same final position agrees too (two passes: it ends at once).
    Board final_board = game.board();
    REQUIRE(random_playout(final_board, game.to_play(), 2, 1000, 7.5, rng).score == game.score());
  }
  INFO("moves " << moves << ", captures " << captures << ", ko refusals " << ko_refusals << ", superko refusals "
                << superko_refusals);
  CHECK(captures > 0);
  if (std::getenv("VKRL_GO_DIFF_GAMES"))  // the long run reports what it covered
    WARN(games << " games, " << moves << " moves, " << captures << " stones captured, " << ko_refusals << " ko points, "
               << superko_refusals << " superko refusals");
}

TEST_CASE("go differential: a random playout ends in a position the reference scores the same", "[envs][go]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PlayoutRng rng(seed);
  for (int i = 0; i < 20; ++i) {
    Board board(9);
    const PlayoutResult result = random_playout(board, Stone::Black, 0, 2 * 81, 7.5, rng);
    REQUIRE(result.moves > 0);
    ReferenceGo reference(9);
    for (int r = 0; r < 9; ++r)
      for (int c = 0; c < 9; ++c) {
        const Stone s = board.at(board.point(r, c));
        if (s != Stone::Empty) reference.set_setup(r * 9 + c, reference_colour(s));
      }
    REQUIRE(result.score == reference.score(7.5));
  }
}
