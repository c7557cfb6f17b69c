// The L2RPN 2020 score as vkrl eval computes it: DoNothing scores exactly 0 on every scenario, and the expert, on
// scenarios where DoNothing fails early, survives longer and scores above 0. The scenarios are cut to a few hundred
// steps so the test stays fast; the 28-day measurement is `vkrl eval --env powergrid/case14 --agent expert`.
#include <catch2/catch.hpp>

#include "agents/grid_score.h"
#include "agents/policy_registry.h"
#include "support/vulkan_fixture.h"
#include "vkrl/envs/registry.h"

using namespace vkrl;

namespace {

apps::GridScore score(const std::string& agent, int episodes, uint64_t seed, int max_steps) {
  const auto env = envs::make_env("powergrid/case14");
  const auto policy = apps::make_policy(agent, *env);
  apps::GridCostRecorder costs(max_steps);
  apps::evaluate(*env, *policy, episodes, seed, max_steps, costs.observer());
  return apps::score_grid_agent("powergrid/case14", costs.episodes(), seed, max_steps);
}

}  // namespace

TEST_CASE("agents: DoNothing scores exactly 0 on any set of grid scenarios", "[apps][agents]") {
  const uint64_t seed = test::fresh_seed();
  INFO("seed " << seed);
  const apps::GridScore result = score("do-nothing", 3, seed, 300);
  REQUIRE(result.episodes.size() == 3);
  for (const apps::GridEpisodeScore& e : result.episodes) {
    CHECK(e.agent.cost > 0);
    CHECK(e.agent.cost < e.agent.worst);
    CHECK(e.score == 0.0);
  }
  CHECK(result.mean_score() == 0.0);
}

TEST_CASE("agents: the expert survives longer than DoNothing and scores above 0", "[apps][agents]") {
  // Seed 1's first two scenarios: DoNothing loses the grid within 300 steps in both.
  const int steps = 400;
  const apps::GridScore result = score("expert", 2, 1, steps);
  for (const apps::GridEpisodeScore& e : result.episodes) {
    CHECK(e.do_nothing.steps < 300);
    CHECK(e.agent.steps == steps);
    CHECK(e.reco_powerline.steps == steps);
    CHECK(e.score > 0);
  }
  CHECK(result.mean_score() > 50);
}
