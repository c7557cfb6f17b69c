// The value-based RL ops against hand computations (Double-DQN and plain targets, the TD loss with importance
// weights) and the dueling head's backward pass against central differences in double precision.
#include <catch2/catch.hpp>

#include <random>

#include "host_tensors.h"
#include "support/vulkan_fixture.h"
#include "vkrl/error.h"
#include "vkrl/nn/backend.h"

using namespace vkrl::nn;
using vkrl::test::tensor;

TEST_CASE("q_targets: plain DQN takes the target net's max, Double DQN the target's value at the online argmax",
          "[nn][rl]") {
  auto b = make_cpu_backend(true);
  // Two next states, three actions.
  const Tensor target_q = tensor(*b, {2, 3}, {1.0, 5.0, 2.0, /**/ -1.0, -3.0, 4.0});
  const Tensor online_q = tensor(*b, {2, 3}, {9.0, 0.0, 0.0, /**/ 0.0, 7.0, 7.0});  // argmax 0, and 1 (first of a tie)
  const Tensor rewards = tensor(*b, {2}, {1.0, -1.0});
  const Tensor discounts = tensor(*b, {2}, {0.9, 0.0});  // the second episode terminated
  Tensor y(*b, {2});
  b->q_targets(target_q, target_q, rewards, discounts, y);
  CHECK(y.read_double() == std::vector<double>{1.0 + 0.9 * 5.0, -1.0});
  const Tensor continuing = tensor(*b, {2}, {0.9, 0.81});
  b->q_targets(target_q, online_q, rewards, continuing, y);
  // Row 0: online argmax is action 0 -> target value 1.0; row 1: online tie 1/2 -> first, action 1 -> -3.0.
  CHECK(y.read_double()[0] == Approx(1.0 + 0.9 * 1.0));
  CHECK(y.read_double()[1] == Approx(-1.0 + 0.81 * -3.0));
}

TEST_CASE("td_loss: Huber and squared error on the taken actions, weighted, with |TD| per row", "[nn][rl]") {
  auto b = make_cpu_backend(true);
  const Tensor q = tensor(*b, {3, 2}, {0.5, 2.0, /**/ -1.0, 3.0, /**/ 4.0, 0.0});
  const Tensor actions = tensor(*b, {3}, {1, 0, 0});
  const Tensor targets = tensor(*b, {3}, {1.5, 2.0, 0.0});  // residuals 0.5, -3.0, 4.0
  const Tensor weights = tensor(*b, {3}, {1.0, 0.5, 2.0});
  Tensor loss(*b, {1}), dq(*b, {3, 2}), td(*b, {3});
  b->td_loss(q, actions, targets, weights, 1.0, loss, dq, td);
  // Huber(0.5) = 0.125; Huber(-3) = 2.5; Huber(4) = 3.5. Weighted mean: (0.125 + 1.25 + 7) / 3.
  CHECK(loss.read_double()[0] == Approx((0.125 + 0.5 * 2.5 + 2.0 * 3.5) / 3));
  CHECK(dq.read_double() == std::vector<double>{0, 0.5 / 3, 0.5 * -1.0 / 3, 0, 2.0 * 1.0 / 3, 0});
  CHECK(td.read_double() == std::vector<double>{0.5, 3.0, 4.0});
  b->td_loss(q, actions, targets, weights, 0.0, loss, dq, td);  // squared error
  CHECK(loss.read_double()[0] == Approx((0.25 + 0.5 * 9 + 2.0 * 16) / 3));
  CHECK(dq.read_double()[4] == Approx(2.0 * 2 * 4.0 / 3));
  const Tensor bad = tensor(*b, {3}, {1, 2, 0});
  CHECK_THROWS_AS(b->td_loss(q, bad, targets, weights, 1.0, loss, dq, td), vkrl::Error);
}

TEST_CASE("dueling: q = v + a - mean(a), and its backward pass matches central differences", "[nn][rl]") {
  auto b = make_cpu_backend(true);
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-2, 2);
  const int rows = 5, actions = 7;
  std::vector<double> v(rows), a(rows * actions), w(rows * actions);
  for (auto* vec : {&v, &a, &w})
    for (auto& x : *vec) x = u(rng);
  Tensor value = tensor(*b, {rows, 1}, v), adv = tensor(*b, {rows, actions}, a), q(*b, {rows, actions});
  b->dueling(value, adv, q);
  const auto qs = q.read_double();
  for (int r = 0; r < rows; ++r) {
    double mean = 0;
    for (int c = 0; c < actions; ++c) mean += a[size_t(r * actions + c)] / actions;
    for (int c = 0; c < actions; ++c)
      CHECK(qs[size_t(r * actions + c)] == Approx(v[size_t(r)] + a[size_t(r * actions + c)] - mean));
  }
  // L = sum w * q: dq = w; the backward pass against central differences of L in v and a.
  const Tensor dq = tensor(*b, {rows, actions}, w);
  Tensor dv(*b, {rows, 1}), da(*b, {rows, actions});
  b->dueling_backward(dq, dv, da);
  auto objective = [&] {
    b->dueling(value, adv, q);
    double sum = 0;
    const auto out = q.read_double();
    for (size_t i = 0; i < out.size(); ++i) sum += w[i] * out[i];
    return sum;
  };
  auto numeric = [&](Tensor& t, std::vector<double>& values, size_t i) {
    const double h = 1e-6, saved = values[i];
    values[i] = saved + h;
    t.write(std::span<const double>(values));
    const double up = objective();
    values[i] = saved - h;
    t.write(std::span<const double>(values));
    const double down = objective();
    values[i] = saved;
    t.write(std::span<const double>(values));
    return (up - down) / (2 * h);
  };
  const auto dvs = dv.read_double(), das = da.read_double();
  for (size_t i = 0; i < v.size(); ++i) CHECK(dvs[i] == Approx(numeric(value, v, i)).margin(1e-8));
  for (size_t i = 0; i < a.size(); ++i) CHECK(das[i] == Approx(numeric(adv, a, i)).margin(1e-8));
}
