// The power-grid agents: do-nothing, reco-powerline reconnecting a tripped line once its cooldown ends, and the expert
// refusing an env that is not a power grid.
#include <catch2/catch.hpp>

#include "agents/policy_registry.h"
#include "vkrl/envs/powergrid/power_grid_env.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"

using namespace vkrl;
using envs::powergrid::GridAction;
using envs::powergrid::PowerGridEnv;

TEST_CASE("agents: reco-powerline reconnects a line when its cooldown allows, do-nothing never acts", "[apps][agents]") {
  auto env = envs::make_env("powergrid/case14,seed=2");
  auto& grid = dynamic_cast<PowerGridEnv&>(*env);
  auto reco = apps::make_policy("reco-powerline", *env);
  auto nothing = apps::make_policy("do-nothing", *env);
  std::mt19937_64 rng(0);
  CHECK(reco->act(*env, env->observation(), rng) == 0);
  // Tripping 3_4_6 as a protection would: out, with the reconnection cooldown.
  std::vector<double> limits;
  for (const auto& l : grid.model().lines) limits.push_back(l.thermal_limit_a);
  std::vector<double> low = limits;
  low[6] = grid.obs().a_or[6] / 3;
  grid.set_thermal_limits(low);
  REQUIRE_FALSE(env->step(0).done());
  REQUIRE(grid.obs().line_status[6] == 0);
  grid.set_thermal_limits(limits);
  int waited = 0;
  while (reco->act(*env, env->observation(), rng) == 0) {
    CHECK(nothing->act(*env, env->observation(), rng) == 0);
    REQUIRE_FALSE(env->step(0).done());
    ++waited;
  }
  CHECK(waited == envs::powergrid::kReconnectionCooldown);
  CHECK(reco->act(*env, env->observation(), rng) == 1 + 6);
  REQUIRE_FALSE(env->step(1 + 6).done());
  CHECK(grid.obs().line_status[6] == 1);
}

TEST_CASE("agents: the grid agents refuse an env that is not a power grid", "[apps][agents]") {
  auto env = envs::make_env("gridworld/cliff");
  for (const char* name : {"do-nothing", "reco-powerline", "expert"})
    CHECK_THROWS_WITH(apps::make_policy(name, *env), Catch::Contains("gridworld/cliff is not a power grid"));
}
