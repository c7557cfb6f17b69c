#include "vkrl/agents/dqn/dqn_run.h"

#include <nlohmann/json.hpp>

#include <fstream>

#include "vkrl/agents/dqn/schedule.h"
#include "vkrl/atomic_file.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"
#include "vkrl/splitmix64.h"

namespace vkrl::agents::dqn {

namespace {

constexpr const char* kStateFile = "run_state.json";
constexpr const char* kReplayFile = "replay.zst";

LinearSchedule epsilon_schedule(const DqnConfig& c) {
  return {.start = c.epsilon_start, .end = c.epsilon_end, .begin = uint64_t(c.replay_start),
          .duration = uint64_t(c.epsilon_frames)};
}

LinearSchedule beta_schedule(const DqnConfig& c) {
  return {.start = c.priority_beta_start, .end = c.priority_beta_end, .begin = uint64_t(c.replay_start),
          .duration = uint64_t(std::max<int64_t>(1, c.frames - c.replay_start))};
}

}  // namespace

DqnRun::DqnRun(const DqnConfig& config, const std::string& env_name, nn::Backend& backend, uint64_t seed)
    : config_(config), env_name_(env_name), seed_(seed), explore_(splitmix64(seed ^ 0x65787031ull)) {
  envs_ = std::make_unique<envs::VectorEnv>([&] { return envs::make_env(env_name); }, config.num_envs, 1, seed);
  const envs::ObservationSpec spec = envs_->observation_spec();
  replay_ = std::make_unique<ReplayBuffer>(ReplayConfig{.observation = spec,
                                                        .capacity = size_t(config.replay_capacity),
                                                        .streams = config.num_envs,
                                                        .n_step = config.n_step,
                                                        .gamma = config.gamma,
                                                        .prioritized = config.prioritized,
                                                        .alpha = config.priority_alpha,
                                                        .priority_epsilon = 1e-6,
                                                        .seed = splitmix64(seed ^ 0x7265706cull)});
  learner_ = std::make_unique<DqnLearner>(config, spec, envs_->action_count(), backend, seed);
  const size_t n = size_t(config.num_envs), b = size_t(config.batch_size);
  actions_.assign(n, 0);
  explore_now_.assign(n, 0);
  episode_score_.assign(n, 0.0);
  episode_length_.assign(n, 0);
  episode_actions_.assign(n, {});
  batch_obs_.resize(b * spec.size());
  batch_next_obs_.resize(b * spec.size());
  batch_returns_.resize(b);
  batch_discounts_.resize(b);
  batch_weights_.resize(b);
  batch_actions_.resize(b);
  batch_indices_.resize(b);
  envs_->reset();
}

double DqnRun::epsilon() const {
  return frames_ < config_.replay_start ? 1.0 : epsilon_schedule(config_).value(uint64_t(frames_));
}

void DqnRun::step(const std::function<void(const EpisodeRecord&)>& on_episode) {
  const int n = envs_->size(), action_count = envs_->action_count();
  // The observations acted on; the step overwrites the env's own array.
  current_obs_.assign(envs_->observations().begin(), envs_->observations().end());
  const std::span<const float> observations = current_obs_;
  // Acting: uniform before learning starts, then epsilon-greedy on one batched forward pass.
  const double eps = epsilon();
  std::span<const float> q;
  bool greedy_needed = false;
  for (int i = 0; i < n; ++i) {
    explore_now_[size_t(i)] = explore_.uniform() < eps;
    greedy_needed |= !explore_now_[size_t(i)];
  }
  if (greedy_needed) q = learner_->q_values(observations, n);
  for (int i = 0; i < n; ++i) {
    if (explore_now_[size_t(i)]) {
      actions_[size_t(i)] = int(explore_.below(uint64_t(action_count)));
    } else {
      const float* row = q.data() + size_t(i) * size_t(action_count);
      actions_[size_t(i)] = int(std::max_element(row, row + action_count) - row);
    }
  }
  envs_->step(actions_);
  replay_->add_batch(observations, actions_, envs_->rewards(), envs_->terminated(), envs_->truncated(),
                     envs_->final_observations());
  for (int i = 0; i < n; ++i) {
    const size_t s = size_t(i);
    ++frames_;
    episode_score_[s] += envs_->rewards()[s];
    ++episode_length_[s];
    if (envs_->terminated()[s] || envs_->truncated()[s]) {
      on_episode({frames_, ++episodes_, episode_score_[s], episode_length_[s]});
      episode_score_[s] = 0;
      episode_length_[s] = 0;
      episode_actions_[s].clear();
    } else {
      episode_actions_[s].push_back(actions_[s]);
    }
    // Training, one update per update_every frames once learning has started (MinAtar's dqn.py: t > start).
    if (frames_ > config_.replay_start && frames_ % config_.update_every == 0 &&
        replay_->sampleable() >= size_t(config_.batch_size)) {
      const ReplayBatch batch{batch_obs_, batch_actions_, batch_returns_, batch_discounts_, batch_next_obs_,
                              batch_indices_, batch_weights_};
      replay_->sample(batch, beta_schedule(config_).value(uint64_t(frames_)));
      learner_->train(batch);
      if (config_.prioritized) replay_->update_priorities(batch_indices_, learner_->td_errors());
      if (++updates_since_sync_ >= config_.target_update_every) {
        learner_->sync_target();
        updates_since_sync_ = 0;
      }
    }
  }
}

void DqnRun::save(const std::filesystem::path& dir) const {
  std::filesystem::create_directories(dir);
  nlohmann::json copies = nlohmann::json::array();
  for (int i = 0; i < envs_->size(); ++i) {
    const size_t s = size_t(i);
    copies.push_back({{"episode", envs_->episodes()[s]},
                      {"carried", envs_->episode_start_states()[s]},
                      {"score", episode_score_[s]},
                      {"length", episode_length_[s]},
                      {"actions", episode_actions_[s]}});
  }
  const nlohmann::json state = {{"env", env_name_},
                                {"seed", seed_},
                                {"frames", frames_},
                                {"episodes", episodes_},
                                {"updates_since_sync", updates_since_sync_},
                                {"last_loss", last_loss()},
                                {"explore_rng", explore_.state()},
                                {"copies", copies}};
  learner_->save(dir);
  replay_->save(dir / kReplayFile);
  write_file_atomically(dir / "config.toml", dqn_config_toml(config_));
  write_file_atomically(dir / kStateFile, state.dump(1));
}

void DqnRun::load(const std::filesystem::path& dir) {
  const std::filesystem::path file = dir / kStateFile;
  std::ifstream in(file);
  if (!in) throw Error(file.string() + ": cannot open the run state");
  nlohmann::json state;
  try {
    state = nlohmann::json::parse(in);
    auto require = [&](const char* key, const auto& expected, const char* what) {
      if (state.at(key) != expected)
        throw Error(file.string() + ": the checkpoint is for " + what + " " + state.at(key).dump() + ", not " +
                    nlohmann::json(expected).dump());
    };
    require("env", env_name_, "env");
    require("seed", seed_, "seed");
    const auto& copies = state.at("copies");
    if (copies.size() != size_t(envs_->size()))
      throw Error(file.string() + ": the checkpoint has " + std::to_string(copies.size()) + " env copies, not " +
                  std::to_string(envs_->size()));
    learner_->load(dir);
    replay_->load(dir / kReplayFile);
    frames_ = state.at("frames").get<int64_t>();
    episodes_ = state.at("episodes").get<int64_t>();
    updates_since_sync_ = state.at("updates_since_sync").get<int64_t>();
    loaded_loss_ = state.at("last_loss").get<double>();
    explore_.set_state(state.at("explore_rng").get<uint64_t>());
    std::vector<uint64_t> episode_counts;
    std::vector<std::vector<int64_t>> carried;
    for (size_t i = 0; i < copies.size(); ++i) {
      episode_counts.push_back(copies[i].at("episode").get<uint64_t>());
      carried.push_back(copies[i].at("carried").get<std::vector<int64_t>>());
      episode_score_[i] = copies[i].at("score").get<double>();
      episode_length_[i] = copies[i].at("length").get<int64_t>();
      episode_actions_[i] = copies[i].at("actions").get<std::vector<int>>();
    }
    envs_->restore(episode_counts, carried, episode_actions_);
  } catch (const nlohmann::json::exception& e) {
    throw Error(file.string() + ": " + e.what());
  }
}

}  // namespace vkrl::agents::dqn
