#include "vkrl/agents/dqn/dqn_learner.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "vkrl/error.h"
#include "vkrl/nn/checkpoint.h"
#include "vkrl/nn/io/safetensors.h"
#include "vkrl/nn/model_spec.h"

namespace vkrl::agents::dqn {

namespace {

nn::Shape with_batch(int batch, const std::vector<int>& sample) {
  switch (sample.size()) {
    case 1: return {batch, sample[0]};
    case 2: return {batch, sample[0], sample[1]};
    case 3: return {batch, sample[0], sample[1], sample[2]};
  }
  throw Error("dqn: observations of 1 to 3 dimensions, got " + std::to_string(sample.size()));
}

nn::OptimizerOptions optimizer_for(const DqnConfig& c) {
  nn::OptimizerOptions options = nn::optimizer_options(c.optimizer);
  options.schedule = nn::LearningRateSchedule::constant(c.learning_rate);
  options.rule.epsilon = c.optimizer_epsilon;
  options.rule.rho = c.optimizer_rho;
  options.clip_norm = c.grad_clip_norm;
  return options;
}

// Every parameter and buffer of a model, in named_tensors() order: handles listed once, so that copying one net into
// another (the acting net, refreshed before it acts on a newer update) allocates nothing.
std::vector<nn::Tensor> all_tensors(nn::Model& model) {
  std::vector<nn::Tensor> tensors;
  for (auto& [name, t] : model.named_tensors()) tensors.push_back(t);
  return tensors;
}

void copy_tensors(nn::Backend& backend, const std::vector<nn::Tensor>& from, std::vector<nn::Tensor>& to) {
  for (size_t i = 0; i < from.size(); ++i) backend.copy(from[i], to[i]);
}

}  // namespace

std::string q_network_spec(const DqnConfig& c, const envs::ObservationSpec& observation, int actions) {
  using nlohmann::json;
  json trunk = json::array();
  if (observation.shape.size() == 3) {
    trunk.push_back({{"type", "conv2d"}, {"filters", c.conv_filters}, {"kernel", 3}, {"activation", "relu"}});
    trunk.push_back({{"type", "flatten"}});
  } else if (observation.shape.size() != 1) {
    trunk.push_back({{"type", "flatten"}});
  }
  json spec = {{"input", observation.shape}};
  if (!c.dueling) {
    trunk.push_back({{"type", "dense"}, {"units", c.hidden_units}, {"activation", "relu"}});
    trunk.push_back({{"type", "dense"}, {"units", actions}});
    spec["layers"] = trunk;
  } else {
    spec["trunk"] = trunk;
    spec["heads"] = {
        {"value", json::array({{{"type", "dense"}, {"units", c.hidden_units}, {"activation", "relu"}},
                               {{"type", "dense"}, {"units", 1}}})},
        {"advantage", json::array({{{"type", "dense"}, {"units", c.hidden_units}, {"activation", "relu"}},
                                   {{"type", "dense"}, {"units", actions}}})}};
  }
  return spec.dump();
}

DqnLearner::DqnLearner(const DqnConfig& config, const envs::ObservationSpec& observation, int actions,
                       nn::Backend& backend, uint64_t seed)
    : config_(config), actions_(actions), backend_(backend), spec_(q_network_spec(config, observation, actions)) {
  const int batch = config.batch_size;
  auto make = [&](int rows) {
    auto model = std::make_unique<nn::Model>(nn::model_from_json(spec_, "q-network"));
    model->build(backend, rows, seed);
    return model;
  };
  online_ = make(batch);
  online_->skip_input_gradient();
  for (size_t h = 0; h < online_->head_count(); ++h) {
    if (online_->head_name(h) == "value") value_head_ = h;
    if (online_->head_name(h) == "advantage") advantage_head_ = h;
  }
  target_ = make(batch);
  actor_ = make(config.num_envs);
  online_tensors_ = all_tensors(*online_);
  target_tensors_ = all_tensors(*target_);
  actor_tensors_ = all_tensors(*actor_);
  online_params_ = online_->params();
  online_grads_ = online_->grads();
  copy_tensors(backend, online_tensors_, target_tensors_);
  optimizer_ = std::make_unique<nn::Optimizer>(backend, optimizer_for(config));
  optimizer_->ensure_state(online_params_);

  const nn::Shape obs = with_batch(batch, observation.shape);
  observations_ = nn::Tensor(backend, obs);
  next_observations_ = nn::Tensor(backend, obs);
  for (nn::Tensor* t : {&actions_t_, &returns_, &discounts_, &weights_, &targets_, &abs_td_})
    *t = nn::Tensor(backend, {batch});
  for (nn::Tensor* t : {&next_q_select_, &q_, &next_q_, &dq_, &dadvantage_}) *t = nn::Tensor(backend, {batch, actions});
  dvalue_ = nn::Tensor(backend, {batch, 1});
  loss_ = nn::Tensor(backend, {1});
  act_input_ = nn::Tensor(backend, with_batch(config.num_envs, observation.shape));
  act_q_ = nn::Tensor(backend, {config.num_envs, actions});
  action_host_.resize(size_t(batch));
  td_host_.resize(size_t(batch));
  q_host_.resize(size_t(config.num_envs) * size_t(actions));
  update_ = backend.capture([this] { record_update(); });
  act_ = backend.capture([this] { record_q_values(*actor_, act_input_, false, act_q_); });
  refresh_and_act_ = backend.capture([this] {
    copy_tensors(backend_, online_tensors_, actor_tensors_);
    record_q_values(*actor_, act_input_, false, act_q_);
  });
}

void DqnLearner::record_q_values(nn::Model& model, const nn::Tensor& x, bool training, nn::Tensor& q) {
  const std::vector<nn::Tensor>& out = model.forward(x, training);
  if (config_.dueling)
    backend_.dueling(out[value_head_], out[advantage_head_], q);
  else
    backend_.copy(out[0], q);
}

void DqnLearner::record_update() {
  nn::Model& online = *online_;
  if (config_.double_dqn) record_q_values(online, next_observations_, true, next_q_select_);
  // The target net and the online net share no tensors: on the CPU the two passes run on two cores. Each closure
  // holds only `this`, so that std::function keeps it without allocating.
  backend_.run_independent([this] { record_q_values(*online_, observations_, true, q_); },
                           [this] { record_q_values(*target_, next_observations_, true, next_q_); });
  backend_.q_targets(next_q_, config_.double_dqn ? next_q_select_ : next_q_, returns_, discounts_, targets_);
  backend_.td_loss(q_, actions_t_, targets_, weights_, config_.loss == "huber" ? config_.huber_delta : 0.0, loss_, dq_,
                   abs_td_);
  if (config_.dueling) {
    backend_.dueling_backward(dq_, dvalue_, dadvantage_);
    nn::Tensor grads[2];
    grads[value_head_] = dvalue_;
    grads[advantage_head_] = dadvantage_;
    online.backward(grads);
  } else {
    const nn::Tensor grads[] = {dq_};
    online.backward(grads);
  }
  optimizer_->apply(online_params_, online_grads_);
}

void DqnLearner::train(const ReplayBatch& batch) {
  std::transform(batch.actions.begin(), batch.actions.end(), action_host_.begin(),
                 [](int32_t a) { return float(a); });
  observations_.write(batch.observations);
  next_observations_.write(batch.next_observations);
  actions_t_.write(std::span<const float>(action_host_));
  returns_.write(batch.returns);
  discounts_.write(batch.discounts);
  weights_.write(batch.weights);
  optimizer_->begin_step();
  update_->replay();
  actor_stale_ = true;
  results_read_ = false;
}

std::optional<double> DqnLearner::loss() {
  read_results();
  return loss_host_;
}

std::span<const float> DqnLearner::td_errors() {
  read_results();
  return td_host_;
}

void DqnLearner::read_results() {
  if (results_read_) return;
  backend_.read(abs_td_, std::span<float>(td_host_));
  float loss = 0;
  backend_.read(loss_, std::span<float>(&loss, 1));
  loss_host_ = loss;
  results_read_ = true;
}

void DqnLearner::sync_target() {
  if (config_.target_tau >= 1.0) {
    copy_tensors(backend_, online_tensors_, target_tensors_);
    return;
  }
  for (size_t i = 0; i < online_tensors_.size(); ++i)
    backend_.axpby(config_.target_tau, online_tensors_[i], 1.0 - config_.target_tau, target_tensors_[i],
                   target_tensors_[i]);
}

std::span<const float> DqnLearner::q_values(std::span<const float> observations, int count) {
  if (count != act_input_.shape().rows())
    throw Error("dqn: acting on " + std::to_string(count) + " observations with a net sized for " +
                std::to_string(act_input_.shape().rows()));
  act_input_.write(observations);
  (actor_stale_ ? refresh_and_act_ : act_)->replay();
  actor_stale_ = false;
  backend_.read(act_q_, std::span<float>(q_host_));
  return q_host_;
}

namespace {

constexpr const char* kOnlineFile = "online.safetensors";
constexpr const char* kTargetFile = "target.safetensors";
constexpr const char* kOptimizerFile = "optimizer.safetensors";

}  // namespace

void DqnLearner::save(const std::filesystem::path& dir) const {
  nn::io::write_safetensors(dir / kOnlineFile, nn::to_host(online_->named_tensors()),
                            {{"spec", spec_}, {"updates", std::to_string(optimizer_->step_count())}});
  nn::io::write_safetensors(dir / kTargetFile, nn::to_host(target_->named_tensors()));
  nn::io::write_safetensors(
      dir / kOptimizerFile,
      nn::to_host(nn::optimizer_state_tensors(online_->parameter_names(), online_params_, *optimizer_)));
}

void DqnLearner::load(const std::filesystem::path& dir) {
  const auto online_file = dir / kOnlineFile;
  const nn::io::SafetensorsFile online = nn::io::read_safetensors(online_file);
  const auto spec = online.metadata.find("spec");
  if (spec == online.metadata.end() || spec->second != spec_)
    throw Error(online_file.string() + ": the network was built for another environment or settings (its spec "
                "differs from " + spec_ + ")");
  nn::load_into(online_->named_tensors(), online, online_file.string());
  nn::load_into(target_->named_tensors(), nn::io::read_safetensors(dir / kTargetFile), (dir / kTargetFile).string());
  if (const auto optimizer_file = dir / kOptimizerFile; std::filesystem::exists(optimizer_file))
    nn::load_into(nn::optimizer_state_tensors(online_->parameter_names(), online_params_, *optimizer_),
                  nn::io::read_safetensors(optimizer_file), optimizer_file.string());
  const auto updates = online.metadata.find("updates");
  optimizer_->set_step_count(updates == online.metadata.end() ? 0 : std::stoll(updates->second));
  actor_stale_ = true;
}

}  // namespace vkrl::agents::dqn

