// The flat float vector of a GridObservation.
#include "vkrl/envs/powergrid/grid_observation.h"

#include <algorithm>

#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

int GridObservation::flat_size(const GridModel& model) {
  return 5 + static_cast<int>(2 * model.gens.size() + model.loads.size() + 7 * model.lines.size()) + model.dim_topo();
}

void GridObservation::flatten(const GridModel& model, std::span<float> out) const {
  if (static_cast<int>(out.size()) != flat_size(model))
    throw Error("powergrid observation: flatten into " + std::to_string(out.size()) + " floats, it needs " +
                std::to_string(flat_size(model)));
  size_t i = 0;
  auto put = [&](double v) { out[i++] = static_cast<float>(v); };
  put(month / 12.0), put(day / 31.0), put(hour_of_day / 24.0), put(minute_of_hour / 60.0), put(day_of_week / 7.0);
  for (size_t g = 0; g < gen_p.size(); ++g) put(gen_p[g] / model.gens[g].p_max_mw);
  for (double p : load_p) put(p / 100);
  for (double p : p_or) put(p / 100);
  for (double r : rho) put(r);
  for (int s : line_status) put(s);
  for (int t : timestep_overflow) put(t / 3.0);
  for (int t : time_before_cooldown_line) put(t / 10.0);
  for (int b : topo_vect) put(b);
  for (size_t g = 0; g < actual_dispatch.size(); ++g) put(actual_dispatch[g] / model.gens[g].p_max_mw);
  constexpr double kStepsPerDay = 288;
  for (int t : time_next_maintenance) put(t < 0 ? -1.0 : std::min(t / kStepsPerDay, 1.0));
  for (int d : duration_next_maintenance) put(d / kStepsPerDay);
}

}  // namespace vkrl::envs::powergrid
