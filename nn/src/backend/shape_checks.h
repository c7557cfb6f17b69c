// Shape checks every backend's ops share; each throws vkrl::Error naming the op and the shapes.
#pragma once

#include <cstddef>

#include "vkrl/nn/tensor.h"

namespace vkrl::nn {

// Throws unless a and b hold the same number of elements.
void require_same_size(const char* op, const Tensor& a, const Tensor& b);
// How many consecutive elements share one channel when y is [rows, channels, rest]; throws unless it divides.
size_t channel_inner(const Tensor& y, size_t channels, const char* op);
// Throws unless per_row holds one value per row of q (the RL ops' rewards, actions, targets...).
void require_rows(const char* op, const Tensor& q, const Tensor& per_row);

}  // namespace vkrl::nn
