// Every update rule of Backend::optimizer_step against its published form (backend.h), worked out independently of
// vkrl for three steps from p0 = 1 with gradients 0.5, -1, 2 and lr 0.1. The expected values come from writing each
// form out in double arithmetic; the first step of each is shown by hand. Run on cpu-f64 (to 1e-12) and cpu-f32.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <string>

#include "vkrl/error.h"
#include "vkrl/nn/backend.h"

using namespace vkrl::nn;

namespace {

struct Case {
  std::string name;
  OptimizerRule rule;
  std::array<double, 3> expected;
};

const Case kCases[] = {
    // p = 1 - 0.1 * 0.5 = 0.95, then 0.95 + 0.1 = 1.05, then 1.05 - 0.2 = 0.85.
    {"sgd", {.kind = OptimizerKind::sgd}, {0.95, 1.05, 0.85}},
    // v = 0.5, p = 0.95; v = 0.45 - 1 = -0.55, p = 1.005; v = -0.495 + 2 = 1.505, p = 0.8545.
    {"momentum", {.kind = OptimizerKind::sgd, .momentum = 0.9}, {0.95, 1.005, 0.8545}},
    // v = 0.5, p = 1 - 0.1 (0.5 + 0.45) = 0.905; v = -0.55, p = 0.905 - 0.1 (-1 - 0.495) = 1.0545; v = 1.505,
    // p = 1.0545 - 0.1 (2 + 1.3545) = 0.71905.
    {"nesterov", {.kind = OptimizerKind::sgd, .momentum = 0.9, .nesterov = true}, {0.905, 1.0545, 0.71905}},
    // a = 0.1 + 0.25 = 0.35, p = 1 - 0.1 * 0.5 / (sqrt(0.35) + 1e-7) = 1 - 0.05 / 0.5916081 = 0.9154846.
    {"adagrad",
     {.kind = OptimizerKind::adagrad, .epsilon = 1e-7, .initial_accumulator = 0.1},
     {0.9154845888128602, 1.0015508779878406, 0.9150833414927348}},
    // a = 0.05 * 0.25 = 0.0125, d = sqrt(1e-7) / sqrt(0.0125001) * 0.5 = 0.0014142, p = 1 - 0.1 d = 0.99985858.
    {"adadelta",
     {.kind = OptimizerKind::adadelta, .rho = 0.95, .epsilon = 1e-7},
     {0.9998585792094448, 1.0000383653345826, 0.9998035843044802}},
    // MinAtar's centered form without centring: v = 0.0125, den = sqrt(0.0125) + 0.01 = 0.1218034, p = 1 - 0.1 * 0.5
    // / den = 0.5895024.
    {"rmsprop",
     {.kind = OptimizerKind::rmsprop, .rho = 0.95, .epsilon = 0.01},
     {0.5895024238911716, 0.9759805449379622, 0.5904052743057058}},
    // torch.optim.RMSprop(centered=True, alpha=0.95, eps=0.01): v = 0.0125, c = 0.025, den = sqrt(0.0125 - 0.000625)
    // + 0.01 = 0.1189725, p = 1 - 0.05 / den = 0.5797347.
    {"rmsprop-centered",
     {.kind = OptimizerKind::rmsprop, .centered = true, .rho = 0.95, .epsilon = 0.01},
     {0.5797347193693554, 0.9682986400926923, 0.5785392030333201}},
    // As above with b = 0.5 b + g / den: step 1 equal, then the buffer carries over.
    {"rmsprop-centered-momentum",
     {.kind = OptimizerKind::rmsprop, .momentum = 0.5, .centered = true, .rho = 0.95, .epsilon = 0.01},
     {0.5797347193693554, 0.75816599977737, 0.45762220292200506}},
    // m = 0.05, v = 0.00025, alpha = 0.1 sqrt(0.001) / 0.1 = 0.0316228, p = 1 - alpha 0.05 / (0.0158114 + 1e-7)
    // = 0.9000006.
    {"adam", {.kind = OptimizerKind::adam}, {0.9000006324515321, 0.9366108815953381, 0.894645377681933}},
    // p = 1 - 0.1 * 0.04 * 1 = 0.996 first, then adam's step: 0.996 - 0.0999994 = 0.8960006.
    {"adamw",
     {.kind = OptimizerKind::adamw, .weight_decay = 0.04},
     {0.896000632451532, 0.9290268790655319, 0.8833452676358646}},
    // m = 0.05, u = max(0, 0.5) = 0.5, p = 1 - 0.1 / 0.1 * 0.05 / (0.5 + 1e-7) = 0.90000002.
    {"adamax", {.kind = OptimizerKind::adamax}, {0.900000019999996, 0.9289473855263121, 0.9011798592394116}},
    // mu1 = 0.9 (1 - 0.48) = 0.468, mu2 = 0.9 (1 - 0.5 * 0.9216) = 0.48528, P = 0.468; m = 0.05, v = 0.00025;
    // m_hat = 0.48528 * 0.05 / (1 - 0.468 * 0.48528) + 0.532 * 0.5 / 0.532 = 0.031394 + 0.5 = 0.531394;
    // v_hat = 0.00025 / 0.001 = 0.25; p = 1 - 0.1 * 0.531394 / (0.5 + 1e-7) = 0.893721.
    {"nadam", {.kind = OptimizerKind::nadam}, {0.8937212409248747, 0.9818878037093979, 0.8906616512722275}},
};

std::array<double, 3> run(Backend& backend, const OptimizerRule& rule) {
  Tensor p(backend, {1}), g(backend, {1}), step(backend, {kOptimizerStepValues});
  std::vector<Tensor> state;
  for (int i = 0; i < optimizer_state_count(rule); ++i) {
    state.emplace_back(backend, Shape{1});
    if (rule.kind == OptimizerKind::adagrad) backend.fill(state.back(), rule.initial_accumulator);
  }
  backend.fill(p, 1.0);
  std::array<double, 3> trace{};
  double mu_product = 1;
  const double grads[] = {0.5, -1.0, 2.0};
  for (int t = 1; t <= 3; ++t) {
    mu_product *= rule.beta1 * (1 - 0.5 * std::pow(0.96, t));
    const std::array<double, 3> values = {0.1, double(t), mu_product};
    step.write(std::span<const double>(values));
    backend.fill(g, grads[t - 1]);
    backend.optimizer_step(rule, step, p, g, state);
    trace[size_t(t - 1)] = p.read_double()[0];
  }
  return trace;
}

}  // namespace

