// Finite-difference gradient checks in double precision on the CPU backend: for every layer, activation and loss,
// the analytic gradient of the loss with respect to each parameter and to the input matches the central difference
// (L(p + h) - L(p - h)) / 2h.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <random>

#include "support/vulkan_fixture.h"
#include "vkrl/nn/backend.h"
#include "vkrl/nn/layers/activation_layer.h"
#include "vkrl/nn/layers/batch_norm.h"
#include "vkrl/nn/layers/conv1d.h"
#include "vkrl/nn/layers/conv2d.h"
#include "vkrl/nn/layers/conv_transpose2d.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/layers/dropout.h"
#include "vkrl/nn/layers/embedding.h"
#include "vkrl/nn/layers/gru.h"
#include "vkrl/nn/layers/lstm.h"
#include "vkrl/nn/layers/pool2d.h"
#include "vkrl/nn/layers/reshape.h"
#include "vkrl/nn/layers/residual.h"
#include "vkrl/nn/layers/simple_rnn.h"
#include "vkrl/nn/layers/softmax_layer.h"
#include "vkrl/nn/model.h"
#include "vkrl/nn/sequential.h"

using namespace vkrl::nn;

namespace {

enum class LossKind { cross_entropy, mse, binary_cross_entropy, huber };

const char* loss_name(LossKind kind) {
  switch (kind) {
    case LossKind::cross_entropy: return "cross-entropy";
    case LossKind::mse: return "mse";
    case LossKind::binary_cross_entropy: return "binary cross-entropy";
    case LossKind::huber: return "huber";
  }
  return "";
}

void apply_loss(Backend& b, LossKind kind, const Tensor& y, const Tensor& target, Tensor& loss, Tensor& dloss) {
  switch (kind) {
    case LossKind::cross_entropy: b.softmax_cross_entropy(y, target, loss, dloss); break;
    case LossKind::mse: b.mean_squared_error(y, target, loss, dloss); break;
    case LossKind::binary_cross_entropy: b.binary_cross_entropy(y, target, loss, dloss); break;
    case LossKind::huber: b.huber(y, target, 0.5, loss, dloss); break;
  }
}

// The bound on check_tensor's error. The central difference's rounding error is about 1e-16 |L| / h = 1e-10 |L|, which
// for losses of a few units reaches 1e-6 of the 1e-3 floor below; a wrong gradient is off by far more.
constexpr double kTolerance = 1e-5;

// The largest |analytic - numeric| / max(1e-3, |analytic| + |numeric|) over every element of `t`, with `evaluate`
// running the forward pass and the loss. The floor keeps tiny gradients, where the central difference's rounding
// error (about 1e-10 here) dominates, from reading as large relative errors; above it the check is relative.
double check_tensor(Tensor t, const std::vector<double>& analytic, const std::function<double()>& evaluate) {
  const double h = 1e-6;
  std::vector<double> values = t.read_double();
  double worst = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    const double saved = values[i];
    values[i] = saved + h;
    t.write(std::span<const double>(values));
    const double up = evaluate();
    values[i] = saved - h;
    t.write(std::span<const double>(values));
    const double down = evaluate();
    values[i] = saved;
    t.write(std::span<const double>(values));
    const double numeric = (up - down) / (2 * h);
    worst = std::max(worst, std::abs(analytic[i] - numeric) / std::max(1e-3, std::abs(analytic[i]) + std::abs(numeric)));
  }
  return worst;
}

std::vector<double> uniform(size_t n, std::mt19937_64& rng, double lo, double hi) {
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<double> v(n);
  for (auto& x : v) x = u(rng);
  return v;
}

// Targets that suit the loss: one-hot rows for cross-entropy, probabilities for binary cross-entropy, any numbers
// for the regression losses.
std::vector<double> targets_for(LossKind kind, const Shape& shape, std::mt19937_64& rng) {
  if (kind == LossKind::binary_cross_entropy) return uniform(shape.size(), rng, 0, 1);
  if (kind != LossKind::cross_entropy) return uniform(shape.size(), rng, -1.5, 1.5);
  std::vector<double> t(shape.size(), 0.0);
  for (int r = 0; r < shape.rows(); ++r) t[size_t(r) * shape.cols() + size_t(r) % shape.cols()] = 1.0;
  return t;
}

struct CheckOptions {
  LossKind loss = LossKind::mse;
  double l1 = 0, l2 = 0;                   // weight penalties on every parameter
  std::function<void()> before_forward;  // e.g. rewinding a dropout layer's mask counter
  std::vector<double> indices;           // the input, when it holds an Embedding's indices (which have no gradient)
};

