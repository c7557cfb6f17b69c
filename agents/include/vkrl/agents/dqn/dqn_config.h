// DqnConfig is every setting of a DQN run, with named presets: `minatar` is the MinAtar paper's DQN (Young and Tian
// 2019; REFERENCE.md section 3: batch 32, replay 100k, start 5k, one update per frame, target every 1k updates, epsilon
// 1.0 -> 0.1 over 100k frames, gamma 0.99, centered RMSProp lr 2.5e-4 alpha 0.95 eps 0.01, Huber loss), and
// `rainbow-lite` adds Double DQN, a dueling head, prioritized replay and 3-step returns. Settings are changed by a
// TOML file (flat `key = value` lines) or `key=value` strings from the command line; an unknown key or preset is a
// vkrl::Error naming where it came from and suggesting the nearest valid name.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vkrl::agents::dqn {

struct DqnConfig {
  std::string preset = "minatar";
  int64_t frames = 5'000'000;         // environment steps to train for
  int batch_size = 32;
  int64_t replay_capacity = 100'000;  // transitions
  int64_t replay_start = 5'000;       // frames of random play before the first update
  int update_every = 1;               // frames per gradient update
  int64_t target_update_every = 1'000;  // updates between target-network syncs
  double target_tau = 1.0;            // 1: hard copy; below 1: Polyak averaging at every sync
  double gamma = 0.99;
  double epsilon_start = 1.0, epsilon_end = 0.1;
  int64_t epsilon_frames = 100'000;   // linear decay after replay_start
  std::string optimizer = "rmsprop-centered";
  double learning_rate = 2.5e-4;
  double optimizer_rho = 0.95;        // RMSProp's squared-gradient decay (PyTorch's alpha)
  double optimizer_epsilon = 0.01;
  std::string loss = "huber";         // huber or mse
  double huber_delta = 1.0;
  double grad_clip_norm = 0.0;        // 0: no clipping
  bool double_dqn = false;
  bool dueling = false;
  bool prioritized = false;
  double priority_alpha = 0.5, priority_beta_start = 0.4, priority_beta_end = 1.0;
  int n_step = 1;
  int hidden_units = 128;             // the paper net: conv 16 3x3 -> hidden_units -> actions
  int conv_filters = 16;
  int num_envs = 1;                   // environments stepped per acting batch
  int64_t checkpoint_every = 100'000;  // frames between checkpoints
  int64_t eval_every = 0;             // frames between evaluations; 0: only at the end
  int eval_episodes = 30;
  double eval_epsilon = 0.0;
};

// The names of the presets, and a preset's settings; an unknown name is a vkrl::Error with a suggestion.
std::vector<std::string> dqn_preset_names();
DqnConfig dqn_preset(const std::string& name);

// Every key a config may set, in declaration order.
std::vector<std::string> dqn_config_keys();

// Sets one key from its text form; `source` names where it came from ("--set", "run.toml:12") for errors.
void set_dqn_option(DqnConfig& config, const std::string& key, const std::string& value, const std::string& source);
// Applies a TOML file of flat `key = value` lines (a `preset` key, if present, is applied first).
DqnConfig load_dqn_config(const std::string& path, DqnConfig base);
// The settings as `key = value` lines (TOML), the form checkpoints and flags.json keep.
std::string dqn_config_toml(const DqnConfig& config);

}  // namespace vkrl::agents::dqn
