// The CPU backend's image, batch-norm, elementwise, loss and clipping ops in float and double against naive
// double-precision loops (naive_ops.h), on fresh random inputs at awkward sizes and window geometries.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "nn/naive_ops.h"
#include "host_tensors.h"
#include "support/vulkan_fixture.h"
#include "vkrl/error.h"
#include "vkrl/nn/backend.h"

using namespace vkrl::nn;
using vkrl::test::random_values;
using vkrl::test::tensor;
namespace naive = vkrl::test::naive;

namespace {

// max |got - want| over max(1, max |want|).
double error(const std::vector<double>& got, const std::vector<double>& want) {
  REQUIRE(got.size() == want.size());
  double worst = 0, scale = 1;
  for (double w : want) scale = std::max(scale, std::abs(w));
  for (size_t i = 0; i < got.size(); ++i) worst = std::max(worst, std::abs(got[i] - want[i]));
  return worst / scale;
}

double tolerance(const Backend& b) { return b.name() == "cpu-f64" ? 1e-10 : 1e-4; }

Shape shape_of(const naive::Dims& d) { return {d.n, d.c, d.h, d.w}; }

struct ConvCase {
  naive::Dims x;
  int outs;
  Window2d win;
};

// Window2d fields: kernel h, w; stride h, w; padding h, w; dilation h, w.
const std::vector<ConvCase> conv_cases = {
    {{1, 1, 1, 1}, 1, {1, 1, 1, 1, 0, 0, 1, 1}},
    {{3, 4, 10, 10}, 16, {3, 3, 1, 1, 0, 0, 1, 1}},  // the MinAtar DQN's layer
    {{2, 3, 7, 7}, 5, {3, 3, 1, 1, 1, 1, 1, 1}},
    {{1, 2, 9, 11}, 3, {3, 2, 2, 3, 1, 0, 1, 1}},
    {{2, 3, 13, 12}, 4, {3, 3, 1, 2, 2, 1, 2, 1}},
    {{1, 33, 5, 6}, 7, {1, 1, 1, 1, 0, 0, 1, 1}},
    {{2, 3, 6, 21}, 5, {2, 3, 1, 1, 0, 0, 1, 1}},  // unpadded rows of 19 cells: two chunks of 8 and an overlap
    {{3, 2, 4, 11}, 4, {3, 3, 1, 1, 0, 0, 1, 1}},  // rows of 9 cells
    {{1, 1, 33, 7}, 2, {5, 1, 3, 1, 2, 0, 1, 1}},
    {{2, 2, 4, 5}, 3, {2, 2, 2, 2, 3, 2, 1, 2}},  // windows wholly in the padding
};

}  // namespace

TEST_CASE("cpu image ops: conv2d forward and both backward passes", "[nn][ops][conv]") {
  auto backend = make_cpu_backend(GENERATE(false, true));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO(backend->name() << ", seed " << seed);
  std::mt19937_64 rng(seed);
  for (const auto& [xd, outs, win] : conv_cases) {
    INFO("x " << shape_of(xd).to_string() << " -> " << outs << ", kernel " << win.kernel_h << "x" << win.kernel_w
              << " stride " << win.stride_h << "," << win.stride_w << " pad " << win.pad_h << "," << win.pad_w
              << " dilation " << win.dilation_h << "," << win.dilation_w);
    const naive::Dims yd = naive::conv_out(win, xd, outs);
    const Shape ws{outs, xd.c, win.kernel_h, win.kernel_w};
    const auto x = random_values(xd.size(), rng), w = random_values(ws.size(), rng);
    const auto dy = random_values(yd.size(), rng), dw0 = random_values(ws.size(), rng);
    Tensor X = tensor(*backend, shape_of(xd), x), W = tensor(*backend, ws, w), DY = tensor(*backend, shape_of(yd), dy);
    Tensor Y(*backend, shape_of(yd)), DX = tensor(*backend, shape_of(xd), random_values(xd.size(), rng));
    Tensor DW = tensor(*backend, ws, dw0);

    backend->conv2d(win, X, W, Y);
    CHECK(error(Y.read_double(), naive::conv2d(win, xd, x, outs, w)) <= tolerance(*backend));
    backend->conv2d_backward_input(win, DY, W, DX);
    CHECK(error(DX.read_double(), naive::conv2d_backward_input(win, xd, dy, outs, w)) <= tolerance(*backend));
    backend->conv2d_backward_filter(win, X, DY, 0.5, DW);
    auto want_dw = naive::conv2d_backward_filter(win, xd, x, outs, dy);
    for (size_t i = 0; i < want_dw.size(); ++i) want_dw[i] += 0.5 * dw0[i];
    CHECK(error(DW.read_double(), want_dw) <= tolerance(*backend));
  }
}

