// Training and reporting the course's MNIST nets on Fashion-MNIST.
#include "experiments/fashion_classifier.h"

#include <fmt/format.h>

#include <chrono>

#include "experiments/fashion_mnist_data.h"
#include "media/png.h"
#include "plot/heat_map.h"
#include "plot/line_chart.h"
#include "vkrl/nn/model_spec.h"
#include "vkrl/nn/trainer.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

// Two figures next to each other on one image, tops aligned.
envs::Frame side_by_side(const envs::Frame& left, const envs::Frame& right) {
  envs::Frame both(left.width() + right.width(), std::max(left.height(), right.height()), {255, 255, 255});
  for (int y = 0; y < left.height(); ++y)
    for (int x = 0; x < left.width(); ++x) both.set(x, y, left.at(x, y));
  for (int y = 0; y < right.height(); ++y)
    for (int x = 0; x < right.width(); ++x) both.set(left.width() + x, y, right.at(x, y));
  return both;
}

envs::Frame learning_curves(const std::string& name, const std::vector<nn::EpochMetrics>& history) {
  plot::Series loss{.name = "training"}, val_loss{.name = "validation"};
  plot::Series accuracy{.name = "training"}, val_accuracy{.name = "validation"};
  for (const auto& e : history) {
    loss.x.push_back(e.epoch), loss.y.push_back(e.loss);
    accuracy.x.push_back(e.epoch), accuracy.y.push_back(e.accuracy);
    if (e.val_loss) val_loss.x.push_back(e.epoch), val_loss.y.push_back(*e.val_loss);
    if (e.val_accuracy) val_accuracy.x.push_back(e.epoch), val_accuracy.y.push_back(*e.val_accuracy);
  }
  plot::LineChart losses{.title = name + ": loss per epoch", .x_label = "epoch", .y_label = "cross-entropy",
                         .series = {loss, val_loss}};
  plot::LineChart accuracies{.title = name + ": accuracy per epoch", .x_label = "epoch", .y_label = "accuracy",
                             .series = {accuracy, val_accuracy}};
  return side_by_side(plot::draw_line_chart(losses), plot::draw_line_chart(accuracies));
}

// Each true class's row as fractions of that class, so that the diagonal reads as per-class recall.
envs::Frame confusion_map(const std::string& name, const nn::Evaluation& test) {
  plot::HeatMap map{.title = name + ": test confusion (row: true class 0-9, column: predicted; fraction of the row)",
                    .rows = kFashionClasses, .cols = kFashionClasses, .decimals = 2, .cell = 56, .lo = 0, .hi = 1};
  for (int t = 0; t < kFashionClasses; ++t) {
    int64_t row = 0;
    for (int p = 0; p < kFashionClasses; ++p) row += test.at(t, p);
    for (int p = 0; p < kFashionClasses; ++p) map.values.push_back(row ? double(test.at(t, p)) / double(row) : 0.0);
  }
  return plot::draw_heat_map(map);
}

std::string per_class_table(const nn::Evaluation& test) {
  std::string table = "| class | test recall | most often taken for |\n| --- | --- | --- |\n";
  for (int t = 0; t < kFashionClasses; ++t) {
    int64_t row = 0;
    int worst = t == 0 ? 1 : 0;
    for (int p = 0; p < kFashionClasses; ++p) {
      row += test.at(t, p);
      if (p != t && test.at(t, p) > test.at(t, worst)) worst = p;
    }
    table += fmt::format("| {} {} | {:.1f} % | {} ({}) |\n", t, kFashionClassNames[size_t(t)],
                         row ? 100.0 * double(test.at(t, t)) / double(row) : 0.0, kFashionClassNames[size_t(worst)],
                         test.at(t, worst));
  }
  return table;
}

}  // namespace

std::vector<ExperimentFlag> fashion_flags(std::vector<ExperimentFlag> net_flags,
                                          const FashionTrainingDefaults& defaults) {
  std::vector<ExperimentFlag> flags = std::move(net_flags);
  flags.insert(flags.end(),
               {{"optimizer", defaults.optimizer, "sgd, momentum, nesterov, adagrad, adadelta, rmsprop, adam, ..."},
                {"lr", defaults.lr, "learning rate; 0 keeps the optimizer's Keras default"},
                {"batch", "128", "mini-batch size"},
                {"epochs", defaults.epochs, "at most this many epochs"},
                {"patience", defaults.patience, "early stopping: epochs without a better validation loss"},
                {"validation_split", "0.2", "the last fraction of the training images, for validation"},
                {"train_limit", "0", "use only the first N training images (0: all 60,000)"},
                {"test_limit", "0", "use only the first N test images (0: all 10,000)"}});
  return flags;
}

