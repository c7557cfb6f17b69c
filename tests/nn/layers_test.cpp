// The layers' behaviour beyond their gradients (which gradcheck_test.cpp checks): shapes and padding, Dropout's masks
// from step to step, BatchNorm's running statistics and inference, Residual's shape rule, initializers' ranges.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "support/vulkan_fixture.h"
#include "vkrl/error.h"
#include "vkrl/nn/layers/batch_norm.h"
#include "vkrl/nn/layers/conv2d.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/layers/dropout.h"
#include "vkrl/nn/layers/pool2d.h"
#include "vkrl/nn/layers/reshape.h"
#include "vkrl/nn/layers/residual.h"
#include "vkrl/nn/model_spec.h"

using namespace vkrl::nn;

TEST_CASE("layers: Conv2D and pooling output shapes, \"same\" included", "[nn][layers]") {
  auto backend = make_cpu_backend();
  std::mt19937_64 rng(1);
  CHECK(Conv2D(5, {}).build(*backend, {2, 3, 10, 9}, rng) == Shape{2, 5, 8, 7});
  CHECK(Conv2D(5, {.stride_h = 2, .stride_w = 2, .same_padding = true}).build(*backend, {2, 3, 10, 9}, rng) ==
        Shape{2, 5, 5, 5});
  CHECK(Conv2D(5, {.kernel_h = 5, .kernel_w = 1, .padding = 1}).build(*backend, {2, 3, 10, 9}, rng) ==
        Shape{2, 5, 8, 11});
  CHECK_THROWS_WITH(Conv2D(5, {.kernel_h = 2, .same_padding = true}),
                    "Conv2D: \"same\" padding needs an odd kernel extent, got 2x3");
  CHECK(Pool2D(PoolKind::max).build(*backend, {2, 3, 9, 8}, rng) == Shape{2, 3, 4, 4});
  CHECK(Pool2D(PoolKind::average, {.pool_h = 3, .pool_w = 3, .stride_h = 2, .stride_w = 2, .same_padding = true})
            .build(*backend, {2, 3, 9, 8}, rng) == Shape{2, 3, 5, 4});
  CHECK(Reshape::flatten()->build(*backend, {2, 3, 9, 8}, rng) == Shape{2, 216});
  CHECK_THROWS_WITH(Reshape({5, 5}).build(*backend, {2, 3, 9}, rng),
                    "Reshape: [2, 3, 9] holds 27 values per sample, the target 25");
}

TEST_CASE("layers: initializers draw within their limits, from the seed", "[nn][layers]") {
  auto backend = make_cpu_backend(true);
  const auto init = GENERATE(Initializer::glorot_uniform, Initializer::he_uniform, Initializer::he_normal);
  INFO(to_string(init));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 a(seed), b(seed);
  Dense first(64, {init}), second(64, {init});
  first.build(*backend, {1, 100}, a);
  second.build(*backend, {1, 100}, b);
  const auto w = first.params()[0].read_double();
  CHECK(w == second.params()[0].read_double());
  const double fan_in = 100, fan_out = 64;
  double limit = std::sqrt(6 / (fan_in + fan_out)), sum_squares = 0;
  if (init == Initializer::he_uniform) limit = std::sqrt(6 / fan_in);
  if (init == Initializer::he_normal) limit = 2 * std::sqrt(2 / fan_in) / 0.87962566103423978;
  for (double v : w) {
    REQUIRE(std::abs(v) <= limit);
    sum_squares += v * v;
  }
  // Uniform on [-l, l] has variance l^2 / 3; the truncated normal was scaled to variance 2 / fan_in.
  const double variance = init == Initializer::he_normal ? 2 / fan_in : limit * limit / 3;
  CHECK(sum_squares / double(w.size()) == Approx(variance).epsilon(0.1));
}

TEST_CASE("layers: Dropout masks differ per step, repeat from the seed, and vanish at inference", "[nn][layers]") {
  auto backend = make_cpu_backend();
  auto masks = [&](uint64_t seed) {
    Sequential model;
    model.add(std::make_unique<Dropout>(0.5));
    model.build(*backend, {4, 50}, seed);
    Tensor x(*backend, {4, 50});
    backend->fill(x, 1.0);
    std::vector<std::vector<float>> out;
    for (int step = 0; step < 3; ++step) out.push_back(model.forward(x, true).read());
    CHECK(model.forward(x, false).read() == std::vector<float>(200, 1.0f));
    CHECK(model.backward(x).read() == std::vector<float>(200, 1.0f));  // identity after an inference pass
    return out;
  };
  const auto a = masks(5), b = masks(5), c = masks(6);
  CHECK(a == b);
  CHECK(a[0] != a[1]);
  CHECK(a[1] != a[2]);
  CHECK(a[0] != c[0]);
  for (float v : a[0]) REQUIRE((v == 0.0f || v == 2.0f));
}

