// GridAction is a structured action on a GridModel, after Grid2Op's PlayableAction without storage and curtailment:
// set the busbar of topo_vect positions (1 or 2, or -1 to disconnect; -1 on a line end takes its line out of service),
// change (toggle between busbars 1 and 2) the busbar of positions, set the status of lines (+1 reconnects at the line
// ends' last busbars, -1 disconnects), change (toggle) the status of lines, and redispatch dispatchable generators (MW
// added to their target dispatch; the slack absorbs the difference, so it cannot be redispatched itself).
// discrete_actions() is the set agents choose from: do nothing, reconnect each line, then for every substation with
// four elements or more its configuration with all elements on busbar 1 and every split that moves two elements to
// busbar 2 while each busbar keeps a line, then a redispatch of one ramp up and one ramp down for every dispatchable
// generator other than the slack.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "vkrl/envs/powergrid/grid_model.h"

namespace vkrl::envs::powergrid {

struct GridAction {
  std::vector<std::pair<int, int>> set_bus;          // topo_vect position, busbar 1 | 2 | -1
  std::vector<int> change_bus;                       // topo_vect positions toggled between busbars 1 and 2
  std::vector<std::pair<int, int>> set_line_status;  // line, +1 | -1
  std::vector<int> change_line_status;               // lines toggled in or out of service
  std::vector<std::pair<int, double>> redispatch;    // generator, MW added to its target dispatch

  bool empty() const;
  // Throws vkrl::Error naming the first position, line, generator or value that the model does not have or allow.
  void validate(const GridModel& model) const;
  // "do nothing", "reconnect 0_1_0", "sub 5: bus 2 = ...", "redispatch gen_1_0 +5 MW", parts joined by "; ".
  std::string describe(const GridModel& model) const;
};

std::vector<GridAction> discrete_actions(const GridModel& model);

}  // namespace vkrl::envs::powergrid
