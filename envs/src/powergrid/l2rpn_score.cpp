// The L2RPN 2020 score (l2rpn_score.h).
#include "vkrl/envs/powergrid/l2rpn_score.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace vkrl::envs::powergrid {

double l2rpn_step_cost(const GridModel& model, const GridObservation& obs) {
  double price = 0;
  for (size_t g = 0; g < model.gens.size(); ++g)
    if (obs.gen_p[g] > 0) price = std::max(price, model.gens[g].cost_per_mwh);
  const double losses = std::accumulate(obs.gen_p.begin(), obs.gen_p.end(), 0.0) -
                        std::accumulate(obs.load_p.begin(), obs.load_p.end(), 0.0);
  double redispatch = 0;
  for (double d : obs.actual_dispatch) redispatch += std::abs(d);
  return price * (losses + redispatch) * kStepHours;
}

double max_marginal_cost(const GridModel& model) {
  double price = 0;
  for (const ModelGen& g : model.gens) price = std::max(price, g.cost_per_mwh);
  return price;
}

double unserved_load_cost(const GridModel& model, const Scenario& scenario, int first_row, int last_row) {
  double load = 0;
  for (int r = first_row; r <= last_row; ++r)
    for (int l = 0; l < scenario.loads; ++l) load += scenario.load_p_at(r, l);
  return load * max_marginal_cost(model);
}

double l2rpn_episode_cost(const GridModel& model, const Scenario& scenario, int horizon, int steps_played,
                          bool game_over, double operational_cost) {
  // Step k plays row k; after a game over at step n, rows n + 1 to the horizon go unserved.
  return operational_cost + (game_over ? unserved_load_cost(model, scenario, steps_played + 1, horizon) : 0);
}

double l2rpn_score(double cost, const ScorePoints& points) {
  std::vector<std::pair<double, double>> curve;  // (cost, score), costs strictly increasing
  if (points.best < points.do_nothing) curve.push_back({points.best, 100});
  if (points.reco_powerline && *points.reco_powerline > points.best && *points.reco_powerline < points.do_nothing)
    curve.push_back({*points.reco_powerline, 80});
  curve.push_back({points.do_nothing, 0});
  if (points.worst > points.do_nothing) curve.push_back({points.worst, -100});
  if (cost <= curve.front().first) return curve.front().second;
  for (size_t i = 1; i < curve.size(); ++i) {
    const auto [x0, y0] = curve[i - 1];
    const auto [x1, y1] = curve[i];
    if (cost == x1) return y1;
    if (cost < x1) return y0 + (y1 - y0) * (cost - x0) / (x1 - x0);
  }
  return curve.back().second;
}

}  // namespace vkrl::envs::powergrid