TEST_CASE("cpu image ops: conv2d names the op and shapes that do not fit", "[nn][ops][conv]") {
  auto backend = make_cpu_backend();
  const Window2d win{3, 3, 1, 1, 0, 0, 1, 1};
  Tensor x(*backend, {2, 4, 10, 10}), w(*backend, {16, 3, 3, 3}), y(*backend, {2, 16, 8, 8});
  CHECK_THROWS_WITH(backend->conv2d(win, x, w, y), Catch::StartsWith("conv2d: input, filter, output [2, 4, 10, 10]"));
  Tensor w4(*backend, {16, 4, 3, 3}), y9(*backend, {2, 16, 9, 8});
  CHECK_THROWS_WITH(backend->conv2d(win, x, w4, y9), Catch::Contains("gives [2, 16, 8, 8], not [2, 16, 9, 8]"));
}

TEST_CASE("cpu image ops: max and average pooling and their backward passes", "[nn][ops][pool]") {
  auto backend = make_cpu_backend(GENERATE(false, true));
  const auto kind = GENERATE(PoolKind::max, PoolKind::average);
  // Small integers make ties, so max pooling's "first maximum in the window" rule is exercised.
  const bool ties = GENERATE(false, true);
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO(backend->name() << (kind == PoolKind::max ? " max" : " average") << (ties ? " with ties" : "") << ", seed "
                       << seed);
  std::mt19937_64 rng(seed);
  for (const auto& [xd, outs, win] : conv_cases) {
    INFO("x " << shape_of(xd).to_string() << ", kernel " << win.kernel_h << "x" << win.kernel_w << " stride "
              << win.stride_h << "," << win.stride_w << " pad " << win.pad_h << "," << win.pad_w << " dilation "
              << win.dilation_h << "," << win.dilation_w);
    (void)outs;
    const naive::Dims yd = naive::conv_out(win, xd, xd.c);
    auto x = random_values(xd.size(), rng);
    if (ties)
      for (auto& v : x) v = std::round(v);
    const auto dy = random_values(yd.size(), rng);
    Tensor X = tensor(*backend, shape_of(xd), x), Y(*backend, shape_of(yd)), DY = tensor(*backend, shape_of(yd), dy);
    Tensor DX = tensor(*backend, shape_of(xd), random_values(xd.size(), rng));
    backend->pool2d(kind, win, X, Y);
    CHECK(error(Y.read_double(), naive::pool2d(kind, win, xd, x)) <= tolerance(*backend));
    backend->pool2d_backward(kind, win, X, Y, DY, DX);
    CHECK(error(DX.read_double(), naive::pool2d_backward(kind, win, xd, x, dy)) <= tolerance(*backend));
  }
}

