// Grid2Op's l2rpn_case14_sandbox (REFERENCE.md 6.1): MATPOWER case14's buses and branch data in Grid2Op's element
// order, with Grid2Op's generators, thermal limits and the nominal voltages of its grid.json (138 kV for substations
// 0-4, 14 kV for 6, 12 kV for 7, 20 kV for the rest). Grid2Op's powerlines 0-6 are MATPOWER branches 1-7, 7-14 are
// branches 11-13 and 16-20, 15-19 are branches 8, 9, 10, 14 and 15 (the last one reversed, 9 to 7).
#include <algorithm>

#include "vkrl/envs/powergrid/grid_model.h"
#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

const char* gen_type_name(GenType type) {
  switch (type) {
    case GenType::Nuclear: return "nuclear";
    case GenType::Thermal: return "thermal";
    case GenType::Wind: return "wind";
    case GenType::Solar: return "solar";
    case GenType::Hydro: return "hydro";
  }
  return "?";
}

int GridModel::slack_gen() const {
  for (size_t g = 0; g < gens.size(); ++g)
    if (gens[g].slack) return static_cast<int>(g);
  throw Error("grid model " + name + ": no generator is the slack");
}

std::string GridModel::position_name(int pos) const {
  auto find = [pos](const std::vector<int>& positions) {
    return static_cast<int>(std::find(positions.begin(), positions.end(), pos) - positions.begin());
  };
  if (int i = find(load_pos); i < static_cast<int>(loads.size())) return loads[i].name;
  if (int i = find(gen_pos); i < static_cast<int>(gens.size())) return gens[i].name;
  if (int i = find(line_or_pos); i < static_cast<int>(lines.size())) return "origin of " + lines[i].name;
  if (int i = find(line_ex_pos); i < static_cast<int>(lines.size())) return "extremity of " + lines[i].name;
  return "position " + std::to_string(pos);
}

void index_topology(GridModel& model) {
  const int subs = model.sub_count();
  auto check = [&](int sub, const std::string& element) {
    if (sub < 0 || sub >= subs)
      throw Error("grid model " + model.name + ": " + element + " names substation " + std::to_string(sub) +
                  ", the grid has " + std::to_string(subs));
  };
  for (const ModelLoad& l : model.loads) check(l.sub, l.name);
  for (const ModelGen& g : model.gens) check(g.sub, g.name);
  for (const ModelLine& l : model.lines) check(l.origin_sub, l.name), check(l.extremity_sub, l.name);
  for (const ModelShunt& s : model.shunts) check(s.sub, "a shunt");

  model.load_pos.assign(model.loads.size(), -1);
  model.gen_pos.assign(model.gens.size(), -1);
  model.line_or_pos.assign(model.lines.size(), -1);
  model.line_ex_pos.assign(model.lines.size(), -1);
  model.pos_sub.clear();
  model.sub_info.assign(subs, 0);
  for (int s = 0; s < subs; ++s) {
    auto place = [&](int& pos) {
      pos = static_cast<int>(model.pos_sub.size());
      model.pos_sub.push_back(s);
      ++model.sub_info[s];
    };
    for (size_t i = 0; i < model.loads.size(); ++i)
      if (model.loads[i].sub == s) place(model.load_pos[i]);
    for (size_t i = 0; i < model.gens.size(); ++i)
      if (model.gens[i].sub == s) place(model.gen_pos[i]);
    for (size_t i = 0; i < model.lines.size(); ++i)
      if (model.lines[i].origin_sub == s) place(model.line_or_pos[i]);
    for (size_t i = 0; i < model.lines.size(); ++i)
      if (model.lines[i].extremity_sub == s) place(model.line_ex_pos[i]);
  }
}

GridModel l2rpn_case14_sandbox() {
  GridModel m;
  m.name = "l2rpn_case14_sandbox";
  m.base_mva = 100;
  m.sub_kv = {138, 138, 138, 138, 138, 20, 14, 12, 20, 20, 20, 20, 20, 20};
  // MATPOWER case14's demand at every bus that has one.
  m.loads = {{"load_1_0", 1, 21.7, 12.7},  {"load_2_1", 2, 94.2, 19.0}, {"load_3_2", 3, 47.8, -3.9},
             {"load_4_3", 4, 7.6, 1.6},    {"load_5_4", 5, 11.2, 7.5},  {"load_8_5", 8, 29.5, 16.6},
             {"load_9_6", 9, 9.0, 5.8},    {"load_10_7", 10, 3.5, 1.8}, {"load_11_8", 11, 6.1, 1.6},
             {"load_12_9", 12, 13.5, 5.8}, {"load_13_10", 13, 14.9, 5.0}};
  using enum GenType;
  // name, sub, type, Pmax, Pmin, ramp, cost, Vset, slack
  m.gens = {{"gen_1_0", 1, Nuclear, 140, 0, 5, 40, 1.045, false}, {"gen_2_1", 2, Thermal, 120, 0, 10, 70, 1.01, false},
            {"gen_5_2", 5, Wind, 70, 0, 0, 0, 1.07, false},       {"gen_5_3", 5, Solar, 70, 0, 0, 0, 1.07, false},
            {"gen_7_4", 7, Solar, 40, 0, 0, 0, 1.09, false},      {"gen_0_5", 0, Hydro, 100, 0, 15, 70, 1.06, true}};
  // name, origin, extremity, r, x, b, ratio, shift, thermal limit A
  m.lines = {{"0_1_0", 0, 1, 0.01938, 0.05917, 0.0528, 0, 0, 541},   {"0_4_1", 0, 4, 0.05403, 0.22304, 0.0492, 0, 0, 450},
             {"1_2_2", 1, 2, 0.04699, 0.19797, 0.0438, 0, 0, 375},   {"1_3_3", 1, 3, 0.05811, 0.17632, 0.0340, 0, 0, 636},
             {"1_4_4", 1, 4, 0.05695, 0.17388, 0.0346, 0, 0, 175},   {"2_3_5", 2, 3, 0.06701, 0.17103, 0.0128, 0, 0, 285},
             {"3_4_6", 3, 4, 0.01335, 0.04211, 0, 0, 0, 335},        {"5_10_7", 5, 10, 0.09498, 0.19890, 0, 0, 0, 657},
             {"5_11_8", 5, 11, 0.12291, 0.25581, 0, 0, 0, 496},      {"5_12_9", 5, 12, 0.06615, 0.13027, 0, 0, 0, 827},
             {"8_9_10", 8, 9, 0.03181, 0.08450, 0, 0, 0, 442},       {"8_13_11", 8, 13, 0.12711, 0.27038, 0, 0, 0, 641},
             {"9_10_12", 9, 10, 0.08205, 0.19207, 0, 0, 0, 840},     {"11_12_13", 11, 12, 0.22092, 0.19988, 0, 0, 0, 156},
             {"12_13_14", 12, 13, 0.17093, 0.34802, 0, 0, 0, 664},   {"3_6_15", 3, 6, 0, 0.20912, 0, 0.978, 0, 235},
             {"3_8_16", 3, 8, 0, 0.55618, 0, 0.969, 0, 119},         {"4_5_17", 4, 5, 0, 0.25202, 0, 0.932, 0, 179},
             {"6_7_18", 6, 7, 0, 0.17615, 0, 0, 0, 1986},            {"8_6_19", 8, 6, 0, 0.11001, 0, 0, 0, 1572}};
  m.shunts = {{8, 0, 19}};
  index_topology(m);
  return m;
}

}  // namespace vkrl::envs::powergrid
