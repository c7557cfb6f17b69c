// ObservationStore keeps `count` observations of one shape in a single allocation. Binary observations (every value 0
// or 1, as ObservationSpec::binary says of MinAtar's channels) are bit-packed, 1 bit per cell rounded up to whole
// bytes, so a Breakout observation (4x10x10 = 400 cells) takes 50 bytes instead of 1,600; other observations are kept
// as floats. Writing a binary store checks that every value is 0 or 1, so a wrong spec fails loudly instead of
// training on clipped data.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace vkrl::agents::dqn {

class ObservationStore {
public:
  ObservationStore(size_t observation_size, bool binary, size_t count);

  size_t observation_size() const { return observation_size_; }
  bool binary() const { return binary_; }
  size_t count() const { return count_; }
  size_t bytes_per_observation() const { return bytes_per_observation_; }

  void write(size_t index, std::span<const float> observation);
  void read(size_t index, std::span<float> out) const;

  // The raw bytes of every observation, for snapshots.
  std::span<const uint8_t> bytes() const { return bytes_; }
  std::span<uint8_t> bytes() { return bytes_; }

private:
  void check(size_t index, size_t span_size, const char* op) const;

  size_t observation_size_;
  bool binary_;
  size_t count_;
  size_t bytes_per_observation_;
  std::vector<uint8_t> bytes_;
};

}  // namespace vkrl::agents::dqn
