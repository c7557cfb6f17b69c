// Structured actions beyond set_bus and set_line_status: change_bus and change_line_status toggle, redispatch moves a
// dispatchable generator within its ramp and Pmax while the slack absorbs it, and actions naming a missing or
// forbidden element are refused with its name. Scheduled maintenance takes a line out with notice and keeps it out.
#include <catch2/catch.hpp>

#include <algorithm>

#include "powergrid_constant_env.h"
#include "support/vulkan_fixture.h"
#include "vkrl/envs/powergrid/l2rpn_score.h"
#include "vkrl/envs/powergrid/power_grid_env.h"
#include "vkrl/error.h"

using namespace vkrl::envs::powergrid;
using vkrl::test::constant_env;
using vkrl::test::kLine13;

namespace {

constexpr int kThermal = 1;  // gen_2_1: ramp 10 MW a step, Pmax 120 MW
constexpr int kSlack = 5;    // gen_0_5

}  // namespace

TEST_CASE("powergrid: change_bus and change_line_status toggle; two substations stay illegal", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  const GridModel& m = env.model();
  const int a = m.line_or_pos[15], b = m.line_or_pos[16];  // both at substation 3
  REQUIRE_FALSE(env.step(GridAction{.change_bus = {a, b}}).done());
  CHECK_FALSE(env.last_action_illegal());
  CHECK(env.obs().topo_vect[a] == 2);
  CHECK(env.obs().topo_vect[b] == 2);
  REQUIRE_FALSE(env.step(GridAction{.change_bus = {a}}).done());
  CHECK(env.obs().topo_vect[a] == 1);
  CHECK(env.obs().topo_vect[b] == 2);
  const std::vector<int> before = env.obs().topo_vect;
  REQUIRE_FALSE(env.step(GridAction{.change_bus = {a, m.line_or_pos[7]}}).done());  // substations 3 and 5
  CHECK(env.last_action_illegal());
  CHECK(env.obs().topo_vect == before);

  REQUIRE_FALSE(env.step(GridAction{.change_line_status = {kLine13}}).done());
  CHECK(env.obs().line_status[kLine13] == 0);
  CHECK(env.obs().time_before_cooldown_line[kLine13] == 0);  // an operator's disconnection has no cooldown
  REQUIRE_FALSE(env.step(GridAction{.change_line_status = {kLine13}}).done());
  CHECK_FALSE(env.last_action_illegal());
  CHECK(env.obs().line_status[kLine13] == 1);
  REQUIRE_FALSE(env.step(GridAction{.change_line_status = {kLine13, 0}}).done());
  CHECK(env.last_action_illegal());
}

TEST_CASE("powergrid: an action naming a missing or forbidden element is refused with its name", "[envs][powergrid]") {
  PowerGridEnv env = constant_env(3);
  CHECK_THROWS_WITH(env.step(GridAction{.change_bus = {57}}),
                    Catch::Contains("change_bus names topo_vect position 57"));
  CHECK_THROWS_WITH(env.step(GridAction{.change_line_status = {-1}}),
                    Catch::Contains("change_line_status names line -1") && Catch::Contains("the grid has 20"));
  CHECK_THROWS_WITH(env.step(GridAction{.redispatch = {{6, 1.0}}}), Catch::Contains("redispatch names generator 6"));
  CHECK_THROWS_WITH(env.step(GridAction{.redispatch = {{2, 1.0}}}), Catch::Contains("gen_5_2, a wind generator"));
  CHECK_THROWS_WITH(env.step(GridAction{.redispatch = {{kSlack, 1.0}}}), Catch::Contains("gen_0_5, the slack"));
  CHECK(env.obs().current_step == 0);
}

