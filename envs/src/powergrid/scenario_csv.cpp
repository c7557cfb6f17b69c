// Reading a Scenario from a CSV file (scenario.h).
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "vkrl/envs/powergrid/scenario.h"
#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) {
    while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ')) cell.pop_back();
    cells.push_back(cell);
  }
  return cells;
}

}  // namespace

Scenario read_scenario_csv(const GridModel& model, const std::string& path, int rows) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot open the scenario file");
  std::string line;
  if (!std::getline(in, line)) throw Error(path + ": row 1: the file is empty, it needs a header");
  const std::vector<std::string> header = split(line);
  std::map<std::string, int> column;
  for (size_t c = 0; c < header.size(); ++c) column[header[c]] = static_cast<int>(c);
  auto find = [&](const std::string& name) {
    const auto it = column.find(name);
    return it == column.end() ? -1 : it->second;
  };
  Scenario s;
  s.loads = static_cast<int>(model.loads.size());
  s.gens = static_cast<int>(model.gens.size());
  s.lines = static_cast<int>(model.lines.size());
  std::vector<int> load_p(s.loads), load_q(s.loads), gen_p(s.gens), maintenance(s.lines);
  for (int l = 0; l < s.loads; ++l) {
    load_p[l] = find(model.loads[l].name);
    load_q[l] = find(model.loads[l].name + ":q");
    if (load_p[l] < 0) throw Error(path + ": row 1: no column for load " + model.loads[l].name);
  }
  for (int g = 0; g < s.gens; ++g)
    if ((gen_p[g] = find(model.gens[g].name)) < 0)
      throw Error(path + ": row 1: no column for generator " + model.gens[g].name);
  bool any_maintenance = false;
  for (int l = 0; l < s.lines; ++l)
    any_maintenance |= (maintenance[l] = find("maintenance:" + model.lines[l].name)) >= 0;

  int row = 1;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> cells = split(line);
    auto number = [&](int c) {
      const std::string& name = header[c];
      if (c >= static_cast<int>(cells.size()))
        throw Error(path + ": row " + std::to_string(row) + ": column " + name + " is missing");
      double v = 0;
      const char* begin = cells[c].data();
      const auto [end, error] = std::from_chars(begin, begin + cells[c].size(), v);
      if (error != std::errc() || end != begin + cells[c].size())
        throw Error(path + ": row " + std::to_string(row) + ": column " + name + ": '" + cells[c] + "' is not a number");
      return v;
    };
    if (s.rows == 0 && !cells.empty() &&
        (std::sscanf(cells[0].c_str(), "%d-%d-%d", &s.year, &s.month, &s.day) != 3 || s.month < 1 || s.month > 12 ||
         s.day < 1 || s.day > 31))
      throw Error(path + ": row " + std::to_string(row) + ": column " + header[0] + ": '" + cells[0] +
                  "' is not a date YYYY-MM-DD");
    for (int l = 0; l < s.loads; ++l) {
      const double p = number(load_p[l]);
      if (p < 0)
        throw Error(path + ": row " + std::to_string(row) + ": column " + model.loads[l].name + ": negative demand " +
                    cells[load_p[l]]);
      const ModelLoad& base = model.loads[l];
      s.load_p.push_back(p);
      s.load_q.push_back(load_q[l] >= 0 ? number(load_q[l]) : base.p_mw > 0 ? p * base.q_mvar / base.p_mw : 0);
    }
    for (int g = 0; g < s.gens; ++g) s.gen_p.push_back(number(gen_p[g]));
    for (int l = 0; l < s.lines && any_maintenance; ++l) {
      const double m = maintenance[l] >= 0 ? number(maintenance[l]) : 0;
      if (m != 0 && m != 1)
        throw Error(path + ": row " + std::to_string(row) + ": column " + header[maintenance[l]] + ": '" +
                    cells[maintenance[l]] + "' is not 0 or 1");
      s.maintenance.push_back(static_cast<char>(m));
    }
    ++s.rows;
  }
  if (s.rows != rows)
    throw Error(path + ": row " + std::to_string(row) + ": the file has " + std::to_string(s.rows) +
                " rows of data, an episode needs " + std::to_string(rows));
  return s;
}

}  // namespace vkrl::envs::powergrid