TEST_CASE("cpu image ops: batch norm in training and inference, and its backward pass", "[nn][ops][batchnorm]") {
  auto backend = make_cpu_backend(GENERATE(false, true));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO(backend->name() << ", seed " << seed);
  std::mt19937_64 rng(seed);
  for (const Shape& shape : {Shape{7, 33}, Shape{3, 5, 4, 7}, Shape{2, 1, 1, 1}, Shape{33, 1}}) {
    INFO(shape.to_string());
    const int rows = shape[0], channels = shape[1], inner = int(shape.cols()) / channels;
    const Shape cs{channels};
    const auto x = random_values(shape.size(), rng, -3, 5), dy = random_values(shape.size(), rng);
    const auto gamma = random_values(size_t(channels), rng, 0.5, 2), beta = random_values(size_t(channels), rng);
    const auto rm = random_values(size_t(channels), rng), rv = random_values(size_t(channels), rng, 0.5, 2);
    const double momentum = 0.9, eps = 1e-3;
    Tensor X = tensor(*backend, shape, x), Y(*backend, shape), G = tensor(*backend, cs, gamma),
           B = tensor(*backend, cs, beta), RM = tensor(*backend, cs, rm), RV = tensor(*backend, cs, rv),
           mean(*backend, cs), inv_std(*backend, cs);
    backend->batch_norm_train(X, G, B, momentum, eps, RM, RV, mean, inv_std, Y);
    const auto want = naive::batch_norm_train(x, rows, channels, inner, gamma, beta, momentum, eps, rm, rv);
    CHECK(error(Y.read_double(), want.y) <= tolerance(*backend));
    CHECK(error(mean.read_double(), want.mean) <= tolerance(*backend));
    CHECK(error(inv_std.read_double(), want.inv_std) <= tolerance(*backend));
    CHECK(error(RM.read_double(), want.running_mean) <= tolerance(*backend));
    CHECK(error(RV.read_double(), want.running_var) <= tolerance(*backend));

    // Inference with the running statistics is the affine map gamma (x - mean) / sqrt(var + eps) + beta.
    backend->batch_norm_inference(X, G, B, RM, RV, eps, Y);
    std::vector<double> want_y(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      const size_t c = (i / size_t(inner)) % size_t(channels);
      want_y[i] = gamma[c] * (x[i] - want.running_mean[c]) / std::sqrt(want.running_var[c] + eps) + beta[c];
    }
    CHECK(error(Y.read_double(), want_y) <= tolerance(*backend));

    // The backward pass against central differences of L = sum(dy * y(x)) through the naive forward pass.
    Tensor DY = tensor(*backend, shape, dy), DX(*backend, shape), DG(*backend, cs), DB(*backend, cs);
    backend->batch_norm_backward(X, G, mean, inv_std, DY, DX, DG, DB);
    auto objective = [&](const std::vector<double>& xs, const std::vector<double>& gs) {
      const auto y = naive::batch_norm_train(xs, rows, channels, inner, gs, beta, momentum, eps, rm, rv).y;
      double s = 0;
      for (size_t i = 0; i < y.size(); ++i) s += dy[i] * y[i];
      return s;
    };
    const double h = 1e-5;
    std::vector<double> want_dx(x.size()), want_dg(gamma.size()), want_db(size_t(channels), 0.0);
    for (size_t i = 0; i < x.size(); ++i) {
      auto up = x, down = x;
      up[i] += h;
      down[i] -= h;
      want_dx[i] = (objective(up, gamma) - objective(down, gamma)) / (2 * h);
      want_db[(i / size_t(inner)) % size_t(channels)] += dy[i];
    }
    for (size_t c = 0; c < gamma.size(); ++c) {
      auto up = gamma, down = gamma;
      up[c] += h;
      down[c] -= h;
      want_dg[c] = (objective(x, up) - objective(x, down)) / (2 * h);
    }
    // Central differences carry about 1e-9 of rounding error, so f64 is held to 1e-7 here.
    const double tol = std::max(tolerance(*backend), 1e-7);
    CHECK(error(DX.read_double(), want_dx) <= tol);
    CHECK(error(DG.read_double(), want_dg) <= tol);
    CHECK(error(DB.read_double(), want_db) <= tolerance(*backend));
  }
}

TEST_CASE("cpu ops: axpby and multiply, aliased or not", "[nn][ops]") {
  auto backend = make_cpu_backend(GENERATE(false, true));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO(backend->name() << ", seed " << seed);
  std::mt19937_64 rng(seed);
  for (const Shape& shape : {Shape{1}, Shape{7, 33}, Shape{3, 5, 2, 7}}) {
    INFO(shape.to_string());
    const auto x = random_values(shape.size(), rng), y = random_values(shape.size(), rng);
    std::vector<double> want_axpby(x.size()), want_mul(x.size());
    for (size_t i = 0; i < x.size(); ++i) {
      want_axpby[i] = 0.75 * x[i] - 1.5 * y[i];
      want_mul[i] = x[i] * y[i];
    }
    Tensor X = tensor(*backend, shape, x), Y = tensor(*backend, shape, y), Z(*backend, shape);
    backend->axpby(0.75, X, -1.5, Y, Z);
    CHECK(error(Z.read_double(), want_axpby) <= tolerance(*backend));
    backend->multiply(X, Y, Z);
    CHECK(error(Z.read_double(), want_mul) <= tolerance(*backend));
    backend->axpby(0.75, X, -1.5, Y, Y);  // z aliasing y
    CHECK(error(Y.read_double(), want_axpby) <= tolerance(*backend));
    Y.write(std::span<const double>(y));
    backend->multiply(X, Y, X);  // z aliasing x
    CHECK(error(X.read_double(), want_mul) <= tolerance(*backend));
  }
}

