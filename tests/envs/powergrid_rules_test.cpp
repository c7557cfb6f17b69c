// Grid2Op's protections and rules in PowerGridEnv (REFERENCE.md 6.2): the third overflowing step trips a line, 200 %
// trips it at once, a trip that overloads a neighbour cascades in the same step, a tripped line waits 10 steps, a
// disconnected load ends the episode, and an action on two substations becomes do-nothing. Each test plays a constant
// scenario (one drawn row repeated) and sets thermal limits from the flows it measures.
#include <catch2/catch.hpp>

#include <algorithm>

#include "powergrid_constant_env.h"
#include "support/vulkan_fixture.h"
#include "vkrl/envs/powergrid/power_grid_env.h"
#include "vkrl/error.h"

using namespace vkrl::envs::powergrid;
using vkrl::envs::StepResult;

using vkrl::test::constant_env;
using vkrl::test::kLine13;
using vkrl::test::set_limit;

namespace {

constexpr int kLine5_12 = 9;    // 5_12_9
constexpr int kLine11_12 = 13;  // 11_12_13 takes most of 5_12_9's flow when it trips

}  // namespace

TEST_CASE("powergrid: a line held above its limit trips on the third step", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  set_limit(env, kLine13, env.obs().a_or[kLine13] / 1.5);
  for (int step = 1; step <= 2; ++step) {
    REQUIRE_FALSE(env.step(0).done());
    CHECK(env.obs().line_status[kLine13] == 1);
    CHECK(env.obs().timestep_overflow[kLine13] == step);
    CHECK(env.obs().rho[kLine13] > 1.4);
  }
  REQUIRE_FALSE(env.step(0).done());
  CHECK(env.obs().line_status[kLine13] == 0);
  CHECK(env.obs().timestep_overflow[kLine13] == 0);
  CHECK(env.obs().time_before_cooldown_line[kLine13] == kReconnectionCooldown);
  CHECK(std::count(env.obs().line_status.begin(), env.obs().line_status.end(), 0) == 1);
}

TEST_CASE("powergrid: a line above 200 % trips at once, one at 190 % does not", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  set_limit(env, kLine13, env.obs().a_or[kLine13] / 2.5);
  REQUIRE_FALSE(env.step(0).done());
  CHECK(env.obs().line_status[kLine13] == 0);

  PowerGridEnv below = constant_env(seed);
  set_limit(below, kLine13, below.obs().a_or[kLine13] / 1.9);
  REQUIRE_FALSE(below.step(0).done());
  CHECK(below.obs().line_status[kLine13] == 1);
  CHECK(below.obs().timestep_overflow[kLine13] == 1);
}

TEST_CASE("powergrid: a trip that overloads a neighbour above 200 % cascades in the same step", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  // The neighbour's current once 5_12_9 is out, measured on a copy that disconnects it.
  PowerGridEnv probe = constant_env(seed);
  const double before = probe.obs().a_or[kLine11_12];
  REQUIRE_FALSE(probe.step(GridAction{.set_line_status = {{kLine5_12, -1}}}).done());
  const double after = probe.obs().a_or[kLine11_12];
  REQUIRE(after > 2.5 * before);

  PowerGridEnv env = constant_env(seed);
  set_limit(env, kLine5_12, env.obs().a_or[kLine5_12] / 2.5);
  set_limit(env, kLine11_12, after / 2.2);
  CHECK(env.obs().rho[kLine11_12] < 1.0);
  REQUIRE_FALSE(env.step(0).done());
  CHECK(env.obs().line_status[kLine5_12] == 0);
  CHECK(env.obs().line_status[kLine11_12] == 0);
  CHECK(env.obs().time_before_cooldown_line[kLine11_12] == kReconnectionCooldown);
}

