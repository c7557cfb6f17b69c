// Evaluating a policy: whole episodes, each from its own seed (episode_seed.h), with the return and length of every
// episode and the summary statistics vkrl eval prints.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "agents/policy.h"

namespace vkrl::apps {

struct EpisodeResult {
  double total_reward = 0;  // the undiscounted return
  int length = 0;           // steps
  bool truncated = false;   // stopped by the env's limit or by max_steps, not by a terminal state
};

struct Evaluation {
  std::vector<EpisodeResult> episodes;
  double seconds = 0;  // wall time of the whole run

  double mean_return() const;
  double standard_error() const;  // of the mean return: sample standard deviation / sqrt(n); 0 for one episode
  double mean_length() const;
  int64_t steps() const;
};

// Called after every step with the episode's index, for what an env reports beyond rewards (the grid's costs).
using StepObserver = std::function<void(int episode, const envs::Env& env)>;

// Plays `episodes` episodes of at most `max_steps` steps each; the policy's generator is seeded with `seed`.
Evaluation evaluate(envs::Env& env, Policy& policy, int episodes, uint64_t seed, int max_steps,
                    const StepObserver& observer = {});

}  // namespace vkrl::apps
