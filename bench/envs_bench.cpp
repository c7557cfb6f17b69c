#include "vkrl/bench/envs_bench.h"
#include "vkrl/bench/python_peer.h"

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <random>
#include <sstream>

#include "vkrl/bench/timing.h"
#include "vkrl/envs/registry.h"
#include "vkrl/envs/vector_env.h"
#include "vkrl/error.h"

namespace vkrl::bench {

namespace {

constexpr int kVectorCopies = 1024;
constexpr int kVectorThreads = 2;
constexpr int kStepsPerCall = 1000;  // steps between clock reads

// One env on the calling thread: random action, step, observe, reset on termination. Episodes are seeded as a
// VectorEnv seeds them, which is how training resets envs.
double single_env_steps_per_second(const std::string& name, double seconds, uint64_t seed) {
  auto env = envs::make_env(name);
  std::vector<float> observation(env->observation_spec().size());
  std::mt19937_64 rng(seed);
  uint64_t episode = 0;
  env->reset(envs::VectorEnv::episode_seed(seed, 0, episode));
  const int actions = env->action_count();
  const auto run = [&] {
    for (int i = 0; i < kStepsPerCall; ++i) {
      if (env->step(int(rng() % uint64_t(actions))).done()) env->reset(envs::VectorEnv::episode_seed(seed, 0, ++episode));
      env->observe(observation);
    }
  };
  run();  // warm-up
  return kStepsPerCall / median_seconds_per_call(run, seconds / 5);
}

// A VectorEnv steps every copy (observations written into its batch) with fresh random actions.
double vector_env_steps_per_second(const std::string& name, double seconds, uint64_t seed) {
  envs::VectorEnv vector([&name] { return envs::make_env(name); }, kVectorCopies, kVectorThreads, seed);
  vector.reset();
  std::mt19937_64 rng(seed);
  std::vector<int> actions(kVectorCopies);
  const int count = vector.action_count();
  const int batches = std::max(1, kStepsPerCall / kVectorCopies);
  const auto run = [&] {
    for (int b = 0; b < batches; ++b) {
      for (int& a : actions) a = int(rng() % uint64_t(count));
      vector.step(actions);
    }
  };
  run();
  return double(batches) * kVectorCopies / median_seconds_per_call(run, seconds / 5);
}

struct PythonResult {
  std::optional<double> steps_per_second;
  std::string note;  // versions, or why it is unavailable
};

PythonResult python_steps_per_second(const std::filesystem::path& minatar, const std::string& game, double seconds) {
  if (!std::filesystem::exists(minatar / "minatar" / "environment.py"))
    return {std::nullopt, "MinAtar's source is not at " + minatar.string() + " (use --minatar PATH)"};
  const PeerOutput peer =
      run_python_peer(VKRL_MINATAR_SPEED_SCRIPT, fmt::format("{} {} {}", minatar.string(), game, seconds));
  if (!peer.error.empty()) return {std::nullopt, peer.error};
  std::istringstream in(peer.output);
  double rate = 0;
  std::string python, numpy;
  if (!(in >> rate >> python >> numpy)) return {std::nullopt, "the Python peer printed no rate"};
  return {rate, "Python " + python + ", numpy " + numpy};
}

std::vector<std::string> registered_games() {
  std::vector<std::string> games;
  for (const auto& e : envs::builtin_envs().entries())
    if (e.name.starts_with("minatar/")) games.push_back(e.name.substr(8));
  return games;
}

}  // namespace

int run_envs_bench(const EnvsBenchOptions& options) {
  const std::vector<std::string> games = options.games.empty() ? registered_games() : options.games;
  if (games.empty()) throw Error("bench envs: no MinAtar game is registered");
  for (const auto& g : games)
    if (!envs::builtin_envs().find("minatar/" + g))
      throw UsageError(fmt::format("--games: unknown MinAtar game '{}'; registered: {}", g,
                                   fmt::join(registered_games(), ", ")));
  const std::filesystem::path minatar = options.minatar.empty() ? VKRL_DEFAULT_MINATAR_DIR : options.minatar;

  fmt::print("MinAtar, random policy: steps/s of step + observation, reset on termination (higher is better)\n");
  fmt::print("Protocol: MinAtar's defaults (sticky actions 0.1, difficulty ramping, all 6 actions), {} s a measurement\n",
             options.seconds);
  fmt::print("vkrl-1core: one env on one thread; vkrl-vector: VectorEnv of {} copies on {} threads\n", kVectorCopies,
             kVectorThreads);
  fmt::print("Peer: MinAtar's Python Environment.act() + state() ({}), run by {} in this run\n\n", minatar.string(),
             "/usr/bin/python3");
  fmt::print("{:<16} {:>12} {:>12} {:>12} {:>14}\n", "game", "vkrl-1core", "vkrl-vector", "python", "1core/python");
  std::fflush(stdout);
  std::string python_note;
  double worst_ratio = -1;
  for (const auto& game : games) {
    const std::string name = "minatar/" + game;
    const double single = single_env_steps_per_second(name, options.seconds, options.seed);
    const double vector = vector_env_steps_per_second(name, options.seconds, options.seed);
    const PythonResult python = python_steps_per_second(minatar, game, options.seconds);
    python_note = python.note;
    std::string python_text = "unavailable", ratio_text = "-";
    if (python.steps_per_second) {
      const double ratio = single / *python.steps_per_second;
      python_text = fmt::format("{:.0f}", *python.steps_per_second);
      ratio_text = fmt::format("{:.1f}x", ratio);
      worst_ratio = worst_ratio < 0 ? ratio : std::min(worst_ratio, ratio);
    }
    fmt::print("{:<16} {:>12.0f} {:>12.0f} {:>12} {:>14}\n", game, single, vector, python_text, ratio_text);
    std::fflush(stdout);
  }
  fmt::print("\nPeer: {}\n", python_note);
  if (worst_ratio >= 0)
    fmt::print("Goal vkrl-1core >= 30x Python on every game: {} (lowest {:.1f}x)\n", worst_ratio >= 30 ? "met" : "NOT met",
               worst_ratio);
  return 0;
}

}  // namespace vkrl::bench
