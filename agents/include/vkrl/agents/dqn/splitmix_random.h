// SplitMixRandom draws the replay buffer's random numbers from SplitMix64 (common/splitmix64.h): one 64-bit word of
// state, so a snapshot saves and restores it exactly, and the same draws on every platform (std's distributions are
// implementation-defined). Integers below n come from Lemire's multiply-and-shift with rejection, without bias.
#pragma once

#include <cstdint>

#include "vkrl/splitmix64.h"

namespace vkrl::agents::dqn {

class SplitMixRandom {
public:
  explicit SplitMixRandom(uint64_t seed = 0) : state_(seed) {}

  uint64_t next() {
    const uint64_t out = splitmix64(state_);
    state_ += kGoldenGamma;
    return out;
  }
  // Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n); n > 0.
  uint64_t below(uint64_t n) {
    unsigned __int128 product = static_cast<unsigned __int128>(next()) * n;
    if (static_cast<uint64_t>(product) < n) {
      const uint64_t threshold = (0 - n) % n;  // 2^64 mod n: the low words that would favour small results
      while (static_cast<uint64_t>(product) < threshold) product = static_cast<unsigned __int128>(next()) * n;
    }
    return static_cast<uint64_t>(product >> 64);
  }

  uint64_t state() const { return state_; }
  void set_state(uint64_t state) { state_ = state; }

private:
  uint64_t state_;
};

}  // namespace vkrl::agents::dqn
