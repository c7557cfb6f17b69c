// Conv1D, ConvTranspose2D and Embedding beyond their gradients (gradcheck_test.cpp): each layer's forward pass against
// a loop written straight from its definition, output shapes, model-spec types, and the error for a bad index.
#include <catch2/catch.hpp>

#include <random>

#include "support/vulkan_fixture.h"
#include "vkrl/error.h"
#include "vkrl/nn/layers/conv1d.h"
#include "vkrl/nn/layers/conv_transpose2d.h"
#include "vkrl/nn/layers/embedding.h"
#include "vkrl/nn/model_spec.h"

using namespace vkrl::nn;

namespace {

std::vector<double> uniform(size_t n, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(-1, 1);
  std::vector<double> v(n);
  for (auto& x : v) x = u(rng);
  return v;
}

double worst_difference(const std::vector<double>& a, const std::vector<double>& b) {
  REQUIRE(a.size() == b.size());
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  return worst;
}

}  // namespace

TEST_CASE("sequence layers: Conv1D is the 1-D cross-correlation with stride, padding and dilation", "[nn][layers]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  auto backend = make_cpu_backend(true);
  const int n = 2, c = 3, length = 11, filters = 4, kernel = 3, stride = 2, pad = 2, dilation = 2;
  Conv1D layer(filters, {.kernel = kernel, .stride = stride, .dilation = dilation, .padding = pad});
  const Shape out = layer.build(*backend, {n, c, length}, rng);
  const int out_length = (length + 2 * pad - dilation * (kernel - 1) - 1) / stride + 1;
  REQUIRE(out == Shape{n, filters, out_length});
  auto params = layer.params();
  const auto w = uniform(params[0].size(), rng), b = uniform(params[1].size(), rng);
  params[0].write(std::span<const double>(w));
  params[1].write(std::span<const double>(b));
  Tensor x(*backend, {n, c, length});
  const auto xs = uniform(x.size(), rng);
  x.write(std::span<const double>(xs));
  std::vector<double> want(out.size());
  for (int i = 0; i < n; ++i)
    for (int f = 0; f < filters; ++f)
      for (int l = 0; l < out_length; ++l) {
        double sum = b[size_t(f)];
        for (int ch = 0; ch < c; ++ch)
          for (int k = 0; k < kernel; ++k) {
            const int at = l * stride - pad + k * dilation;
            if (at >= 0 && at < length) sum += w[size_t((f * c + ch) * kernel + k)] * xs[size_t((i * c + ch) * length + at)];
          }
        want[size_t((i * filters + f) * out_length + l)] = sum;
      }
  CHECK(worst_difference(layer.forward(x, true).read_double(), want) < 1e-12);

  std::mt19937_64 init(1);
  CHECK(Conv1D(5, {.kernel = 5, .stride = 3, .same_padding = true}).build(*backend, {2, 3, 10}, init) ==
        Shape{2, 5, 4});
  CHECK_THROWS_WITH(Conv1D(5, {.kernel = 2, .same_padding = true}),
                    "Conv1D: \"same\" padding needs an odd kernel extent, got kernel 2 with dilation 1");
  CHECK_THROWS_WITH(Conv1D(5).build(*backend, {2, 3, 4, 4}, init), "Conv1D: needs an [N, C, L] input, got [2, 3, 4, 4]");
}

TEST_CASE("sequence layers: ConvTranspose2D scatters each input cell through the kernel", "[nn][layers]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  auto backend = make_cpu_backend(true);
  const int n = 2, c = 3, h = 4, w = 3, filters = 2, k = 3, stride = 2, pad = 1;
  ConvTranspose2D layer(filters, {.stride_h = stride, .stride_w = stride, .padding_h = pad, .padding_w = pad,
                                  .output_padding_h = 1, .output_padding_w = 0});
  const Shape out = layer.build(*backend, {n, c, h, w}, rng);
  const int oh = (h - 1) * stride - 2 * pad + k + 1, ow = (w - 1) * stride - 2 * pad + k;
  REQUIRE(out == Shape{n, filters, oh, ow});
  auto params = layer.params();
  const auto wt = uniform(params[0].size(), rng), b = uniform(params[1].size(), rng);
  params[0].write(std::span<const double>(wt));
  params[1].write(std::span<const double>(b));
  Tensor x(*backend, {n, c, h, w});
  const auto xs = uniform(x.size(), rng);
  x.write(std::span<const double>(xs));
  std::vector<double> want(out.size());
  for (int i = 0; i < n; ++i)
    for (int f = 0; f < filters; ++f)
      for (int y = 0; y < oh; ++y)
        for (int z = 0; z < ow; ++z) want[size_t(((i * filters + f) * oh + y) * ow + z)] = b[size_t(f)];
  for (int i = 0; i < n; ++i)
    for (int ch = 0; ch < c; ++ch)
      for (int ih = 0; ih < h; ++ih)
        for (int iw = 0; iw < w; ++iw)
          for (int f = 0; f < filters; ++f)
            for (int kh = 0; kh < k; ++kh)
              for (int kw = 0; kw < k; ++kw) {
                const int y = ih * stride - pad + kh, z = iw * stride - pad + kw;
                if (y < 0 || y >= oh || z < 0 || z >= ow) continue;
                want[size_t(((i * filters + f) * oh + y) * ow + z)] +=
                    xs[size_t(((i * c + ch) * h + ih) * w + iw)] * wt[size_t(((ch * filters + f) * k + kh) * k + kw)];
              }
  CHECK(worst_difference(layer.forward(x, true).read_double(), want) < 1e-12);

  std::mt19937_64 init(1);
  CHECK(ConvTranspose2D(8, {.kernel_h = 4, .kernel_w = 4, .stride_h = 2, .stride_w = 2, .padding_h = 1,
                            .padding_w = 1})
            .build(*backend, {2, 3, 7, 7}, init) == Shape{2, 8, 14, 14});
  CHECK_THROWS_WITH(ConvTranspose2D(2, {.stride_h = 2, .output_padding_h = 2}),
                    "ConvTranspose2D: output padding must be at least 0 and less than the stride, got 2x0 for stride "
                    "2x1");
}

