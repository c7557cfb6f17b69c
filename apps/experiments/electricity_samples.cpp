// Cutting, splitting and scaling the forecasting samples.
#include "experiments/electricity_samples.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "vkrl/error.h"

namespace vkrl::apps {

int calendar_width(bool week_of_year) { return week_of_year ? 11 : 9; }

std::vector<float> calendar_features(std::chrono::sys_seconds hour, bool week_of_year) {
  using namespace std::chrono;
  const sys_days day = floor<days>(hour);
  const double tau = 2 * std::numbers::pi;
  std::vector<float> features;
  if (week_of_year) {
    const double day_of_year = double((day - sys_days(year_month_day(day).year() / January / 1)).count());
    const double week = std::floor(day_of_year / 7);
    features = {float(std::sin(tau * week / 52)), float(std::cos(tau * week / 52))};
  }
  for (unsigned d = 1; d <= 7; ++d) features.push_back(weekday(day).iso_encoding() == d ? 1.0f : 0.0f);
  const double hour_of_day = double(duration_cast<hours>(hour - day).count());
  features.push_back(float(std::sin(tau * hour_of_day / 24)));
  features.push_back(float(std::cos(tau * hour_of_day / 24)));
  return features;
}

std::vector<float> ForecastSet::flat_inputs() const {
  const int width = history + calendar_width;
  std::vector<float> rows(size_t(count()) * size_t(width));
  for (size_t i = 0; i < size_t(count()); ++i) {
    std::copy_n(past.begin() + ptrdiff_t(i * size_t(history)), history, rows.begin() + ptrdiff_t(i * size_t(width)));
    std::copy_n(calendar.begin() + ptrdiff_t(i * size_t(calendar_width)), calendar_width,
                rows.begin() + ptrdiff_t(i * size_t(width) + size_t(history)));
  }
  return rows;
}

ForecastSplit split_forecast_samples(const HourlySeries& series, const SampleOptions& options) {
  const int history = options.history, horizon = options.horizon;
  const int hours = int(series.demand.size());
  const int samples = hours - history - horizon + 1;
  // Left out between parts, so that the last training target hour comes before the first validation target hour.
  const int gap = horizon - 1;
  const int kept = samples - 2 * gap;
  const int train_count = int(std::lround(kept * options.train_fraction));
  const int validation_count = int(std::lround(kept * options.validation_fraction));
  const int test_count = kept - train_count - validation_count;
  if (train_count < 1 || validation_count < 1 || test_count < 1)
    throw Error(fmt::format("electricity: {} hours give {} training, {} validation and {} test samples of {} past and "
                            "{} forecast hours; each part needs at least one",
                            hours, std::max(train_count, 0), std::max(validation_count, 0), std::max(test_count, 0),
                            history, horizon));

  ForecastSplit split;
  // The training samples see hours 0 to the last training origin's last target hour.
  const auto train_hours = series.demand.begin() + (history + train_count - 1 + horizon);
  const auto [low, high] = std::minmax_element(series.demand.begin(), train_hours);
  split.scaling = {.min = *low, .max = *high};
  if (!(*high > *low)) throw Error("electricity: the training hours' demand is constant, nothing to scale by");

  const auto fill = [&](ForecastSet& set, int first_origin, int count) {
    set.history = history, set.horizon = horizon, set.calendar_width = calendar_width(options.week_of_year);
    for (int origin = first_origin; origin < first_origin + count; ++origin) {
      for (int h = origin - history; h < origin; ++h)
        set.past.push_back(float(split.scaling.scale(series.demand[size_t(h)])));
      for (int h = origin; h < origin + horizon; ++h)
        set.target.push_back(float(split.scaling.scale(series.demand[size_t(h)])));
      const auto features = calendar_features(series.start + std::chrono::hours(origin), options.week_of_year);
      set.calendar.insert(set.calendar.end(), features.begin(), features.end());
      set.origin.push_back(size_t(origin));
    }
  };
  fill(split.train, history, train_count);
  fill(split.validation, history + train_count + gap, validation_count);
  fill(split.test, history + train_count + gap + validation_count + gap, test_count);
  return split;
}

}  // namespace vkrl::apps
