// The course's MNIST classifiers (REFERENCE.md section 9.3) trained on Fashion-MNIST, shared by fashion-mlp,
// fashion-cnn and fashion-cnn-bn-l2: each experiment describes its net as a model spec built from its flags; this
// trains it Keras-style (validation split, early stopping restoring the best weights), measures the test set, and
// writes metrics.csv, learning-curves.png (loss and accuracy, training and validation), confusion.png, results.json
// (test_accuracy, test_loss, seconds) and summary.md beside the course's MNIST numbers and Fashion-MNIST's published
// baselines.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "experiments/experiment.h"

namespace vkrl::apps {

struct FashionNet {
  std::string title;            // "the course's CNN", for the summary
  nlohmann::json spec;          // a model spec (model_spec.h) with input [784] or [1, 28, 28]
  std::string course_model;     // the course's net in words
  std::string course_accuracy;  // its MNIST test accuracy and loss as the course printed them
  std::string course_loss;
  std::string defaults_note;    // where the defaults leave the course's net, and why
};

// The flags every Fashion-MNIST experiment takes (training, data), with the net's own flags before them; the
// training defaults that differ between the nets are given.
struct FashionTrainingDefaults {
  std::string optimizer = "adam", lr = "0", epochs = "30", patience = "2";
};
std::vector<ExperimentFlag> fashion_flags(std::vector<ExperimentFlag> net_flags,
                                          const FashionTrainingDefaults& defaults);

void run_fashion_classifier(const ExperimentOptions& options, RunDir& run, const FashionNet& net);

}  // namespace vkrl::apps
