#include "vkrl/bench/go_bench.h"

#include <fmt/format.h>

#include "vkrl/bench/timing.h"
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

PlayoutSpeed measure(int size, double seconds, uint64_t seed) {
  const envs::go::Board empty(size);
  envs::go::PlayoutRng rng(seed);
  long playouts = 0, moves = 0, black_wins = 0;
  const auto run = [&] {
    for (int i = 0; i < kPlayoutsPerCall; ++i) {
      envs::go::Board board = empty;
      const envs::go::PlayoutResult r =
          envs::go::random_playout(board, envs::go::Stone::Black, 0, 2 * size * size, kKomi, rng);
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

}  // namespace

int run_go_bench(const GoBenchOptions& options) {
  fmt::print(
      "Go random playouts on one core (higher is better): from the empty board, uniform legal moves that fill\n");
  fmt::print(
      "no own eye, simple ko, to two passes or 2 x size^2 moves, area scored with komi {}; {} s a round, median "
      "of 5\n",
      kKomi, options.seconds);
  fmt::print("Peer: none measured (GNU Go has no playout mode)\n\n");
  fmt::print("{:<8} {:>12} {:>14} {:>14} {:>12}\n", "board", "playouts/s", "moves/playout", "us/playout", "black wins");
  double speed9 = 0;
  for (int size : {9, 19}) {
    const PlayoutSpeed s = measure(size, options.seconds, options.seed);
    if (size == 9) speed9 = s.playouts_per_second;
    fmt::print("{:<8} {:>12.0f} {:>14.1f} {:>14.2f} {:>11.1f}%\n", fmt::format("{}x{}", size, size),
               s.playouts_per_second, s.moves_per_playout, 1e6 / s.playouts_per_second, 100 * s.black_wins);
  }
  fmt::print("\nGoal >= {:.0f} playouts/s on 9x9: {}\n", kGoalPlayoutsPerSecond9x9,
             speed9 >= kGoalPlayoutsPerSecond9x9 ? "met" : "NOT met");
  return 0;
}

}  // namespace vkrl::bench