TEST_CASE("powergrid: redispatch follows the ramp up to Pmax, the slack absorbs it and the step cost counts it",
          "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  const GridModel& m = env.model();
  const double scheduled = env.scenario().gen_p_at(0, kThermal);
  const double ramp = m.gens[kThermal].ramp_mw, headroom = m.gens[kThermal].p_max_mw - scheduled;
  REQUIRE(headroom > 2.5 * ramp);
  const double target = 2.5 * ramp;
  REQUIRE_FALSE(env.step(GridAction{.redispatch = {{kThermal, target}}}).done());
  CHECK_FALSE(env.last_action_illegal());
  for (double expected : {ramp, 2 * ramp, target, target}) {
    CHECK(env.obs().target_dispatch[kThermal] == target);
    CHECK(env.obs().actual_dispatch[kThermal] == Approx(expected));
    CHECK(env.obs().actual_dispatch[kSlack] == Approx(-expected));
    CHECK(env.obs().gen_p[kThermal] == Approx(scheduled + expected));
    // The step's cost: the dearest running unit's price times losses and both dispatch moves, over 5 minutes.
    double price = 0, losses = 0;
    for (size_t g = 0; g < m.gens.size(); ++g) {
      if (env.obs().gen_p[g] > 0) price = std::max(price, m.gens[g].cost_per_mwh);
      losses += env.obs().gen_p[g];
    }
    for (double p : env.obs().load_p) losses -= p;
    CHECK(env.last_step_cost() == Approx(price * (losses + 2 * expected) / 12));
    REQUIRE_FALSE(env.step(0).done());
  }
  // A target beyond Pmax - Pmin is illegal; one beyond the headroom stops at Pmax.
  REQUIRE_FALSE(env.step(GridAction{.redispatch = {{kThermal, m.gens[kThermal].p_max_mw}}}).done());
  CHECK(env.last_action_illegal());
  REQUIRE_FALSE(env.step(GridAction{.redispatch = {{kThermal, headroom}}}).done());
  CHECK_FALSE(env.last_action_illegal());
  for (int i = 0; i < 12; ++i) REQUIRE_FALSE(env.step(0).done());
  CHECK(env.obs().gen_p[kThermal] == Approx(m.gens[kThermal].p_max_mw));
  CHECK(env.obs().actual_dispatch[kThermal] == Approx(headroom));
}

TEST_CASE("powergrid: maintenance is announced, takes its line out, forbids reconnection and leaves it out",
          "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  PowerGridEnv env = constant_env(seed);
  auto scenario = std::make_shared<Scenario>(env.scenario());
  scenario->lines = 20;
  scenario->maintenance.assign(static_cast<size_t>(scenario->rows) * 20, 0);
  for (int r = 5; r < 9; ++r) scenario->maintenance[r * 20 + kLine13] = 1;
  env.reset_with(scenario);
  for (int step = 0; step < 5; ++step) {
    CHECK(env.obs().line_status[kLine13] == 1);
    CHECK(env.obs().time_next_maintenance[kLine13] == 5 - step);
    CHECK(env.obs().duration_next_maintenance[kLine13] == 4);
    CHECK(env.obs().time_next_maintenance[0] == -1);
    REQUIRE_FALSE(env.step(0).done());
  }
  const int reconnect = 1 + kLine13;
  for (int left = 4; left > 0; --left) {
    CHECK(env.obs().line_status[kLine13] == 0);
    CHECK(env.obs().time_next_maintenance[kLine13] == 0);
    CHECK(env.obs().duration_next_maintenance[kLine13] == left);
    REQUIRE_FALSE(env.step(reconnect).done());
    CHECK(env.last_action_illegal());
  }
  CHECK(env.obs().line_status[kLine13] == 0);  // over, but out until reconnected
  CHECK(env.obs().time_next_maintenance[kLine13] == -1);
  REQUIRE_FALSE(env.step(reconnect).done());
  CHECK_FALSE(env.last_action_illegal());
  CHECK(env.obs().line_status[kLine13] == 1);
}

