// DC power flow as MATPOWER's makeBdc and dcpf define it: b = status/(x*tap), phase shifters as injections,
// B*theta = P solved for every bus but the slack, whose angle is its stored Va.
#include <Eigen/Sparse>
#include <Eigen/SparseCholesky>
#include <cmath>
#include <numbers>

#include "vkrl/envs/powergrid/power_flow.h"
#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

PowerFlowResult solve_dc(const GridCase& grid) {
  if (island_count(grid) != 1) throw Error("dc power flow: the network is split into islands");
  const int nb = static_cast<int>(grid.buses.size()), slack = grid.slack_bus();
  const double deg = std::numbers::pi / 180;
  // Reduced index of each bus: the slack is left out.
  std::vector<int> reduced(nb);
  for (int b = 0, k = 0; b < nb; ++b) reduced[b] = b == slack ? -1 : k++;

  std::vector<double> susceptance(grid.branches.size(), 0.0), shift_injection(grid.branches.size(), 0.0);
  std::vector<double> p_bus(nb, 0.0);  // net injection, p.u.
  for (const Generator& g : grid.generators) p_bus[g.bus] += g.pg_mw / grid.base_mva;
  for (int b = 0; b < nb; ++b) p_bus[b] -= (grid.buses[b].pd_mw + grid.buses[b].gs_mw) / grid.base_mva;

  std::vector<Eigen::Triplet<double>> entries;
  std::vector<double> slack_column(nb, 0.0);  // B(:, slack)
  auto add = [&](int row, int col, double v) {
    if (row == slack) return;
    if (col == slack) slack_column[row] += v;
    else entries.emplace_back(reduced[row], reduced[col], v);
  };
  for (size_t k = 0; k < grid.branches.size(); ++k) {
    const Branch& br = grid.branches[k];
    if (!br.in_service) continue;
    const double b = 1.0 / (br.x * br.tap());
    susceptance[k] = b;
    shift_injection[k] = -b * br.shift_deg * deg;
    p_bus[br.from] -= shift_injection[k];
    p_bus[br.to] += shift_injection[k];
    add(br.from, br.from, b), add(br.to, br.to, b), add(br.from, br.to, -b), add(br.to, br.from, -b);
  }
  Eigen::SparseMatrix<double> b_reduced(nb - 1, nb - 1);
  b_reduced.setFromTriplets(entries.begin(), entries.end());
  const double slack_angle = grid.buses[slack].va_deg * deg;
  Eigen::VectorXd rhs(nb - 1);
  for (int b = 0; b < nb; ++b)
    if (b != slack) rhs[reduced[b]] = p_bus[b] - slack_column[b] * slack_angle;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> ldlt(b_reduced);
  if (ldlt.info() != Eigen::Success) throw Error("dc power flow: the B matrix is singular");
  const Eigen::VectorXd theta = ldlt.solve(rhs);

  PowerFlowResult r;
  r.converged = true;
  r.vm.assign(nb, 1.0);
  r.va_rad.resize(nb);
  for (int b = 0; b < nb; ++b) r.va_rad[b] = b == slack ? slack_angle : theta[reduced[b]];
  const size_t nbr = grid.branches.size();
  r.flows = {std::vector<double>(nbr, 0.0), std::vector<double>(nbr, 0.0), std::vector<double>(nbr, 0.0),
             std::vector<double>(nbr, 0.0)};
  double slack_out = 0;  // p.u. leaving the slack bus through its branches
  for (size_t k = 0; k < nbr; ++k) {
    const Branch& br = grid.branches[k];
    if (!br.in_service) continue;
    const double pf = susceptance[k] * (r.va_rad[br.from] - r.va_rad[br.to]) + shift_injection[k];
    r.flows.p_from_mw[k] = pf * grid.base_mva;
    r.flows.p_to_mw[k] = -pf * grid.base_mva;
    if (br.from == slack) slack_out += pf;
    if (br.to == slack) slack_out -= pf;
  }
  // The slack's generators share what its branches, demand and shunt take.
  int at_slack = 0;
  for (const Generator& g : grid.generators)
    if (g.bus == slack) ++at_slack;
  r.gen_p_mw.resize(grid.generators.size());
  r.gen_q_mvar.assign(grid.generators.size(), 0.0);
  const double slack_total = slack_out * grid.base_mva + grid.buses[slack].pd_mw + grid.buses[slack].gs_mw;
  for (size_t g = 0; g < grid.generators.size(); ++g)
    r.gen_p_mw[g] = grid.generators[g].bus == slack ? slack_total / at_slack : grid.generators[g].pg_mw;
  return r;
}

}  // namespace vkrl::envs::powergrid
