// Reads the numeric tables of a MATPOWER case file: each `mpc.NAME = [ ... ];` block, rows ended by ';' or a new line,
// '%' comments. Only what power flow needs is kept.
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "vkrl/envs/powergrid/grid_case.h"
#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

namespace {

struct Row {
  int line = 0;
  std::vector<double> values;
};

std::map<std::string, std::vector<Row>> read_tables(const std::string& path, double& base_mva) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot open the MATPOWER case file");
  std::map<std::string, std::vector<Row>> tables;
  std::vector<Row>* open = nullptr;
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    text = text.substr(0, text.find('%'));
    if (!open) {
      const size_t at = text.find("mpc.");
      const size_t equals = text.find('=');
      if (at == std::string::npos || equals == std::string::npos) continue;
      std::string name = text.substr(at + 4, equals - at - 4);
      name.erase(name.find_last_not_of(" \t") + 1);
      const std::string value = text.substr(equals + 1);
      if (name == "baseMVA") {
        base_mva = std::stod(value);
      } else if (const size_t bracket = value.find('['); bracket != std::string::npos) {
        open = &tables[name];
        text = value.substr(bracket + 1);
      } else {
        continue;
      }
    }
    if (!open) continue;
    const size_t close = text.find(']');
    std::string body = text.substr(0, close);
    std::stringstream rows(body);
    for (std::string piece; std::getline(rows, piece, ';');) {
      std::istringstream numbers(piece);
      Row row{line, {}};
      std::string token;
      while (numbers >> token) {
        try {
          row.values.push_back(std::stod(token));
        } catch (const std::exception&) {
          throw Error(path + ":" + std::to_string(line) + ": '" + token + "' is not a number");
        }
      }
      if (!row.values.empty()) open->push_back(std::move(row));
    }
    if (close != std::string::npos) open = nullptr;
  }
  return tables;
}

const std::vector<Row>& table(const std::map<std::string, std::vector<Row>>& tables, const std::string& path,
                              const std::string& name, size_t columns) {
  const auto it = tables.find(name);
  if (it == tables.end() || it->second.empty()) throw Error(path + ": no mpc." + name + " table");
  for (const Row& r : it->second)
    if (r.values.size() < columns)
      throw Error(path + ":" + std::to_string(r.line) + ": mpc." + name + " row has " + std::to_string(r.values.size()) +
                  " columns, it needs " + std::to_string(columns));
  return it->second;
}

}  // namespace

GridCase read_matpower_case(const std::string& path) {
  GridCase grid;
  const auto tables = read_tables(path, grid.base_mva);
  std::map<int, int> index;  // MATPOWER bus number -> 0-based bus
  for (const Row& r : table(tables, path, "bus", 13)) {
    const auto& v = r.values;
    const int type = static_cast<int>(v[1]);
    if (type < 1 || type > 3)
      throw Error(path + ":" + std::to_string(r.line) + ": bus " + std::to_string(static_cast<int>(v[0])) + " has type " +
                  std::to_string(type) + "; only 1 (PQ), 2 (PV) and 3 (slack) are read");
    index[static_cast<int>(v[0])] = static_cast<int>(grid.buses.size());
    grid.buses.push_back({static_cast<BusType>(type), v[2], v[3], v[4], v[5], v[7], v[8]});
  }
  auto bus = [&](const Row& r, double number) {
    const auto it = index.find(static_cast<int>(number));
    if (it == index.end())
      throw Error(path + ":" + std::to_string(r.line) + ": bus " + std::to_string(static_cast<int>(number)) +
                  " is not in mpc.bus");
    return it->second;
  };
  for (const Row& r : table(tables, path, "gen", 10))
    if (r.values[7] > 0) grid.generators.push_back({bus(r, r.values[0]), r.values[1], r.values[2], r.values[5]});
  for (const Row& r : table(tables, path, "branch", 11)) {
    const auto& v = r.values;
    grid.branches.push_back({bus(r, v[0]), bus(r, v[1]), v[2], v[3], v[4], v[8], v[9], v[10] > 0});
  }
  grid.slack_bus();
  return grid;
}

}  // namespace vkrl::envs::powergrid
