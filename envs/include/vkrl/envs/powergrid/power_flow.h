// Power flow on a GridCase, in MATPOWER's conventions. solve_dc() is the linear B-theta approximation of makeBdc/dcpf
// (b = 1/(x*tap), phase shifts as injections, resistances and charging ignored). AcSolver is a polar Newton-Raphson
// on the full pi model with a sparse Jacobian; it keeps the sparse LU's symbolic analysis while the Jacobian's pattern
// stays the same (the topology did not change) and may start from a previous solution. Generator reactive limits are
// not enforced: PV buses hold their setpoint, as MATPOWER's runpf does by default (pf.enforce_q_lims = 0). Both
// solvers expect one connected network with one slack bus; bus_islands() finds the connected components first.
#pragma once

#include <memory>
#include <vector>

#include "vkrl/envs/powergrid/grid_case.h"

namespace vkrl::envs::powergrid {

// The connected component of every bus over in-service branches, numbered from 0 in order of first bus.
std::vector<int> bus_islands(const GridCase& grid);
int island_count(const GridCase& grid);

struct BranchFlows {
  std::vector<double> p_from_mw, q_from_mvar, p_to_mw, q_to_mvar;  // into the branch at each end; 0 when out
};

struct PowerFlowResult {
  bool converged = false;
  int iterations = 0;
  std::vector<double> vm, va_rad;  // per bus
  BranchFlows flows;
  std::vector<double> gen_p_mw, gen_q_mvar;  // slack's P and PV buses' Q filled in (shared equally at a bus)
};

// Throws vkrl::Error when the network is not connected or has no slack bus.
PowerFlowResult solve_dc(const GridCase& grid);

class AcSolver {
public:
  AcSolver();
  ~AcSolver();
  AcSolver(const AcSolver&);
  AcSolver& operator=(const AcSolver&);

  double tolerance = 1e-9;  // largest power mismatch, p.u.
  int max_iterations = 20;

  // Starts from `start`'s voltages when it is given, converged and of this network's size; else from the case's
  // bus voltages with generator setpoints. Returns converged = false on divergence (it does not throw for that).
  PowerFlowResult solve(const GridCase& grid, const PowerFlowResult* start = nullptr);

private:
  struct Factorisation;
  std::unique_ptr<Factorisation> lu_;
};

}  // namespace vkrl::envs::powergrid
