// The CPU backend's ops in float against naive double-precision references, on fresh random inputs at sizes 1, 7
// and 33, and its shape errors.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "host_tensors.h"
#include "support/vulkan_fixture.h"
#include "vkrl/error.h"
#include "vkrl/nn/backend.h"

using namespace vkrl::nn;
using vkrl::test::random_values;
using vkrl::test::tensor;

namespace {

// max |got - want| over max(1, max |want|).
double error(const std::vector<float>& got, const std::vector<double>& want) {
  double worst = 0, scale = 1;
  for (double w : want) scale = std::max(scale, std::abs(w));
  for (size_t i = 0; i < got.size(); ++i) worst = std::max(worst, std::abs(double(got[i]) - want[i]));
  return worst / scale;
}

}  // namespace

TEST_CASE("cpu backend: gemm with every transpose and beta", "[nn][ops]") {
  auto backend = make_cpu_backend();
  std::mt19937_64 rng(vkrl::test::fresh_seed());
  for (int m : {1, 7, 33})
    for (int k : {1, 7, 33})
      for (int n : {1, 33})
        for (bool ta : {false, true})
          for (bool tb : {false, true}) {
            INFO(m << "x" << k << "x" << n << " trans " << ta << tb);
            const auto a = random_values(size_t(m * k), rng), b = random_values(size_t(k * n), rng);
            const auto c = random_values(size_t(m * n), rng);
            Tensor A = tensor(*backend, ta ? Shape{k, m} : Shape{m, k}, a);
            Tensor B = tensor(*backend, tb ? Shape{n, k} : Shape{k, n}, b);
            Tensor C = tensor(*backend, {m, n}, c);
            backend->gemm(ta, tb, 0.5, A, B, -2.0, C);
            std::vector<double> want(size_t(m * n));
            for (int i = 0; i < m; ++i)
              for (int j = 0; j < n; ++j) {
                double s = 0;
                for (int p = 0; p < k; ++p)
                  s += (ta ? a[size_t(p * m + i)] : a[size_t(i * k + p)]) * (tb ? b[size_t(j * k + p)] : b[size_t(p * n + j)]);
                want[size_t(i * n + j)] = 0.5 * s - 2.0 * c[size_t(i * n + j)];
              }
            REQUIRE(error(C.read(), want) <= 1e-5);
          }
  Tensor A(*backend, {2, 3}), B(*backend, {2, 4}), C(*backend, {2, 4});
  CHECK_THROWS_WITH(backend->gemm(false, false, 1, A, B, 0, C), Catch::StartsWith("gemm: op(A) 2x3, op(B) 2x4"));
}

TEST_CASE("cpu backend: bias over channels, dense and NCHW", "[nn][ops]") {
  auto backend = make_cpu_backend();
  std::mt19937_64 rng(vkrl::test::fresh_seed());
  for (const Shape& shape : {Shape{7, 33}, Shape{3, 7, 2, 5}, Shape{1, 1}}) {
    INFO(shape.to_string());
    const int channels = shape[1];
    const size_t inner = shape.cols() / size_t(channels);
    const auto y = random_values(shape.size(), rng), b = random_values(size_t(channels), rng);
    const auto g = random_values(shape.size(), rng), db = random_values(size_t(channels), rng);
    Tensor Y = tensor(*backend, shape, y), Bias = tensor(*backend, {channels}, b);
    Tensor G = tensor(*backend, shape, g), DB = tensor(*backend, {channels}, db);
    backend->add_bias(Y, Bias);
    backend->bias_gradient(G, 1.0, DB);
    std::vector<double> want_y = y, want_db = db;
    for (size_t i = 0; i < y.size(); ++i) {
      const size_t c = (i / inner) % size_t(channels);
      want_y[i] += b[c];
      want_db[c] += g[i];
    }
    CHECK(error(Y.read(), want_y) <= 1e-6);
    CHECK(error(DB.read(), want_db) <= 1e-5);
  }
}

TEST_CASE("cpu backend: activations and their derivatives", "[nn][ops]") {
  auto backend = make_cpu_backend();
  std::mt19937_64 rng(vkrl::test::fresh_seed());
  const double slope = 0.1;
  for (Activation f : {Activation::identity, Activation::relu, Activation::leaky_relu, Activation::sigmoid,
                       Activation::tanh}) {
    INFO(to_string(f));
    const auto x = random_values(33, rng), g = random_values(33, rng);
    Tensor X = tensor(*backend, {33}, x), Y(*backend, {33}), G = tensor(*backend, {33}, g), D(*backend, {33});
    backend->activation(f, slope, X, Y);
    backend->activation_backward(f, slope, Y, G, D);
    std::vector<double> want_y(33), want_d(33);
    for (size_t i = 0; i < 33; ++i) {
      double y = x[i], d = 1;
      if (f == Activation::relu) y = std::max(x[i], 0.0), d = x[i] > 0;
      if (f == Activation::leaky_relu) y = x[i] > 0 ? x[i] : slope * x[i], d = x[i] > 0 ? 1 : slope;
      if (f == Activation::sigmoid) y = 1 / (1 + std::exp(-x[i])), d = y * (1 - y);
      if (f == Activation::tanh) y = std::tanh(x[i]), d = 1 - y * y;
      want_y[i] = y;
      want_d[i] = d * g[i];
    }
    CHECK(error(Y.read(), want_y) <= 1e-6);
    CHECK(error(D.read(), want_d) <= 1e-6);
  }
}

