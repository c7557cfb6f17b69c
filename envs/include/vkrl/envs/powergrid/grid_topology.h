// GridTopology is where every element of a GridModel is connected: busbar 1 or 2 of its substation for each topo_vect
// position, and whether each powerline is in service. build_network() turns it, with the loads' and generators'
// setpoints, into the bus-branch GridCase the power flow solves: one bus per busbar that has an element on it
// (substation s busbar 1 before busbar 2, substations in order), the slack generator's bus as the slack, PV buses
// wherever another generator is connected.
#pragma once

#include <vector>

#include "vkrl/envs/powergrid/grid_case.h"
#include "vkrl/envs/powergrid/grid_model.h"

namespace vkrl::envs::powergrid {

struct GridTopology {
  // Per topo_vect position: 1 or 2, or -1 for a load or generator disconnected. A line end keeps the busbar it
  // returns to when its line is reconnected.
  std::vector<int> bus;
  std::vector<bool> line_status;

  static GridTopology all_on_busbar_1(const GridModel& model);
  // Grid2Op's topo_vect: the busbar, or -1 at both ends of a line out of service.
  std::vector<int> topo_vect(const GridModel& model) const;
  bool operator==(const GridTopology&) const = default;
};

struct Injections {
  std::vector<double> load_p_mw, load_q_mvar;  // per load
  std::vector<double> gen_p_mw;                // per generator; the slack's is where the solver starts
};

struct GridNetwork {
  GridCase grid;
  std::vector<int> pos_bus;      // the GridCase bus of every topo_vect position, -1 when disconnected
  std::vector<int> line_branch;  // the GridCase branch of every line, -1 when out of service
  std::vector<int> bus_sub;      // the substation of every GridCase bus
  bool element_disconnected = false;  // a load or generator is on no bus
};

GridNetwork build_network(const GridModel& model, const GridTopology& topology, const Injections& injections);

}  // namespace vkrl::envs::powergrid