TEST_CASE("optimizer rules: three hand-computed steps of every rule", "[nn][optim]") {
  const bool f64 = GENERATE(true, false);
  auto backend = make_cpu_backend(f64);
  for (const Case& c : kCases) {
    INFO(c.name << " on " << backend->name());
    const auto trace = run(*backend, c.rule);
    for (size_t i = 0; i < 3; ++i) CHECK(trace[i] == Approx(c.expected[i]).epsilon(f64 ? 1e-12 : 2e-5));
  }
}

TEST_CASE("optimizer rules: wrong state or step tensors are one-line errors", "[nn][optim]") {
  auto backend = make_cpu_backend(true);
  Tensor p(*backend, {3}), g(*backend, {3}), step(*backend, {kOptimizerStepValues}), short_step(*backend, {2});
  std::vector<Tensor> one = {Tensor(*backend, {3})};
  const OptimizerRule adam{.kind = OptimizerKind::adam};
  CHECK_THROWS_WITH(backend->optimizer_step(adam, step, p, g, one),
                    "optimizer_step: 1 state tensors for a rule that keeps 2");
  std::vector<Tensor> two = {Tensor(*backend, {3}), Tensor(*backend, {3})};
  CHECK_THROWS_WITH(backend->optimizer_step(adam, short_step, p, g, two),
                    "optimizer_step: the step tensor holds 2 values, not 3");
  CHECK(optimizer_state_names({.kind = OptimizerKind::rmsprop, .momentum = 0.9, .centered = true}) ==
        std::vector<std::string>{"mean_square", "mean_grad", "momentum"});
}
