// The weekly demand shape of scenario loads, Monday 00:00 first, one value per half hour, mean 1.
#pragma once

#include <array>

namespace vkrl::envs::powergrid {

constexpr int kHalfHoursPerWeek = 7 * 48;
extern const std::array<double, kHalfHoursPerWeek> kWeeklyLoadShape;

}  // namespace vkrl::envs::powergrid