TEST_CASE("sequence layers: Embedding looks up table rows and names a bad index", "[nn][layers]") {
  auto backend = make_cpu_backend();
  std::mt19937_64 rng(vkrl::test::fresh_seed());
  Embedding layer(5, 3);
  REQUIRE(layer.build(*backend, {2, 3}, rng) == Shape{2, 3, 3});
  const std::vector<float> table = layer.params()[0].read();
  Tensor x(*backend, {2, 3});
  x.write(std::vector<float>{4, 0, 4, 2, 1, 3});
  const std::vector<float> y = layer.forward(x, true).read();
  const int rows[] = {4, 0, 4, 2, 1, 3};
  for (int p = 0; p < 6; ++p)
    for (int d = 0; d < 3; ++d) CHECK(y[size_t(p * 3 + d)] == table[size_t(rows[p] * 3 + d)]);
  x.write(std::vector<float>{4, 0, 5, 2, 1, 3});
  CHECK_THROWS_WITH(layer.forward(x, true),
                    "embedding: index 5.000000 at position 2 of [2, 3] is not a whole number in [0, 5)");
  x.write(std::vector<float>{4, 0, 1.5f, 2, 1, 3});
  CHECK_THROWS_WITH(layer.forward(x, true),
                    "embedding: index 1.500000 at position 2 of [2, 3] is not a whole number in [0, 5)");
}

TEST_CASE("sequence layers: model specs take conv1d, conv_transpose2d and embedding", "[nn][layers]") {
  Model seq = model_from_json(R"({"input": [12], "layers": [{"type": "embedding", "vocab": 30, "dim": 8},
      {"type": "reshape", "shape": [8, 12]},
      {"type": "conv1d", "filters": 6, "kernel": 3, "padding": "same", "dilation": 2, "activation": "relu"},
      {"type": "flatten"}, {"type": "dense", "units": 2}]})");
  auto backend = make_cpu_backend();
  seq.build(*backend, 4, 1);
  CHECK(seq.trunk().output_shapes()[2] == Shape{4, 6, 12});
  CHECK_THAT(seq.summary(), Catch::Contains("Embedding") && Catch::Contains("Conv1D"));
  Model decoder = model_from_json(R"({"input": [2], "layers": [{"type": "dense", "units": 32},
      {"type": "reshape", "shape": [2, 4, 4]},
      {"type": "conv_transpose2d", "filters": 3, "kernel": 3, "stride": 2, "padding": 1, "output_padding": 1}]})");
  decoder.build(*backend, 4, 1);
  CHECK(decoder.trunk().output_shapes().back() == Shape{4, 3, 8, 8});
  CHECK_THAT(decoder.summary(), Catch::Contains("ConvTranspose2D"));
  CHECK_THROWS_WITH(model_from_json(R"({"input": [2, 4, 4], "layers": [{"type": "conv_transpose2d", "filters": 3,
      "kernel": 3, "output_padding": 1}]})"),
                    "<string>: layers[0]: ConvTranspose2D: output padding must be at least 0 and less than the stride, "
                    "got 1x1 for stride 1x1");
  CHECK_THROWS_WITH(model_from_json(R"({"input": [5], "layers": [{"type": "embedding", "vocab": 3, "dims": 2}]})"),
                    Catch::Contains("layers[0].dims: unknown key 'dims'"));
}
