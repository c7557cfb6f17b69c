// fashion-cnn and fashion-cnn-bn-l2: the course's MNIST convolutional net (REFERENCE.md section 9.3: conv 20 filters
// 5x5 ReLU, max pooling 2x2, flatten, dense hidden_units with hidden_activation, 10 logits) trained on Fashion-MNIST,
// and the same net with batch normalisation (epsilon) after the convolution and an L2 penalty on the hidden dense
// layer's weights.
#include "experiments/fashion_classifier.h"

namespace vkrl::apps {

namespace {

constexpr const char* kCnnDefaultsNote =
    "Defaults: the course's net as it was (conv 20 5x5 ReLU, max pooling 2x2, dense 100 sigmoid, dense 10; batch 128). "
    "Trained as the course did (Adam at lr 0.001, early stopping with patience 2) it stops at 90.75 % on Fashion-MNIST "
    "(16 epochs, seed 0), below the 91 % goal, its validation loss turning up while training accuracy reaches 95 %. "
    "Adam at lr 0.0005 with patience 4, for up to 30 epochs, gives 91.16 % (all 30 epochs, seed 0), so those are the "
    "defaults here; a ReLU hidden layer with dropout 0.3 did worse (90.22 %). `--set lr=0 --set patience=2` trains as "
    "the course did.";

std::vector<ExperimentFlag> cnn_flags(bool batch_norm) {
  std::vector<ExperimentFlag> flags = {{"filters", "20", "convolution filters"},
                                       {"kernel", "5", "convolution kernel size"},
                                       {"hidden_units", "100", "units of the hidden dense layer"},
                                       {"hidden_activation", "sigmoid", "relu, sigmoid (the course's), tanh"},
                                       {"dropout", "0", "dropout rate after the hidden layer (the course: none)"}};
  if (batch_norm) {
    flags.push_back({"epsilon", "0.01", "batch normalisation's epsilon"});
    flags.push_back({"l2", "0.01", "L2 penalty on the hidden dense layer's weights (Keras's regularizer_l2)"});
  }
  return fashion_flags(flags, {.lr = "0.0005", .patience = "4"});
}

nlohmann::json cnn_spec(const ExperimentOptions& options, bool batch_norm) {
  nlohmann::json layers = nlohmann::json::array();
  layers.push_back(
      {{"type", "conv2d"}, {"filters", options.integer("filters")}, {"kernel", options.integer("kernel")}});
  if (batch_norm) layers.push_back({{"type", "batchnorm"}, {"epsilon", options.number("epsilon")}});
  layers.push_back({{"type", "relu"}});
  layers.push_back({{"type", "maxpool2d"}, {"pool", 2}});
  layers.push_back({{"type", "flatten"}});
  nlohmann::json hidden = {{"type", "dense"}, {"units", options.integer("hidden_units")},
                           {"activation", options.text("hidden_activation")}};
  if (batch_norm) hidden["l2"] = options.number("l2");
  layers.push_back(hidden);
  if (options.number("dropout") > 0) layers.push_back({{"type", "dropout"}, {"rate", options.number("dropout")}});
  layers.push_back({{"type", "dense"}, {"units", 10}});
  return {{"input", {1, 28, 28}}, {"layers", layers}};
}

}  // namespace

std::vector<ExperimentFlag> fashion_cnn_flags() { return cnn_flags(false); }
std::vector<ExperimentFlag> fashion_cnn_bn_l2_flags() { return cnn_flags(true); }

void run_fashion_cnn(const ExperimentOptions& options, RunDir& run) {
  run_fashion_classifier(options, run,
                         {.title = "the course's convolutional net",
                          .spec = cnn_spec(options, false),
                          .course_model = "CNN: conv 20 5x5 ReLU, maxpool 2x2, dense 100 sigmoid, dense 10",
                          .course_accuracy = "98.54 % (another run 98.6 %)",
                          .course_loss = "0.0441 (0.0448)",
                          .defaults_note = kCnnDefaultsNote});
}

void run_fashion_cnn_bn_l2(const ExperimentOptions& options, RunDir& run) {
  run_fashion_classifier(
      options, run,
      {.title = "the course's convolutional net with batch normalisation and L2",
       .spec = cnn_spec(options, true),
       .course_model = "CNN + batch norm (epsilon 0.01) after the conv + L2 0.01 on the dense layer",
       .course_accuracy = "97.18 %",
       .course_loss = "0.162",
       .defaults_note = "Defaults: the course's net and flags (batch norm epsilon 0.01, L2 0.01, batch 128), trained "
                        "with Adam at lr 0.0005 for up to 30 epochs, early stopping with patience 4 (as fashion-cnn). "
                        "Every loss here includes the L2 penalty, as Keras reports it (hence the course's higher "
                        "0.162)."});
}

}  // namespace vkrl::apps
