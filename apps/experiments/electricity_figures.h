// The electricity experiment's figures: one test week of day-ahead forecasts (each day's 24 hours forecast at
// 00:00 UTC from the 48 hours before, the seven days joined) with the truth, in MW; and the convolutional net's
// first-layer weights on the demand channel over the 48 past hours, one row per filter (the course's "which hours
// matter" figure), with the mean absolute weight per hour beneath.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <vector>

#include "experiments/electricity_samples.h"
#include "vkrl/envs/frame.h"

namespace vkrl::apps {

struct ModelForecasts {
  std::string name;
  std::span<const float> rows;  // one row of horizon scaled values per sample of the set
};

// Up to seven days from the first test sample whose origin is at 00:00 UTC; throws vkrl::Error when there is none.
envs::Frame day_ahead_week_chart(const ForecastSet& test, const DemandScaling& scaling,
                                 std::chrono::sys_seconds series_start, const std::vector<ModelForecasts>& models);

// `weights` laid out [filter][channel][hour]; the demand channel is channel 0, the oldest hour first.
envs::Frame conv_hour_weights_map(std::span<const float> weights, int filters, int channels, int hours);

}  // namespace vkrl::apps
