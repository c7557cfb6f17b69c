// GoEnv as an Env: the registered names and options, whose turn it is, the end-of-game reward from the mover's point
// of view, AlphaGo Zero's observation planes, and rendering.
#include "vkrl/envs/go/go_env.h"

#include <catch2/catch.hpp>

#include "vkrl/envs/frame.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"

using namespace vkrl::envs;

TEST_CASE("go env: registered sizes and options", "[envs][go]") {
  for (int size : {9, 13, 19}) {
    const std::string name = "go/" + std::to_string(size) + "x" + std::to_string(size);
    const auto env = make_env(name);
    CHECK(env->name() == name);
    CHECK(env->action_count() == size * size + 1);
    CHECK(env->observation_spec().shape == std::vector<int>{17, size, size});
    CHECK(env->player_count() == 2);
    CHECK(env->legal_actions().size() == size_t(size * size + 1));
  }
  const auto small = make_env("go/9x9,size=7,komi=0.5,max_moves=20");
  CHECK(small->name() == "go/9x9,size=7,komi=0.5,max_moves=20");
  CHECK(small->action_count() == 50);
  CHECK(make_env(small->name())->name() == small->name());
  CHECK_THROWS_WITH(make_env("go/9x9,size=4"), Catch::Contains("size"));
  CHECK_THROWS_WITH(make_env("go/9x9,size=9.5"), Catch::Contains("size"));
  CHECK_THROWS_WITH(make_env("go/9x9,handicap=2"), Catch::Contains("handicap"));
}

TEST_CASE("go env: players alternate and the last step's reward is the mover's", "[envs][go]") {
  // 5x5, komi 0.5: one black stone, then two passes. Black's pass ends it and black owns the board: +1.
  auto env = make_env("go/9x9,size=5,komi=0.5");
  env->reset(1);
  CHECK(env->current_player() == 0);
  CHECK(env->step(12).reward == 0.0f);
  CHECK(env->current_player() == 1);
  CHECK_FALSE(env->step(25).done());
  CHECK(env->current_player() == 0);
  const StepResult end = env->step(25);
  CHECK(end.terminated);
  CHECK(end.reward == 1.0f);
  CHECK(env->legal_actions().empty());
  CHECK_THROWS_AS(env->step(25), vkrl::Error);

  // The same with a komi of 30.5: black ends it and loses, -1.
  auto big_komi = make_env("go/9x9,size=5,komi=30.5");
  big_komi->step(12);
  big_komi->step(25);
  CHECK(big_komi->step(25).reward == -1.0f);

  // White's stone and white's pass at the end: white wins, +1.
  env->reset(2);
  env->step(25);
  env->step(12);
  CHECK_FALSE(env->step(25).done());
  const StepResult white_end = env->step(25);
  CHECK(white_end.terminated);
  CHECK(white_end.reward == 1.0f);
}

TEST_CASE("go env: observation planes are own and opponent stones, newest first, and colour to play", "[envs][go]") {
  auto env = make_env("go/9x9,size=5");
  env->reset(0);
  std::vector<float> obs = env->observation();
  const size_t area = 25;
  REQUIRE(obs.size() == 17 * area);
  for (size_t i = 0; i < 16 * area; ++i) REQUIRE(obs[i] == 0.0f);
  for (size_t i = 16 * area; i < 17 * area; ++i) REQUIRE(obs[i] == 1.0f);  // black to play

  env->step(0);  // black at the top left
  obs = env->observation();
  // White to play: plane 0 white's stones (none), plane 1 black's (the new stone), plane 3 black's one step back
  // (none yet), last plane zeros.
  CHECK(obs[0 * area + 0] == 0.0f);
  CHECK(obs[1 * area + 0] == 1.0f);
  CHECK(obs[3 * area + 0] == 0.0f);
  CHECK(obs[16 * area + 0] == 0.0f);
  env->step(24);  // white at the bottom right
  obs = env->observation();
  CHECK(obs[0 * area + 0] == 1.0f);   // black's own stone now
  CHECK(obs[1 * area + 24] == 1.0f);  // white's
  CHECK(obs[2 * area + 0] == 1.0f);   // one step back: black's stone was there
  CHECK(obs[3 * area + 24] == 0.0f);  // white's was not yet
  CHECK(obs[16 * area + 3] == 1.0f);
}

TEST_CASE("go env: render draws the stones", "[envs][go]") {
  auto env = make_env("go/9x9");
  env->reset(0);
  Frame empty;
  env->render(empty);
  CHECK(empty.width() == 10 * go::GoEnv::kCellPixels);
  env->step(40);  // tengen, black
  Frame frame;
  env->render(frame);
  const int centre = go::GoEnv::kCellPixels * 5;
  // Off the grid lines and the last-move marker the stone is near black; it was board colour before.
  const Rgb stone = frame.at(centre + 8, centre + 5), board = empty.at(centre + 8, centre + 5);
  CHECK(stone.r < 60);
  CHECK(board.r > 150);
  CHECK(env->to_string().find('X') != std::string::npos);
}
