// blobs2d: the course's first neural network (REFERENCE.md section 9.1): five Gaussian clouds, two classes, Dense 64
// ReLU, Dense 64 ReLU, Dense 2 softmax, categorical cross-entropy, SGD lr 0.01 with Nesterov momentum 0.9, 50 epochs
// of batch 32. It prints the loss per epoch beside the course's, and draws each class's probability over the 50x50
// grid on [-10, 10]^2 with the training points on top.
#include <fmt/format.h>

#include <cmath>

#include "experiments/experiment.h"
#include "experiments/probability_map.h"
#include "media/png.h"
#include "plot/line_chart.h"
#include "vkrl/error.h"
#include "vkrl/nn/data/toy2d.h"
#include "vkrl/nn/vulkan_backend.h"
#include "vkrl/nn/layers/activation_layer.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/trainer.h"

namespace vkrl::apps {

namespace {

// The course's printed loss for epochs 1-13 (REFERENCE.md section 9.1, reported for its own random draw).
constexpr double kCourseLoss[] = {0.4670, 0.2924, 0.2487, 0.2237, 0.2048, 0.1916, 0.1790,
                                  0.1679, 0.1577, 0.1531, 0.1436, 0.1316, 0.1305};
constexpr int kGrid = 50;
constexpr double kExtent = 10.0;

}  // namespace

void run_blobs2d(const ExperimentOptions& options, RunDir& run) {
  auto backend = nn::make_backend(options.device);
  const nn::data::Points2D data = nn::data::five_blobs(options.seed);
  std::vector<float> targets(size_t(data.count()) * 2, 0.0f);
  for (int i = 0; i < data.count(); ++i) targets[size_t(2 * i + data.labels[size_t(i)])] = 1.0f;

  nn::Sequential model;
  model.add(std::make_unique<nn::Dense>(64)).add(std::make_unique<nn::ActivationLayer>(nn::Activation::relu));
  model.add(std::make_unique<nn::Dense>(64)).add(std::make_unique<nn::ActivationLayer>(nn::Activation::relu));
  model.add(std::make_unique<nn::Dense>(2));
  model.build(*backend, {32, 2}, options.seed);
  nn::OptimizerOptions nesterov = nn::optimizer_options("nesterov");  // lr 0.01, momentum 0.9
  nn::Optimizer optimizer(*backend, nesterov);
  nn::Trainer trainer(model, *backend, optimizer,
                      {.epochs = 50, .batch_size = 32, .seed = options.seed, .run_dir = run.path(), .quiet = true});
  trainer.add_callback([&](const nn::EpochMetrics& e) {
    const std::string course = e.epoch <= 13 ? fmt::format("   (course {:.4f})", kCourseLoss[e.epoch - 1]) : "";
    fmt::print("epoch {:>2}/50  loss {:.4f}  accuracy {:.3f}{}\n", e.epoch, e.loss, e.accuracy, course);
  });
  const std::vector<nn::EpochMetrics> history =
      trainer.fit({.x = data.xy, .y = targets, .inputs = 2, .outputs = 2});

  // Training accuracy of the trained model (the epochs' figures average over a model that changes within the epoch).
  const std::vector<float> train_logits = trainer.predict(data.xy, 2);
  int correct = 0;
  for (int i = 0; i < data.count(); ++i)
    correct += (train_logits[size_t(2 * i + 1)] > train_logits[size_t(2 * i)]) == (data.labels[size_t(i)] == 1);
  const double train_accuracy = double(correct) / data.count();
  fmt::print("training accuracy of the trained model: {:.1f} % ({} of {})\n", 100 * train_accuracy, correct,
             data.count());

  // Class probabilities over the grid.
  const ProbabilityGrid grid{.size = kGrid, .extent = kExtent};
  const std::vector<float> logits = trainer.predict(grid.points(), 2);
  for (int cls : {0, 1}) {
    std::vector<double> probability;
    for (int i = 0; i < kGrid * kGrid; ++i) {
      const double p1 = 1.0 / (1.0 + std::exp(logits[size_t(2 * i)] - logits[size_t(2 * i + 1)]));
      probability.push_back(cls ? p1 : 1.0 - p1);
    }
    write_png(run.file(fmt::format("probability-class{}.png", cls)),
              grid.draw(fmt::format("P(class {}) over [-10, 10]^2 (points: red class 1, blue class 0)", cls),
                        probability, data));
  }
  plot::LineChart chart{.title = "blobs2d: training loss per epoch", .x_label = "epoch", .y_label = "loss"};
  plot::Series ours{.name = "vkrl"}, course{.name = "course (epochs 1-13)"};
  for (const auto& e : history) ours.x.push_back(e.epoch), ours.y.push_back(e.loss);
  for (int e = 0; e < 13; ++e) course.x.push_back(e + 1), course.y.push_back(kCourseLoss[e]);
  chart.series = {ours, course};
  write_png(run.file("loss.png"), plot::draw_line_chart(chart));

  const auto& last = history.back();
  run.write_results({{"final_loss", last.loss}, {"training_accuracy", train_accuracy},
                     {"epoch1_loss", history[0].loss}, {"epoch13_loss", history[12].loss}});
  run.write_text("summary.md",
                 fmt::format("# blobs2d: the course's 2D classifier (REFERENCE.md 9.1)\n\n"
                             "Dense 64 ReLU, Dense 64 ReLU, Dense 2 softmax; cross-entropy; SGD lr 0.01, Nesterov "
                             "momentum 0.9; 50 epochs of batch 32; {} backend; seed {}.\n\n"
                             "| | vkrl | course |\n| --- | --- | --- |\n"
                             "| loss after epoch 1 | {:.4f} | 0.4670 |\n| loss after epoch 13 | {:.4f} | 0.1305 |\n"
                             "| loss after epoch 50 | {:.4f} | not printed |\n"
                             "| training accuracy of the trained model | {:.1f} % | (goal: at least 97 %) |\n\n"
                             "The course's numbers come from its own random draw of the clouds and weights, so they "
                             "are a shape to follow, not a value to hit.\n\n"
                             "![loss](loss.png) ![P(class 1)](probability-class1.png) "
                             "![P(class 0)](probability-class0.png)\n",
                             backend->name(), options.seed, history[0].loss, history[12].loss, last.loss,
                             100 * train_accuracy));
  if (train_accuracy < 0.97) fmt::print("note: training accuracy is below the course's 97 %\n");
}

}  // namespace vkrl::apps
