// The powergrid/case14 env as the registry makes it: Grid2Op's case14 sandbox dimensions, options, observation
// fields and flat vector, clone replay, the scenario generator's calendar and shapes, and rendering.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>

#include "support/vulkan_fixture.h"
#include "vkrl/envs/frame.h"
#include "vkrl/envs/powergrid/power_grid_env.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"

using namespace vkrl::envs;
using namespace vkrl::envs::powergrid;

TEST_CASE("powergrid: the case14 sandbox has Grid2Op's elements and sub_info", "[envs][powergrid]") {
  const GridModel m = l2rpn_case14_sandbox();
  CHECK(m.sub_count() == 14);
  CHECK(m.lines.size() == 20);
  CHECK(m.gens.size() == 6);
  CHECK(m.loads.size() == 11);
  CHECK(m.sub_info == std::vector<int>{3, 6, 4, 6, 5, 7, 3, 2, 5, 3, 3, 3, 4, 3});
  CHECK(m.dim_topo() == 57);
  CHECK(m.gens[m.slack_gen()].name == "gen_0_5");
  double load = 0;
  for (const ModelLoad& l : m.loads) load += l.p_mw;
  CHECK(load == Approx(259.0));
  // Every position belongs to exactly one element.
  std::vector<int> all;
  for (const auto* v : {&m.load_pos, &m.gen_pos, &m.line_or_pos, &m.line_ex_pos}) all.insert(all.end(), v->begin(), v->end());
  std::sort(all.begin(), all.end());
  std::vector<int> expected(57);
  std::iota(expected.begin(), expected.end(), 0);
  CHECK(all == expected);
}

TEST_CASE("powergrid: the registry makes case14 with its options", "[envs][powergrid]") {
  const auto env = make_env("powergrid/case14");
  CHECK(env->name() == "powergrid/case14");
  CHECK(env->action_count() == 109);
  CHECK(env->action_name(0) == "do nothing");
  CHECK(env->observation_spec().size() == static_cast<size_t>(5 + 2 * 6 + 11 + 7 * 20 + 57));
  CHECK_THROWS_WITH(make_env("powergrid/case14,solver=newton"), Catch::Contains("solver=newton"));
  CHECK_THROWS_WITH(make_env("powergrid/case14,voltage=1"), Catch::Contains("voltage"));

  // The DC option runs the same scenario with the linear flow: no reactive power, no losses.
  auto ac = make_env("powergrid/case14,seed=3");
  auto dc = make_env("powergrid/case14,solver=dc,seed=3");
  ac->reset(11), dc->reset(12);  // the seed option wins over reset's seed
  const auto& ac_obs = dynamic_cast<PowerGridEnv&>(*ac).obs();
  const auto& dc_obs = dynamic_cast<PowerGridEnv&>(*dc).obs();
  CHECK(ac_obs.load_p == dc_obs.load_p);
  double ac_losses = 0, dc_losses = 0;
  for (size_t l = 0; l < 20; ++l) ac_losses += ac_obs.p_or[l] + ac_obs.p_ex[l], dc_losses += dc_obs.p_or[l] + dc_obs.p_ex[l];
  CHECK(ac_losses > 1.0);
  CHECK(std::abs(dc_losses) < 1e-9);
  CHECK(std::all_of(dc_obs.q_or.begin(), dc_obs.q_or.end(), [](double q) { return q == 0; }));
}

TEST_CASE("powergrid: a clone replays the episode exactly and observations flatten", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  auto env = make_env("powergrid/case14");
  env->reset(seed);
  for (int i = 0; i < 20; ++i) env->step(0);
  auto copy = env->clone();
  // Reconnections and topology actions, the same on both.
  std::uniform_int_distribution<int> pick(0, env->action_count() - 1);
  for (int i = 0; i < 30; ++i) {
    const int a = pick(rng);
    const StepResult r1 = env->step(a), r2 = copy->step(a);
    CHECK(r1.reward == r2.reward);
    CHECK(r1.terminated == r2.terminated);
    CHECK(env->observation() == copy->observation());
  }
  const auto& obs = dynamic_cast<PowerGridEnv&>(*env).obs();
  const std::vector<float> flat = env->observation();
  CHECK(flat[0] == Approx(obs.month / 12.0));
  const size_t rho_at = 5 + 6 + 11 + 20;
  for (size_t l = 0; l < 20; ++l) CHECK(flat[rho_at + l] == Approx(obs.rho[l]));
  const size_t topo_at = rho_at + 4 * 20;
  for (size_t p = 0; p < 57; ++p) CHECK(flat[topo_at + p] == obs.topo_vect[p]);
}

TEST_CASE("powergrid: scenarios follow the calendar, the sun and the seed", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const GridModel m = l2rpn_case14_sandbox();
  const Scenario s = generate_scenario(m, seed, 2 * 288 + 1);
  CHECK(s.load_p == generate_scenario(m, seed, 2 * 288 + 1).load_p);
  CHECK(s.load_p != generate_scenario(m, seed + 1, 2 * 288 + 1).load_p);
  // Row 288 is the next day at 00:00; its weekday is one more.
  const CalendarTime t0 = s.time_at(0), t1 = s.time_at(288), t_noon = s.time_at(144);
  CHECK(t1.day_of_week == (t0.day_of_week + 1) % 7);
  CHECK(t1.hour_of_day == 0);
  CHECK(t_noon.hour_of_day == 12);
  for (int g = 0; g < s.gens; ++g)
    if (m.gens[g].type == GenType::Solar) {
      CHECK(s.gen_p_at(0, g) == 0.0);  // midnight
      CHECK(s.gen_p_at(144, g) > 0.0);  // noon
    }
  for (int r = 0; r < s.rows; ++r) {
    double load = 0, gen = 0;
    for (int l = 0; l < s.loads; ++l) load += s.load_p_at(r, l);
    for (int g = 0; g < s.gens; ++g) gen += s.gen_p_at(r, g);
    REQUIRE(load > 0);
    REQUIRE(gen == Approx(1.02 * load));  // setpoints cover demand and an allowance for losses
  }
}

TEST_CASE("powergrid: render draws the grid and dashes a tripped line", "[envs][powergrid]") {
  auto env = make_env("powergrid/case14,seed=5");
  Frame frame;
  env->render(frame);
  REQUIRE(frame.width() == 480);
  auto coloured = [&] {
    int n = 0;
    for (int y = 30; y < frame.height(); ++y)
      for (int x = 0; x < frame.width(); ++x) {
        const Rgb c = frame.at(x, y);
        n += c.g > c.r + 40 && c.g > c.b + 40;  // green: a lightly loaded line
      }
    return n;
  };
  const int green_before = coloured();
  CHECK(green_before > 200);
  auto& grid = dynamic_cast<PowerGridEnv&>(*env);
  grid.step(GridAction{.set_line_status = {{0, -1}}});  // 0_1_0 out: drawn dashed grey instead
  env->render(frame);
  CHECK(coloured() < green_before);
}
