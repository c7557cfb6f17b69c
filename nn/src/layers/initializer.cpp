#include "vkrl/nn/layers/initializer.h"

#include <cmath>
#include <vector>

#include "vkrl/error.h"

namespace vkrl::nn {

const char* to_string(Initializer init) {
  switch (init) {
    case Initializer::glorot_uniform: return "glorot_uniform";
    case Initializer::he_uniform: return "he_uniform";
    case Initializer::he_normal: return "he_normal";
  }
  return "glorot_uniform";
}

Initializer initializer_from_string(const std::string& name) {
  for (auto init : {Initializer::glorot_uniform, Initializer::he_uniform, Initializer::he_normal})
    if (name == to_string(init)) return init;
  throw Error("unknown initializer '" + name + "' (valid: glorot_uniform, he_uniform, he_normal)");
}

void initialize(Tensor& weights, Initializer init, int fan_in, int fan_out, std::mt19937_64& rng) {
  std::vector<double> w(weights.size());
  if (init == Initializer::he_normal) {
    // Keras divides by the standard deviation of a unit normal truncated at 2, so the draws keep variance 2 / fan_in.
    const double stddev = std::sqrt(2.0 / fan_in) / 0.87962566103423978;
    std::normal_distribution<double> normal(0.0, stddev);
    for (auto& v : w) {
      do v = normal(rng);
      while (std::abs(v) > 2 * stddev);
    }
  } else {
    const double limit =
        init == Initializer::he_uniform ? std::sqrt(6.0 / fan_in) : std::sqrt(6.0 / (fan_in + fan_out));
    std::uniform_real_distribution<double> uniform(-limit, limit);
    for (auto& v : w) v = uniform(rng);
  }
  weights.write(std::span<const double>(w));
}

}  // namespace vkrl::nn
