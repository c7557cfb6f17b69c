// From substations and busbars to the bus-branch network the power flow solves.
#include "vkrl/envs/powergrid/grid_topology.h"

namespace vkrl::envs::powergrid {

GridTopology GridTopology::all_on_busbar_1(const GridModel& model) {
  return {std::vector<int>(model.dim_topo(), 1), std::vector<bool>(model.lines.size(), true)};
}

std::vector<int> GridTopology::topo_vect(const GridModel& model) const {
  std::vector<int> v = bus;
  for (size_t l = 0; l < model.lines.size(); ++l)
    if (!line_status[l]) v[model.line_or_pos[l]] = v[model.line_ex_pos[l]] = -1;
  return v;
}

GridNetwork build_network(const GridModel& model, const GridTopology& topology, const Injections& injections) {
  GridNetwork net;
  const int subs = model.sub_count();
  // Which busbars have something connected; then one bus each, in order.
  std::vector<int> busbar_bus(2 * subs, -1);
  auto busbar = [&](int pos) { return 2 * model.pos_sub[pos] + topology.bus[pos] - 1; };
  auto mark = [&](int pos) {
    if (topology.bus[pos] > 0) busbar_bus[busbar(pos)] = 0;
  };
  for (int pos : model.load_pos) mark(pos);
  for (int pos : model.gen_pos) mark(pos);
  for (size_t l = 0; l < model.lines.size(); ++l)
    if (topology.line_status[l]) mark(model.line_or_pos[l]), mark(model.line_ex_pos[l]);
  for (int b = 0; b < 2 * subs; ++b)
    if (busbar_bus[b] == 0) {
      busbar_bus[b] = static_cast<int>(net.bus_sub.size());
      net.bus_sub.push_back(b / 2);
    }
  net.grid.base_mva = model.base_mva;
  net.grid.buses.assign(net.bus_sub.size(), Bus{});
  net.pos_bus.assign(model.dim_topo(), -1);
  auto connect = [&](int pos) { return net.pos_bus[pos] = topology.bus[pos] > 0 ? busbar_bus[busbar(pos)] : -1; };

  for (size_t i = 0; i < model.loads.size(); ++i) {
    const int b = connect(model.load_pos[i]);
    if (b < 0) {
      net.element_disconnected = true;
      continue;
    }
    net.grid.buses[b].pd_mw += injections.load_p_mw[i];
    net.grid.buses[b].qd_mvar += injections.load_q_mvar[i];
  }
  for (size_t i = 0; i < model.gens.size(); ++i) {
    const ModelGen& g = model.gens[i];
    const int b = connect(model.gen_pos[i]);
    if (b < 0) {
      net.element_disconnected = true;
      continue;
    }
    Bus& bus = net.grid.buses[b];
    if (g.slack) bus.type = BusType::Slack;
    else if (bus.type == BusType::PQ) bus.type = BusType::PV;
    bus.vm = g.v_set;
    net.grid.generators.push_back({b, injections.gen_p_mw[i], 0, g.v_set});
  }
  for (const ModelShunt& s : model.shunts)
    if (const int b = busbar_bus[2 * s.sub]; b >= 0) net.grid.buses[b].gs_mw += s.gs_mw, net.grid.buses[b].bs_mvar += s.bs_mvar;
  net.line_branch.assign(model.lines.size(), -1);
  for (size_t l = 0; l < model.lines.size(); ++l) {
    if (!topology.line_status[l]) continue;
    const ModelLine& line = model.lines[l];
    net.line_branch[l] = static_cast<int>(net.grid.branches.size());
    net.grid.branches.push_back({connect(model.line_or_pos[l]), connect(model.line_ex_pos[l]), line.r, line.x, line.b,
                                 line.ratio, line.shift_deg, true});
  }
  return net;
}

}  // namespace vkrl::envs::powergrid
