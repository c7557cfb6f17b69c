#include "vkrl/bench/grid_bench.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <vector>

#include "vkrl/bench/timing.h"
#include "vkrl/envs/powergrid/power_flow.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"

namespace vkrl::bench {

namespace {

constexpr int kStepsPerCall = 1000;  // steps between clock reads

// DoNothing on one env: step, observe, reset (next seed) when the episode ends.
double do_nothing_steps_per_second(const std::string& name, double seconds, uint64_t seed) {
  auto env = envs::make_env(name);
  std::vector<float> observation(env->observation_spec().size());
  env->reset(seed);
  const auto run = [&] {
    for (int i = 0; i < kStepsPerCall; ++i) {
      if (env->step(0).done()) env->reset(++seed);
      env->observe(observation);
    }
  };
  run();  // warm-up
  return kStepsPerCall / median_seconds_per_call(run, seconds / 5);
}

double ac_solves_per_second(double seconds) {
  const envs::powergrid::GridCase grid = envs::powergrid::matpower_case14();
  envs::powergrid::AcSolver solver;
  const auto run = [&] {
    for (int i = 0; i < kStepsPerCall; ++i)
      if (!solver.solve(grid).converged) throw Error("bench grid: the AC power flow did not converge on case14");
  };
  run();
  return kStepsPerCall / median_seconds_per_call(run, seconds / 5);
}

struct OctaveResult {
  std::optional<double> solves_per_second;
  std::string note;  // the version, or why it is unavailable
};

OctaveResult matpower_solves_per_second(const std::filesystem::path& matpower, double seconds) {
  if (std::system("command -v octave-cli > /dev/null 2>&1") != 0) return {std::nullopt, "octave-cli is not installed"};
  if (!std::filesystem::exists(matpower / "lib" / "runpf.m"))
    return {std::nullopt, "MATPOWER is not at " + matpower.string() + " (use --matpower PATH)"};
  const std::string command = fmt::format("octave-cli -q {} {} {} 2>&1", VKRL_MATPOWER_SPEED_SCRIPT, matpower.string(),
                                          seconds);
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return {std::nullopt, "cannot run " + command};
  std::string output;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) output.append(buffer, n);
  const int status = pclose(pipe);
  std::istringstream in(output);
  double rate = 0;
  std::string version;
  if (status != 0 || !(in >> rate >> version)) {
    while (!output.empty() && output.back() == '\n') output.pop_back();
    return {std::nullopt, "the Octave peer failed: " + output.substr(output.rfind('\n') + 1)};
  }
  return {rate, "MATPOWER runpf under GNU Octave " + version};
}

}  // namespace

int run_grid_bench(const GridBenchOptions& options) {
  const std::filesystem::path matpower = options.matpower.empty() ? VKRL_DEFAULT_MATPOWER_DIR : options.matpower;
  fmt::print("Power grid, one core (higher is better), {} s a measurement, medians of 5\n", options.seconds);
  fmt::print("env steps: powergrid/case14 with DoNothing, step + observation, 8064-step episodes, reset on the end\n");
  fmt::print("solves: Newton-Raphson on MATPOWER case14 from the case's voltages, tolerance 1e-9 p.u.\n\n");
  fmt::print("{:<34} {:>12} {:>16}\n", "measurement", "vkrl", "peer");
  std::fflush(stdout);
  const double ac = do_nothing_steps_per_second("powergrid/case14", options.seconds, options.seed);
  fmt::print("{:<34} {:>12.0f} {:>16}\n", "AC env steps/s", ac, "1030 / 46 [R]");
  std::fflush(stdout);
  const double dc = do_nothing_steps_per_second("powergrid/case14,solver=dc", options.seconds, options.seed);
  fmt::print("{:<34} {:>12.0f} {:>16}\n", "DC env steps/s", dc, "-");
  std::fflush(stdout);
  const double solves = ac_solves_per_second(options.seconds);
  const OctaveResult octave = matpower_solves_per_second(matpower, options.seconds);
  fmt::print("{:<34} {:>12.0f} {:>16}\n", "AC power-flow solves/s (case14)", solves,
             octave.solves_per_second ? fmt::format("{:.0f}", *octave.solves_per_second) : "unavailable");
  fmt::print("\n[R] Grid2Op steps/s published by LightSim2Grid (docs/benchmarks.rst, i7-6820HQ): LightSim2Grid NR with KLU "
             "1030, pandapower 46.3\n");
  fmt::print("Solve peer: {}\n", octave.note);
  fmt::print("Goal AC env steps/s >= 20,000: {}\n", ac >= 20000 ? "met" : "NOT met");
  return 0;
}

}  // namespace vkrl::bench
