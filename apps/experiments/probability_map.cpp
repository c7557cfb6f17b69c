// A class-probability heat map over a square grid with the training points on top.
#include "experiments/probability_map.h"

#include "plot/heat_map.h"
#include "vkrl/error.h"

namespace vkrl::apps {

std::vector<float> ProbabilityGrid::points() const {
  std::vector<float> xy;
  xy.reserve(size_t(2 * size * size));
  for (int r = 0; r < size; ++r)
    for (int c = 0; c < size; ++c) {
      xy.push_back(float(-extent + (c + 0.5) * 2 * extent / size));
      xy.push_back(float(extent - (r + 0.5) * 2 * extent / size));
    }
  return xy;
}

envs::Frame ProbabilityGrid::draw(const std::string& title, const std::vector<double>& probabilities,
                                  const nn::data::Points2D& data) const {
  if (probabilities.size() != size_t(size * size))
    throw Error("probability map '" + title + "': " + std::to_string(probabilities.size()) + " values for a " +
                std::to_string(size) + "x" + std::to_string(size) + " grid");
  plot::HeatMap map{.title = title, .rows = size, .cols = size, .values = probabilities, .decimals = -1,
                    .cell = 400 / size, .grid_lines = false, .lo = 0, .hi = 1};
  for (int i = 0; i < data.count(); ++i) {
    const double x = data.xy[size_t(2 * i)], y = data.xy[size_t(2 * i + 1)];
    map.markers.push_back({(extent - y) / (2 * extent) * size, (x + extent) / (2 * extent) * size,
                           data.labels[size_t(i)] ? envs::Rgb{214, 39, 40} : envs::Rgb{31, 119, 180}});
  }
  return plot::draw_heat_map(map);
}

}  // namespace vkrl::apps