// Builds `model` for `input` (batch included) with random parameters and input, and checks the gradient of the loss
// (plus the penalties) with respect to every parameter and to the input.
void check_model(Sequential& model, const Shape& input, const CheckOptions& options = {}) {
  auto backend = make_cpu_backend(true);
  const Shape output = model.build(*backend, input, 42);
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed << ", loss " << loss_name(options.loss) << ", l1 " << options.l1 << ", l2 " << options.l2);
  std::mt19937_64 rng(seed);
  // Random parameters, biases included: zero biases can put a pre-activation exactly on ReLU's kink (a row whose
  // inputs are all inactive), where the derivative is undefined and no difference quotient agrees with it.
  for (auto& param : model.params()) {
    const auto values = uniform(param.size(), rng, -0.75, 0.75);
    param.write(std::span<const double>(values));
  }
  Tensor x(*backend, input), target(*backend, output), loss(*backend, {1}), dloss(*backend, output);
  x.write(std::span<const double>(options.indices.empty() ? uniform(input.size(), rng, -1.5, 1.5) : options.indices));
  target.write(std::span<const double>(targets_for(options.loss, output, rng)));
  const auto params = model.params();
  std::vector<Tensor> scratch_grads;
  for (const auto& p : params) scratch_grads.emplace_back(*backend, p.shape());

  // The loss plus the penalties, whose gradients go to `penalty_grads`.
  auto evaluate_into = [&](std::vector<Tensor>& penalty_grads) {
    if (options.before_forward) options.before_forward();
    apply_loss(*backend, options.loss, model.forward(x, true), target, loss, dloss);
    for (size_t i = 0; i < params.size(); ++i)
      backend->weight_penalty(options.l1, options.l2, params[i], penalty_grads[i], loss);
    return loss.read_double()[0];
  };
  auto evaluate = [&] { return evaluate_into(scratch_grads); };
  // The analytic gradients: the backward pass writes grads(), then the penalties add to them.
  std::vector<Tensor> grads = model.grads();
  evaluate_into(scratch_grads);
  const std::vector<double> dx = model.backward(dloss).read_double();
  for (size_t i = 0; i < params.size(); ++i) backend->weight_penalty(options.l1, options.l2, params[i], grads[i], loss);
  REQUIRE(!params.empty());
  std::vector<std::vector<double>> analytic;
  for (const auto& g : grads) analytic.push_back(g.read_double());

  for (size_t p = 0; p < params.size(); ++p) {
    INFO("parameter " << p << " " << params[p].shape().to_string());
    CHECK(check_tensor(params[p], analytic[p], evaluate) < kTolerance);
  }
  if (options.indices.empty()) CHECK(check_tensor(x, dx, evaluate) < kTolerance);
}

}  // namespace

TEST_CASE("gradcheck: Dense stacks with every activation and both losses", "[nn][gradcheck]") {
  const auto f = GENERATE(Activation::identity, Activation::relu, Activation::leaky_relu, Activation::sigmoid,
                          Activation::tanh);
  const auto kind = GENERATE(LossKind::cross_entropy, LossKind::mse);
  INFO(to_string(f));
  Sequential model;
  model.add(std::make_unique<Dense>(5)).add(std::make_unique<ActivationLayer>(f, 0.1));
  model.add(std::make_unique<Dense>(4)).add(std::make_unique<ActivationLayer>(f, 0.1)).add(std::make_unique<Dense>(3));
  check_model(model, {7, 6}, {kind});
}

