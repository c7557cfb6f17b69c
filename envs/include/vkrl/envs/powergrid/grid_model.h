// GridModel describes a grid the way Grid2Op does: substations, each with two busbars, and the elements attached to
// them (loads, generators, both ends of every powerline, shunts), with the electrical data of MATPOWER's tables and
// Grid2Op's operating data (generator types, limits, ramps, costs, thermal limits in amperes). Every load, generator
// and line end has a position in the topology vector (topo_vect), grouped by substation; within a substation vkrl puts
// loads first, then generators, line origins and line extremities, each in index order (Grid2Op's own order inside a
// substation is not in REFERENCE.md). l2rpn_case14_sandbox() is Grid2Op's case14 sandbox (REFERENCE.md 6.1).
#pragma once

#include <string>
#include <vector>

namespace vkrl::envs::powergrid {

enum class GenType { Nuclear, Thermal, Wind, Solar, Hydro };
const char* gen_type_name(GenType type);

struct ModelLoad {
  std::string name;
  int sub = 0;
  double p_mw = 0, q_mvar = 0;  // the base case's demand, which scenarios scale
};

struct ModelGen {
  std::string name;
  int sub = 0;
  GenType type = GenType::Thermal;
  double p_max_mw = 0, p_min_mw = 0, ramp_mw = 0;  // ramp per 5-minute step; 0 for wind and solar
  double cost_per_mwh = 0;
  double v_set = 1;    // voltage setpoint, p.u.
  bool slack = false;  // balances the grid
  bool renewable() const { return type == GenType::Wind || type == GenType::Solar; }
};

struct ModelLine {
  std::string name;
  int origin_sub = 0, extremity_sub = 0;
  double r = 0, x = 0, b = 0, ratio = 0, shift_deg = 0;  // per unit on base_mva; ratio 0 means no tap
  double thermal_limit_a = 0;
};

struct ModelShunt {
  int sub = 0;
  double gs_mw = 0, bs_mvar = 0;  // always on busbar 1 of its substation
};

struct GridModel {
  std::string name;
  double base_mva = 100;
  std::vector<double> sub_kv;  // nominal voltage of each substation, for currents in A
  std::vector<ModelLoad> loads;
  std::vector<ModelGen> gens;
  std::vector<ModelLine> lines;
  std::vector<ModelShunt> shunts;

  // Filled by index_topology(): the topo_vect position of every element and the substation of every position.
  std::vector<int> load_pos, gen_pos, line_or_pos, line_ex_pos;
  std::vector<int> pos_sub;
  std::vector<int> sub_info;  // elements per substation
  int sub_count() const { return static_cast<int>(sub_kv.size()); }
  int dim_topo() const { return static_cast<int>(pos_sub.size()); }
  int slack_gen() const;  // throws vkrl::Error when none is marked
  // The name of the element at a topo_vect position, e.g. "load_1_0" or "origin of 0_1_0".
  std::string position_name(int pos) const;
};

// Computes the topo_vect positions; throws vkrl::Error naming an element whose substation does not exist.
void index_topology(GridModel& model);

GridModel l2rpn_case14_sandbox();

}  // namespace vkrl::envs::powergrid
