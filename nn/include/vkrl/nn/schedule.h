// LearningRateSchedule gives the learning rate of each optimizer step from its 0-based index s (the number of updates
// made before it): constant; step (the rate times factor^floor(s / steps), a drop every `steps` updates); linear (from
// the rate to `end` over `steps` updates, then `end`); cosine (from the rate down to the floor `end` along half a
// cosine over `steps` updates, then `end`), as Keras's ExponentialDecay(staircase), PolynomialDecay(power 1) and
// CosineDecay(alpha = end / rate) compute them.
#pragma once

#include <cstdint>
#include <string>

namespace vkrl::nn {

struct LearningRateSchedule {
  enum class Kind { constant, step, linear, cosine };
  Kind kind = Kind::constant;
  double rate = 0.001;  // the initial learning rate
  int64_t steps = 0;    // step: updates between drops; linear, cosine: updates to reach `end`
  double factor = 0.1;  // step
  double end = 0.0;     // linear: the final rate; cosine: the floor

  static LearningRateSchedule constant(double rate) { return {Kind::constant, rate, 0, 0.1, 0.0}; }
  static LearningRateSchedule step_decay(double rate, int64_t every, double factor) {
    return {Kind::step, rate, every, factor, 0.0};
  }
  static LearningRateSchedule linear(double rate, int64_t steps, double end) { return {Kind::linear, rate, steps, 0.1, end}; }
  static LearningRateSchedule cosine(double rate, int64_t steps, double floor) {
    return {Kind::cosine, rate, steps, 0.1, floor};
  }

  double at(int64_t step) const;  // throws vkrl::Error for a non-constant schedule over no steps
  std::string to_string() const;  // e.g. "cosine(0.001 -> 0 over 1000 steps)"
};

}  // namespace vkrl::nn
