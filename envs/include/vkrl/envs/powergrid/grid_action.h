// GridAction is a structured action on a GridModel, after Grid2Op's PlayableAction restricted to topology: set the
// busbar of topo_vect positions (1 or 2, or -1 to disconnect; -1 on a line end takes its line out of service) and set
// the status of lines (+1 reconnects at the line ends' last busbars, -1 disconnects). discrete_actions() is the set
// agents choose from: do nothing, reconnect each line, then for every substation with four elements or more its
// configuration with all elements on busbar 1 and every split that moves two elements to busbar 2 while each busbar
// keeps a line.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "vkrl/envs/powergrid/grid_model.h"

namespace vkrl::envs::powergrid {

struct GridAction {
  std::vector<std::pair<int, int>> set_bus;          // topo_vect position, busbar 1 | 2 | -1
  std::vector<std::pair<int, int>> set_line_status;  // line, +1 | -1

  bool empty() const { return set_bus.empty() && set_line_status.empty(); }
  // Throws vkrl::Error naming the first position, line or value that does not exist in the model.
  void validate(const GridModel& model) const;
  std::string describe(const GridModel& model) const;  // "do nothing", "reconnect 0_1_0", "sub 5: bus 2 = ..."
};

std::vector<GridAction> discrete_actions(const GridModel& model);

}  // namespace vkrl::envs::powergrid
