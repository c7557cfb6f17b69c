// DC and AC power flow on MATPOWER's case14 against REFERENCE.md section 6.4-6.5: the exact rundcpf vector (and the
// tap-free "trap" vector it must not give), MATPOWER's runpf and the AC solution stored in the case, Kirchhoff's
// law at every bus, warm starts, divergence and islands.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

#include "support/vulkan_fixture.h"
#include "vkrl/envs/powergrid/power_flow.h"
#include "vkrl/error.h"

using namespace vkrl::envs::powergrid;

namespace {

constexpr double kDeg = 180 / std::numbers::pi;

// MATPOWER rundcpf on case14, branch flows Pf in MW and bus angles in degrees (REFERENCE.md 6.5).
const double kDcFlow[20] = {147.838596, 71.161404, 70.014636, 55.151853, 40.972107, -24.185364, -61.746491,
                            28.361153,  16.551827, 42.787021, 6.728346,  7.607358,  17.251317,  0.000000,
                            28.361153,  5.771654,  9.641325,  -3.228346, 1.507358,  5.258675};
const double kDcFlowNoTap[20] = {147.880575, 71.119425, 70.050239, 55.226362, 40.903974, -24.149761, -62.339802,
                                 28.985080,  16.631322, 42.083597, 6.304761,  7.545145,  17.033692,  0.000000,
                                 28.985080,  6.195239,  9.921163,  -2.804761, 1.445145,  4.978837};
const double kDcAngle[14] = {0.000000,   -5.012011,  -12.953663, -10.583667, -9.093894,  -14.852079, -13.907055,
                             -13.907055, -15.694689, -15.974123, -15.618850, -15.967077, -16.139704, -17.188288};

// MATPOWER 8.1.1-dev runpf on case14 under GNU Octave 7.3 (pf.tol 1e-12), run here: bus voltages, branch flows at
// the from end, generator outputs.
const double kAcVm[14] = {1.06000000, 1.04500000, 1.01000000, 1.01767085, 1.01951386, 1.07000000, 1.06151953,
                          1.09000000, 1.05593172, 1.05098462, 1.05690652, 1.05518856, 1.05038171, 1.03552995};
const double kAcVaDeg[14] = {0.00000000,   -4.98258914,  -12.72509994, -10.31290109, -8.77385390,
                             -14.22094646, -13.35962737, -13.35962737, -14.93852130, -15.09728846,
                             -14.79062203, -15.07558452, -15.15627634, -16.03364453};
const double kAcPf[20] = {156.88289053, 75.51038183, 73.23757924, 56.13149594, 41.51621502, -23.28569010, -61.15823044,
                          28.07417592,  16.07975758, 44.08732086, 7.35327698,  7.78606702,  17.74797686,  0.00000000,
                          28.07417592,  5.22755247,  9.42638103,  -3.78532238, 1.61425777,  5.64385098};
const double kAcQf[20] = {-20.40429168, 3.85499114,  3.56020295, -1.55035040, 1.17099786, 4.47311563, 15.82364193,
                          -9.68106572,  -0.42761118, 12.47067981, 3.56047297, 2.50341424, 7.21657539, -17.16297051,
                          5.77869057,   4.21913780,  3.61000624, -1.61506292, 0.75395917, 1.74717378};
const double kAcPg[5] = {232.39327236, 40.00000000, 0.00000000, 0.00000000, 0.00000000};
const double kAcQg[5] = {-16.54930054, 43.55710014, 25.07534850, 12.73094441, 17.62345137};

// Net power leaving each bus through its branches, which must equal generation less demand and shunt.
void check_kirchhoff(const GridCase& grid, const PowerFlowResult& r) {
  std::vector<double> p(grid.buses.size(), 0.0), q(grid.buses.size(), 0.0);
  for (size_t k = 0; k < grid.branches.size(); ++k) {
    p[grid.branches[k].from] += r.flows.p_from_mw[k], q[grid.branches[k].from] += r.flows.q_from_mvar[k];
    p[grid.branches[k].to] += r.flows.p_to_mw[k], q[grid.branches[k].to] += r.flows.q_to_mvar[k];
  }
  for (size_t g = 0; g < grid.generators.size(); ++g) {
    p[grid.generators[g].bus] -= r.gen_p_mw[g];
    q[grid.generators[g].bus] -= r.gen_q_mvar[g];
  }
  for (size_t b = 0; b < grid.buses.size(); ++b) {
    const double v2 = r.vm[b] * r.vm[b];
    INFO("bus " << b + 1);
    CHECK(std::abs(p[b] + grid.buses[b].pd_mw + grid.buses[b].gs_mw * v2) < 1e-6);
    CHECK(std::abs(q[b] + grid.buses[b].qd_mvar - grid.buses[b].bs_mvar * v2) < 1e-6);
  }
}

}  // namespace

TEST_CASE("powergrid: DC power flow on case14 equals MATPOWER's rundcpf to 1e-6 MW", "[envs][powergrid]") {
  const GridCase grid = matpower_case14();
  const PowerFlowResult r = solve_dc(grid);
  for (int k = 0; k < 20; ++k) {
    INFO("branch " << k + 1);
    CHECK(std::abs(r.flows.p_from_mw[k] - kDcFlow[k]) < 1e-6);
    CHECK(std::abs(r.flows.p_to_mw[k] + kDcFlow[k]) < 1e-6);
  }
  for (int b = 0; b < 14; ++b) {
    INFO("bus " << b + 1);
    CHECK(std::abs(r.va_rad[b] * kDeg - kDcAngle[b]) < 1e-6);
  }
  CHECK(std::abs(r.gen_p_mw[0] - 219.0) < 1e-6);
}

