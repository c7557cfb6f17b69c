// How a PowerGridEnv looks: a one-line diagram of the substations on a fixed layout (the usual drawing of the IEEE
// 14-bus grid), lines coloured by rho (green below 50 %, yellow-green below 80 %, orange below 100 %, red above) with
// an arrowhead at their middle pointing the way active power flows (the sign of p_or), lines out of service dashed
// grey (a line in maintenance dashed blue), a split substation as two discs with each line drawn from the busbar it is
// on (busbar 2 in blue), and a status bar with the step, the clock, the highest rho and the episode's L2RPN
// operational cost so far; the game over reason below it.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "vkrl/envs/frame.h"
#include "vkrl/envs/powergrid/power_grid_env.h"

namespace vkrl::envs::powergrid {
namespace {

constexpr int kWidth = 480, kHeight = 360, kBar = 24;

struct Point {
  double x, y;
};

// Substation positions in [0, 1]^2 for case14; other grids get a circle.
Point layout(const GridModel& model, int sub) {
  static const Point kCase14[14] = {{0.07, 0.45}, {0.25, 0.85}, {0.60, 0.92}, {0.60, 0.60}, {0.28, 0.52},
                                    {0.28, 0.28}, {0.78, 0.55}, {0.94, 0.55}, {0.74, 0.36}, {0.58, 0.28},
                                    {0.42, 0.18}, {0.12, 0.08}, {0.42, 0.05}, {0.78, 0.08}};
  if (model.sub_count() == 14) return kCase14[sub];
  const double a = 2 * 3.14159265358979 * sub / model.sub_count();
  return {0.5 + 0.45 * std::cos(a), 0.5 + 0.45 * std::sin(a)};
}

Rgb rho_colour(double rho) {
  if (rho < 0.5) return {60, 170, 80};
  if (rho < 0.8) return {180, 200, 60};
  if (rho < 1.0) return {240, 150, 40};
  return {220, 40, 40};
}

void thick_line(Frame& f, int x0, int y0, int x1, int y1, Rgb c) {
  for (int d = -1; d <= 1; ++d) f.draw_line(x0 + d, y0, x1 + d, y1, c), f.draw_line(x0, y0 + d, x1, y1 + d, c);
}

void dashed_line(Frame& f, int x0, int y0, int x1, int y1, Rgb c) {
  const double length = std::hypot(x1 - x0, y1 - y0);
  const int pieces = std::max(1, static_cast<int>(length / 6));
  for (int i = 0; i < pieces; i += 2) {
    const double a = static_cast<double>(i) / pieces, b = static_cast<double>(i + 1) / pieces;
    f.draw_line(static_cast<int>(x0 + (x1 - x0) * a), static_cast<int>(y0 + (y1 - y0) * a),
                static_cast<int>(x0 + (x1 - x0) * b), static_cast<int>(y0 + (y1 - y0) * b), c);
  }
}

// A filled arrowhead at (x, y) pointing along (dx, dy).
void arrowhead(Frame& f, double x, double y, double dx, double dy, Rgb c) {
  const double length = std::hypot(dx, dy);
  if (length == 0) return;
  dx /= length, dy /= length;
  constexpr double kSize = 7;
  const double tip_x = x + dx * kSize / 2, tip_y = y + dy * kSize / 2;
  const double base_x = x - dx * kSize / 2, base_y = y - dy * kSize / 2;
  for (double t = -1; t <= 1; t += 0.1) {
    const double bx = base_x - dy * t * kSize / 2, by = base_y + dx * t * kSize / 2;
    f.draw_line(static_cast<int>(std::lround(tip_x)), static_cast<int>(std::lround(tip_y)),
                static_cast<int>(std::lround(bx)), static_cast<int>(std::lround(by)), c);
  }
}

void disc(Frame& f, int cx, int cy, int radius, Rgb c) {
  for (int dy = -radius; dy <= radius; ++dy)
    for (int dx = -radius; dx <= radius; ++dx)
      if (dx * dx + dy * dy <= radius * radius) f.set(cx + dx, cy + dy, c);
}

}  // namespace

void PowerGridEnv::render(Frame& frame) const {
  const GridModel& m = *model_;
  if (frame.width() != kWidth || frame.height() != kHeight) frame.resize(kWidth, kHeight);
  frame.clear({250, 250, 245});
  auto pixel = [&](int sub) {
    const Point p = layout(m, sub);
    return std::pair<int, int>{20 + static_cast<int>(p.x * (kWidth - 40)),
                               kHeight - 20 - static_cast<int>(p.y * (kHeight - kBar - 40))};
  };
  std::vector<bool> split(m.sub_count(), false);
  const std::vector<int> topo = topology_.topo_vect(m);
  for (int p = 0; p < m.dim_topo(); ++p)
    if (topo[p] == 2) split[m.pos_sub[p]] = true;
  constexpr int kBusbarOffset = 6;
  // Where a line end meets its substation: the busbar's disc when the substation is split.
  auto end_pixel = [&](int sub, int pos) {
    auto [x, y] = pixel(sub);
    if (split[sub]) x += topology_.bus[pos] == 2 ? kBusbarOffset : -kBusbarOffset;
    return std::pair<int, int>{x, y};
  };
  for (size_t l = 0; l < m.lines.size(); ++l) {
    const auto [x0, y0] = end_pixel(m.lines[l].origin_sub, m.line_or_pos[l]);
    const auto [x1, y1] = end_pixel(m.lines[l].extremity_sub, m.line_ex_pos[l]);
    if (!topology_.line_status[l]) {
      const bool maintenance = !obs_.time_next_maintenance.empty() && obs_.time_next_maintenance[l] == 0;
      dashed_line(frame, x0, y0, x1, y1, maintenance ? Rgb{80, 120, 220} : Rgb{150, 150, 150});
      continue;
    }
    const Rgb colour = rho_colour(obs_.rho.empty() ? 0 : obs_.rho[l]);
    thick_line(frame, x0, y0, x1, y1, colour);
    const double sign = obs_.p_or.empty() || obs_.p_or[l] >= 0 ? 1 : -1;
    arrowhead(frame, (x0 + x1) / 2.0, (y0 + y1) / 2.0, sign * (x1 - x0), sign * (y1 - y0), {40, 40, 50});
  }
  for (int s = 0; s < m.sub_count(); ++s) {
    const auto [x, y] = pixel(s);
    if (split[s]) {
      disc(frame, x - kBusbarOffset, y, 7, {60, 60, 70});
      disc(frame, x + kBusbarOffset, y, 7, {50, 90, 220});
    } else {
      disc(frame, x, y, 9, {60, 60, 70});
    }
    frame.draw_text(x + 11, y - 12, std::to_string(s), {30, 30, 30});
  }
  frame.fill_rect(0, 0, kWidth, kBar, {40, 45, 60});
  char text[128];
  const double max_rho = obs_.rho.empty() ? 0 : *std::max_element(obs_.rho.begin(), obs_.rho.end());
  std::snprintf(text, sizeof text, "step %d/%d  %04d-%02d-%02d %02d:%02d  max rho %.2f  cost %.0f", step_,
                options_.max_steps, obs_.year, obs_.month, obs_.day, obs_.hour_of_day, obs_.minute_of_hour, max_rho,
                episode_cost_);
  frame.draw_text(6, 8, text, {235, 235, 235});
  if (game_over()) frame.draw_text(6, kBar + 6, "game over: " + game_over_reason_, {200, 30, 30});
}

}  // namespace vkrl::envs::powergrid