void run_fashion_classifier(const ExperimentOptions& options, RunDir& run, const FashionNet& net) {
  const std::string name = run.path().filename().string();
  auto backend = nn::make_backend(options.device);
  const FashionMnist data = load_fashion_mnist(options.integer("train_limit"), options.integer("test_limit"));
  const nn::data::ImageSet& train = data.train.images;
  const int pixels = train.height * train.width;
  const bool images = net.spec["input"].size() == 3;
  const nn::Shape sample = images ? nn::Shape{1, 1, train.height, train.width} : nn::Shape{};

  const std::string spec = net.spec.dump();
  nn::Model model = nn::model_from_json(spec, name + " model spec");
  const int batch = options.integer("batch");
  model.build(*backend, batch, options.seed);
  fmt::print("{}", model.summary());
  nn::OptimizerOptions optimizer_options = nn::optimizer_options(options.text("optimizer"));
  if (options.number("lr") > 0) optimizer_options.schedule = nn::LearningRateSchedule::constant(options.number("lr"));
  nn::Optimizer optimizer(*backend, optimizer_options);
  nn::Trainer trainer(model.trunk(), *backend, optimizer,
                      {.epochs = options.integer("epochs"), .batch_size = batch, .seed = options.seed,
                       .validation_split = options.number("validation_split"), .patience = options.integer("patience"),
                       .run_dir = run.path(), .model_spec = spec});
  const auto start = std::chrono::steady_clock::now();
  const std::vector<nn::EpochMetrics> history = trainer.fit(
      {.x = train.pixels, .y = data.train.one_hot, .inputs = pixels, .outputs = kFashionClasses, .sample = sample});
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const nn::data::ImageSet& test_images = data.test.images;
  const nn::Evaluation test = trainer.evaluate({.x = test_images.pixels, .y = data.test.one_hot, .inputs = pixels,
                                                .outputs = kFashionClasses, .sample = sample});
  fmt::print("{}: test accuracy {:.2f} %, test loss {:.4f} after {} epochs{} in {:.1f} s\n", name,
             100 * test.accuracy, test.loss, trainer.epochs_done(),
             trainer.stopped_early() ? " (stopped early, best weights restored)" : "", seconds);

  write_png(run.file("learning-curves.png"), learning_curves(name, history));
  write_png(run.file("confusion.png"), confusion_map(name, test));
  run.write_results({{"test_accuracy", test.accuracy}, {"test_loss", test.loss}, {"seconds", seconds},
                     {"epochs", trainer.epochs_done()}});
  std::string flags;
  for (const auto& [k, v] : options.flags) flags += fmt::format("{}{}={}", flags.empty() ? "" : ", ", k, v);
  run.write_text(
      "summary.md",
      fmt::format(
          "# {}: {} on Fashion-MNIST (REFERENCE.md 9.3)\n\n"
          "Net: `{}`\n\nFlags: {}; seed {}; trained on {} images ({} % kept for validation), tested on {}; "
          "{} epochs{}, {:.0f} s on this machine.\n\n{}\n\n"
          "| model | data | test accuracy | test loss |\n| --- | --- | --- | --- |\n"
          "| **this run** | Fashion-MNIST | **{:.2f} %** | {:.4f} |\n"
          "| {} (course, R/Keras) | MNIST | {} | {} |\n"
          "| MLP 256-128-100 (Fashion-MNIST README, scikit-learn) | Fashion-MNIST | 88.33 % | - |\n"
          "| 2 conv + pooling (Fashion-MNIST README, TensorFlow's convnet.py) | Fashion-MNIST | 91.6 % | - |\n"
          "| 2 conv + pooling + batch norm (best 2-conv entry) | Fashion-MNIST | 93.4 % | - |\n"
          "| human (Fashion-MNIST README) | Fashion-MNIST | 83.5 % | - |\n\n"
          "Fashion-MNIST is harder than MNIST: the same nets that reach about 98 % on handwritten digits lose several "
          "points on clothes, mostly between shirts, T-shirts, pullovers and coats (below). The course's numbers are "
          "MNIST's and are there for the shape of the comparison, not as a target on this data.\n\n{}\n"
          "![learning curves](learning-curves.png)\n\n![confusion matrix](confusion.png)\n",
          name, net.title, net.spec.dump(), flags, options.seed, train.count,
          int(100 * options.number("validation_split")), test_images.count, trainer.epochs_done(),
          trainer.stopped_early() ? " (early stopping, best weights restored)" : "", seconds, net.defaults_note,
          100 * test.accuracy, test.loss, net.course_model, net.course_accuracy, net.course_loss,
          per_class_table(test)));
}

}  // namespace vkrl::apps