TEST_CASE("gradcheck: every loss and the weight penalties", "[nn][gradcheck]") {
  const auto kind = GENERATE(LossKind::cross_entropy, LossKind::mse, LossKind::binary_cross_entropy, LossKind::huber);
  const auto [l1, l2] = GENERATE(std::pair{0.0, 0.0}, std::pair{0.05, 0.0}, std::pair{0.0, 0.3}, std::pair{0.02, 0.1});
  Sequential model;
  model.add(std::make_unique<Dense>(5)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  model.add(std::make_unique<Dense>(4));
  check_model(model, {7, 3}, {kind, l1, l2});
}

TEST_CASE("gradcheck: Conv2D over strides, padding, dilation, with and without bias", "[nn][gradcheck]") {
  Conv2dOptions o;
  SECTION("3x3, valid") {}
  SECTION("3x2, stride 2x1, padding 1, no bias") {
    o.kernel_w = 2;
    o.stride_h = 2;
    o.padding = 1;
    o.bias = false;
  }
  SECTION("3x3 same, dilation 2") {
    o.same_padding = true;
    o.dilation_h = o.dilation_w = 2;
  }
  Sequential model;
  model.add(std::make_unique<Conv2D>(4, o)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  model.add(Reshape::flatten()).add(std::make_unique<Dense>(3));
  check_model(model, {2, 3, 6, 5}, {LossKind::cross_entropy});
}

TEST_CASE("gradcheck: Conv1D over strides, padding, dilation, with and without bias", "[nn][gradcheck]") {
  Conv1dOptions o;
  SECTION("kernel 3, valid") {}
  SECTION("kernel 2, stride 2, padding 1, no bias") {
    o.kernel = 2;
    o.stride = 2;
    o.padding = 1;
    o.bias = false;
  }
  SECTION("kernel 3 same, dilation 2") {
    o.same_padding = true;
    o.dilation = 2;
  }
  Sequential model;
  model.add(std::make_unique<Conv1D>(4, o)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  model.add(Reshape::flatten()).add(std::make_unique<Dense>(3));
  check_model(model, {2, 3, 9}, {LossKind::cross_entropy});
}

TEST_CASE("gradcheck: ConvTranspose2D with stride 2, padding and output padding", "[nn][gradcheck]") {
  ConvTranspose2dOptions o;
  SECTION("3x3, stride 2, padding 1, output padding 1") {
    o.stride_h = o.stride_w = 2;
    o.padding_h = o.padding_w = 1;
    o.output_padding_h = o.output_padding_w = 1;
  }
  SECTION("2x3, stride 1x2, dilation 2x1, no bias") {
    o.kernel_h = 2;
    o.stride_w = 2;
    o.dilation_h = 2;
    o.output_padding_w = 1;
    o.bias = false;
  }
  Sequential model;
  model.add(std::make_unique<ConvTranspose2D>(2, o)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  model.add(Reshape::flatten()).add(std::make_unique<Dense>(3));
  check_model(model, {2, 3, 3, 4}, {LossKind::mse});
}

TEST_CASE("gradcheck: Embedding with repeated indices", "[nn][gradcheck]") {
  // Index 2 appears four times and 5 never: the gradient of a row sums over its uses, and an unused row's is zero.
  const std::vector<double> indices{2, 0, 2, 1, 3, 2, 4, 0, 1, 2, 3, 3};
  Sequential model;
  model.add(std::make_unique<Embedding>(6, 4)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  model.add(Reshape::flatten()).add(std::make_unique<Dense>(3));
  check_model(model, {3, 4}, {LossKind::mse, 0, 0, {}, indices});
}

TEST_CASE("gradcheck: max and average pooling, Reshape", "[nn][gradcheck]") {
  const auto kind = GENERATE(PoolKind::max, PoolKind::average);
  Pool2dOptions o;
  SECTION("2x2") {}
  SECTION("3x3 same, stride 2") {
    o.pool_h = o.pool_w = 3;
    o.stride_h = o.stride_w = 2;
    o.same_padding = true;
  }
  // Random inputs have no ties, so the maximum of every window is unique and a small step does not move it.
  Sequential model;
  model.add(std::make_unique<Conv2D>(3, Conv2dOptions{.kernel_h = 2, .kernel_w = 2}));
  model.add(std::make_unique<Pool2D>(kind, o)).add(std::make_unique<Reshape>(std::vector<int>{3, 4}));
  model.add(Reshape::flatten()).add(std::make_unique<Dense>(2));
  check_model(model, {2, 2, 5, 5}, {LossKind::mse});
}

TEST_CASE("gradcheck: Softmax as a layer", "[nn][gradcheck]") {
  Sequential model;
  model.add(std::make_unique<Dense>(5)).add(std::make_unique<SoftmaxLayer>());
  check_model(model, {7, 4}, {LossKind::mse});
}

TEST_CASE("gradcheck: Dropout with its mask held fixed", "[nn][gradcheck]") {
  Sequential model;
  model.add(std::make_unique<Dense>(6)).add(std::make_unique<Dropout>(0.4)).add(std::make_unique<Dense>(3));
  auto& dropout = static_cast<Dropout&>(*model.layers()[1]);
  check_model(model, {7, 4}, {LossKind::mse, 0, 0, [&] { dropout.set_calls(0); }});
}

TEST_CASE("gradcheck: BatchNorm in training mode, per feature and per image channel", "[nn][gradcheck]") {
  SECTION("[N, C]") {
    Sequential model;
    model.add(std::make_unique<Dense>(5)).add(std::make_unique<BatchNorm>()).add(std::make_unique<Dense>(3));
    check_model(model, {7, 4}, {LossKind::mse});
  }
  SECTION("NCHW") {
    Sequential model;
    model.add(std::make_unique<Conv2D>(3, Conv2dOptions{.kernel_h = 2, .kernel_w = 2}));
    model.add(std::make_unique<BatchNorm>(0.9, 1e-3)).add(std::make_unique<ActivationLayer>(Activation::tanh));
    model.add(Reshape::flatten()).add(std::make_unique<Dense>(2));
    check_model(model, {3, 2, 4, 5}, {LossKind::mse});
  }
}

TEST_CASE("gradcheck: Residual around Dense and tanh, and around Conv2D", "[nn][gradcheck]") {
  SECTION("dense") {
    Sequential inner;
    inner.add(std::make_unique<Dense>(5)).add(std::make_unique<ActivationLayer>(Activation::tanh));
    Sequential model;
    model.add(std::make_unique<Dense>(5)).add(std::make_unique<Residual>(std::move(inner)));
    model.add(std::make_unique<Dense>(3));
    check_model(model, {7, 4}, {LossKind::cross_entropy});
  }
  SECTION("conv2d") {
    Sequential inner;
    inner.add(std::make_unique<Conv2D>(2, Conv2dOptions{.same_padding = true}));
    Sequential model;
    model.add(std::make_unique<Residual>(std::move(inner))).add(Reshape::flatten()).add(std::make_unique<Dense>(3));
    check_model(model, {2, 2, 4, 5}, {LossKind::mse});
  }
}

TEST_CASE("gradcheck: a Model's heads add their gradients into the trunk", "[nn][gradcheck]") {
  auto backend = make_cpu_backend(true);
  Sequential trunk, value, advantage;
  trunk.add(std::make_unique<Dense>(5)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  value.add(std::make_unique<Dense>(1));
  advantage.add(std::make_unique<Dense>(3));
  std::vector<std::pair<std::string, Sequential>> heads;
  heads.emplace_back("value", std::move(value));
  heads.emplace_back("advantage", std::move(advantage));
  Model model({4}, std::move(trunk), std::move(heads));
  model.build(*backend, 6, 7);
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  for (auto& p : model.params()) p.write(std::span<const double>(uniform(p.size(), rng, -0.75, 0.75)));
  Tensor x(*backend, {6, 4}), tv(*backend, {6, 1}), ta(*backend, {6, 3}), loss(*backend, {1});
  x.write(std::span<const double>(uniform(x.size(), rng, -1.5, 1.5)));
  tv.write(std::span<const double>(uniform(tv.size(), rng, -1, 1)));
  ta.write(std::span<const double>(uniform(ta.size(), rng, -1, 1)));
  std::vector<Tensor> dloss{Tensor(*backend, {6, 1}), Tensor(*backend, {6, 3})};
  // L = mse(value) + huber(advantage).
  auto evaluate = [&] {
    const auto& out = model.forward(x, true);
    backend->mean_squared_error(out[0], tv, loss, dloss[0]);
    const double first = loss.read_double()[0];
    backend->huber(out[1], ta, 0.5, loss, dloss[1]);
    return first + loss.read_double()[0];
  };
  evaluate();
  const auto dx = model.backward(dloss).read_double();
  const auto params = model.params(), grads = model.grads();
  REQUIRE(params.size() == 6);
  for (size_t p = 0; p < params.size(); ++p) {
    INFO("parameter " << p);
    CHECK(check_tensor(params[p], grads[p].read_double(), evaluate) < kTolerance);
  }
  CHECK(check_tensor(x, dx, evaluate) < kTolerance);
}

// Recurrent layers over [N, T, F] sequences: with return_sequences the loss covers every step's output, so the
// gradient flows back through time from each step; without, a Dense head reads the last state only.
TEST_CASE("gradcheck: LSTM over 6 steps, with and without peepholes, every step's output or the last", "[nn][gradcheck]") {
  const bool peephole = GENERATE(false, true);
  const bool sequences = GENERATE(true, false);
  INFO("peephole " << peephole << ", return_sequences " << sequences);
  Sequential model;
  model.add(std::make_unique<LSTM>(5, sequences, peephole));
  if (!sequences) model.add(std::make_unique<Dense>(3));
  check_model(model, {3, 6, 4}, {LossKind::mse});
}

TEST_CASE("gradcheck: two stacked LSTMs", "[nn][gradcheck]") {
  const bool peephole = GENERATE(false, true);
  Sequential model;
  model.add(std::make_unique<LSTM>(4, true, peephole)).add(std::make_unique<LSTM>(3, false, peephole));
  model.add(std::make_unique<Dense>(2));
  check_model(model, {2, 5, 3}, {LossKind::cross_entropy});
}

TEST_CASE("gradcheck: GRU and SimpleRNN, every step's output or the last, stacked", "[nn][gradcheck]") {
  const bool sequences = GENERATE(true, false);
  INFO("return_sequences " << sequences);
  Sequential model;
  SECTION("GRU") { model.add(std::make_unique<GRU>(4, true)).add(std::make_unique<GRU>(5, sequences)); }
  SECTION("SimpleRNN") {
    model.add(std::make_unique<SimpleRNN>(4, true)).add(std::make_unique<SimpleRNN>(5, sequences));
  }
  check_model(model, {3, 6, 3}, {LossKind::mse});
}
