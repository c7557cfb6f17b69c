// PowerGridEnv operates a GridModel through a Scenario under Grid2Op's rules (REFERENCE.md 6.1-6.2), registered as
// "powergrid/case14" with options solver=ac|dc (AC by default), seed=N (every episode then plays the scenario of
// seed N; without it, reset(seed) draws the scenario), scenario=PATH (every episode plays that CSV file, see
// read_scenario_csv), max_steps=N and no_overflow_disconnection=true (Grid2Op's parameter: lines never trip; the
// L2RPN score plays RecoPowerline so). A step is 5 minutes and an episode at most 8064 steps by default. Each step:
// an action touching more than one substation or more than one line status, reconnecting a line still in cooldown or
// in maintenance, or moving a generator's target dispatch beyond Pmax - Pmin is illegal and becomes do-nothing;
// cooldowns count down; the action applies; lines whose maintenance starts go out of service (and stay out after it
// until an action reconnects them); the next row of the scenario sets loads and generators, each dispatchable
// generator moving from its scheduled output toward its target dispatch within its ramp and Pmin/Pmax (the slack
// absorbs the difference); the power flow runs. Then protections: a line whose a_or reaches its thermal limit counts
// one more overflowing step and trips when the count exceeds 2 (the third step), a line above 200 % trips at once,
// and after trips the power flow re-runs until nothing trips (cascades); a tripped line cannot be reconnected for 10
// steps. The episode ends (terminated) when a load or generator is disconnected, the grid splits into islands or the
// AC power flow diverges. The reward is 1 for each step survived; last_step_cost() is the step's L2RPN operational
// cost (l2rpn_score.h), 1 on the step that ends the game. simulate(action) plays one step on a copy, the next row of
// the scenario serving as the perfect forecast, as Grid2Op's obs.simulate does with its forecasts.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vkrl/envs/env.h"
#include "vkrl/envs/env_options.h"
#include "vkrl/envs/powergrid/grid_action.h"
#include "vkrl/envs/powergrid/grid_observation.h"
#include "vkrl/envs/powergrid/grid_solver.h"
#include "vkrl/envs/powergrid/scenario.h"

namespace vkrl::envs::powergrid {

constexpr int kOverflowStepsAllowed = 2;  // NB_TIMESTEP_OVERFLOW_ALLOWED
constexpr double kHardOverflow = 2.0;     // HARD_OVERFLOW_THRESHOLD
constexpr int kReconnectionCooldown = 10;  // NB_TIMESTEP_RECONNECTION

struct PowerGridOptions {
  FlowModel flow = FlowModel::Ac;
  std::optional<uint64_t> scenario_seed;
  std::string scenario_csv;  // when set, every episode plays this file
  int max_steps = kStepsPerEpisode;
  bool no_overflow_disconnection = false;
};
// solver, seed, scenario, max_steps, no_overflow_disconnection
PowerGridOptions read_power_grid_options(const EnvOptions& options);

// What one simulated step would give: the next observation, whether the action was legal (an illegal one played as
// do-nothing), whether the game would end and why, and the step's L2RPN cost.
struct GridSimulation {
  GridObservation obs;
  bool legal = true, game_over = false;
  std::string game_over_reason;
  double cost = 0;
};

class PowerGridEnv : public Env {
public:
  PowerGridEnv(std::string name, GridModel model, PowerGridOptions options);

  std::string name() const override { return name_; }
  ObservationSpec observation_spec() const override;
  int action_count() const override { return static_cast<int>(actions_->size()); }
  std::string action_name(int action) const override;
  void reset(uint64_t seed) override;
  StepResult step(int action) override;
  void observe(std::span<float> out) const override;
  void render(Frame& frame) const override;
  std::unique_ptr<Env> clone() const override { return std::make_unique<PowerGridEnv>(*this); }
  std::string to_string() const override;

  // Starts an episode on the given time series (it needs max_steps + 1 rows of this model's loads and generators).
  void reset_with(std::shared_ptr<const Scenario> scenario);
  // Throws vkrl::Error when the action names an element the grid does not have.
  StepResult step(const GridAction& action);
  // The env is left as it was. Throws as step() does.
  GridSimulation simulate(const GridAction& action) const;

  const GridModel& model() const { return *model_; }
  const GridObservation& obs() const { return obs_; }
  const Scenario& scenario() const { return *scenario_; }
  int max_steps() const { return options_.max_steps; }
  double last_step_cost() const { return last_step_cost_; }
  double episode_cost() const { return episode_cost_; }  // the sum of the episode's step costs so far
  const GridAction& discrete_action(int action) const;
  bool last_action_illegal() const { return last_illegal_; }
  bool game_over() const { return !game_over_reason_.empty(); }
  const std::string& game_over_reason() const { return game_over_reason_; }
  // Replaces the lines' thermal limits (A), as Grid2Op's env.set_thermal_limit.
  void set_thermal_limits(std::span<const double> amperes);

private:
  bool legal(const GridAction& action) const;
  void apply(const GridAction& action);
  Injections injections_at(int row) const;
  void start_maintenance();
  void update_dispatch();
  // Runs the power flow and the protections' loop; false (and game_over_reason_ set) when the grid fails.
  bool run_flow_and_protections();
  bool solve(GridFlows& flows);
  void update_observation(const GridFlows& flows);

  std::string name_;
  std::shared_ptr<const GridModel> model_;  // shared by copies, so that simulate() copies little
  PowerGridOptions options_;
  std::shared_ptr<const std::vector<GridAction>> actions_;
  GridSolver solver_;
  std::shared_ptr<const Scenario> scenario_, csv_scenario_;
  GridTopology topology_;
  std::vector<std::vector<std::pair<int, int>>> maintenance_;  // per line, the scenario's [start, end) rows
  std::vector<int> overflow_steps_, cooldown_;
  std::vector<double> target_dispatch_, actual_dispatch_;
  double last_step_cost_ = 0, episode_cost_ = 0;
  int step_ = 0;
  bool last_illegal_ = false;
  std::string game_over_reason_;
  GridObservation obs_;
};

}  // namespace vkrl::envs::powergrid
