#include "agents/evaluation.h"

#include <chrono>
#include <cmath>

#include "agents/episode_seed.h"

namespace vkrl::apps {

double Evaluation::mean_return() const {
  if (episodes.empty()) return 0;
  double sum = 0;
  for (const auto& e : episodes) sum += e.total_reward;
  return sum / double(episodes.size());
}

double Evaluation::standard_error() const {
  const size_t n = episodes.size();
  if (n < 2) return 0;
  const double mean = mean_return();
  double squares = 0;
  for (const auto& e : episodes) squares += (e.total_reward - mean) * (e.total_reward - mean);
  return std::sqrt(squares / double(n - 1)) / std::sqrt(double(n));
}

double Evaluation::mean_length() const { return episodes.empty() ? 0 : double(steps()) / double(episodes.size()); }

int64_t Evaluation::steps() const {
  int64_t total = 0;
  for (const auto& e : episodes) total += e.length;
  return total;
}

Evaluation evaluate(envs::Env& env, Policy& policy, int episodes, uint64_t seed, int max_steps,
                    const StepObserver& observer) {
  std::mt19937_64 rng(seed);
  std::vector<float> observation(env.observation_spec().size());
  Evaluation out;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < episodes; ++i) {
    env.reset(episode_seed(seed, uint64_t(i)));
    EpisodeResult episode;
    envs::StepResult step;
    while (!step.done() && episode.length < max_steps) {
      env.observe(observation);
      step = env.step(policy.act(env, observation, rng));
      episode.total_reward += step.reward;
      ++episode.length;
      if (observer) observer(i, env);
    }
    episode.truncated = !step.terminated;
    out.episodes.push_back(episode);
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace vkrl::apps
