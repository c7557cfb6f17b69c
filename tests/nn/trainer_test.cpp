// Trainer: a short fit learns a separable problem and repeats bit for bit with the same seed on the CPU backend (and
// differs with another); the validation split takes the last rows; early stopping stops and restores the best
// weights; evaluate's confusion matrix counts by hand-made logits; metrics.csv; one-line errors for arrays that do
// not match.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "scratch_dir.h"
#include "support/vulkan_fixture.h"
#include "vkrl/error.h"
#include "vkrl/nn/data/toy2d.h"
#include "vkrl/nn/layers/activation_layer.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/trainer.h"

using namespace vkrl::nn;

namespace {

struct Problem {
  data::Points2D points = data::two_blobs(200, 7);
  std::vector<float> targets = std::vector<float>(400, 0.0f);
  Problem() {
    for (int i = 0; i < 200; ++i) targets[size_t(2 * i + points.labels[size_t(i)])] = 1.0f;
  }
  Dataset dataset() const { return {.x = points.xy, .y = targets, .inputs = 2, .outputs = 2}; }
};

void build_small(Sequential& model, Backend& backend, uint64_t seed) {
  model.add(std::make_unique<Dense>(8)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  model.add(std::make_unique<Dense>(2));
  model.build(backend, {16, 2}, seed);
}

struct Run {
  std::vector<EpochMetrics> history;
  std::vector<float> predictions;
};

Run train(uint64_t seed, TrainerOptions options = {.epochs = 8, .batch_size = 16}) {
  auto backend = make_cpu_backend();
  const Problem problem;
  Sequential model;
  build_small(model, *backend, seed);
  Optimizer optimizer(*backend, {.rule = {.momentum = 0.9}, .schedule = LearningRateSchedule::constant(0.05)});
  options.seed = seed;
  options.quiet = true;
  Trainer trainer(model, *backend, optimizer, options);
  Run run;
  run.history = trainer.fit(problem.dataset());
  run.predictions = trainer.predict(problem.points.xy, 2);
  return run;
}

}  // namespace

TEST_CASE("trainer: learns two blobs, and repeats bit for bit with the same seed", "[nn][trainer]") {
  const Run a = train(3), b = train(3), c = train(4);
  REQUIRE(a.history.size() == 8);
  CHECK(a.history.back().loss < 0.5 * a.history.front().loss);
  CHECK(a.history.back().accuracy > 0.95);
  for (size_t e = 0; e < 8; ++e) {
    REQUIRE(a.history[e].loss == b.history[e].loss);  // exactly, not approximately
    REQUIRE(a.history[e].accuracy == b.history[e].accuracy);
  }
  CHECK(a.predictions == b.predictions);
  CHECK(a.predictions.size() == 400);
  CHECK(a.history.back().loss != c.history.back().loss);
}

TEST_CASE("trainer: the validation split is the last rows, unshuffled", "[nn][trainer]") {
  auto backend = make_cpu_backend();
  const Problem problem;
  Sequential model;
  build_small(model, *backend, 5);
  Optimizer optimizer(*backend, optimizer_options("adam"));
  Trainer trainer(model, *backend, optimizer, {.epochs = 2, .batch_size = 16, .validation_split = 0.25, .quiet = true});
  const auto history = trainer.fit(problem.dataset());
  REQUIRE(history.size() == 2);
  REQUIRE(history.back().val_loss.has_value());
  // The same numbers from evaluate() on rows 150-199 of the arrays.
  const Dataset last = {.x = std::span<const float>(problem.points.xy).subspan(300),
                        .y = std::span<const float>(problem.targets).subspan(300), .inputs = 2, .outputs = 2};
  const Evaluation e = trainer.evaluate(last);
  CHECK(e.loss == *history.back().val_loss);
  CHECK(e.accuracy == *history.back().val_accuracy);
}

TEST_CASE("trainer: early stopping stops after `patience` epochs without improvement and restores the best",
          "[nn][trainer]") {
  auto backend = make_cpu_backend();
  const Problem problem;
  // Validation on the same points with the labels swapped: the better the fit, the worse val_loss, so the best
  // epoch is the first.
  std::vector<float> swapped = problem.targets;
  for (size_t i = 0; i < swapped.size(); i += 2) std::swap(swapped[i], swapped[i + 1]);
  const Dataset validation = {.x = problem.points.xy, .y = swapped, .inputs = 2, .outputs = 2};
  Sequential model;
  build_small(model, *backend, 9);
  Optimizer optimizer(*backend, {.rule = {.momentum = 0.9}, .schedule = LearningRateSchedule::constant(0.05)});
  Trainer trainer(model, *backend, optimizer, {.epochs = 40, .batch_size = 16, .patience = 2, .quiet = true});
  const auto history = trainer.fit(problem.dataset(), &validation);
  REQUIRE(trainer.stopped_early());
  REQUIRE(history.size() == 3);  // the best epoch, then two without improvement
  CHECK(*history[2].val_loss > *history[0].val_loss);
  // The restored weights are epoch 1's: evaluating them gives its val_loss exactly.
  CHECK(trainer.evaluate(validation).loss == *history[0].val_loss);
}

TEST_CASE("trainer: evaluate counts a confusion matrix", "[nn][trainer]") {
  auto backend = make_cpu_backend();
  Sequential model;  // no layers: the logits are the inputs
  model.build(*backend, {4, 3}, 0);
  Optimizer optimizer(*backend, optimizer_options("sgd"));
  Trainer trainer(model, *backend, optimizer, {.batch_size = 2, .quiet = true});
  // Predicted classes 0, 2, 2, 1, 0; true classes 0, 2, 1, 1, 2.
  const std::vector<float> logits = {5, 1, 0, 0, 1, 5, 0, 1, 2, 0, 3, 1, 4, 0, 0};
  const std::vector<float> truth = {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1};
  const Evaluation e = trainer.evaluate({.x = logits, .y = truth, .inputs = 3, .outputs = 3});
  CHECK(e.classes == 3);
  CHECK(e.confusion == std::vector<int64_t>{1, 0, 0, 0, 1, 1, 1, 0, 1});
  CHECK(e.accuracy == Approx(0.6));
}

TEST_CASE("trainer: metrics.csv holds one row per epoch", "[nn][trainer]") {
  const auto dir = scratch_dir("trainer-metrics");
  const Run run = train(3, {.epochs = 3, .batch_size = 16, .run_dir = dir});
  std::ifstream in(dir / "metrics.csv");
  std::string header, line;
  std::getline(in, header);
  CHECK(header == "epoch,loss,accuracy,learning_rate,seconds");
  int rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    CHECK(line.starts_with(std::to_string(rows) + ","));
  }
  CHECK(rows == 3);
}

