// Forecasting samples cut from an hourly demand series for the electricity experiment (REFERENCE.md section 9.4):
// each sample's input is the last `history` hours of demand plus the calendar of the first hour to forecast, and its
// target the next `horizon` hours. A sample is named by its origin, the index of that first forecast hour; every
// origin with a full history and horizon gives one sample, one hour apart. The samples are split in time order into
// training, validation and test parts; `horizon - 1` samples are dropped between two parts so that no hour is a
// target in two of them. Demand is scaled to [0, 1] by the minimum and maximum of the hours that the training samples
// see (inputs and targets), so nothing of the validation or test hours leaks into the scaling; later hours may fall
// outside [0, 1].
//
// Calendar, from the UTC timestamp: day of week one-hot, Monday first (weekdays and weekends differ in shape, not by
// a smooth amount); hour of day as sin and cos of 2 pi hour / 24; and, when asked for, week of year first, as sin and
// cos of 2 pi week / 52 with week = floor(day of year / 7), so that the year wraps around. A series shorter than a
// year holds only a few weeks: there week of year is a trend the test weeks lie outside of.
#pragma once

#include <chrono>
#include <vector>

#include "experiments/electricity_series.h"

namespace vkrl::apps {

// Calendar values per sample: 7 days and 2 for the hour, and 2 for the week of year when it is included.
int calendar_width(bool week_of_year);
std::vector<float> calendar_features(std::chrono::sys_seconds hour, bool week_of_year);

// Demand in MW <-> [0, 1] over the training hours' range.
struct DemandScaling {
  double min = 0, max = 1;
  double scale(double mw) const { return (mw - min) / (max - min); }
  double unscale(double scaled) const { return min + scaled * (max - min); }
};

struct ForecastSet {
  int history = 0, horizon = 0, calendar_width = 0;
  std::vector<float> past;      // count() x history, scaled demand, oldest first
  std::vector<float> calendar;  // count() x calendar_width, of each sample's first forecast hour
  std::vector<float> target;    // count() x horizon, scaled demand
  std::vector<size_t> origin;   // each sample's first forecast hour, as an index into the hourly series

  int count() const { return int(origin.size()); }
  // One row per sample: its past hours, then its calendar (the input of ridge, SVR and the feedforward net).
  std::vector<float> flat_inputs() const;
};

struct ForecastSplit {
  ForecastSet train, validation, test;
  DemandScaling scaling;
};

struct SampleOptions {
  int history = 48, horizon = 24;
  bool week_of_year = false;
  double train_fraction = 0.7, validation_fraction = 0.15;  // the test part is the rest
};

// Throws vkrl::Error when the series is too short for at least one sample in each part.
ForecastSplit split_forecast_samples(const HourlySeries& series, const SampleOptions& options);

}  // namespace vkrl::apps
