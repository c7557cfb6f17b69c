// Drawing the test week and the convolution's weights.
#include "experiments/electricity_figures.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "plot/heat_map.h"
#include "plot/line_chart.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

// The top figure over the bottom one, centred, on white.
envs::Frame stacked(const envs::Frame& top, const envs::Frame& bottom) {
  const int width = std::max(top.width(), bottom.width());
  envs::Frame both(width, top.height() + bottom.height(), {255, 255, 255});
  const auto paste = [&](const envs::Frame& part, int y0) {
    const int x0 = (width - part.width()) / 2;
    for (int y = 0; y < part.height(); ++y)
      for (int x = 0; x < part.width(); ++x) both.set(x0 + x, y0 + y, part.at(x, y));
  };
  paste(top, 0);
  paste(bottom, top.height());
  return both;
}

// "Tuesday 2000-08-15".
std::string day_name(std::chrono::sys_days day) {
  static constexpr const char* kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
  const std::chrono::year_month_day date(day);
  return fmt::format("{} {:04}-{:02}-{:02}", kNames[std::chrono::weekday(day).iso_encoding() - 1], int(date.year()),
                     unsigned(date.month()), unsigned(date.day()));
}

}  // namespace

envs::Frame day_ahead_week_chart(const ForecastSet& test, const DemandScaling& scaling,
                                 std::chrono::sys_seconds series_start, const std::vector<ModelForecasts>& models) {
  using namespace std::chrono;
  const auto origin_time = [&](int i) { return series_start + hours(test.origin[size_t(i)]); };
  int first = 0;
  while (first < test.count() && origin_time(first) != floor<days>(origin_time(first))) ++first;
  if (first == test.count()) throw Error("electricity: no test sample starts at 00:00 UTC, no day-ahead week to draw");
  const int days_drawn = std::min(7, (test.count() - 1 - first) / 24 + 1);

  const int horizon = test.horizon;
  plot::Series truth{.name = "truth"};
  std::vector<plot::Series> forecasts;
  for (const ModelForecasts& m : models) forecasts.push_back({.name = m.name});
  for (int d = 0; d < days_drawn; ++d) {
    const size_t sample = size_t(first + 24 * d);
    for (int h = 0; h < horizon; ++h) {
      const double x = 24 * d + h;
      truth.x.push_back(x), truth.y.push_back(scaling.unscale(test.target[sample * size_t(horizon) + size_t(h)]));
      for (size_t m = 0; m < models.size(); ++m)
        forecasts[m].x.push_back(x),
            forecasts[m].y.push_back(scaling.unscale(models[m].rows[sample * size_t(horizon) + size_t(h)]));
    }
  }
  plot::LineChart chart{.title = fmt::format("electricity: day-ahead forecasts (made at 00:00 UTC from the 48 h "
                                             "before) over {} test days from {}",
                                             days_drawn, day_name(floor<days>(origin_time(first)))),
                        .x_label = "hour (UTC)", .y_label = "demand (MW)", .width = 1200, .height = 560};
  chart.series.push_back(std::move(truth));
  for (auto& f : forecasts) chart.series.push_back(std::move(f));
  return plot::draw_line_chart(chart);
}

envs::Frame conv_hour_weights_map(std::span<const float> weights, int filters, int channels, int hours) {
  if (weights.size() != size_t(filters) * size_t(channels) * size_t(hours))
    throw Error(fmt::format("electricity: {} convolution weights, not {} filters x {} channels x {} hours",
                            weights.size(), filters, channels, hours));
  plot::HeatMap map{.title = fmt::format("convolution weights on the demand channel: filter (row) x past hour "
                                         "(column, -{} on the left to -1 on the right)",
                                         hours),
                    .rows = filters, .cols = hours, .values = {}, .decimals = -1, .cell = 20, .grid_lines = false};
  double largest = 0;
  plot::Series mean_abs{.name = "mean |weight| over the filters"};
  for (int h = 0; h < hours; ++h) mean_abs.x.push_back(h - hours), mean_abs.y.push_back(0);
  for (int f = 0; f < filters; ++f)
    for (int h = 0; h < hours; ++h) {
      const double w = weights[(size_t(f) * size_t(channels)) * size_t(hours) + size_t(h)];
      map.values.push_back(w);
      largest = std::max(largest, std::abs(w));
      mean_abs.y[size_t(h)] += std::abs(w) / filters;
    }
  map.lo = -largest, map.hi = largest;  // zero in the middle of the colour scale
  plot::LineChart chart{.title = "which hours matter: mean absolute weight per past hour",
                        .x_label = "hours before the forecast origin", .y_label = "mean |weight|",
                        .series = {mean_abs}, .width = 1000, .height = 360};
  return stacked(plot::draw_heat_map(map), plot::draw_line_chart(chart));
}

}  // namespace vkrl::apps
