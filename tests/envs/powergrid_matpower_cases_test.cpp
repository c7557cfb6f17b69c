// The AC power flow on MATPOWER's case30 and case118, read from ../shared/peers/matpower/data by read_matpower_case,
// against runpf's solutions kept in data/powergrid/ (MATPOWER 8.1.1-dev under GNU Octave 7.3, pf.tol 1e-12, run
// here): every bus voltage and both ends' flows of every branch. Also the reader's error messages.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>

#include "vkrl/envs/powergrid/power_flow.h"
#include "vkrl/error.h"

using namespace vkrl::envs::powergrid;

namespace {

std::vector<std::vector<double>> read_csv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<std::vector<double>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<double> row;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) row.push_back(std::stod(cell));
    rows.push_back(row);
  }
  return rows;
}

void check_against_runpf(const std::string& name) {
  const std::string case_file = std::string(VKRL_MATPOWER_DIR) + "/data/" + name + ".m";
  if (!std::filesystem::exists(case_file)) {
    WARN("MATPOWER's " << case_file << " is missing: not checked");
    return;
  }
  const GridCase grid = read_matpower_case(case_file);
  AcSolver solver;
  solver.tolerance = 1e-11;
  const PowerFlowResult r = solver.solve(grid);
  REQUIRE(r.converged);
  const auto buses = read_csv(std::string(VKRL_POWERGRID_DATA_DIR) + "/matpower_runpf_" + name + "_buses.csv");
  const auto branches = read_csv(std::string(VKRL_POWERGRID_DATA_DIR) + "/matpower_runpf_" + name + "_branches.csv");
  REQUIRE(buses.size() == grid.buses.size());
  REQUIRE(branches.size() == grid.branches.size());
  for (size_t b = 0; b < buses.size(); ++b) {
    INFO(name << " bus " << buses[b][0]);
    CHECK(std::abs(r.vm[b] - buses[b][1]) < 1e-8);
    CHECK(std::abs(r.va_rad[b] * 180 / std::numbers::pi - buses[b][2]) < 1e-6);
  }
  for (size_t k = 0; k < branches.size(); ++k) {
    INFO(name << " branch " << k + 1);
    CHECK(std::abs(r.flows.p_from_mw[k] - branches[k][1]) < 1e-6);
    CHECK(std::abs(r.flows.q_from_mvar[k] - branches[k][2]) < 1e-6);
    CHECK(std::abs(r.flows.p_to_mw[k] - branches[k][3]) < 1e-6);
    CHECK(std::abs(r.flows.q_to_mvar[k] - branches[k][4]) < 1e-6);
  }
}

}  // namespace

TEST_CASE("powergrid: AC power flow on case30 equals MATPOWER's runpf", "[envs][powergrid]") { check_against_runpf("case30"); }

TEST_CASE("powergrid: AC power flow on case118 equals MATPOWER's runpf", "[envs][powergrid]") {
  check_against_runpf("case118");
}

TEST_CASE("powergrid: the MATPOWER case reader reads case14 as the built-in tables and names bad lines",
          "[envs][powergrid]") {
  const std::string case14 = std::string(VKRL_MATPOWER_DIR) + "/data/case14.m";
  if (std::filesystem::exists(case14)) {
    const GridCase read = read_matpower_case(case14), built = matpower_case14();
    REQUIRE(read.buses.size() == built.buses.size());
    REQUIRE(read.branches.size() == built.branches.size());
    for (size_t k = 0; k < read.branches.size(); ++k) {
      CHECK(read.branches[k].x == built.branches[k].x);
      CHECK(read.branches[k].ratio == built.branches[k].ratio);
    }
    CHECK(read.buses[8].bs_mvar == 19);
  }
  const std::string bad = (std::filesystem::temp_directory_path() / "vkrl_bad_case.m").string();
  {
    std::ofstream out(bad);
    out << "function mpc = bad\nmpc.baseMVA = 100;\nmpc.bus = [\n\t1\t3\t0\t0\t0\t0\t1\t1\t0\t0\t1\t1.1\t0.9;\n"
           "\t2\t1\t5\t0\t0\t0\t1\t1\t0\t0\t1\t1.1\t0.9;\n];\nmpc.gen = [\n\t1\t0\t0\t10\t-10\t1\t100\t1\t100\t0;\n];\n"
           "mpc.branch = [\n\t1\t7\t0.01\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;\n];\n";
  }
  CHECK_THROWS_WITH(read_matpower_case(bad), Catch::Contains("vkrl_bad_case.m:11") && Catch::Contains("bus 7"));
  std::filesystem::remove(bad);
  CHECK_THROWS_WITH(read_matpower_case("/nonexistent/case.m"), Catch::Contains("/nonexistent/case.m"));
}