TEST_CASE("powergrid: a tripped line cannot be reconnected for 10 steps", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  const double current = env.obs().a_or[kLine13];
  set_limit(env, kLine13, current / 2.5);
  REQUIRE_FALSE(env.step(0).done());
  REQUIRE(env.obs().line_status[kLine13] == 0);
  set_limit(env, kLine13, current * 10);
  const int reconnect = 1 + kLine13;
  REQUIRE(env.action_name(reconnect) == "reconnect 1_3_3");
  for (int step = 1; step <= kReconnectionCooldown; ++step) {
    INFO("step " << step << " after the trip");
    CHECK(env.obs().time_before_cooldown_line[kLine13] == kReconnectionCooldown + 1 - step);
    REQUIRE_FALSE(env.step(reconnect).done());
    CHECK(env.last_action_illegal());
    CHECK(env.obs().line_status[kLine13] == 0);
  }
  CHECK(env.obs().time_before_cooldown_line[kLine13] == 0);
  REQUIRE_FALSE(env.step(reconnect).done());
  CHECK_FALSE(env.last_action_illegal());
  CHECK(env.obs().line_status[kLine13] == 1);
}

TEST_CASE("powergrid: a disconnected or isolated load ends the episode", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  const int load = 10;  // load_13_10
  const int pos = env.model().load_pos[load];
  // Alone on busbar 2 of its substation: an island with no generator.
  StepResult r = env.step(GridAction{.set_bus = {{pos, 2}}});
  CHECK(r.terminated);
  CHECK(env.game_over_reason() == "islanding");
  CHECK(env.step(0).terminated);  // stays over

  PowerGridEnv cut = constant_env(seed);
  r = cut.step(GridAction{.set_bus = {{pos, -1}}});
  CHECK(r.terminated);
  CHECK(cut.game_over_reason() == "a load or generator is disconnected");
}

TEST_CASE("powergrid: two substation actions in one step become do-nothing", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  const GridModel& m = env.model();
  // Two lines' origins at substations 3 and 5 to busbar 2 (each leaves a line on busbar 1).
  const GridAction two_subs{.set_bus = {{m.line_or_pos[15], 2}, {m.line_or_pos[7], 2}}};
  const std::vector<int> before = env.obs().topo_vect;
  REQUIRE_FALSE(env.step(two_subs).done());
  CHECK(env.last_action_illegal());
  CHECK(env.obs().topo_vect == before);
  // Two line status changes are refused too.
  REQUIRE_FALSE(env.step(GridAction{.set_line_status = {{kLine13, -1}, {kLine5_12, -1}}}).done());
  CHECK(env.last_action_illegal());
  CHECK(env.obs().line_status[kLine13] == 1);
  // One substation at a time is legal and moves both elements of a split.
  const GridAction one_sub{.set_bus = {{m.line_or_pos[15], 2}, {m.line_or_pos[16], 2}}};
  REQUIRE_FALSE(env.step(one_sub).done());
  CHECK_FALSE(env.last_action_illegal());
  CHECK(env.obs().topo_vect[m.line_or_pos[15]] == 2);
  CHECK(env.obs().topo_vect[m.line_or_pos[16]] == 2);
}

TEST_CASE("powergrid: an action naming a missing element is refused with its name", "[envs][powergrid]") {
  PowerGridEnv env = constant_env(1);
  CHECK_THROWS_WITH(env.step(GridAction{.set_bus = {{57, 1}}}),
                    Catch::Contains("topo_vect position 57") && Catch::Contains("the grid has 57"));
  CHECK_THROWS_WITH(env.step(GridAction{.set_line_status = {{20, 1}}}), Catch::Contains("line 20"));
  CHECK_THROWS_WITH(env.step(GridAction{.set_bus = {{3, 3}}}), Catch::Contains("bus 3"));
}

TEST_CASE("powergrid: a scenario the grid cannot carry ends the episode at reset with a full observation",
          "[envs][powergrid]") {
  PowerGridOptions options;
  options.max_steps = 4;
  PowerGridEnv env("powergrid/case14", l2rpn_case14_sandbox(), options);
  auto heavy = std::make_shared<Scenario>(generate_scenario(env.model(), 1, 5));
  for (double& p : heavy->load_p) p *= 10;  // the slack cannot carry this: no AC solution
  env.reset_with(heavy);
  CHECK(env.game_over());
  CHECK(env.game_over_reason() == "divergence");
  CHECK(env.step(0).terminated);
  const std::vector<float> flat = env.observation();
  CHECK(flat.size() == env.observation_spec().size());
  CHECK(env.obs().rho == std::vector<double>(20, 0.0));
}
