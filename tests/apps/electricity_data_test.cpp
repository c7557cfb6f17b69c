// The electricity experiment's data: the half-hourly loader's one-line errors (each naming the row's line), hourly
// averaging, and the forecasting samples cut from a hand-made series whose every input and target is known.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <chrono>
#include <string>

#include "experiments/electricity_samples.h"
#include "experiments/electricity_series.h"
#include "vkrl/error.h"

using namespace vkrl::apps;
using Catch::Contains;

namespace {

// A header and `rows` half hours from 2000-06-05T00:00Z (a Monday), demand 1000 + row.
std::string series_text(int rows) {
  std::string text = "timestamp,demand_mw\n";
  for (int r = 0; r < rows; ++r)
    text += fmt::format("2000-06-05T{:02}:{:02}:00Z,{}\n", r / 2, 30 * (r % 2), 1000 + r);
  return text;
}

// The text with data row `row` (0-based; it sits on line row + 2) replaced.
std::string with_row(std::string text, int row, const std::string& replacement) {
  size_t start = 0;
  for (int line = 0; line < row + 1; ++line) start = text.find('\n', start) + 1;
  return text.replace(start, text.find('\n', start) - start, replacement);
}

}  // namespace

TEST_CASE("electricity loader: a good series, then hours as the mean of their two half hours", "[apps][electricity]") {
  const HalfHourlySeries half = parse_half_hourly_demand(series_text(8), "good.csv");
  REQUIRE(half.demand.size() == 8);
  CHECK(half.demand[7] == 1007);
  const HourlySeries hours = hourly(half);
  CHECK(hours.start == half.start);
  CHECK(hours.demand == std::vector<double>{1000.5, 1002.5, 1004.5, 1006.5});

  // Starting at :30, the first whole hour begins a row later; a trailing lone half hour is left out.
  const std::string from_half_past = "timestamp,demand_mw\n2000-06-05T00:30:00Z,5\n2000-06-05T01:00:00Z,7\n"
                                     "2000-06-05T01:30:00Z,9\n2000-06-05T02:00:00Z,11\n";
  const HourlySeries shifted = hourly(parse_half_hourly_demand(from_half_past, "shifted.csv"));
  CHECK(shifted.start == half.start + std::chrono::hours(1));
  CHECK(shifted.demand == std::vector<double>{8});
}

TEST_CASE("electricity loader: bad rows are one-line errors naming the file and the row's line",
          "[apps][electricity]") {
  const std::string good = series_text(10);
  // Row 5 (line 7) jumps an hour ahead: a gap.
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 5, "2000-06-05T03:30:00Z,1005"), "gap.csv"),
                    Contains("gap.csv:7: timestamp 2000-06-05T03:30:00Z is 90 minutes after the previous row's "
                             "2000-06-05T02:00:00Z (a gap"));
  // Row 3 (line 5) repeats row 2's timestamp.
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 3, "2000-06-05T01:00:00Z,1003"), "repeat.csv"),
                    Contains("repeat.csv:5: timestamp 2000-06-05T01:00:00Z is 0 minutes after"));
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 4, "2000-06-05T02:00:00Z,12k4"), "text.csv"),
                    Contains("text.csv:6: column 'demand_mw': '12k4' is not a number"));
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 2, "2000-06-05T01:00:00Z,"), "empty.csv"),
                    Contains("empty.csv:4: column 'demand_mw': '' is not a number"));
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 6, "2000-06-05T03:00:00Z,-3"), "negative.csv"),
                    Contains("negative.csv:8: demand -3 MW is not positive"));
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 1, "2000-06-05 00:30,1001"), "format.csv"),
                    Contains("format.csv:3: timestamp '2000-06-05 00:30' is not YYYY-MM-DDTHH:MM:SSZ"));
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 0, "2000-02-30T00:00:00Z,1000"), "date.csv"),
                    Contains("date.csv:2: timestamp '2000-02-30T00:00:00Z' is not"));
  CHECK_THROWS_WITH(parse_half_hourly_demand(with_row(good, 0, "2000-06-04T23:45:00Z,1000"), "quarter.csv"),
                    Contains("quarter.csv:2: timestamp 2000-06-04T23:45:00Z is not on a full or half hour"));
  CHECK_THROWS_WITH(parse_half_hourly_demand("timestamp,demand_mw\n", "header-only.csv"),
                    Contains("header-only.csv: no data rows"));
  CHECK_THROWS_WITH(load_half_hourly_demand("/nonexistent/demand.csv"),
                    Contains("/nonexistent/demand.csv: cannot open"));
}