TEST_CASE("cpu ops: dropout masks drop about `rate`, scale the rest, and depend only on the key", "[nn][ops]") {
  auto backend = make_cpu_backend(GENERATE(false, true));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO(backend->name() << ", seed " << seed);
  std::mt19937_64 rng(seed);
  const size_t n = 20000;
  for (double rate : {0.0, 0.1, 0.5, 0.9}) {
    INFO("rate " << rate);
    const uint32_t key = uint32_t(rng());
    Tensor a(*backend, {int(n)}), b(*backend, {int(n)}), c(*backend, {int(n)});
    backend->dropout_mask(key, rate, a);
    backend->dropout_mask(key, rate, b);
    backend->dropout_mask(key + 1, rate, c);
    const auto ma = a.read_double(), mb = b.read_double(), mc = c.read_double();
    CHECK(ma == mb);
    size_t dropped = 0, differ = 0;
    for (size_t i = 0; i < n; ++i) {
      const bool zero = ma[i] == 0.0;
      dropped += zero;
      differ += ma[i] != mc[i];
      if (!zero) REQUIRE(std::abs(ma[i] - 1 / (1 - rate)) <= 1e-6 * (1 / (1 - rate)));
      // Element i is dropped exactly when its counter-based draw falls below the rate.
      REQUIRE(zero == (double(vkrl::nn::counter_uniform(key, uint32_t(i))) < rate));
    }
    // Binomial standard deviation is at most 0.0036 of n; 5 of them bound the fraction.
    CHECK(std::abs(double(dropped) / n - rate) <= 0.018);
    if (rate > 0) CHECK(differ > n * rate * (1 - rate));  // another key gives another mask
  }
  Tensor m(*backend, {4});
  CHECK_THROWS_WITH(backend->dropout_mask(1, 1.0, m), Catch::StartsWith("dropout_mask: rate must be in [0, 1)"));
}

