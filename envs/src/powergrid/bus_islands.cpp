// Connected components of a GridCase's bus graph, by union-find over the in-service branches.
#include <numeric>

#include "vkrl/envs/powergrid/power_flow.h"

namespace vkrl::envs::powergrid {

std::vector<int> bus_islands(const GridCase& grid) {
  std::vector<int> parent(grid.buses.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](int b) {
    while (parent[b] != b) b = parent[b] = parent[parent[b]];
    return b;
  };
  for (const Branch& br : grid.branches)
    if (br.in_service) parent[root(br.from)] = root(br.to);
  std::vector<int> island(grid.buses.size(), -1), number_of_root(grid.buses.size(), -1);
  int count = 0;
  for (size_t b = 0; b < grid.buses.size(); ++b) {
    int& n = number_of_root[root(static_cast<int>(b))];
    if (n < 0) n = count++;
    island[b] = n;
  }
  return island;
}

int island_count(const GridCase& grid) {
  int count = 0;
  for (int island : bus_islands(grid)) count = std::max(count, island + 1);
  return count;
}

}  // namespace vkrl::envs::powergrid
