// GridObservation is what the power-grid environment shows an agent, with Grid2Op's field names and units (MW, MVAr,
// kV, A; rho = a_or / thermal limit; maintenance times in steps). flatten() writes the float vector networks take,
// each block scaled to about [0, 1]: calendar (month/12, day/31, hour/24, minute/60, day_of_week/7), gen_p / Pmax,
// load_p / 100, p_or / 100, rho, line_status, timestep_overflow / 3, time_before_cooldown_line / 10, topo_vect (-1, 1
// or 2), actual_dispatch / Pmax, time_next_maintenance / 288 (-1 when none is planned; capped at 1) and
// duration_next_maintenance / 288.
#pragma once

#include <span>
#include <vector>

#include "vkrl/envs/powergrid/grid_model.h"

namespace vkrl::envs::powergrid {

struct GridObservation {
  int year = 0, month = 0, day = 0, hour_of_day = 0, minute_of_hour = 0, day_of_week = 0;
  std::vector<double> gen_p, gen_q, gen_v, load_p, load_q, load_v;
  std::vector<double> p_or, q_or, v_or, a_or, p_ex, q_ex, v_ex, a_ex, rho;
  std::vector<int> line_status;  // 1 in service, 0 out
  std::vector<int> timestep_overflow, time_before_cooldown_line, topo_vect;
  std::vector<double> target_dispatch, actual_dispatch;  // MW per generator; the slack's actual is minus the others'
  // Steps until each line's next maintenance starts (0 while in maintenance, -1 when none is planned) and how many
  // steps it lasts (what is left of it while in maintenance, 0 when none).
  std::vector<int> time_next_maintenance, duration_next_maintenance;
  int current_step = 0, max_step = 0;

  static int flat_size(const GridModel& model);
  void flatten(const GridModel& model, std::span<float> out) const;  // out.size() == flat_size(model)
  bool operator==(const GridObservation&) const = default;
};

}  // namespace vkrl::envs::powergrid