TEST_CASE("electricity samples: windows, calendar, a time-ordered split with gaps, training-only scaling",
          "[apps][electricity]") {
  // Hour h has demand 100 + h; 3 past hours, 2 forecast hours: 40 hours give 36 samples, 2 x 1 dropped at the gaps,
  // 34 kept: 17 training (0.5), 7 validation (0.2), 10 test.
  HourlySeries series{.start = std::chrono::sys_days(std::chrono::year(2000) / 6 / 5), .demand = {}};
  for (int h = 0; h < 40; ++h) series.demand.push_back(100 + h);
  const ForecastSplit split = split_forecast_samples(
      series, {.history = 3, .horizon = 2, .week_of_year = true, .train_fraction = 0.5, .validation_fraction = 0.2});
  REQUIRE(split.train.count() == 17);
  REQUIRE(split.validation.count() == 7);
  REQUIRE(split.test.count() == 10);
  CHECK(split.train.origin.front() == 3);
  CHECK(split.train.origin.back() == 19);       // its targets: hours 19 and 20
  CHECK(split.validation.origin.front() == 21);  // origin 20 is dropped: its target hour 20 was a training target
  CHECK(split.validation.origin.back() == 27);
  CHECK(split.test.origin.front() == 29);
  CHECK(split.test.origin.back() == 38);  // its targets: hours 38 and 39, the last
  // The training samples see hours 0 to 20: demand 100 to 120.
  CHECK(split.scaling.min == 100);
  CHECK(split.scaling.max == 120);

  const auto scaled = [](int hour) { return Approx((hour) / 20.0); };  // (100 + hour - 100) / 20
  for (const ForecastSet* set : {&split.train, &split.validation, &split.test})
    for (int i = 0; i < set->count(); ++i) {
      const int origin = int(set->origin[size_t(i)]);
      INFO("origin " << origin);
      for (int k = 0; k < 3; ++k) CHECK(set->past[size_t(3 * i + k)] == scaled(origin - 3 + k));
      for (int k = 0; k < 2; ++k) CHECK(set->target[size_t(2 * i + k)] == scaled(origin + k));
    }
  CHECK(split.test.target.back() == Approx(39 / 20.0));  // beyond the training range: not clipped

  // Calendar of origin 29: Tuesday 6 June 2000, 05:00 UTC; day of year 157, week 22.
  REQUIRE(split.test.calendar_width == 11);
  const float* calendar = &split.test.calendar[0];
  const double tau = 2 * 3.14159265358979;
  CHECK(calendar[0] == Approx(std::sin(tau * 22 / 52)).margin(1e-6));
  CHECK(calendar[1] == Approx(std::cos(tau * 22 / 52)).margin(1e-6));
  CHECK(std::vector<float>(calendar + 2, calendar + 9) == std::vector<float>{0, 1, 0, 0, 0, 0, 0});
  CHECK(calendar[9] == Approx(std::sin(tau * 5 / 24)).margin(1e-6));
  CHECK(calendar[10] == Approx(std::cos(tau * 5 / 24)).margin(1e-6));

  // Flat rows: the past hours, then the calendar.
  const std::vector<float> rows = split.test.flat_inputs();
  REQUIRE(rows.size() == size_t(10 * (3 + 11)));
  CHECK(rows[3 + 11] == split.test.past[3]);
  CHECK(rows[3 + 11 + 3 + 4] == split.test.calendar[11 + 4]);

  // Without the week of year: the day and the hour alone.
  const ForecastSplit no_week = split_forecast_samples(
      series, {.history = 3, .horizon = 2, .week_of_year = false, .train_fraction = 0.5, .validation_fraction = 0.2});
  REQUIRE(no_week.test.calendar_width == 9);
  CHECK(std::vector<float>(no_week.test.calendar.begin(), no_week.test.calendar.begin() + 9) ==
        std::vector<float>(calendar + 2, calendar + 11));
  CHECK(no_week.test.flat_inputs().size() == size_t(10 * (3 + 9)));

  CHECK_THROWS_WITH(split_forecast_samples(series, {.history = 30, .horizon = 5}),
                    Contains("each part needs at least one"));
}
