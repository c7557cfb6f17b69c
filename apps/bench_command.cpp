// vkrl bench: the benchmarks, each printing a table with a peer measured in the same run.
#include "commands.h"
#include "vkrl/bench/dqn_bench.h"
#include "vkrl/bench/envs_bench.h"
#include "vkrl/bench/gemm_bench.h"
#include "vkrl/bench/nn_bench.h"
#include "vkrl/bench/go_bench.h"
#include "vkrl/bench/grid_bench.h"
#include "vkrl/error.h"

namespace vkrl::apps {

void add_bench_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  CLI::App& bench = *app.add_subcommand("bench", "Run a benchmark against a peer measured in the same run");
  bench.require_subcommand(0, 1);
  bench.callback([&bench] {
    if (bench.get_subcommands().empty())
      throw UsageError("bench: name a benchmark: dqn, envs, gemm, go, grid or nn (see vkrl bench --help)");
  });

  static bench::GemmBenchOptions gemm;
  CLI::App& command = add_command(bench, "gemm", "SGEMM GFLOP/s of each Vulkan kernel variant beside Eigen", options,
                                  exit_code, [&options] {
                                    gemm.seed = options.seed;
                                    gemm.device = options.device_request();
                                    return bench::run_gemm_bench(gemm);
                                  });
  command.add_option("--shapes", gemm.shapes,
                     "Shapes: sqN (N x N . N x N), b32, b128, b256, or MxKxN; default: all six of the table")
      ->delimiter(',');
  command.add_option("--seconds", gemm.seconds_per_round, "Timed seconds per round (each result is a median of 5)")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 60.0));

  static bench::EnvsBenchOptions envs;
  CLI::App& envs_command = add_command(bench, "envs", "MinAtar random-policy steps/s beside MinAtar's Python code",
                                       options, exit_code, [&options] {
                                         envs.seed = options.seed;
                                         return bench::run_envs_bench(envs);
                                       });
  envs_command.add_option("--games", envs.games, "MinAtar games, e.g. breakout,seaquest; default: all registered")
      ->delimiter(',');
  envs_command.add_option("--seconds", envs.seconds, "Timed seconds per measurement")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 60.0));
  envs_command.add_option("--minatar", envs.minatar,
                          "MinAtar checkout for the Python peer; default: ../shared/peers/MinAtar beside the repository");

  static bench::GoBenchOptions go;
  CLI::App& go_command = add_command(bench, "go", "Go random playouts/s on 9x9 and 19x19 on one core, and MCTS simulations/s on 9x9", options,
                                     exit_code, [&options] {
                                       go.seed = options.seed;
                                       return bench::run_go_bench(go);
                                     });
  go_command.add_option("--seconds", go.seconds, "Timed seconds per round (each result is a median of 5)")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 60.0));

  static bench::GridBenchOptions grid;
  CLI::App& grid_command = add_command(bench, "grid", "Power-grid env steps/s and AC power-flow solves/s beside MATPOWER",
                                       options, exit_code, [&options] {
                                         grid.seed = options.seed;
                                         return bench::run_grid_bench(grid);
                                       });
  grid_command.add_option("--seconds", grid.seconds, "Timed seconds per measurement")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 60.0));
  grid_command.add_option("--matpower", grid.matpower,
                          "MATPOWER checkout for the Octave peer; default: ../shared/peers/matpower beside the repository");

  static bench::NnBenchOptions nn;
  CLI::App& nn_command = add_command(
      bench, "nn", "Updates/s and forwards/s of the DQN nets on CPU and Vulkan beside PyTorch", options, exit_code,
      [&options] {
        nn.seed = options.seed;
        nn.device = options.device_request();
        return bench::run_nn_bench(nn);
      });
  nn_command.add_option("--seconds", nn.seconds, "Timed seconds per measurement")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 60.0));

  static bench::DqnBenchOptions dqn;
  CLI::App& dqn_command = add_command(
      bench, "dqn", "DQN training frames/s and memory beside MinAtar's dqn.py with PyTorch", options, exit_code,
      [&options] {
        dqn.seed = options.seed;
        dqn.device = options.device_request();
        return bench::run_dqn_bench(dqn);
      });
  dqn_command.add_option("--frames", dqn.frames, "Frames each side trains for")->capture_default_str();
  dqn_command.add_option("--game", dqn.game, "MinAtar game")->capture_default_str();
  dqn_command.add_option("--minatar", dqn.minatar,
                         "MinAtar checkout for dqn.py; default: ../shared/peers/MinAtar beside the repository");
  dqn_command.add_flag("--full-buffer", dqn.full_buffer,
                       "Also run dqn.py for 101k frames to measure its memory with a full buffer (minutes)");
}

}  // namespace vkrl::apps
