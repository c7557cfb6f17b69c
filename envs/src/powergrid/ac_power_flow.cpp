// Newton-Raphson AC power flow in polar coordinates, after MATPOWER's makeYbus, dSbus_dV and newtonpf: unknowns are
// the angles of PV and PQ buses and the magnitudes of PQ buses; the Jacobian is assembled sparse and factorised with
// Eigen's SparseLU, whose symbolic analysis is kept while the pattern is unchanged.
#include <Eigen/Sparse>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <span>

#include "vkrl/envs/powergrid/power_flow.h"
#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

using Complex = std::complex<double>;

struct AcSolver::Factorisation {
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
  std::vector<int> outer, inner;  // the pattern lu was analysed for

  void factorise(const Eigen::SparseMatrix<double>& j) {
    const std::span<const int> o(j.outerIndexPtr(), static_cast<size_t>(j.outerSize()) + 1);
    const std::span<const int> i(j.innerIndexPtr(), static_cast<size_t>(j.nonZeros()));
    if (!std::equal(o.begin(), o.end(), outer.begin(), outer.end()) ||
        !std::equal(i.begin(), i.end(), inner.begin(), inner.end())) {
      lu.analyzePattern(j);
      outer.assign(o.begin(), o.end());
      inner.assign(i.begin(), i.end());
    }
    lu.factorize(j);
  }
};

AcSolver::AcSolver() : lu_(std::make_unique<Factorisation>()) {}
AcSolver::~AcSolver() = default;
// A copy starts with no symbolic analysis: it redoes it on its first solve.
AcSolver::AcSolver(const AcSolver& other)
    : tolerance(other.tolerance), max_iterations(other.max_iterations), lu_(std::make_unique<Factorisation>()) {}
AcSolver& AcSolver::operator=(const AcSolver& other) {
  tolerance = other.tolerance;
  max_iterations = other.max_iterations;
  lu_ = std::make_unique<Factorisation>();
  return *this;
}

namespace {

// A branch's pi model as the four admittances linking its end currents to its end voltages.
struct BranchAdmittance {
  Complex ff, ft, tf, tt;
};

BranchAdmittance admittance(const Branch& br) {
  const Complex series = 1.0 / Complex(br.r, br.x);
  const Complex tt = series + Complex(0, br.b / 2);
  const Complex tap = std::polar(br.tap(), br.shift_deg * std::numbers::pi / 180);
  return {tt / (br.tap() * br.tap()), -series / std::conj(tap), -series / tap, tt};
}

}  // namespace

