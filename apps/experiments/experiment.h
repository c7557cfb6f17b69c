// An experiment reproduces a published result with vkrl: data or an environment, a model or an agent, a training
// loop, and a run directory with metrics, figures and a summary.md that sets the result beside the published one.
// Each experiment is one file under apps/experiments/ and one line in catalog.cpp.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "runs/run_dir.h"

namespace vkrl::apps {

// A setting an experiment declares, with its default: `--set NAME=VALUE` changes it, `--grid NAME=V1,V2` sweeps it.
struct ExperimentFlag {
  std::string name;
  std::string default_value;
  std::string help;
};

// What every experiment is told by the command line: every declared flag has a value (its default unless set).
struct ExperimentOptions {
  uint64_t seed = 0;
  std::string device = "auto";
  std::map<std::string, std::string> flags;

  const std::string& text(const std::string& flag) const;
  double number(const std::string& flag) const;  // vkrl::UsageError naming the flag if it is not a number
  int integer(const std::string& flag) const;
};

struct Experiment {
  std::string name;
  std::string description;
  std::function<void(const ExperimentOptions& options, RunDir& run)> run;
  std::vector<ExperimentFlag> flags = {};
  // The results.json entry that ranks runs of a grid, and whether more is better.
  std::string key_metric = {};
  bool higher_is_better = true;
  // The published result it sets itself beside, in a few words ("course: 98.54 % on MNIST", "Sutton & Barto Fig 6.4").
  std::string reference = {};
};

// Every experiment, sorted by name.
const std::vector<Experiment>& all_experiments();

// The experiments, each in its own file.
void run_sb_gridworld(const ExperimentOptions& options, RunDir& run);
void run_sb_windy(const ExperimentOptions& options, RunDir& run);
void run_sb_cliff(const ExperimentOptions& options, RunDir& run);
void run_blobs2d(const ExperimentOptions& options, RunDir& run);
void run_playground(const ExperimentOptions& options, RunDir& run);
void run_fashion_mlp(const ExperimentOptions& options, RunDir& run);
void run_fashion_cnn(const ExperimentOptions& options, RunDir& run);
void run_fashion_cnn_bn_l2(const ExperimentOptions& options, RunDir& run);
void run_optimizers(const ExperimentOptions& options, RunDir& run);
void run_charlstm(const ExperimentOptions& options, RunDir& run);
void run_autoencoder(const ExperimentOptions& options, RunDir& run);
void run_vae(const ExperimentOptions& options, RunDir& run);
void run_electricity(const ExperimentOptions& options, RunDir& run);

// The flags of the experiments that take some, declared beside their code.
std::vector<ExperimentFlag> playground_flags();
std::vector<ExperimentFlag> fashion_mlp_flags();
std::vector<ExperimentFlag> fashion_cnn_flags();
std::vector<ExperimentFlag> fashion_cnn_bn_l2_flags();
std::vector<ExperimentFlag> optimizers_flags();
std::vector<ExperimentFlag> charlstm_flags();
std::vector<ExperimentFlag> autoencoder_flags();
std::vector<ExperimentFlag> vae_flags();
std::vector<ExperimentFlag> electricity_flags();

}  // namespace vkrl::apps
