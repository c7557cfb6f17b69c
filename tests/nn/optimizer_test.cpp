// Optimizer: the named rules and their Keras defaults, learning-rate schedules at chosen steps, global-norm clipping,
// and a captured update replayed after each host write giving the same numbers as plain steps.
#include <catch2/catch.hpp>

#include <cmath>

#include "support/vulkan_fixture.h"
#include "vkrl/error.h"
#include "vkrl/nn/optimizer.h"

using namespace vkrl::nn;

TEST_CASE("optimizer: names give Keras defaults, an unknown name lists the valid ones", "[nn][optim]") {
  const auto adam = optimizer_options("adam");
  CHECK(adam.rule.kind == OptimizerKind::adam);
  CHECK(adam.schedule.at(0) == 0.001);
  CHECK(adam.rule.epsilon == 1e-7);
  CHECK(optimizer_options("nesterov").rule.nesterov);
  CHECK(optimizer_options("nesterov").schedule.at(0) == 0.01);
  CHECK(optimizer_options("rmsprop-centered").rule.centered);
  CHECK(optimizer_options("adagrad").rule.initial_accumulator == 0.1);
  CHECK(optimizer_options("adadelta").rule.rho == 0.95);
  CHECK(optimizer_options("adamw").rule.weight_decay == 0.004);
  for (const char* name : {"sgd", "momentum", "nesterov", "adagrad", "adadelta", "rmsprop", "rmsprop-centered", "adam",
                           "adamw", "adamax", "nadam"})
    CHECK(optimizer_name(optimizer_options(name).rule) == name);
  CHECK_THROWS_WITH(optimizer_options("adamm"),
                    "optimizer: unknown name 'adamm' (valid: sgd, momentum, nesterov, adagrad, adadelta, rmsprop, "
                    "rmsprop-centered, adam, adamw, adamax, nadam)");
}

TEST_CASE("schedules: values at chosen steps", "[nn][optim]") {
  using S = LearningRateSchedule;
  CHECK(S::constant(0.1).at(12345) == 0.1);
  // step: 0.1 for steps 0-9, 0.05 for 10-19, 0.025 for 20-29.
  const S step = S::step_decay(0.1, 10, 0.5);
  CHECK(step.at(0) == Approx(0.1));
  CHECK(step.at(9) == Approx(0.1));
  CHECK(step.at(10) == Approx(0.05));
  CHECK(step.at(25) == Approx(0.025));
  // linear 0.1 -> 0.01 over 10: 0.1 - 0.09 * s / 10, then 0.01.
  const S linear = S::linear(0.1, 10, 0.01);
  CHECK(linear.at(0) == Approx(0.1));
  CHECK(linear.at(5) == Approx(0.055));
  CHECK(linear.at(10) == Approx(0.01));
  CHECK(linear.at(20) == Approx(0.01));
  // cosine 0.1 -> floor 0.02 over 4: 0.02 + 0.08 * (1 + cos(pi s / 4)) / 2.
  const S cosine = S::cosine(0.1, 4, 0.02);
  CHECK(cosine.at(0) == Approx(0.1));
  CHECK(cosine.at(1) == Approx(0.02 + 0.04 * (1 + std::sqrt(0.5))));  // 0.0882843
  CHECK(cosine.at(2) == Approx(0.06));
  CHECK(cosine.at(4) == Approx(0.02));
  CHECK(cosine.at(9) == Approx(0.02));
  CHECK_THROWS_WITH(S::linear(0.1, 0, 0.0).at(0), Catch::Contains("needs steps >= 1"));
}

TEST_CASE("optimizer: the schedule drives the learning rate of each step", "[nn][optim]") {
  auto backend = make_cpu_backend(true);
  Optimizer sgd(*backend, {.rule = {.kind = OptimizerKind::sgd}, .schedule = LearningRateSchedule::step_decay(1, 2, 0.5)});
  Tensor p(*backend, {1}), g(*backend, {1});
  backend->fill(g, 1.0);
  std::vector<double> trace;
  for (int i = 0; i < 4; ++i) {
    sgd.step({p}, {g});
    trace.push_back(p.read_double()[0]);
  }
  CHECK(trace == std::vector<double>{-1, -2, -2.5, -3});  // lr 1, 1, 0.5, 0.5
  CHECK(sgd.step_count() == 4);
}

TEST_CASE("optimizer: global-norm clipping", "[nn][optim]") {
  auto backend = make_cpu_backend(true);
  SECTION("3-4-5 by hand: the norm 5 scaled to 1") {
    Optimizer sgd(*backend, {.rule = {}, .schedule = LearningRateSchedule::constant(1), .clip_norm = 1});
    Tensor p1(*backend, {2}), p2(*backend, {1}), g1(*backend, {2}), g2(*backend, {1});
    g1.write(std::vector<double>{3, 0});
    g2.write(std::vector<double>{4});
    sgd.step({p1, p2}, {g1, g2});
    CHECK(p1.read_double()[0] == Approx(-0.6));
    CHECK(p1.read_double()[1] == 0.0);
    CHECK(p2.read_double()[0] == Approx(-0.8));
  }
  SECTION("random gradients: the clipped norm is the limit, the direction kept; below the limit nothing changes") {
    const uint64_t seed = vkrl::test::fresh_seed();
    INFO("seed " << seed);
    std::mt19937_64 rng(seed);
    const auto a = vkrl::test::random_floats(7, rng), b = vkrl::test::random_floats(5, rng);
    double norm = 0;
    for (float v : a) norm += double(v) * v;
    for (float v : b) norm += double(v) * v;
    norm = std::sqrt(norm);
    for (const double limit : {0.5 * norm, 2 * norm}) {
      Optimizer sgd(*backend, {.rule = {}, .schedule = LearningRateSchedule::constant(1), .clip_norm = limit});
      Tensor p1(*backend, {7}), p2(*backend, {5}), g1(*backend, {7}), g2(*backend, {5});
      g1.write(a);
      g2.write(b);
      sgd.step({p1, p2}, {g1, g2});
      const double scale = std::min(1.0, limit / norm);
      const auto q1 = p1.read_double(), q2 = p2.read_double();
      for (size_t i = 0; i < 7; ++i) CHECK(q1[i] == Approx(-scale * a[i]).epsilon(1e-9));
      for (size_t i = 0; i < 5; ++i) CHECK(q2[i] == Approx(-scale * b[i]).epsilon(1e-9));
    }
  }
}

TEST_CASE("optimizer: a captured update replayed after each begin_step equals plain steps", "[nn][optim]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  auto backend = make_cpu_backend(true);
  const auto start = vkrl::test::random_floats(6, rng);
  const OptimizerOptions options = optimizer_options("nadam");
  Optimizer plain(*backend, options), captured(*backend, options);
  Tensor p(*backend, {6}), q(*backend, {6}), g(*backend, {6});
  p.write(start);
  q.write(start);
  captured.ensure_state({q});
  std::unique_ptr<CapturedWork> work;
  for (int i = 0; i < 5; ++i) {
    g.write(vkrl::test::random_floats(6, rng));
    plain.step({p}, {g});
    captured.begin_step();
    if (!work) work = backend->capture([&] { captured.apply({q}, {g}); });
    work->replay();
  }
  CHECK(p.read_double() == q.read_double());
  CHECK(p.read_double() != std::vector<double>(start.begin(), start.end()));
}
