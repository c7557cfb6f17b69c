// Validation, description and the discrete set of GridActions.
#include "vkrl/envs/powergrid/grid_action.h"

#include <cmath>
#include <cstdio>

#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

bool GridAction::empty() const {
  return set_bus.empty() && change_bus.empty() && set_line_status.empty() && change_line_status.empty() &&
         redispatch.empty();
}

namespace {

void check_position(const GridModel& model, const char* field, int pos) {
  if (pos < 0 || pos >= model.dim_topo())
    throw Error("powergrid action: " + std::string(field) + " names topo_vect position " + std::to_string(pos) +
                ", the grid has " + std::to_string(model.dim_topo()) + " (0 to " +
                std::to_string(model.dim_topo() - 1) + ")");
}

void check_line(const GridModel& model, const char* field, int line) {
  if (line < 0 || line >= static_cast<int>(model.lines.size()))
    throw Error("powergrid action: " + std::string(field) + " names line " + std::to_string(line) + ", the grid has " +
                std::to_string(model.lines.size()));
}

}  // namespace

void GridAction::validate(const GridModel& model) const {
  for (const auto& [pos, bus] : set_bus) {
    check_position(model, "set_bus", pos);
    if (bus != 1 && bus != 2 && bus != -1)
      throw Error("powergrid action: set_bus puts " + model.position_name(pos) + " on bus " + std::to_string(bus) +
                  "; a bus is 1, 2 or -1 (disconnect)");
  }
  for (int pos : change_bus) check_position(model, "change_bus", pos);
  for (const auto& [line, status] : set_line_status) {
    check_line(model, "set_line_status", line);
    if (status != 1 && status != -1)
      throw Error("powergrid action: set_line_status gives line " + model.lines[line].name + " status " +
                  std::to_string(status) + "; a status is +1 or -1");
  }
  for (int line : change_line_status) check_line(model, "change_line_status", line);
  for (const auto& [gen, mw] : redispatch) {
    if (gen < 0 || gen >= static_cast<int>(model.gens.size()))
      throw Error("powergrid action: redispatch names generator " + std::to_string(gen) + ", the grid has " +
                  std::to_string(model.gens.size()));
    const ModelGen& g = model.gens[gen];
    if (g.renewable())
      throw Error("powergrid action: redispatch of " + g.name + ", a " + gen_type_name(g.type) +
                  " generator; only dispatchable ones can be redispatched");
    if (g.slack)
      throw Error("powergrid action: redispatch of " + g.name + ", the slack, which absorbs every redispatch");
    if (!std::isfinite(mw)) throw Error("powergrid action: redispatch of " + g.name + " by a value that is not finite");
  }
}

std::string GridAction::describe(const GridModel& model) const {
  if (empty()) return "do nothing";
  std::string out;
  auto add = [&out](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
  for (const auto& [line, status] : set_line_status)
    add(std::string(status > 0 ? "reconnect " : "disconnect ") + model.lines[line].name);
  for (int line : change_line_status) add("toggle " + model.lines[line].name);
  if (!set_bus.empty()) {
    std::string on_two;
    for (const auto& [pos, bus] : set_bus)
      if (bus == 2) on_two += (on_two.empty() ? "" : ", ") + model.position_name(pos);
    add("sub " + std::to_string(model.pos_sub[set_bus.front().first]) +
        ": bus 2 = " + (on_two.empty() ? "none" : on_two));
  }
  for (int pos : change_bus) add("change bus of " + model.position_name(pos));
  for (const auto& [gen, mw] : redispatch) {
    char mw_text[32];
    std::snprintf(mw_text, sizeof mw_text, "%+g MW", mw);
    add("redispatch " + model.gens[gen].name + " " + mw_text);
  }
  return out;
}

std::vector<GridAction> discrete_actions(const GridModel& model) {
  std::vector<GridAction> actions(1);  // do nothing
  for (int l = 0; l < static_cast<int>(model.lines.size()); ++l) actions.push_back({.set_line_status = {{l, 1}}});
  std::vector<bool> is_line_end(model.dim_topo(), false);
  for (size_t l = 0; l < model.lines.size(); ++l) is_line_end[model.line_or_pos[l]] = is_line_end[model.line_ex_pos[l]] = true;
  for (int s = 0; s < model.sub_count(); ++s) {
    if (model.sub_info[s] < 4) continue;
    std::vector<int> positions;
    for (int p = 0; p < model.dim_topo(); ++p)
      if (model.pos_sub[p] == s) positions.push_back(p);
    auto config = [&](int a, int b) {
      GridAction action;
      for (int p : positions) action.set_bus.push_back({p, p == a || p == b ? 2 : 1});
      return action;
    };
    actions.push_back(config(-1, -1));
    for (size_t i = 0; i < positions.size(); ++i)
      for (size_t j = i + 1; j < positions.size(); ++j) {
        const int a = positions[i], b = positions[j];
        int lines_on_one = 0;
        for (int p : positions) lines_on_one += is_line_end[p] && p != a && p != b;
        if ((is_line_end[a] || is_line_end[b]) && lines_on_one > 0) actions.push_back(config(a, b));
      }
  }
  for (int g = 0; g < static_cast<int>(model.gens.size()); ++g)
    if (!model.gens[g].renewable() && !model.gens[g].slack && model.gens[g].ramp_mw > 0)
      for (double sign : {1.0, -1.0}) actions.push_back({.redispatch = {{g, sign * model.gens[g].ramp_mw}}});
  return actions;
}

}  // namespace vkrl::envs::powergrid
