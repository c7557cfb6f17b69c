// Weight initializers, drawn on the host from the model's seed so that every backend starts from the same numbers
// (Keras's definitions): Glorot-uniform (Glorot and Bengio 2010) with limit sqrt(6 / (fan_in + fan_out)),
// He-uniform with limit sqrt(6 / fan_in), and He-normal (He et al. 2015), a normal of standard deviation
// sqrt(2 / fan_in) truncated at two deviations. A kernel regularizer is the Keras-style L1/L2 penalty on a layer's
// weights, which the trainer adds with Backend::weight_penalty.
#pragma once

#include <random>
#include <string>

#include "vkrl/nn/tensor.h"

namespace vkrl::nn {

enum class Initializer { glorot_uniform, he_uniform, he_normal };
const char* to_string(Initializer init);
Initializer initializer_from_string(const std::string& name);  // throws vkrl::Error listing the valid names

// Fills `weights` with draws for a kernel of the given fan-in and fan-out.
void initialize(Tensor& weights, Initializer init, int fan_in, int fan_out, std::mt19937_64& rng);

struct Regularizer {
  double l1 = 0.0, l2 = 0.0;
  bool active() const { return l1 != 0.0 || l2 != 0.0; }
};

}  // namespace vkrl::nn