TEST_CASE("cpu backend: softmax, cross-entropy from logits and MSE", "[nn][ops]") {
  auto backend = make_cpu_backend();
  std::mt19937_64 rng(vkrl::test::fresh_seed());
  for (int rows : {1, 7}) {
    const int cols = 33;
    auto z = random_values(size_t(rows * cols), rng, -30, 30);  // large logits: the max-shift must keep it finite
    std::vector<double> t(z.size(), 0.0);
    for (int r = 0; r < rows; ++r) t[size_t(r * cols + r % cols)] = 1.0;
    Tensor Z = tensor(*backend, {rows, cols}, z), T = tensor(*backend, {rows, cols}, t);
    Tensor P(*backend, {rows, cols}), L(*backend, {1}), D(*backend, {rows, cols});
    backend->softmax(Z, P);
    backend->softmax_cross_entropy(Z, T, L, D);
    std::vector<double> p(z.size()), d(z.size());
    double loss = 0;
    for (int r = 0; r < rows; ++r) {
      double max = -1e300, sum = 0;
      for (int c = 0; c < cols; ++c) max = std::max(max, z[size_t(r * cols + c)]);
      for (int c = 0; c < cols; ++c) sum += std::exp(z[size_t(r * cols + c)] - max);
      for (int c = 0; c < cols; ++c) {
        const size_t i = size_t(r * cols + c);
        p[i] = std::exp(z[i] - max) / sum;
        d[i] = (p[i] - t[i]) / rows;
        loss -= t[i] * std::log(p[i]) / rows;
      }
    }
    CHECK(error(P.read(), p) <= 1e-6);
    CHECK(error(D.read(), d) <= 1e-6);
    CHECK(L.read()[0] == Approx(loss).epsilon(1e-5));
  }
  const auto p = random_values(33, rng), t = random_values(33, rng);
  Tensor Pt = tensor(*backend, {33}, p), Tt = tensor(*backend, {33}, t), L(*backend, {1}), D(*backend, {33});
  backend->mean_squared_error(Pt, Tt, L, D);
  double mse = 0;
  std::vector<double> d(33);
  for (size_t i = 0; i < 33; ++i) mse += (p[i] - t[i]) * (p[i] - t[i]) / 33, d[i] = 2 * (p[i] - t[i]) / 33;
  CHECK(L.read()[0] == Approx(mse).epsilon(1e-5));
  CHECK(error(D.read(), d) <= 1e-6);
}

TEST_CASE("tensor: views share storage; sizes and backends are checked", "[nn][ops]") {
  auto backend = make_cpu_backend(), other = make_cpu_backend(true);
  Tensor t(*backend, {4, 3});
  const std::vector<float> v = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  t.write(std::span<const float>(v));
  CHECK(t.rows(1, 2).read() == std::vector<float>{3, 4, 5, 6, 7, 8});
  Tensor flat = t.reshaped({12});
  backend->fill(flat, 2.0);
  CHECK(t.read() == std::vector<float>(12, 2.0f));
  CHECK_THROWS_WITH(t.reshaped({5, 2}), "cannot reshape [4, 3] to [5, 2]: sizes differ");
  CHECK_THROWS_WITH(t.rows(3, 2), Catch::Contains("rows [3, 5) of a tensor [4, 3]"));
  CHECK_THROWS_WITH(t.write(std::span<const float>(v.data(), 5)), "write: 5 values for a tensor [4, 3]");
  Tensor foreign(*other, {4, 3});
  CHECK_THROWS_WITH(backend->copy(foreign, t), "a tensor of backend cpu-f64 given to cpu-f32");
  CHECK_THROWS_AS(Shape({1, 2, 3, 4, 5}), vkrl::Error);
}

TEST_CASE("cpu backend: run_independent runs two groups at once and gives the results of running them in turn",
          "[nn][ops]") {
  auto backend = make_cpu_backend();
  std::mt19937_64 rng(vkrl::test::fresh_seed());
  // Two products, each with its own operands and output.
  const Shape a_shape{33, 129}, b_shape{129, 65};
  std::vector<Tensor> a, b, together, in_turn;
  for (int g = 0; g < 2; ++g) {
    a.push_back(tensor(*backend, a_shape, random_values(a_shape.size(), rng)));
    b.push_back(tensor(*backend, b_shape, random_values(b_shape.size(), rng)));
    together.emplace_back(*backend, Shape{33, 65});
    in_turn.emplace_back(*backend, Shape{33, 65});
  }
  auto product = [&](int g, std::vector<Tensor>& out) {
    return [&, g] { backend->gemm(false, false, 1.0, a[size_t(g)], b[size_t(g)], 0.0, out[size_t(g)]); };
  };
  for (int repeat = 0; repeat < 20; ++repeat) backend->run_independent(product(0, together), product(1, together));
  product(0, in_turn)();
  product(1, in_turn)();
  for (int g = 0; g < 2; ++g) CHECK(together[size_t(g)].read() == in_turn[size_t(g)].read());  // bit for bit

  if (std::thread::hardware_concurrency() < 2) return;  // one core: the groups run in turn
  // Each group waits until the other has started: both see the other only if the two run at the same time.
  std::atomic<int> started = 0;
  bool met[2] = {false, false};
  auto meet = [&](int g) {
    return [&, g] {
      ++started;
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (started < 2 && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
      met[g] = started == 2;
    };
  };
  backend->run_independent(meet(0), meet(1));
  CHECK(met[0]);
  CHECK(met[1]);
}
