#include "vkrl/nn/schedule.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "vkrl/error.h"

namespace vkrl::nn {

double LearningRateSchedule::at(int64_t step) const {
  if (kind != Kind::constant && steps < 1) throw Error("learning-rate schedule " + to_string() + ": needs steps >= 1");
  const double progress = double(std::min(step, steps)) / double(std::max<int64_t>(steps, 1));
  switch (kind) {
    case Kind::constant: return rate;
    case Kind::step: return rate * std::pow(factor, double(step / steps));
    case Kind::linear: return rate + (end - rate) * progress;
    case Kind::cosine: return end + (rate - end) * 0.5 * (1 + std::cos(std::numbers::pi * progress));
  }
  return rate;
}

std::string LearningRateSchedule::to_string() const {
  switch (kind) {
    case Kind::constant: return fmt::format("constant({})", rate);
    case Kind::step: return fmt::format("step({} x {} every {} steps)", rate, factor, steps);
    case Kind::linear: return fmt::format("linear({} -> {} over {} steps)", rate, end, steps);
    case Kind::cosine: return fmt::format("cosine({} -> {} over {} steps)", rate, end, steps);
  }
  return "unknown";
}

}  // namespace vkrl::nn
