#include "agents/grid_policies.h"

#include <algorithm>
#include <limits>

#include "vkrl/envs/powergrid/power_grid_env.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

using envs::powergrid::PowerGridEnv;

const PowerGridEnv& grid_of(const envs::Env& env) {
  const auto* grid = dynamic_cast<const PowerGridEnv*>(&env);
  if (!grid) throw Error("agent: " + env.name() + " is not a power grid; this agent plays powergrid/ envs");
  return *grid;
}

// The action reconnecting the first line that is out and may be reconnected (out of cooldown and maintenance), or 0.
int reconnection(const PowerGridEnv& grid) {
  const auto& obs = grid.obs();
  for (size_t l = 0; l < obs.line_status.size(); ++l)
    if (!obs.line_status[l] && obs.time_before_cooldown_line[l] == 0 && obs.time_next_maintenance[l] != 0)
      return 1 + static_cast<int>(l);
  return 0;
}

class DoNothing : public Policy {
public:
  int act(const envs::Env&, std::span<const float>, std::mt19937_64&) override { return 0; }
};

class RecoPowerline : public Policy {
public:
  int act(const envs::Env& env, std::span<const float>, std::mt19937_64&) override {
    return reconnection(grid_of(env));
  }
};

class Expert : public Policy {
public:
  static constexpr double kAlert = 0.95;

  int act(const envs::Env& env, std::span<const float>, std::mt19937_64&) override {
    const PowerGridEnv& grid = grid_of(env);
    const auto& rho = grid.obs().rho;
    if (rho.empty() || *std::max_element(rho.begin(), rho.end()) < kAlert) return reconnection(grid);
    int best = 0;
    double best_rho = std::numeric_limits<double>::infinity();
    for (int a = 0; a < env.action_count(); ++a) {
      const envs::powergrid::GridSimulation next = grid.simulate(grid.discrete_action(a));
      if (next.game_over || !next.legal) continue;
      const double highest = *std::max_element(next.obs.rho.begin(), next.obs.rho.end());
      if (highest < best_rho) best = a, best_rho = highest;
    }
    return best;
  }
};

}  // namespace

std::unique_ptr<Policy> make_do_nothing_policy(const envs::Env& env) {
  grid_of(env);
  return std::make_unique<DoNothing>();
}

std::unique_ptr<Policy> make_reco_powerline_policy(const envs::Env& env) {
  grid_of(env);
  return std::make_unique<RecoPowerline>();
}

std::unique_ptr<Policy> make_grid_expert_policy(const envs::Env& env) {
  grid_of(env);
  return std::make_unique<Expert>();
}

}  // namespace vkrl::apps
