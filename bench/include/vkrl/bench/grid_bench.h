// `vkrl bench grid`: speed of the power-grid environment on one core. AC and DC env steps per second of
// powergrid/case14 with the DoNothing agent (step + observation, reset at the end of an episode), and AC power-flow
// solves per second on MATPOWER's case14 (vkrl's Newton-Raphson from the case's voltages, as runpf starts) beside
// MATPOWER's runpf run by GNU Octave in the same run when octave-cli is installed (bench/matpower_runpf_speed.m on
// ../shared/peers/matpower). LightSim2Grid's and pandapower's published Grid2Op step rates are printed for scale.
#pragma once

#include <cstdint>
#include <string>

namespace vkrl::bench {

struct GridBenchOptions {
  double seconds = 2.0;  // timed seconds per measurement
  std::string matpower;  // MATPOWER checkout; empty: ../shared/peers/matpower beside the repository
  uint64_t seed = 0;
};

int run_grid_bench(const GridBenchOptions& options);

}  // namespace vkrl::bench
