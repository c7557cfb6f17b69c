// The seeded scenario generator of scenario.h.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <numbers>
#include <random>

#include "vkrl/envs/powergrid/grid_topology.h"
#include "vkrl/envs/powergrid/power_flow.h"
#include "vkrl/envs/powergrid/scenario.h"
#include "vkrl/splitmix64.h"
#include "weekly_load_shape.h"

namespace vkrl::envs::powergrid {

CalendarTime Scenario::time_at(int row) const {
  using namespace std::chrono;
  const sys_days start = year_month_day{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  const int minutes = row * kMinutesPerStep;
  const sys_days today = start + days(minutes / (24 * 60));
  const year_month_day date(today);
  CalendarTime t;
  t.year = static_cast<int>(date.year());
  t.month = static_cast<int>(static_cast<unsigned>(date.month()));
  t.day = static_cast<int>(static_cast<unsigned>(date.day()));
  t.hour_of_day = minutes / 60 % 24;
  t.minute_of_hour = minutes % 60;
  t.day_of_week = static_cast<int>((weekday(today).c_encoding() + 6) % 7);
  return t;
}

namespace {

// Gaussian numbers from the generator's raw 64-bit output (Box-Muller), so a seed gives the same series everywhere.
class Gaussian {
public:
  explicit Gaussian(uint64_t seed) : rng_(seed) {}
  double uniform() { return (static_cast<double>(rng_() >> 11) + 0.5) * 0x1.0p-53; }
  double operator()() {
    return std::sqrt(-2 * std::log(uniform())) * std::cos(2 * std::numbers::pi * uniform());
  }

private:
  std::mt19937_64 rng_;
};

// The weekly shape at a time of the week, interpolated between half hours.
double weekly_shape(const CalendarTime& t) {
  const double half_hours = (t.day_of_week * 24 + t.hour_of_day) * 2 + t.minute_of_hour / 30.0;
  const int i = static_cast<int>(half_hours);
  const double f = half_hours - i;
  return kWeeklyLoadShape[i] * (1 - f) + kWeeklyLoadShape[(i + 1) % kHalfHoursPerWeek] * f;
}

// Clear-sky solar output as a share of capacity: a half sine over the day, days longer in summer.
double clear_sky(const CalendarTime& t) {
  const double day_hours = 12 - 3.5 * std::cos(2 * std::numbers::pi * (t.month - 1) / 12);
  const double hour = t.hour_of_day + t.minute_of_hour / 60.0, sunrise = 12 - day_hours / 2;
  if (hour <= sunrise || hour >= sunrise + day_hours) return 0;
  return std::sin(std::numbers::pi * (hour - sunrise) / day_hours);
}

// The lines whose loss alone leaves the grid in one piece, so that maintenance never ends an episode by itself.
std::vector<int> lines_safe_to_remove(const GridModel& model) {
  const Injections none{std::vector<double>(model.loads.size()), std::vector<double>(model.loads.size()),
                        std::vector<double>(model.gens.size())};
  std::vector<int> safe;
  for (int l = 0; l < static_cast<int>(model.lines.size()); ++l) {
    GridTopology topology = GridTopology::all_on_busbar_1(model);
    topology.line_status[l] = false;
    if (island_count(build_network(model, topology, none).grid) == 1) safe.push_back(l);
  }
  return safe;
}

constexpr double kMaintenanceChancePerWorkingDay = 0.15;

// Each working day, with a small chance, one safe line goes into maintenance from 8 to 11 o'clock for 2 to 6 hours.
void schedule_maintenance(const GridModel& model, uint64_t seed, Scenario& s) {
  s.lines = static_cast<int>(model.lines.size());
  s.maintenance.assign(static_cast<size_t>(s.rows) * s.lines, 0);
  const std::vector<int> safe = lines_safe_to_remove(model);
  if (safe.empty()) return;
  Gaussian draw(splitmix64(seed ^ 0x6d61696e74656e61ull));  // its own stream: loads and generators stay as they were
  constexpr int kStepsPerHour = 60 / kMinutesPerStep, kStepsPerDay = 24 * kStepsPerHour;
  for (int day_start = 0; day_start < s.rows; day_start += kStepsPerDay) {
    const bool working_day = s.time_at(day_start).day_of_week < 5;
    const double chance = draw.uniform();
    const int line = safe[static_cast<size_t>(draw.uniform() * static_cast<double>(safe.size()))];
    const int start = day_start + (8 + static_cast<int>(draw.uniform() * 4)) * kStepsPerHour;
    const int duration = (2 + static_cast<int>(draw.uniform() * 5)) * kStepsPerHour;
    if (!working_day || chance >= kMaintenanceChancePerWorkingDay) continue;
    for (int r = start; r < std::min(start + duration, s.rows); ++r)
      s.maintenance[static_cast<size_t>(r) * s.lines + line] = 1;
  }
}

}  // namespace

Scenario generate_scenario(const GridModel& model, uint64_t seed, int rows) {
  Gaussian normal(seed);
  Scenario s;
  s.month = 1 + static_cast<int>(normal.uniform() * 12);
  s.day = 1 + static_cast<int>(normal.uniform() * 28);
  s.rows = rows;
  s.loads = static_cast<int>(model.loads.size());
  s.gens = static_cast<int>(model.gens.size());
  s.load_p.resize(static_cast<size_t>(rows) * s.loads);
  s.load_q.resize(s.load_p.size());
  s.gen_p.resize(static_cast<size_t>(rows) * s.gens);

  // Winter demand is higher; each load has its own scale and slow noise around it.
  const double season = 1 + 0.08 * std::cos(2 * std::numbers::pi * (s.month - 1) / 12);
  std::vector<double> scale(s.loads), noise(s.loads, 0.0);
  for (double& f : scale) f = 0.84 * season * (1 + 0.05 * normal());
  double cloud = 0.5 + 0.5 * normal.uniform(), wind = 0.35;
  std::vector<double> previous(s.gens, -1.0);  // last setpoint of each dispatchable unit, for its ramp

  double dispatchable_capacity = 0;
  for (const ModelGen& g : model.gens)
    if (!g.renewable()) dispatchable_capacity += g.p_max_mw;
  for (int r = 0; r < rows; ++r) {
    const CalendarTime t = s.time_at(r);
    const double shape = weekly_shape(t);
    double demand = 0;
    for (int l = 0; l < s.loads; ++l) {
      noise[l] = 0.97 * noise[l] + 0.006 * normal();
      const double factor = std::max(0.0, scale[l] * shape * (1 + noise[l]));
      s.load_p[static_cast<size_t>(r) * s.loads + l] = model.loads[l].p_mw * factor;
      s.load_q[static_cast<size_t>(r) * s.loads + l] = model.loads[l].q_mvar * factor;
      demand += model.loads[l].p_mw * factor;
    }
    cloud = std::clamp(cloud + 0.02 * (0.75 - cloud) + 0.03 * normal(), 0.1, 1.0);
    wind = std::clamp(wind + 0.01 * (0.35 - wind) + 0.02 * normal(), 0.0, 1.0);
    const double sun = clear_sky(t) * cloud;
    // Renewables first, curtailed to at most 60 % of demand; the dispatchable units share the rest and losses.
    double renewable = 0;
    for (int g = 0; g < s.gens; ++g) {
      const ModelGen& gen = model.gens[g];
      double p = gen.type == GenType::Solar ? 0.8 * gen.p_max_mw * sun : gen.type == GenType::Wind ? gen.p_max_mw * wind : 0;
      s.gen_p[static_cast<size_t>(r) * s.gens + g] = p;
      renewable += p;
    }
    const double curtail = renewable > 0.6 * demand ? 0.6 * demand / renewable : 1.0;
    const double residual = 1.02 * demand - renewable * curtail;
    double dispatched = 0;
    int slack = -1;
    for (int g = 0; g < s.gens; ++g) {
      const ModelGen& gen = model.gens[g];
      double& p = s.gen_p[static_cast<size_t>(r) * s.gens + g];
      if (gen.renewable()) {
        p *= curtail;
        continue;
      }
      if (gen.slack) {
        slack = g;
        continue;
      }
      p = std::clamp(residual * gen.p_max_mw / dispatchable_capacity, gen.p_min_mw, gen.p_max_mw);
      if (previous[g] >= 0) p = std::clamp(p, previous[g] - gen.ramp_mw, previous[g] + gen.ramp_mw);
      previous[g] = p;
      dispatched += p;
    }
    if (slack >= 0) s.gen_p[static_cast<size_t>(r) * s.gens + slack] = residual - dispatched;
  }
  schedule_maintenance(model, seed, s);
  return s;
}

}  // namespace vkrl::envs::powergrid