TEST_CASE("powergrid: DC power flow without taps gives the trap vector, not MATPOWER's", "[envs][powergrid]") {
  GridCase grid = matpower_case14();
  for (Branch& br : grid.branches) br.ratio = 0;
  const PowerFlowResult r = solve_dc(grid);
  double largest_gap = 0;
  for (int k = 0; k < 20; ++k) {
    INFO("branch " << k + 1);
    CHECK(std::abs(r.flows.p_from_mw[k] - kDcFlowNoTap[k]) < 1e-6);
    largest_gap = std::max(largest_gap, std::abs(r.flows.p_from_mw[k] - kDcFlow[k]));
  }
  CHECK(largest_gap > 0.69);  // branch 10 (5-6) moves by 0.70 MW
}

TEST_CASE("powergrid: AC power flow on case14 equals MATPOWER's runpf to 1e-6", "[envs][powergrid]") {
  const GridCase grid = matpower_case14();
  AcSolver solver;
  // A flat start: every angle 0 and every PQ magnitude 1, so the stored solution is not the starting point.
  GridCase flat = grid;
  for (Bus& b : flat.buses) b.vm = 1, b.va_deg = 0;
  const PowerFlowResult r = solver.solve(flat);
  REQUIRE(r.converged);
  CHECK(r.iterations <= 6);
  for (int b = 0; b < 14; ++b) {
    INFO("bus " << b + 1 << " vm " << r.vm[b] << " va " << r.va_rad[b] * kDeg);
    CHECK(std::abs(r.vm[b] - kAcVm[b]) < 1e-8);
    CHECK(std::abs(r.va_rad[b] * kDeg - kAcVaDeg[b]) < 1e-6);
  }
  for (int k = 0; k < 20; ++k) {
    INFO("branch " << k + 1);
    CHECK(std::abs(r.flows.p_from_mw[k] - kAcPf[k]) < 1e-6);
    CHECK(std::abs(r.flows.q_from_mvar[k] - kAcQf[k]) < 1e-6);
  }
  for (int g = 0; g < 5; ++g) {
    INFO("generator " << g + 1);
    CHECK(std::abs(r.gen_p_mw[g] - kAcPg[g]) < 1e-6);
    CHECK(std::abs(r.gen_q_mvar[g] - kAcQg[g]) < 1e-6);
  }
  check_kirchhoff(grid, r);
}

TEST_CASE("powergrid: AC power flow on case14 is near the solution stored in the case", "[envs][powergrid]") {
  // The case's Vm/Va columns are the 1962 IEEE solution, printed to 0.001 p.u. and 0.01 degree. MATPOWER's own runpf
  // differs from them by up to 0.0013 p.u. (bus 4) and 0.017 degree, as vkrl does, so the bound is that gap.
  const GridCase grid = matpower_case14();
  AcSolver solver;
  const PowerFlowResult r = solver.solve(grid);
  REQUIRE(r.converged);
  for (int b = 0; b < 14; ++b) {
    INFO("bus " << b + 1 << " vm " << r.vm[b] << " va " << r.va_rad[b] * kDeg);
    CHECK(std::abs(r.vm[b] - grid.buses[b].vm) <= 0.0014);
    CHECK(std::abs(r.va_rad[b] * kDeg - grid.buses[b].va_deg) <= 0.018);
  }
  CHECK(std::abs(r.gen_p_mw[0] - grid.generators[0].pg_mw) <= 0.05);
}

TEST_CASE("powergrid: AC warm start converges at once and a new load in one or two steps", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  GridCase grid = matpower_case14();
  AcSolver solver;
  const PowerFlowResult first = solver.solve(grid);
  REQUIRE(first.converged);
  CHECK(solver.solve(grid, &first).iterations == 0);
  // Loads move by up to 3 %, as from one 5-minute step to the next.
  std::uniform_real_distribution<double> change(0.97, 1.03);
  for (Bus& b : grid.buses) b.pd_mw *= change(rng), b.qd_mvar *= change(rng);
  const PowerFlowResult next = solver.solve(grid, &first);
  REQUIRE(next.converged);
  CHECK(next.iterations <= 3);
  CHECK(next.iterations >= 1);
  check_kirchhoff(grid, next);
}

TEST_CASE("powergrid: AC power flow reports divergence and refuses islands", "[envs][powergrid]") {
  GridCase grid = matpower_case14();
  for (Bus& b : grid.buses) b.pd_mw *= 8, b.qd_mvar *= 8;
  AcSolver solver;
  CHECK_FALSE(solver.solve(grid).converged);

  GridCase split = matpower_case14();
  CHECK(island_count(split) == 1);
  split.branches[16].in_service = false;  // 9-14
  split.branches[19].in_service = false;  // 13-14: bus 14 is now alone
  CHECK(island_count(split) == 2);
  CHECK(bus_islands(split)[13] == 1);
  CHECK_THROWS_AS(solver.solve(split), vkrl::Error);
  CHECK_THROWS_AS(solve_dc(split), vkrl::Error);
}
