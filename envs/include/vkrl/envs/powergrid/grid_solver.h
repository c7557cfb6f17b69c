// GridSolver runs the power flow of a GridModel in a given topology and returns what Grid2Op observes: active and
// reactive power, voltage (kV) and current (A) at both ends of every line, generators' output and every load's
// voltage. It fails, naming why, when a load or generator is disconnected, the network splits into islands, or the
// AC Newton-Raphson diverges: each is a game over in Grid2Op. The AC solver starts from its last solution.
#pragma once

#include <string>
#include <vector>

#include "vkrl/envs/powergrid/grid_model.h"
#include "vkrl/envs/powergrid/grid_topology.h"
#include "vkrl/envs/powergrid/power_flow.h"

namespace vkrl::envs::powergrid {

enum class FlowModel { Ac, Dc };

struct GridFlows {
  bool ok = false;
  std::string failure;  // empty when ok: "a load or generator is disconnected", "islanding", "divergence"
  std::vector<double> p_or, q_or, v_or, a_or, p_ex, q_ex, v_ex, a_ex;  // per line; 0 when out of service
  std::vector<double> gen_p, gen_q, gen_v;                             // per generator
  std::vector<double> load_v;                                          // per load
  double losses_mw() const;                                           // sum of p_or + p_ex
};

class GridSolver {
public:
  explicit GridSolver(FlowModel model = FlowModel::Ac) : model_(model) {}
  FlowModel flow_model() const { return model_; }
  GridFlows solve(const GridModel& model, const GridTopology& topology, const Injections& injections);
  void forget_start() { last_.converged = false; }  // the next AC solve starts from the setpoints

private:
  FlowModel model_;
  AcSolver ac_;
  PowerFlowResult last_;
};

}  // namespace vkrl::envs::powergrid
