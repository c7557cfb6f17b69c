// Running part of a trained Sequential on host data: an autoencoder's encoder (its first layers) on images, or its
// decoder (the layers after the code) on points of the latent plane, in inference mode and in batches.
#pragma once

#include <span>
#include <vector>

#include "vkrl/nn/sequential.h"

namespace vkrl::apps {

// Layers [begin, end) of `model` on `count` rows of `x` of `inputs` values each, `batch` rows at a time; returns the
// outputs, row after row.
std::vector<float> run_layers(nn::Backend& backend, nn::Sequential& model, size_t begin, size_t end,
                              std::span<const float> x, int inputs, int batch);

}  // namespace vkrl::apps
