// Test support: tensors made from host values, and fresh random values for them, shared by the CPU op tests.
#pragma once

#include <random>
#include <span>
#include <vector>

#include "vkrl/nn/backend.h"

namespace vkrl::test {

inline std::vector<double> random_values(size_t n, std::mt19937_64& rng, double lo = -2, double hi = 2) {
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<double> v(n);
  for (auto& x : v) x = u(rng);
  return v;
}

inline nn::Tensor tensor(nn::Backend& b, const nn::Shape& s, const std::vector<double>& v) {
  nn::Tensor t(b, s);
  t.write(std::span<const double>(v));
  return t;
}

}  // namespace vkrl::test