TEST_CASE("cpu ops: softmax backward, binary cross-entropy, Huber", "[nn][ops]") {
  auto backend = make_cpu_backend(GENERATE(false, true));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO(backend->name() << ", seed " << seed);
  std::mt19937_64 rng(seed);
  for (const Shape& shape : {Shape{1, 1}, Shape{7, 33}, Shape{33, 7}}) {
    INFO(shape.to_string());
    const int rows = shape[0], cols = int(shape.cols());
    // Softmax backward: dx = y (dy - <dy, y>) per row, y a softmax output.
    auto y = random_values(shape.size(), rng, 0.1, 1);
    for (int r = 0; r < rows; ++r) {
      double s = 0;
      for (int c = 0; c < cols; ++c) s += y[size_t(r * cols + c)];
      for (int c = 0; c < cols; ++c) y[size_t(r * cols + c)] /= s;
    }
    const auto dy = random_values(shape.size(), rng);
    std::vector<double> want_dx(shape.size());
    for (int r = 0; r < rows; ++r) {
      double dot = 0;
      for (int c = 0; c < cols; ++c) dot += dy[size_t(r * cols + c)] * y[size_t(r * cols + c)];
      for (int c = 0; c < cols; ++c) {
        const size_t i = size_t(r * cols + c);
        want_dx[i] = y[i] * (dy[i] - dot);
      }
    }
    Tensor Y = tensor(*backend, shape, y), DY = tensor(*backend, shape, dy), DX(*backend, shape);
    backend->softmax_backward(Y, DY, DX);
    CHECK(error(DX.read_double(), want_dx) <= tolerance(*backend));

    // Binary cross-entropy from logits, by the textbook formula with the sigmoid (logits kept moderate).
    const auto z = random_values(shape.size(), rng, -6, 6), t = random_values(shape.size(), rng, 0, 1);
    double want_loss = 0;
    std::vector<double> want_dz(shape.size());
    for (size_t i = 0; i < z.size(); ++i) {
      const double s = 1 / (1 + std::exp(-z[i]));
      want_loss -= (t[i] * std::log(s) + (1 - t[i]) * std::log(1 - s)) / double(z.size());
      want_dz[i] = (s - t[i]) / double(z.size());
    }
    Tensor Z = tensor(*backend, shape, z), Tt = tensor(*backend, shape, t), loss(*backend, {1}), DZ(*backend, shape);
    backend->binary_cross_entropy(Z, Tt, loss, DZ);
    CHECK(error(loss.read_double(), {want_loss}) <= tolerance(*backend));
    CHECK(error(DZ.read_double(), want_dz) <= tolerance(*backend));

    // Huber with delta 1.5 on residuals in [-4, 4], both branches taken.
    const auto p = random_values(shape.size(), rng, -2, 2), q = random_values(shape.size(), rng, -2, 2);
    const double delta = 1.5;
    want_loss = 0;
    std::vector<double> want_dp(shape.size());
    for (size_t i = 0; i < p.size(); ++i) {
      const double r = p[i] - q[i];
      want_loss += (std::abs(r) <= delta ? r * r / 2 : delta * (std::abs(r) - delta / 2)) / double(p.size());
      want_dp[i] = std::clamp(r, -delta, delta) / double(p.size());
    }
    Tensor P = tensor(*backend, shape, p), Q = tensor(*backend, shape, q), DP(*backend, shape);
    backend->huber(P, Q, delta, loss, DP);
    CHECK(error(loss.read_double(), {want_loss}) <= tolerance(*backend));
    CHECK(error(DP.read_double(), want_dp) <= tolerance(*backend));
  }
}

TEST_CASE("cpu ops: weight penalty, sum of squares and clipping by global norm", "[nn][ops]") {
  auto backend = make_cpu_backend(GENERATE(false, true));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO(backend->name() << ", seed " << seed);
  std::mt19937_64 rng(seed);
  for (const Shape& shape : {Shape{1}, Shape{7, 33}, Shape{3, 5, 2, 7}}) {
    INFO(shape.to_string());
    const auto w = random_values(shape.size(), rng), g = random_values(shape.size(), rng);
    const double l1 = 0.03, l2 = 0.2, loss0 = 0.7;
    double want_loss = loss0, want_sq = 0;
    std::vector<double> want_g(g.size());
    for (size_t i = 0; i < w.size(); ++i) {
      want_loss += l1 * std::abs(w[i]) + l2 * w[i] * w[i];
      want_g[i] = g[i] + l1 * (w[i] > 0 ? 1 : -1) + 2 * l2 * w[i];
      want_sq += g[i] * g[i];
    }
    Tensor W = tensor(*backend, shape, w), G = tensor(*backend, shape, g), loss = tensor(*backend, {1}, {loss0});
    Tensor sq = tensor(*backend, {1}, {3.0});
    backend->sum_squares(G, 0.5, sq);
    CHECK(error(sq.read_double(), {1.5 + want_sq}) <= tolerance(*backend));
    backend->weight_penalty(l1, l2, W, G, loss);
    CHECK(error(loss.read_double(), {want_loss}) <= tolerance(*backend));
    CHECK(error(G.read_double(), want_g) <= tolerance(*backend));

    // Clipping scales by max_norm / norm only when the norm is larger.
    const double norm = std::sqrt(want_sq);
    for (double max_norm : {norm / 3, norm * 2}) {
      INFO("max norm " << max_norm << " for norm " << norm);
      Tensor C = tensor(*backend, shape, g), n2 = tensor(*backend, {1}, {want_sq});
      backend->clip_by_norm(n2, max_norm, C);
      std::vector<double> want_c = g;
      for (auto& v : want_c) v *= std::min(1.0, max_norm / norm);
      CHECK(error(C.read_double(), want_c) <= tolerance(*backend));
    }
  }
}
