#include "agents/dqn_policy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>

#include "vkrl/envs/registry.h"
#include "vkrl/error.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

std::filesystem::path checkpoint_dir(const std::filesystem::path& path) {
  return std::filesystem::exists(path / "checkpoint" / "run_state.json") ? path / "checkpoint" : path;
}

std::string shape_text(const std::vector<int>& shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

}  // namespace

bool DqnPolicy::is_checkpoint(const std::filesystem::path& path) {
  return std::filesystem::exists(checkpoint_dir(path) / "run_state.json");
}

DqnPolicy::DqnPolicy(const std::filesystem::path& run, const envs::Env& env, const engine::DeviceRequest& device)
    : backend_(nn::make_backend(device)) {
  const std::filesystem::path dir = checkpoint_dir(run), state_file = dir / "run_state.json";
  std::ifstream in(state_file);
  if (!in) throw Error(run.string() + ": not a DQN run folder (no checkpoint/run_state.json)");
  nlohmann::json state;
  std::string trained_on;
  agents::dqn::DqnConfig config;
  try {
    state = nlohmann::json::parse(in);
    trained_on = state.at("env").get<std::string>();
    const std::filesystem::path config_file = dir / "config.toml";
    config = agents::dqn::load_dqn_config(config_file.string(), {});
  } catch (const nlohmann::json::exception& e) {
    throw Error(state_file.string() + ": " + e.what());
  }
  const auto trained_env = envs::make_env(trained_on);
  const auto want = trained_env->observation_spec().shape, have = env.observation_spec().shape;
  if (want != have || trained_env->action_count() != env.action_count())
    throw Error(run.string() + ": trained on " + trained_on + " (observations " + shape_text(want) + ", " +
                std::to_string(trained_env->action_count()) + " actions), not on " + env.name() + " (" +
                shape_text(have) + ", " + std::to_string(env.action_count()) + " actions)");
  config.num_envs = 1;
  learner_ = std::make_unique<agents::dqn::DqnLearner>(config, env.observation_spec(), env.action_count(), *backend_,
                                                       0);
  learner_->load(dir);
  epsilon_ = config.eval_epsilon;
}

int DqnPolicy::act(const envs::Env& env, std::span<const float> observation, std::mt19937_64& rng) {
  if (epsilon_ > 0 && std::uniform_real_distribution<double>(0, 1)(rng) < epsilon_)
    return int(std::uniform_int_distribution<int>(0, env.action_count() - 1)(rng));
  const auto q = learner_->q_values(observation, 1);
  return int(std::max_element(q.begin(), q.end()) - q.begin());
}

std::vector<float> DqnPolicy::action_values(const envs::Env&, std::span<const float> observation) const {
  const auto q = learner_->q_values(observation, 1);
  return {q.begin(), q.end()};
}

}  // namespace vkrl::apps
