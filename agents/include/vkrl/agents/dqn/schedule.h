// LinearSchedule is a value that holds `start` until frame `begin`, then moves in a straight line to `end` over
// `duration` frames and stays there: DQN's exploration ε (1.0 to 0.1 over 100k frames after the replay start, as in
// the MinAtar paper) and prioritized replay's importance-sampling exponent β (annealed towards 1, Schaul et al. 2016).
#pragma once

#include <algorithm>
#include <cstdint>

namespace vkrl::agents::dqn {

struct LinearSchedule {
  double start = 1.0;
  double end = 1.0;
  uint64_t begin = 0;     // frames before the ramp starts
  uint64_t duration = 0;  // frames of the ramp; 0 jumps to `end` at `begin`

  double value(uint64_t frame) const {
    if (frame < begin) return start;
    if (duration == 0) return end;
    const double t = std::min(1.0, static_cast<double>(frame - begin) / static_cast<double>(duration));
    return start + t * (end - start);
  }
};

}  // namespace vkrl::agents::dqn
