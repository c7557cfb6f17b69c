// `vkrl bench go`: random playouts per second on one core, on 9x9 and 19x19, through the fast playout path
// (envs/go/playout.h: legal moves that fill no own eye, simple ko only, to two passes or 2 * size^2 moves, scored by
// area), uniform and answering ataris; then the GTP engine's MCTS simulations per second on 9x9 on one thread and on
// every core. Each playout and search starts from the empty board. There is no peer measured in the same run: GNU Go
// has no playout mode.
#pragma once

#include <cstdint>

namespace vkrl::bench {

struct GoBenchOptions {
  double seconds = 2.0;  // timed seconds per round (each result is a median of 5)
  uint64_t seed = 0;
};

int run_go_bench(const GoBenchOptions& options);

}  // namespace vkrl::bench
