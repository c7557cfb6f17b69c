#include "vkrl/bench/dqn_bench.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "vkrl/agents/dqn/dqn_run.h"
#include "vkrl/bench/python_peer.h"
#include "vkrl/error.h"
#include "vkrl/nn/backend.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::bench {

namespace {

double frames_per_second(nn::Backend& backend, const std::string& env, int64_t frames, uint64_t seed) {
  agents::dqn::DqnConfig config = agents::dqn::dqn_preset("minatar");
  config.frames = frames;
  agents::dqn::DqnRun run(config, env, backend, seed);
  const auto start = std::chrono::steady_clock::now();
  while (run.frames() < frames) run.step([](const agents::dqn::EpisodeRecord&) {});
  return double(frames) / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Fills a 100k-transition buffer with random play (no updates) and returns the process's peak resident memory.
double vkrl_full_buffer_rss_mb(const std::string& env, uint64_t seed) {
  auto backend = nn::make_backend("cpu");
  agents::dqn::DqnConfig config = agents::dqn::dqn_preset("minatar");
  config.replay_start = config.replay_capacity;
  agents::dqn::DqnRun run(config, env, *backend, seed);
  while (run.frames() < config.replay_capacity + 1000) run.step([](const agents::dqn::EpisodeRecord&) {});
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0;
}

struct PeerResult {
  std::optional<double> frames_per_s, peak_rss_mb;
  std::string note;
};

PeerResult run_dqn_py(const std::filesystem::path& minatar, const std::string& game, int64_t frames,
                      const std::string& device, int threads = 1) {
  if (!std::filesystem::exists(minatar / "examples" / "dqn.py"))
    return {std::nullopt, std::nullopt, "MinAtar's examples/dqn.py is not at " + minatar.string()};
  const PeerOutput peer = run_python_peer(
      VKRL_MINATAR_DQN_SCRIPT, fmt::format("{} {} {} {} {}", minatar.string(), game, frames, device, threads),
      "OPENBLAS_NUM_THREADS=1");
  if (!peer.error.empty()) return {std::nullopt, std::nullopt, peer.error};
  try {
    const auto j = nlohmann::json::parse(peer.output.substr(peer.output.rfind('{')));
    if (j.contains("unavailable")) return {std::nullopt, std::nullopt, j.at("unavailable").get<std::string>()};
    return {j.at("frames_per_s").get<double>(), j.at("peak_rss_mb").get<double>(),
            "dqn.py with PyTorch " + j.at("torch").get<std::string>() + " on " + device};
  } catch (const std::exception&) {
    return {std::nullopt, std::nullopt, "dqn.py printed no result"};
  }
}

std::string number(const std::optional<double>& v, const char* format = "{:.0f}") {
  return v ? fmt::format(fmt::runtime(format), *v) : "-";
}

}  // namespace

int run_dqn_bench(const DqnBenchOptions& options) {
  if (options.frames < 6000) throw UsageError("bench dqn: --frames must be at least 6000 (5000 are random play)");
  const std::string env = "minatar/" + options.game;
  const std::filesystem::path minatar = options.minatar.empty() ? VKRL_DEFAULT_MINATAR_DIR : options.minatar;
  auto cpu = nn::make_backend("cpu");
  // A GPU when there is one; lavapipe (a CPU device) only when asked for by --device vulkan.
  std::unique_ptr<nn::Backend> vulkan;
  std::string vulkan_note;
  try {
    if (options.device.kind == engine::DeviceRequest::Kind::vulkan) {
      vulkan = nn::make_backend(options.device);
    } else if (options.device.kind == engine::DeviceRequest::Kind::automatic) {
      auto chosen = nn::make_backend(options.device);
      if (chosen->name().starts_with("vulkan")) vulkan = std::move(chosen);
    }
    vulkan_note = vulkan ? vulkan->name() : "skipped: no GPU (--device vulkan runs it on a software device)";
  } catch (const Error& e) {
    vulkan_note = std::string("unavailable: ") + e.what();
  }
  fmt::print(
      "dqn: training frames/s with the MinAtar paper's settings on {}, {} frames each ({} updates of batch "
      "32), higher is better\n",
      env, options.frames, options.frames - 5000);
  fmt::print("vkrl-vulkan: {}\n\n", vulkan_note);
  std::fflush(stdout);
  // dqn.py on the CPU first, on one thread (PyTorch's best on a small machine) and on as many as vkrl-cpu uses: the
  // faster is the reference of every ratio. Each row is printed as soon as it is measured.
  const int threads = nn::cpu_backend_threads();
  auto threads_name = [](int n) { return fmt::format("{} thread{}", n, n == 1 ? "" : "s"); };
  fmt::print("{:<30} {:>10} {:>12}\n", "", "frames/s", "vs dqn.py");
  std::fflush(stdout);
  const PeerResult py = run_dqn_py(minatar, options.game, options.frames, "cpu");
  const PeerResult py_threads =
      threads > 1 ? run_dqn_py(minatar, options.game, options.frames, "cpu", threads) : PeerResult{};
  const std::optional<double> reference = py.frames_per_s && py_threads.frames_per_s
                                              ? std::max(*py.frames_per_s, *py_threads.frames_per_s)
                                              : py.frames_per_s;
  auto row = [&](const std::string& name, const std::optional<double>& rate) {
    fmt::print("{:<30} {:>10} {:>12}\n", name, number(rate),
               rate && reference ? fmt::format("{:.2f}x", *rate / *reference) : "-");
    std::fflush(stdout);
  };
  row("dqn.py (torch cpu, " + threads_name(1) + ")", py.frames_per_s);
  if (threads > 1) row("dqn.py (torch cpu, " + threads_name(threads) + ")", py_threads.frames_per_s);
  row("vkrl-cpu (" + threads_name(threads) + ")", frames_per_second(*cpu, env, options.frames, options.seed));
  row("vkrl-vulkan",
      vulkan ? std::optional(frames_per_second(*vulkan, env, options.frames, options.seed)) : std::nullopt);
  const PeerResult cuda = run_dqn_py(minatar, options.game, options.frames, "cuda");
  row("dqn.py (torch cuda)", cuda.frames_per_s);
  fmt::print("\nPeers: {}; {}\n", py.note, cuda.note);

  const double vkrl_rss = vkrl_full_buffer_rss_mb(env, options.seed);
  fmt::print(
      "\nPeak memory: vkrl {:.0f} MB with a full 100k-transition buffer (this process, all runs above "
      "included)\n",
      vkrl_rss);
  if (py.peak_rss_mb)
    fmt::print("             dqn.py {:.0f} MB after {} frames (its buffer {:.0f}% full)\n", *py.peak_rss_mb,
               options.frames, 100.0 * double(std::min<int64_t>(options.frames, 100000)) / 100000.0);
  if (options.full_buffer) {
    const PeerResult full = run_dqn_py(minatar, options.game, 101000, "cpu");
    fmt::print("             dqn.py {} MB with a full 100k-transition buffer\n", number(full.peak_rss_mb));
  }
  return 0;
}

}  // namespace vkrl::bench
