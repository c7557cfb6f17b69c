#include "vkrl/bench/go_bench.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include "vkrl/agents/mcts/go_playout_evaluator.h"
#include "vkrl/agents/mcts/mcts.h"
#include "vkrl/bench/timing.h"
#include "vkrl/envs/go/go_env.h"
#include "vkrl/envs/go/playout.h"

namespace vkrl::bench {

namespace {

constexpr int kPlayoutsPerCall = 100;  // playouts between clock reads
constexpr double kKomi = 7.5;
constexpr double kGoalPlayoutsPerSecond9x9 = 100000;

struct PlayoutSpeed {
  double playouts_per_second = 0;
  double moves_per_playout = 0;
  double black_wins = 0;  // share of playouts Black won
};

PlayoutSpeed measure(int size, envs::go::PlayoutPolicy policy, double seconds, uint64_t seed) {
  const envs::go::Board empty(size);
  envs::go::PlayoutRng rng(seed);
  long playouts = 0, moves = 0, black_wins = 0;
  const envs::go::PlayoutOptions options{policy};
  const auto run = [&] {
    for (int i = 0; i < kPlayoutsPerCall; ++i) {
      envs::go::Board board = empty;
      const envs::go::PlayoutResult r =
          envs::go::random_playout(board, envs::go::Stone::Black, 0, 2 * size * size, kKomi, rng, options);
      ++playouts;
      moves += r.moves;
      black_wins += r.score > 0;
    }
  };
  run();  // warm-up
  PlayoutSpeed speed;
  speed.playouts_per_second = kPlayoutsPerCall / median_seconds_per_call(run, seconds);
  speed.moves_per_playout = double(moves) / double(playouts);
  speed.black_wins = double(black_wins) / double(playouts);
  return speed;
}

const std::pair<envs::go::PlayoutPolicy, const char*> kPolicies[] = {
    {envs::go::PlayoutPolicy::Uniform, "uniform"},
    {envs::go::PlayoutPolicy::AnswerAtari, "answer-atari"},
    {envs::go::PlayoutPolicy::Patterns, "patterns"},
};

// Simulations per second of the GTP engine's search (RAVE, Go knowledge, shape playouts) from the empty 9x9 board, for
// `seconds` of wall clock with root parallelism over `threads` trees.
double mcts_simulations_per_second(int threads, double seconds, uint64_t seed) {
  agents::mcts::GoPlayoutEvaluator evaluator;
  agents::mcts::MctsOptions options;
  options.max_simulations = 0;
  options.max_seconds = seconds;
  agents::mcts::use_go_search_settings(options);
  options.threads = threads;
  options.seed = seed;
  agents::mcts::MctsSearch search(evaluator, options);
  const envs::go::GoEnv env("go/9x9", envs::go::GoGame({9, kKomi, 0}));
  const auto start = std::chrono::steady_clock::now();
  search.choose_action(env);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return search.simulations() / elapsed;
}

}  // namespace

int run_go_bench(const GoBenchOptions& options) {
  fmt::print(
      "Go random playouts on one core (higher is better): from the empty board, uniform legal moves that fill\n");
  fmt::print(
      "no own eye, simple ko, to two passes or 2 x size^2 moves, area scored with komi {}; {} s a round, median "
      "of 5.\nanswer-atari also answers the last move's ataris and shuns self-atari of 2+ stones; patterns then plays "
      "MoGo's\n3x3 shapes next to the last move\n",
      kKomi, options.seconds);
  fmt::print("Peer: none measured (GNU Go has no playout mode)\n\n");
  fmt::print("{:<8} {:<13} {:>12} {:>14} {:>12} {:>11}\n", "board", "policy", "playouts/s", "moves/playout",
             "us/playout", "black wins");
  double speed9 = 0;
  for (int size : {9, 19})
    for (const auto& [policy, name] : kPolicies) {
      const PlayoutSpeed s = measure(size, policy, options.seconds, options.seed);
      if (size == 9 && policy == envs::go::PlayoutPolicy::Uniform) speed9 = s.playouts_per_second;
      fmt::print("{:<8} {:<13} {:>12.0f} {:>14.1f} {:>12.2f} {:>10.1f}%\n", fmt::format("{}x{}", size, size), name,
                 s.playouts_per_second, s.moves_per_playout, 1e6 / s.playouts_per_second, 100 * s.black_wins);
    }
  fmt::print("\nGoal >= {:.0f} uniform playouts/s on 9x9: {}\n", kGoalPlayoutsPerSecond9x9,
             speed9 >= kGoalPlayoutsPerSecond9x9 ? "met" : "NOT met");

  fmt::print(
      "\nMCTS on 9x9 from the empty board (the GTP engine's search: RAVE, Go knowledge, shape playouts), {} s of wall "
      "clock;\nmore threads are independent trees summed at the root (root parallelism)\n\n",
      options.seconds);
  fmt::print("{:<8} {:>14} {:>9}\n", "threads", "simulations/s", "speed-up");
  const double one = mcts_simulations_per_second(1, options.seconds, options.seed);
  fmt::print("{:<8} {:>14.0f} {:>8.2f}x\n", 1, one, 1.0);
  const int cores = int(std::max(2u, std::thread::hardware_concurrency()));
  const double all = mcts_simulations_per_second(cores, options.seconds, options.seed);
  fmt::print("{:<8} {:>14.0f} {:>8.2f}x\n", cores, all, all / one);
  return 0;
}

}  // namespace vkrl::bench