TEST_CASE("trainer: arrays that do not match are one-line errors", "[nn][trainer]") {
  auto backend = make_cpu_backend();
  Sequential model;
  model.add(std::make_unique<Dense>(2));
  model.build(*backend, {4, 3}, 0);
  Optimizer optimizer(*backend, optimizer_options("sgd"));
  Trainer trainer(model, *backend, optimizer, {.quiet = true});
  const std::vector<float> x(10), y(6);
  CHECK_THROWS_WITH(trainer.fit({.x = x, .y = y, .inputs = 3, .outputs = 2}), "data: 10 input values are not rows of 3");
  const std::vector<float> x9(9), y5(5);
  CHECK_THROWS_WITH(trainer.fit({.x = x9, .y = y5, .inputs = 3, .outputs = 2}), "data: 5 targets for 3 rows of 2");
  const std::vector<float> x8(8);
  CHECK_THROWS_WITH(trainer.predict(x8, 4), Catch::Contains("Dense: input [2, 4] for weights [3, 2]"));
  CHECK_THROWS_WITH(Trainer(model, *backend, optimizer, {.validation_split = 1}),
                    "trainer: validation_split must be in [0, 1)");
}

TEST_CASE("trainer: regression with mean squared error and Huber fits a line", "[nn][trainer]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  const auto x = vkrl::test::random_floats(64, rng);
  std::vector<float> y;
  for (float v : x) y.push_back(3 * v - 1);
  for (const LossKind loss : {LossKind::mean_squared_error, LossKind::huber}) {
    auto backend = make_cpu_backend();
    Sequential model;
    model.add(std::make_unique<Dense>(1));
    model.build(*backend, {8, 1}, seed);
    Optimizer optimizer(*backend, {.rule = {.momentum = 0.9}, .schedule = LearningRateSchedule::constant(0.05)});
    Trainer trainer(model, *backend, optimizer, {.epochs = 60, .batch_size = 8, .seed = seed, .loss = loss, .quiet = true});
    const auto history = trainer.fit({.x = x, .y = y, .inputs = 1, .outputs = 1});
    CHECK(history.back().loss < 1e-3 * history.front().loss);
    const auto at_two = trainer.predict(std::vector<float>{2.0f}, 1);
    CHECK(at_two[0] == Approx(5.0).margin(0.01));
  }
}

TEST_CASE("trainer: binary cross-entropy on one output, with a 2x2 confusion matrix", "[nn][trainer]") {
  auto backend = make_cpu_backend();
  const Problem problem;
  std::vector<float> labels;
  for (int label : problem.points.labels) labels.push_back(float(label));
  Sequential model;
  model.add(std::make_unique<Dense>(8)).add(std::make_unique<ActivationLayer>(Activation::tanh));
  model.add(std::make_unique<Dense>(1));
  model.build(*backend, {16, 2}, 2);
  Optimizer optimizer(*backend, optimizer_options("adam"));
  Trainer trainer(model, *backend, optimizer,
                  {.epochs = 20, .batch_size = 16, .loss = LossKind::binary_cross_entropy, .quiet = true});
  const Dataset data = {.x = problem.points.xy, .y = labels, .inputs = 2, .outputs = 1};
  trainer.fit(data);
  const Evaluation e = trainer.evaluate(data);
  REQUIRE(e.classes == 2);
  CHECK(e.at(0, 0) + e.at(0, 1) + e.at(1, 0) + e.at(1, 1) == 200);
  CHECK(e.accuracy == Approx(double(e.at(0, 0) + e.at(1, 1)) / 200));
  CHECK(e.accuracy > 0.95);
}

TEST_CASE("trainer: L1 and L2 penalties on the weights join the loss", "[nn][trainer]") {
  auto backend = make_cpu_backend(true);
  const Problem problem;
  Sequential model;
  build_small(model, *backend, 4);
  Optimizer optimizer(*backend, optimizer_options("sgd"));
  Trainer plain(model, *backend, optimizer, {.quiet = true});
  Trainer penalized(model, *backend, optimizer, {.l1 = 0.01, .l2 = 0.1, .quiet = true});
  double penalty = 0;
  for (const auto& [name, t] : model.named_tensors())
    if (name.ends_with(".weight"))
      for (double w : t.read_double()) penalty += 0.01 * std::abs(w) + 0.1 * w * w;
  const double difference = penalized.evaluate(problem.dataset()).loss - plain.evaluate(problem.dataset()).loss;
  CHECK(difference == Approx(penalty).epsilon(1e-9));
}
