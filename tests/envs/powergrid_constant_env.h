// Power-grid test envs on a constant scenario: one row of a seeded scenario repeated for the whole episode, with no
// maintenance, and every line's thermal limit ten times its flow (rho 0.1), so that a test sets the limits it needs.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "vkrl/envs/powergrid/power_grid_env.h"

namespace vkrl::test {

using vkrl::envs::powergrid::generate_scenario;
using vkrl::envs::powergrid::l2rpn_case14_sandbox;
using vkrl::envs::powergrid::ModelLine;
using vkrl::envs::powergrid::PowerGridEnv;
using vkrl::envs::powergrid::PowerGridOptions;
using vkrl::envs::powergrid::Scenario;

constexpr int kLine13 = 3;  // 1_3_3: tripping it alone splits nothing

// An env on one row of a seeded scenario repeated for the whole episode, every line at rho 0.1.
inline PowerGridEnv constant_env(uint64_t seed, int max_steps = 40) {
  PowerGridOptions options;
  options.max_steps = max_steps;
  PowerGridEnv env("powergrid/case14", l2rpn_case14_sandbox(), options);
  const Scenario drawn = generate_scenario(env.model(), seed, 1);
  auto constant = std::make_shared<Scenario>(drawn);
  constant->rows = max_steps + 1;
  constant->load_p.clear(), constant->load_q.clear(), constant->gen_p.clear(), constant->maintenance.clear();
  for (int r = 0; r < constant->rows; ++r) {
    constant->load_p.insert(constant->load_p.end(), drawn.load_p.begin(), drawn.load_p.end());
    constant->load_q.insert(constant->load_q.end(), drawn.load_q.begin(), drawn.load_q.end());
    constant->gen_p.insert(constant->gen_p.end(), drawn.gen_p.begin(), drawn.gen_p.end());
  }
  env.reset_with(constant);
  REQUIRE_FALSE(env.game_over());
  std::vector<double> limits = env.obs().a_or;
  for (double& a : limits) a *= 10;
  env.set_thermal_limits(limits);
  return env;
}

inline void set_limit(PowerGridEnv& env, int line, double amperes) {
  std::vector<double> limits;
  for (const ModelLine& l : env.model().lines) limits.push_back(l.thermal_limit_a);
  limits[line] = amperes;
  env.set_thermal_limits(limits);
}

}  // namespace vkrl::test
