// A Scenario is the time series an episode plays: every load's active and reactive demand and every generator's
// active setpoint, one row per 5-minute step from a start date. generate_scenario() draws one from a seed: loads
// follow the weekly demand shape of data/electricity/taylor_2000.csv, a season factor, a per-load scale and slow
// noise; solar follows the sun (day length by month) under drifting clouds; wind is a mean-reverting process; the
// dispatchable units share the rest in proportion to their Pmax within their ramps, and the slack takes what is left;
// scheduled maintenance takes lines out on working days (a line whose loss alone would split the grid is never
// chosen), known from the start of the episode as Grid2Op's maintenance chronics are.
// read_scenario_csv() loads a user's series: a header `time,<load>...,<gen>...` naming every load and generator of the
// model (active power, MW; optional `<load>:q` columns give reactive power, else each load keeps its base power
// factor; optional `maintenance:<line>` columns hold 1 while the line is in maintenance, else 0), one row per 5-minute
// step, the first cell of the first row the start date as YYYY-MM-DD.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vkrl/envs/powergrid/grid_model.h"

namespace vkrl::envs::powergrid {

constexpr int kMinutesPerStep = 5;
constexpr int kStepsPerEpisode = 28 * 24 * 60 / kMinutesPerStep;  // 8064, Grid2Op's max_step

struct CalendarTime {
  int year = 2019, month = 1, day = 1, hour_of_day = 0, minute_of_hour = 0;
  int day_of_week = 0;  // 0 = Monday, as Python's weekday()
};

struct Scenario {
  int year = 2019, month = 1, day = 1;  // the date of row 0, at 00:00
  int rows = 0, loads = 0, gens = 0, lines = 0;
  std::vector<double> load_p, load_q, gen_p;  // row-major: [row * loads + load], [row * gens + gen]
  std::vector<char> maintenance;              // [row * lines + line], 1 while in maintenance; empty: none at all

  CalendarTime time_at(int row) const;
  double load_p_at(int row, int load) const { return load_p[static_cast<size_t>(row) * loads + load]; }
  double load_q_at(int row, int load) const { return load_q[static_cast<size_t>(row) * loads + load]; }
  double gen_p_at(int row, int gen) const { return gen_p[static_cast<size_t>(row) * gens + gen]; }
  bool in_maintenance(int row, int line) const {
    return !maintenance.empty() && maintenance[static_cast<size_t>(row) * lines + line] != 0;
  }
};

Scenario generate_scenario(const GridModel& model, uint64_t seed, int rows = kStepsPerEpisode + 1);
// Throws vkrl::Error in one line naming the file, the row and the column at fault: a missing load or generator
// column, a cell that is not a number, a negative demand, or a row count other than `rows`.
Scenario read_scenario_csv(const GridModel& model, const std::string& path, int rows = kStepsPerEpisode + 1);

}  // namespace vkrl::envs::powergrid
