// DqnLearner is DQN's network side: the online and target Q-networks (the MinAtar paper's net, or a dueling one),
// their optimizer, and the training step, which is captured once (Backend::capture) and replayed for every update, so
// on the Vulkan backend an update is one submit that runs while the host goes on, and only the loss and the new |TD
// errors| come back, when asked for (prioritized replay asks after every update). Acting uses a third copy of the net
// sized for the acting batch, refreshed from the online weights before acting on a newer update, so neither batch size
// ever reallocates the other's tensors. Acting is captured too: one submit, and the Q-values come back.
//
// The update (Mnih et al. 2015; Double DQN van Hasselt et al. 2016; dueling Wang et al. 2016): targets y = R +
// discount * Q_target(s', a*), a* = argmax Q_target(s') or, with Double DQN, argmax Q_online(s'); the loss is the mean
// of importance weight * Huber (or squared) error of Q_online(s, a) against y; then one optimizer step. The target net
// is synced by sync_target(): a hard copy, or Polyak averaging with tau < 1.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vkrl/agents/dqn/dqn_config.h"
#include "vkrl/agents/dqn/replay_buffer.h"
#include "vkrl/envs/env.h"
#include "vkrl/nn/backend.h"
#include "vkrl/nn/model.h"
#include "vkrl/nn/optimizer.h"

namespace vkrl::agents::dqn {

// The model spec (JSON) of the Q-network for an observation shape: conv (conv_filters 3x3, ReLU) -> flatten ->
// dense hidden_units ReLU -> dense actions for images ({C, H, W}), dense layers for flat observations; with
// `dueling`, value and advantage heads of hidden_units each after the trunk.
std::string q_network_spec(const DqnConfig& config, const envs::ObservationSpec& observation, int actions);

class DqnLearner {
public:
  DqnLearner(const DqnConfig& config, const envs::ObservationSpec& observation, int actions, nn::Backend& backend,
             uint64_t seed);

  int action_count() const { return actions_; }
  // Q-values of `count` observations (count x actions, row-major), from the acting copy of the online net.
  std::span<const float> q_values(std::span<const float> observations, int count);

  // One update from a sampled batch. On the Vulkan backend it may still run when train() returns: reading its
  // results, or acting, waits for it.
  void train(const ReplayBatch& batch);
  // The latest update's loss (none before this learner's first update) and |TD error| per sample, read when asked.
  std::optional<double> loss();
  std::span<const float> td_errors();
  int64_t updates() const { return optimizer_->step_count(); }
  void sync_target();

  // Weights of the online and target nets and the optimizer's state, in `dir` (files named by the caller's
  // checkpoint); load() checks names and shapes.
  void save(const std::filesystem::path& dir) const;
  void load(const std::filesystem::path& dir);
  nn::Model& online() { return *online_; }
  const std::string& spec() const { return spec_; }

private:
  void record_update();
  // q = the model's Q-values for the batch x: its output, or the dueling head's sum of value and centred advantage.
  void record_q_values(nn::Model& model, const nn::Tensor& x, bool training, nn::Tensor& q);
  void read_results();  // the latest update's loss and |TD errors|, once

  DqnConfig config_;
  int actions_;
  nn::Backend& backend_;
  std::string spec_;
  std::unique_ptr<nn::Model> online_, target_, actor_;
  // Handles to the nets' tensors, listed once so that an update, a target sync or an actor refresh allocates nothing.
  std::vector<nn::Tensor> online_tensors_, target_tensors_, actor_tensors_, online_params_, online_grads_;
  std::unique_ptr<nn::Optimizer> optimizer_;
  // The update, and acting with or without first copying the online weights into the acting net.
  std::unique_ptr<nn::CapturedWork> update_, act_, refresh_and_act_;
  bool actor_stale_ = true;
  // Batch tensors written by the host before each update, and what the update leaves.
  nn::Tensor observations_, next_observations_, actions_t_, returns_, discounts_, weights_;
  nn::Tensor next_q_select_, targets_, q_, next_q_, loss_, dq_, abs_td_, dvalue_, dadvantage_;
  nn::Tensor act_input_, act_q_;
  size_t value_head_ = 0, advantage_head_ = 0;  // dueling heads, by name
  std::vector<float> action_host_, td_host_, q_host_;
  std::optional<float> loss_host_;
  bool results_read_ = true;  // loss_host_ and td_host_ hold the latest update's results
};

}  // namespace vkrl::agents::dqn