TEST_CASE("layers: BatchNorm's running statistics follow the batches and drive inference", "[nn][layers]") {
  auto backend = make_cpu_backend(true);
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(3.0, 2.0);
  BatchNorm bn(0.5, 1e-3);
  std::mt19937_64 init(1);
  bn.build(*backend, {64, 2, 3, 3}, init);
  Tensor x(*backend, {64, 2, 3, 3});
  std::vector<double> xs(x.size());
  for (auto& v : xs) v = normal(rng);
  x.write(std::span<const double>(xs));
  // With momentum 0.5, ten identical batches bring the running statistics within 2^-10 of the batch's.
  for (int i = 0; i < 10; ++i) bn.forward(x, true);
  const auto buffers = bn.buffers();
  REQUIRE(buffers.size() == 2);
  CHECK(buffers[0].first == "running_mean");
  const auto mean = buffers[0].second.read_double(), var = buffers[1].second.read_double();
  for (int c = 0; c < 2; ++c) {
    double m = 0, v = 0;
    for (int n = 0; n < 64; ++n)
      for (int i = 0; i < 9; ++i) m += xs[size_t((n * 2 + c) * 9 + i)] / 576;
    for (int n = 0; n < 64; ++n)
      for (int i = 0; i < 9; ++i) v += std::pow(xs[size_t((n * 2 + c) * 9 + i)] - m, 2) / 576;
    CHECK(mean[size_t(c)] == Approx(m).epsilon(2e-3));
    CHECK(var[size_t(c)] == Approx(1 + (v - 1) * (1 - std::pow(0.5, 10))).epsilon(1e-9));
  }
  // Inference then normalises with the running statistics: the batch comes out with mean ~0 and variance ~1.
  const auto y = bn.forward(x, false).read_double();
  double m = 0, v = 0;
  for (double e : y) m += e / double(y.size());
  for (double e : y) v += (e - m) * (e - m) / double(y.size());
  CHECK(std::abs(m) < 0.01);
  CHECK(v == Approx(1).epsilon(0.01));
  CHECK_THROWS_WITH(bn.backward(x), "BatchNorm: backward() needs a training forward pass before it");
}

TEST_CASE("layers: Residual needs its block to keep the shape, and names its tensors", "[nn][layers]") {
  auto backend = make_cpu_backend();
  Sequential inner;
  inner.add(std::make_unique<Dense>(3)).add(std::make_unique<BatchNorm>());
  Sequential model;
  model.add(std::make_unique<Dense>(3)).add(std::make_unique<Residual>(std::move(inner)));
  model.build(*backend, {2, 4}, 1);
  std::vector<std::string> names;
  for (auto& [name, t] : model.named_tensors()) names.push_back(name);
  CHECK(names == std::vector<std::string>{"0.weight", "0.bias", "1.0.weight", "1.0.bias", "1.1.gamma", "1.1.beta",
                                          "1.1.running_mean", "1.1.running_var"});
  Sequential wrong_inner;
  wrong_inner.add(std::make_unique<Dense>(5));
  Sequential wrong;
  wrong.add(std::make_unique<Residual>(std::move(wrong_inner)));
  CHECK_THROWS_WITH(wrong.build(*backend, {2, 4}, 1), "layer 0 (Residual): Residual: the inner block maps [2, 4] to "
                                                      "[2, 5]; the skip needs the same shape");
}

TEST_CASE("layers: a model told to skip its input gradient gives the same parameter gradients and no input gradient",
          "[nn][layers]") {
  const std::string spec = R"({"input": [2, 6, 6], "layers": [{"type": "conv2d", "filters": 3, "kernel": 3,
      "activation": "tanh"}, {"type": "flatten"}, {"type": "dense", "units": 4}]})";
  auto backend = make_cpu_backend(true);
  Model full = model_from_json(spec);
  Model skipping = model_from_json(spec);
  full.build(*backend, 5, 9);
  skipping.build(*backend, 5, 9);
  skipping.skip_input_gradient();
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  Tensor x(*backend, {5, 2, 6, 6}), dy(*backend, {5, 4});
  x.write(vkrl::test::random_floats(x.size(), rng));
  dy.write(vkrl::test::random_floats(dy.size(), rng));
  full.forward(x, true);
  skipping.forward(x, true);
  const Tensor heads[] = {dy};
  CHECK(full.backward(heads).defined());
  CHECK_FALSE(skipping.backward(heads).defined());
  const auto a = full.grads(), b = skipping.grads();
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) CHECK(a[i].read_double() == b[i].read_double());
}
