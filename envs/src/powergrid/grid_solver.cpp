// Power flow of a GridModel's topology, reported per element in Grid2Op's units (MW, MVAr, kV, A).
#include "vkrl/envs/powergrid/grid_solver.h"

#include <cmath>
#include <numeric>

namespace vkrl::envs::powergrid {

double GridFlows::losses_mw() const {
  return std::accumulate(p_or.begin(), p_or.end(), 0.0) + std::accumulate(p_ex.begin(), p_ex.end(), 0.0);
}

GridFlows GridSolver::solve(const GridModel& model, const GridTopology& topology, const Injections& injections) {
  GridFlows out;
  const GridNetwork net = build_network(model, topology, injections);
  if (net.element_disconnected) {
    out.failure = "a load or generator is disconnected";
    return out;
  }
  if (island_count(net.grid) != 1) {
    out.failure = "islanding";
    return out;
  }
  PowerFlowResult r;
  if (model_ == FlowModel::Dc) {
    r = solve_dc(net.grid);
  } else {
    r = ac_.solve(net.grid, &last_);
    last_ = r;
    if (!r.converged) {
      out.failure = "divergence";
      return out;
    }
  }
  out.ok = true;
  const size_t nl = model.lines.size();
  for (auto* v : {&out.p_or, &out.q_or, &out.v_or, &out.a_or, &out.p_ex, &out.q_ex, &out.v_ex, &out.a_ex})
    v->assign(nl, 0.0);
  // Current in A from apparent power in MVA and line-to-line voltage in kV.
  auto amperes = [](double p, double q, double kv) { return std::hypot(p, q) / (std::sqrt(3.0) * kv) * 1000; };
  for (size_t l = 0; l < nl; ++l) {
    const int k = net.line_branch[l];
    if (k < 0) continue;
    const Branch& br = net.grid.branches[k];
    out.p_or[l] = r.flows.p_from_mw[k], out.q_or[l] = r.flows.q_from_mvar[k];
    out.p_ex[l] = r.flows.p_to_mw[k], out.q_ex[l] = r.flows.q_to_mvar[k];
    out.v_or[l] = r.vm[br.from] * model.sub_kv[model.lines[l].origin_sub];
    out.v_ex[l] = r.vm[br.to] * model.sub_kv[model.lines[l].extremity_sub];
    out.a_or[l] = amperes(out.p_or[l], out.q_or[l], out.v_or[l]);
    out.a_ex[l] = amperes(out.p_ex[l], out.q_ex[l], out.v_ex[l]);
  }
  out.gen_p = r.gen_p_mw;
  out.gen_q = r.gen_q_mvar;
  out.gen_v.resize(model.gens.size());
  for (size_t g = 0; g < model.gens.size(); ++g)
    out.gen_v[g] = r.vm[net.pos_bus[model.gen_pos[g]]] * model.sub_kv[model.gens[g].sub];
  out.load_v.resize(model.loads.size());
  for (size_t i = 0; i < model.loads.size(); ++i)
    out.load_v[i] = r.vm[net.pos_bus[model.load_pos[i]]] * model.sub_kv[model.loads[i].sub];
  return out;
}

}  // namespace vkrl::envs::powergrid
