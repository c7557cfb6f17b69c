// Test support for the Vulkan backend's op tests: every tensor is made twice, on the Vulkan backend (the shared
// validated Context) and on the double-precision CPU backend, from the same fresh random values, so that an op run on
// both can be compared. Tensors can be made as row views at a non-zero offset into larger storage, to cover views
// whose first float is not at a descriptor's aligned start.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "support/vulkan_fixture.h"
#include "vkrl/nn/backend.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::test {

struct Twin {
  nn::Tensor gpu, cpu;
};

class VulkanTwinsFixture : public VulkanFixture {
public:
  VulkanTwinsFixture() : seed(fresh_seed()), rng(seed) {}

  // A tensor holding uniform values in [low, high) on both backends; `offset` makes it rows [1, 1 + rows) of a
  // larger one (shapes of rank 1 and up).
  Twin random(const nn::Shape& shape, double low = -2, double high = 2, bool offset = false) {
    std::uniform_real_distribution<double> u(low, high);
    std::vector<double> values(shape.size());
    for (auto& v : values) v = double(float(u(rng)));  // exactly representable on both
    return with_values(shape, values, offset);
  }
  Twin with_values(const nn::Shape& shape, const std::vector<double>& values, bool offset = false) {
    Twin t{make(*gpu, shape, offset), make(*cpu, shape, offset)};
    t.gpu.write(std::span<const double>(values));
    t.cpu.write(std::span<const double>(values));
    return t;
  }

  // Max |vulkan - cpu| / max(1, |cpu|) over the tensor's elements.
  static double error(const Twin& t) {
    const auto got = t.gpu.read_double(), want = t.cpu.read_double();
    double worst = 0;
    for (size_t i = 0; i < got.size(); ++i) {
      const double e = std::abs(got[i] - want[i]) / std::max(1.0, std::abs(want[i]));
      worst = std::isnan(e) ? INFINITY : std::max(worst, e);
    }
    return worst;
  }

  uint64_t seed;
  std::mt19937_64 rng;
  std::unique_ptr<nn::Backend> gpu = nn::make_vulkan_backend(ctx);
  std::unique_ptr<nn::Backend> cpu = nn::make_cpu_backend(true);

private:
  static nn::Tensor make(nn::Backend& b, const nn::Shape& shape, bool offset) {
    if (!offset || shape.rank() == 0) return nn::Tensor(b, shape);
    return nn::Tensor(b, shape.with_rows(shape.rows() + 2)).rows(1, shape.rows());
  }
};

}  // namespace vkrl::test
