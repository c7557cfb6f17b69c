// Trainer fits a Sequential model to host arrays Keras-style: every epoch shuffles the training rows (the previous
// epoch's order, from the seed, so a run repeats bit for bit on the CPU backend) and runs, per mini-batch, forward,
// the loss (softmax or binary cross-entropy from logits, mean squared error, Huber) plus L1/L2 penalties on the
// layers' weights, backward and an Optimizer step. After each epoch it measures the validation set (the last fraction
// of the training arrays, as Keras's validation_split takes it, or an explicit set), calls the callbacks, writes
// metrics.csv into the run directory, saves a checkpoint every N epochs, and stops early when the monitored loss
// (val_loss, or loss without validation) has not improved for `patience` epochs, restoring the best weights. resume()
// continues from a checkpoint with the same results as an uninterrupted run. On a terminal it shows a progress line
// updated in place (samples/s, epoch, loss, ETA); otherwise one line per epoch. evaluate() gives loss, accuracy and a
// confusion matrix; predict() the outputs.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "vkrl/nn/optimizer.h"
#include "vkrl/nn/sequential.h"

namespace vkrl::nn {

class ProgressLine;

enum class LossKind { softmax_cross_entropy, binary_cross_entropy, mean_squared_error, huber };

// `count` rows: x holds count * inputs values, y count * outputs targets (one-hot rows for softmax cross-entropy, 0/1
// for binary cross-entropy). A batch reaches the model as `sample` with its rows set (default [rows, inputs]; an
// image model gives e.g. {1, C, H, W}).
struct Dataset {
  std::span<const float> x, y;
  int inputs = 0, outputs = 0;
  Shape sample;
  size_t count() const;
};

struct TrainerOptions {
  int epochs = 1;
  int batch_size = 32;
  uint64_t seed = 0;  // shuffling
  LossKind loss = LossKind::softmax_cross_entropy;
  double huber_delta = 1.0;
  double l1 = 0, l2 = 0;  // penalties on every layer's "weight" parameter (Keras's kernel_regularizer)
  double validation_split = 0;  // the last fraction of the training rows, when no validation set is given
  int patience = 0;             // > 0: early stopping after this many epochs without improvement
  double min_delta = 0;         // the least decrease that counts as an improvement
  bool restore_best_weights = true;
  std::filesystem::path run_dir;  // metrics.csv is written here when set
  std::filesystem::path checkpoint_dir;
  int checkpoint_every = 0;  // > 0: save to checkpoint_dir after every N epochs
  std::string model_spec;    // stored in checkpoints
  bool quiet = false;        // no progress output
};

struct EpochMetrics {
  int epoch = 0;  // 1-based
  double loss = 0, accuracy = 0;  // accuracy for the cross-entropy losses only
  std::optional<double> val_loss, val_accuracy;
  double learning_rate = 0;  // at the epoch's last update
  double seconds = 0;
};

struct Evaluation {
  double loss = 0, accuracy = 0;
  int classes = 0;                // cross-entropy losses: outputs, or 2 for a single binary output
  std::vector<int64_t> confusion;  // classes x classes, row = true class, column = predicted
  int64_t at(int truth, int predicted) const { return confusion[size_t(truth * classes + predicted)]; }
};

class Trainer {
public:
  Trainer(Sequential& model, Backend& backend, Optimizer& optimizer, TrainerOptions options);
  ~Trainer();

  using Callback = std::function<void(const EpochMetrics&)>;
  void add_callback(Callback callback) { callbacks_.push_back(std::move(callback)); }

  // Trains from the epoch after the last one completed (0, or the resumed checkpoint's) to options.epochs; returns
  // the metrics of the epochs run by this call.
  std::vector<EpochMetrics> fit(const Dataset& train, const Dataset* validation = nullptr);
  Evaluation evaluate(const Dataset& data);
  std::vector<float> predict(std::span<const float> x, int inputs, const Shape& sample = {});

  // Loads the checkpoint in options.checkpoint_dir when there is one; returns the epoch it continues after (0: none).
  int resume();
  void save_checkpoint(const std::filesystem::path& dir);

  int epochs_done() const { return epoch_; }
  bool stopped_early() const { return stopped_; }
  const std::vector<EpochMetrics>& history() const { return history_; }

private:
  struct Batch;
  double run_batch(const Dataset& data, std::span<const size_t> rows, bool train, Evaluation* counts);
  void write_metrics_csv() const;
  std::string state_json() const;
  void restore_state(const std::string& json);
  void end_of_epoch(const EpochMetrics& m);

  Sequential& model_;
  Backend& backend_;
  Optimizer& optimizer_;
  TrainerOptions options_;
  std::vector<Callback> callbacks_;
  std::vector<Tensor> params_, grads_, penalized_params_, penalized_grads_;
  std::unique_ptr<Batch> batch_;
  std::unique_ptr<ProgressLine> progress_;
  std::mt19937_64 shuffle_rng_;
  std::vector<size_t> order_;  // the training rows in the last epoch's order
  std::string resumed_rng_;    // the shuffle state a resumed checkpoint recorded
  int epoch_ = 0;
  bool stopped_ = false;
  std::vector<EpochMetrics> history_;
  // Early stopping: the best monitored loss so far, the epochs since, and host copies of the best weights.
  std::optional<double> best_;
  int wait_ = 0;
  std::vector<std::vector<float>> best_weights_;
};

}  // namespace vkrl::nn
