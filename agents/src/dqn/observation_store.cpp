#include "vkrl/agents/dqn/observation_store.h"

#include <array>
#include <cstring>
#include <string>

#include "vkrl/error.h"

namespace vkrl::agents::dqn {
namespace {

// The 8 floats of each byte value, low bit first: unpacking copies 32 bytes per packed byte instead of testing bits.
constexpr auto kUnpacked = [] {
  std::array<std::array<float, 8>, 256> table{};
  for (size_t byte = 0; byte < 256; ++byte)
    for (size_t bit = 0; bit < 8; ++bit) table[byte][bit] = static_cast<float>((byte >> bit) & 1u);
  return table;
}();

}  // namespace

ObservationStore::ObservationStore(size_t observation_size, bool binary, size_t count)
    : observation_size_(observation_size),
      binary_(binary),
      count_(count),
      bytes_per_observation_(binary ? (observation_size + 7) / 8 : observation_size * sizeof(float)),
      bytes_(count * bytes_per_observation_) {
  if (observation_size == 0) throw Error("observation store: observations must have at least one value");
}

void ObservationStore::check(size_t index, size_t span_size, const char* op) const {
  if (index >= count_)
    throw Error(std::string("observation store: ") + op + " index " + std::to_string(index) + " is past the count " +
                std::to_string(count_));
  if (span_size != observation_size_)
    throw Error(std::string("observation store: ") + op + " got " + std::to_string(span_size) +
                " values, observations have " + std::to_string(observation_size_));
}

void ObservationStore::write(size_t index, std::span<const float> observation) {
  check(index, observation.size(), "write");
  uint8_t* out = bytes_.data() + index * bytes_per_observation_;
  if (!binary_) {
    std::memcpy(out, observation.data(), bytes_per_observation_);
    return;
  }
  std::memset(out, 0, bytes_per_observation_);
  for (size_t i = 0; i < observation_size_; ++i) {
    const float v = observation[i];
    if (v != 0.0f && v != 1.0f)
      throw Error("observation store: value " + std::to_string(v) + " at cell " + std::to_string(i) +
                  " is not 0 or 1, but the observations were declared binary");
    out[i / 8] |= static_cast<uint8_t>(static_cast<uint8_t>(v != 0.0f) << (i % 8));
  }
}

void ObservationStore::read(size_t index, std::span<float> out) const {
  check(index, out.size(), "read");
  const uint8_t* in = bytes_.data() + index * bytes_per_observation_;
  if (!binary_) {
    std::memcpy(out.data(), in, bytes_per_observation_);
    return;
  }
  const size_t whole = observation_size_ / 8;
  for (size_t b = 0; b < whole; ++b) std::memcpy(out.data() + 8 * b, kUnpacked[in[b]].data(), 8 * sizeof(float));
  for (size_t i = 8 * whole; i < observation_size_; ++i) out[i] = static_cast<float>((in[i / 8] >> (i % 8)) & 1u);
}

}  // namespace vkrl::agents::dqn