TEST_CASE("powergrid: generated maintenance falls on working days' hours and never on a line that would split the grid",
          "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const GridModel m = l2rpn_case14_sandbox();
  int rows_in_maintenance = 0;
  for (uint64_t s = seed; s < seed + 6; ++s) {
    const Scenario scenario = generate_scenario(m, s);
    for (int r = 0; r < scenario.rows; ++r)
      for (int l = 0; l < scenario.lines; ++l)
        if (scenario.in_maintenance(r, l)) {
          ++rows_in_maintenance;
          const CalendarTime t = scenario.time_at(r);
          REQUIRE(t.day_of_week < 5);
          REQUIRE(t.hour_of_day >= 8);
          REQUIRE(t.hour_of_day < 17);
          REQUIRE(l != 18);  // 6_7_18 alone connects substation 7
        }
  }
  CHECK(rows_in_maintenance > 0);
}

TEST_CASE("powergrid: simulate predicts the next step exactly and leaves the env as it was", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  PowerGridOptions options;
  options.max_steps = 60;
  PowerGridEnv env("powergrid/case14", l2rpn_case14_sandbox(), options);
  env.reset(seed);
  std::uniform_int_distribution<int> pick(0, env.action_count() - 1);
  for (int step = 0; step < options.max_steps; ++step) {
    const int action = step % 3 == 0 ? pick(rng) : 0;
    INFO("step " << step << ", action " << env.action_name(action));
    const GridObservation before = env.obs();
    const GridSimulation predicted = env.simulate(env.discrete_action(action));
    CHECK(env.obs() == before);
    const vkrl::envs::StepResult result = env.step(action);
    CHECK(predicted.legal == !env.last_action_illegal());
    CHECK(predicted.game_over == result.terminated);
    CHECK(predicted.obs == env.obs());
    CHECK(predicted.cost == env.last_step_cost());
    if (result.done()) break;
  }
}

TEST_CASE("powergrid: the L2RPN score interpolates through its points, each cost worked by hand", "[envs][powergrid]") {
  // best 0 (+100), RecoPowerline 100 (+80), DoNothing 300 (0), worst 1300 (-100).
  ScorePoints points{.best = 0, .reco_powerline = 100.0, .do_nothing = 300, .worst = 1300};
  CHECK(l2rpn_score(-5, points) == 100);
  CHECK(l2rpn_score(50, points) == Approx(90));
  CHECK(l2rpn_score(100, points) == 80);
  CHECK(l2rpn_score(200, points) == Approx(40));
  CHECK(l2rpn_score(300, points) == 0);
  CHECK(l2rpn_score(800, points) == Approx(-50));
  CHECK(l2rpn_score(2000, points) == -100);
  // When RecoPowerline costs what DoNothing does (DoNothing survived), the +80 point goes.
  points.reco_powerline = 300.0;
  CHECK(l2rpn_score(150, points) == Approx(50));
  CHECK(l2rpn_score(300, points) == 0);
  // Degenerate: DoNothing at cost 0 (a lossless DC grid) still scores exactly 0.
  CHECK(l2rpn_score(0, {.best = 0, .do_nothing = 0, .worst = 1300}) == 0);
  CHECK(l2rpn_score(650, {.best = 0, .do_nothing = 0, .worst = 1300}) == Approx(-50));

  // The unserved load: every load of rows 3 to 4 at the dearest unit's 70 per MWh, no 5-minute factor.
  const GridModel m = l2rpn_case14_sandbox();
  const Scenario s = generate_scenario(m, 7, 5);
  double load = 0;
  for (int r = 3; r <= 4; ++r)
    for (int l = 0; l < s.loads; ++l) load += s.load_p_at(r, l);
  CHECK(max_marginal_cost(m) == 70);
  CHECK(unserved_load_cost(m, s, 3, 4) == Approx(70 * load));
  CHECK(l2rpn_episode_cost(m, s, 4, 2, true, 12.5) == Approx(12.5 + 70 * load));
  CHECK(l2rpn_episode_cost(m, s, 4, 4, false, 12.5) == 12.5);
}
