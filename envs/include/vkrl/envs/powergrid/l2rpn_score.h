// The L2RPN 2020 score of Grid2Op's ScoreL2RPN2020 (REFERENCE.md 6.3). Each step costs p_t (losses_MW +
// sum |actual_dispatch|) dt, p_t the highest marginal cost among running generators, losses = sum gen_p - sum load_p,
// dt in hours; the step that ends the game costs 1. An episode costs its steps' sum plus, after a game over, the load
// it no longer serves: the scenario's total load (MW, no dt) of every row after the last step played, priced at the
// highest marginal cost of all generators. The score maps a cost through the points best (+100), RecoPowerline with
// overflow protections off (+80; only when its cost differs from DoNothing's, i.e. DoNothing fails), DoNothing (0) and
// worst (-100: every row's load unserved) by piecewise-linear interpolation, clamped at both ends (numpy's interp).
// The best point is cost 0: Grid2Op 1.10.5 reads its "production" from the load statistics, so its losses sum to 0.
#pragma once

#include <optional>

#include "vkrl/envs/powergrid/grid_model.h"
#include "vkrl/envs/powergrid/grid_observation.h"
#include "vkrl/envs/powergrid/scenario.h"

namespace vkrl::envs::powergrid {

constexpr double kStepHours = kMinutesPerStep / 60.0;
constexpr double kGameOverStepCost = 1;

// The operational cost of the step that led to `obs` (a grid that did not fail).
double l2rpn_step_cost(const GridModel& model, const GridObservation& obs);
// The highest marginal cost of all the model's generators, per MWh: the price of unserved load.
double max_marginal_cost(const GridModel& model);
// The scenario's load, summed over rows first to last (both included), times max_marginal_cost.
double unserved_load_cost(const GridModel& model, const Scenario& scenario, int first_row, int last_row);

// An episode's cost when `steps_played` steps of a `horizon`-step episode were played (the last of them ending the
// game when `game_over`) and the steps cost `operational_cost` in all.
double l2rpn_episode_cost(const GridModel& model, const Scenario& scenario, int horizon, int steps_played,
                          bool game_over, double operational_cost);

struct ScorePoints {
  double best = 0;
  std::optional<double> reco_powerline;  // RecoPowerline's cost with protections off
  double do_nothing = 0;
  double worst = 0;  // unserved_load_cost over the whole horizon
};

// The score of a cost. A point whose cost is not strictly between its neighbours' (best at or above DoNothing's,
// RecoPowerline's equal to DoNothing's or outside best..DoNothing) is left out, so DoNothing's cost maps to exactly 0.
double l2rpn_score(double cost, const ScorePoints& points);

}  // namespace vkrl::envs::powergrid
