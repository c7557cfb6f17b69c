// GridCase is a bus-branch power network in MATPOWER's per-unit convention (baseMVA, loads and shunts in MW/MVAr at
// buses, generators with voltage setpoints, branches as pi models with an off-nominal tap ratio and phase shift). It
// is what the DC and AC power-flow solvers take; the grid environment builds one each step from its substations and
// busbars. matpower_case14() is MATPOWER's case14.m (REFERENCE.md section 6.4-6.5), buses indexed from 0;
// read_matpower_case() reads any MATPOWER version-2 case file (mpc.baseMVA, mpc.bus, mpc.gen, mpc.branch), keeping the
// in-service generators and branches and numbering buses from 0 in the file's order.
#pragma once

#include <string>
#include <vector>

namespace vkrl::envs::powergrid {

enum class BusType { PQ = 1, PV = 2, Slack = 3 };

struct Bus {
  BusType type = BusType::PQ;
  double pd_mw = 0, qd_mvar = 0;  // demand
  double gs_mw = 0, bs_mvar = 0;  // shunt admittance at 1 p.u. voltage
  double vm = 1, va_deg = 0;      // the case's stored voltage (a starting point, or a published solution)
};

struct Generator {
  int bus = 0;
  double pg_mw = 0, qg_mvar = 0;
  double vg = 1;  // voltage setpoint of its bus when the bus is PV or slack
};

struct Branch {
  int from = 0, to = 0;
  double r = 0, x = 0, b = 0;  // series impedance and total line charging, p.u.
  double ratio = 0;            // off-nominal tap at the from end; 0 means 1 (a line)
  double shift_deg = 0;
  bool in_service = true;
  double tap() const { return ratio == 0 ? 1.0 : ratio; }
};

struct GridCase {
  double base_mva = 100;
  std::vector<Bus> buses;
  std::vector<Generator> generators;
  std::vector<Branch> branches;
  int slack_bus() const;  // the first bus of type Slack; throws vkrl::Error when there is none
};

GridCase matpower_case14();
// Throws vkrl::Error naming the file, the line and the problem (a missing table, a short row, an unknown bus).
GridCase read_matpower_case(const std::string& path);

}  // namespace vkrl::envs::powergrid
