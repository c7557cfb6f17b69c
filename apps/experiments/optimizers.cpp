// optimizers: the course's list of update rules (REFERENCE.md section 9.6) compared on one net: a multilayer
// perceptron on a subset of Fashion-MNIST, trained from the same initial weights and the same batches with every
// optimizer vkrl has, each at Keras's default learning rate (or one shared rate). One figure holds the training loss
// curves; summary.md tabulates the final training loss, test loss and test accuracy.
#include <fmt/format.h>

#include <chrono>

#include "experiments/experiment.h"
#include "experiments/fashion_mnist_data.h"
#include "media/png.h"
#include "plot/line_chart.h"
#include "vkrl/nn/model_spec.h"
#include "vkrl/nn/trainer.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

constexpr const char* kOptimizers[] = {"sgd",     "momentum", "nesterov", "adagrad", "adadelta", "rmsprop",
                                       "rmsprop-centered", "adam", "adamw", "adamax", "nadam"};

}  // namespace

std::vector<ExperimentFlag> optimizers_flags() {
  return {{"train_limit", "6000", "training images (the first N of Fashion-MNIST's 60,000)"},
          {"test_limit", "2000", "test images (the first N of 10,000)"},
          {"hidden_units", "64", "units of the hidden ReLU layer"},
          {"batch", "64", "mini-batch size"},
          {"epochs", "20", "passes over the training images"},
          {"lr", "0", "one learning rate for all; 0 keeps each optimizer's Keras default"}};
}

void run_optimizers(const ExperimentOptions& options, RunDir& run) {
  auto backend = nn::make_backend(options.device);
  const FashionMnist data = load_fashion_mnist(options.integer("train_limit"), options.integer("test_limit"));
  const int pixels = data.train.images.height * data.train.images.width;
  const std::string spec =
      nlohmann::json{{"input", {pixels}},
                     {"layers",
                      {{{"type", "dense"}, {"units", options.integer("hidden_units")}, {"activation", "relu"}},
                       {{"type", "dense"}, {"units", kFashionClasses}}}}}
          .dump();
  plot::LineChart chart{.title = "optimizers: training loss per epoch (MLP on a Fashion-MNIST subset)",
                        .x_label = "epoch", .y_label = "cross-entropy", .width = 1000, .height = 600};
  std::string table = "| optimizer | learning rate | final training loss | test loss | test accuracy | seconds |\n"
                      "| --- | --- | --- | --- | --- | --- |\n";
  nlohmann::json results = nlohmann::json::object();
  double best_accuracy = 0;
  for (const char* name : kOptimizers) {
    nn::Model model = nn::model_from_json(spec, "optimizers model spec");
    model.build(*backend, options.integer("batch"), options.seed);  // the same initial weights for every optimizer
    nn::OptimizerOptions rule = nn::optimizer_options(name);
    if (options.number("lr") > 0) rule.schedule = nn::LearningRateSchedule::constant(options.number("lr"));
    nn::Optimizer optimizer(*backend, rule);
    nn::Trainer trainer(model.trunk(), *backend, optimizer,
                        {.epochs = options.integer("epochs"), .batch_size = options.integer("batch"),
                         .seed = options.seed, .quiet = true});
    const auto start = std::chrono::steady_clock::now();
    const auto history = trainer.fit(
        {.x = data.train.images.pixels, .y = data.train.one_hot, .inputs = pixels, .outputs = kFashionClasses});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const nn::Evaluation test = trainer.evaluate(
        {.x = data.test.images.pixels, .y = data.test.one_hot, .inputs = pixels, .outputs = kFashionClasses});
    const double lr = optimizer.learning_rate();
    fmt::print("{:<17} lr {:<6g} final training loss {:.4f}  test loss {:.4f}  test accuracy {:.1f} %  ({:.1f} s)\n",
               name, lr, history.back().loss, test.loss, 100 * test.accuracy, seconds);
    plot::Series series{.name = name};
    for (const auto& e : history) series.x.push_back(e.epoch), series.y.push_back(e.loss);
    chart.series.push_back(series);
    table += fmt::format("| {} | {:g} | {:.4f} | {:.4f} | {:.1f} % | {:.1f} |\n", name, lr, history.back().loss,
                         test.loss, 100 * test.accuracy, seconds);
    results[std::string(name) + "_final_loss"] = history.back().loss;
    results[std::string(name) + "_test_accuracy"] = test.accuracy;
    best_accuracy = std::max(best_accuracy, test.accuracy);
  }
  results["best_test_accuracy"] = best_accuracy;
  write_png(run.file("loss-curves.png"), plot::draw_line_chart(chart));
  run.write_results(results);
  std::string flags;
  for (const auto& [k, v] : options.flags) flags += fmt::format("{}{}={}", flags.empty() ? "" : ", ", k, v);
  run.write_text("summary.md",
                 fmt::format("# optimizers: one net, every update rule (REFERENCE.md 9.6)\n\n"
                             "Net `{}`: softmax cross-entropy on the first {} Fashion-MNIST training images, tested "
                             "on the first {} test images. Every optimizer starts from the same weights and sees the "
                             "same batches. Flags: {}; seed {}.\n\n{}\n"
                             "In the default run (seed 0, 20 epochs) at Keras's default rates: Adagrad and Adadelta "
                             "(lr 0.001; Adadelta's steps also start tiny, its average of past updates starting at "
                             "zero) fall slowly (Adadelta barely), and plain SGD is slow; Nadam, Adam, AdamW and "
                             "RMSProp reach the lowest training loss, momentum and Nesterov close behind and Adamax a "
                             "little slower, while the test losses of the fast ones are close together (a small "
                             "training set overfits). `--set lr=0.01` compares the rules at one shared rate "
                             "instead.\n\n"
                             "![loss curves](loss-curves.png)\n",
                             spec, data.train.images.count, data.test.images.count, flags, options.seed, table));
}

}  // namespace vkrl::apps