PowerFlowResult AcSolver::solve(const GridCase& grid, const PowerFlowResult* start) {
  if (island_count(grid) != 1) throw Error("ac power flow: the network is split into islands");
  const int nb = static_cast<int>(grid.buses.size());
  grid.slack_bus();  // throws when there is none

  // Bus admittance matrix.
  std::vector<Eigen::Triplet<Complex>> y_entries;
  std::vector<BranchAdmittance> y_branch(grid.branches.size());
  for (int b = 0; b < nb; ++b)
    y_entries.emplace_back(b, b, Complex(grid.buses[b].gs_mw, grid.buses[b].bs_mvar) / grid.base_mva);
  for (size_t k = 0; k < grid.branches.size(); ++k) {
    const Branch& br = grid.branches[k];
    if (!br.in_service) continue;
    const BranchAdmittance y = y_branch[k] = admittance(br);
    y_entries.emplace_back(br.from, br.from, y.ff);
    y_entries.emplace_back(br.from, br.to, y.ft);
    y_entries.emplace_back(br.to, br.from, y.tf);
    y_entries.emplace_back(br.to, br.to, y.tt);
  }
  Eigen::SparseMatrix<Complex> ybus(nb, nb);
  ybus.setFromTriplets(y_entries.begin(), y_entries.end());

  // Specified injections and the starting voltage.
  Eigen::VectorXcd s_spec(nb);
  std::vector<double> vm(nb), va(nb);
  const bool warm = start && start->converged && static_cast<int>(start->vm.size()) == nb;
  for (int b = 0; b < nb; ++b) {
    s_spec[b] = -Complex(grid.buses[b].pd_mw, grid.buses[b].qd_mvar) / grid.base_mva;
    vm[b] = warm ? start->vm[b] : grid.buses[b].vm;
    va[b] = warm ? start->va_rad[b] : grid.buses[b].va_deg * std::numbers::pi / 180;
  }
  for (const Generator& g : grid.generators) {
    s_spec[g.bus] += Complex(g.pg_mw, g.qg_mvar) / grid.base_mva;
    if (grid.buses[g.bus].type != BusType::PQ) vm[g.bus] = g.vg;
  }

  // Unknowns: angle of every PV and PQ bus, then magnitude of every PQ bus (MATPOWER's [pv; pq] order).
  std::vector<int> angle_index(nb, -1), magnitude_index(nb, -1);
  int n = 0;
  for (BusType type : {BusType::PV, BusType::PQ})
    for (int b = 0; b < nb; ++b)
      if (grid.buses[b].type == type) angle_index[b] = n++;
  for (int b = 0; b < nb; ++b)
    if (grid.buses[b].type == BusType::PQ) magnitude_index[b] = n++;

  Eigen::VectorXcd v(nb), current(nb);
  Eigen::VectorXd mismatch(n);
  std::vector<Eigen::Triplet<double>> j_entries;
  Eigen::SparseMatrix<double> jacobian(n, n);
  PowerFlowResult r;
  for (int iteration = 0;; ++iteration) {
    for (int b = 0; b < nb; ++b) v[b] = std::polar(vm[b], va[b]);
    current = ybus * v;
    for (int b = 0; b < nb; ++b) {
      const Complex s = v[b] * std::conj(current[b]) - s_spec[b];
      if (angle_index[b] >= 0) mismatch[angle_index[b]] = s.real();
      if (magnitude_index[b] >= 0) mismatch[magnitude_index[b]] = s.imag();
    }
    const double worst = n == 0 ? 0.0 : mismatch.cwiseAbs().maxCoeff();
    r.iterations = iteration;
    if (!std::isfinite(worst)) break;
    if (worst < tolerance) {
      r.converged = true;
      break;
    }
    if (iteration == max_iterations) break;

    // dS/dVa(i,k) = j V_i conj(delta_ik I_i - Y_ik V_k); dS/dVm(i,k) = V_i conj(Y_ik Vn_k) + delta_ik conj(I_i) Vn_i.
    j_entries.clear();
    for (int k = 0; k < nb; ++k) {
      const Complex vn_k = v[k] / vm[k];
      for (Eigen::SparseMatrix<Complex>::InnerIterator it(ybus, k); it; ++it) {
        const int i = static_cast<int>(it.row());
        Complex d_angle = Complex(0, 1) * v[i] * std::conj(-it.value() * v[k]);
        Complex d_magnitude = v[i] * std::conj(it.value() * vn_k);
        if (i == k) {
          d_angle += Complex(0, 1) * v[i] * std::conj(current[i]);
          d_magnitude += std::conj(current[i]) * vn_k;
        }
        if (angle_index[i] >= 0) {
          if (angle_index[k] >= 0) j_entries.emplace_back(angle_index[i], angle_index[k], d_angle.real());
          if (magnitude_index[k] >= 0) j_entries.emplace_back(angle_index[i], magnitude_index[k], d_magnitude.real());
        }
        if (magnitude_index[i] >= 0) {
          if (angle_index[k] >= 0) j_entries.emplace_back(magnitude_index[i], angle_index[k], d_angle.imag());
          if (magnitude_index[k] >= 0)
            j_entries.emplace_back(magnitude_index[i], magnitude_index[k], d_magnitude.imag());
        }
      }
    }
    jacobian.setFromTriplets(j_entries.begin(), j_entries.end());
    lu_->factorise(jacobian);
    if (lu_->lu.info() != Eigen::Success) break;
    const Eigen::VectorXd step = lu_->lu.solve(-mismatch);
    for (int b = 0; b < nb; ++b) {
      if (angle_index[b] >= 0) va[b] += step[angle_index[b]];
      if (magnitude_index[b] >= 0) vm[b] += step[magnitude_index[b]];
    }
  }
  r.vm = vm;
  r.va_rad = va;
  if (!r.converged) return r;

  const size_t nbr = grid.branches.size();
  r.flows = {std::vector<double>(nbr, 0.0), std::vector<double>(nbr, 0.0), std::vector<double>(nbr, 0.0),
             std::vector<double>(nbr, 0.0)};
  for (size_t k = 0; k < nbr; ++k) {
    const Branch& br = grid.branches[k];
    if (!br.in_service) continue;
    const BranchAdmittance& y = y_branch[k];
    const Complex vf = v[br.from], vt = v[br.to];
    const Complex sf = vf * std::conj(y.ff * vf + y.ft * vt) * grid.base_mva;
    const Complex st = vt * std::conj(y.tf * vf + y.tt * vt) * grid.base_mva;
    r.flows.p_from_mw[k] = sf.real(), r.flows.q_from_mvar[k] = sf.imag();
    r.flows.p_to_mw[k] = st.real(), r.flows.q_to_mvar[k] = st.imag();
  }
  // Generators: the slack's take the remaining P and Q, PV buses' the remaining Q, shared equally at a bus.
  std::vector<int> gens_at(nb, 0);
  for (const Generator& g : grid.generators) ++gens_at[g.bus];
  r.gen_p_mw.resize(grid.generators.size());
  r.gen_q_mvar.resize(grid.generators.size());
  for (size_t g = 0; g < grid.generators.size(); ++g) {
    const Generator& gen = grid.generators[g];
    const int b = gen.bus;
    const Complex s_bus = (v[b] * std::conj(current[b])) * grid.base_mva + Complex(grid.buses[b].pd_mw, grid.buses[b].qd_mvar);
    r.gen_p_mw[g] = grid.buses[b].type == BusType::Slack ? s_bus.real() / gens_at[b] : gen.pg_mw;
    r.gen_q_mvar[g] = grid.buses[b].type == BusType::PQ ? gen.qg_mvar : s_bus.imag() / gens_at[b];
  }
  return r;
}

}  // namespace vkrl::envs::powergrid
