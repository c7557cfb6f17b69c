#include "experiments/latent_plane.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "experiments/fashion_mnist_data.h"
#include "plot/image_grid.h"
#include "plot/scatter_plot.h"
#include "vkrl/error.h"

namespace vkrl::apps {

LatentGrid LatentGrid::spanning(int size, double x_lo, double x_hi, double y_lo, double y_hi) {
  LatentGrid g{size, x_lo, x_hi, y_lo, y_hi, {}};
  for (int r = 0; r < size; ++r)
    for (int c = 0; c < size; ++c) {
      const double fx = size > 1 ? double(c) / (size - 1) : 0.5, fy = size > 1 ? double(r) / (size - 1) : 0.5;
      g.points.push_back(float(x_lo + fx * (x_hi - x_lo)));
      g.points.push_back(float(y_hi - fy * (y_hi - y_lo)));
    }
  return g;
}

envs::Frame LatentGrid::draw(const std::string& title, const std::vector<float>& decoded, int height,
                             int width) const {
  return plot::draw_image_grid(
      {.title = title,
       .caption = fmt::format("z1 from {:.2f} (left) to {:.2f} (right); z2 from {:.2f} (top) to {:.2f} (bottom)", x_lo,
                              x_hi, y_hi, y_lo),
       .rows = size, .cols = size, .height = height, .width = width, .pixels = decoded, .scale = 2});
}

envs::Frame LatentCodes::draw(const std::string& title) const {
  plot::ScatterPlot p{.title = title, .x_label = "z1", .y_label = "z2"};
  for (size_t i = 0; i < labels.size(); ++i) {
    p.x.push_back(xy[2 * i]);
    p.y.push_back(xy[2 * i + 1]);
  }
  p.labels = labels;
  for (const char* name : kFashionClassNames) p.class_names.emplace_back(name);
  return plot::draw_scatter_plot(p);
}

NeighbourVote LatentCodes::neighbour_vote(int k, int limit) const {
  const size_t n = std::min(labels.size(), size_t(limit));
  if (n <= size_t(k)) throw Error("latent codes: " + std::to_string(n) + " points are too few for a vote of " +
                                  std::to_string(k));
  std::vector<int> right(kFashionClasses, 0), total(kFashionClasses, 0);
  std::vector<std::pair<double, int>> distances(n - 1);
  int correct = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t m = 0;
    for (size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const double dx = xy[2 * i] - xy[2 * j], dy = xy[2 * i + 1] - xy[2 * j + 1];
      distances[m++] = {dx * dx + dy * dy, labels[j]};
    }
    std::partial_sort(distances.begin(), distances.begin() + k, distances.end());
    std::vector<int> votes(kFashionClasses, 0);
    for (int v = 0; v < k; ++v) ++votes[size_t(distances[size_t(v)].second)];
    const int winner = int(std::max_element(votes.begin(), votes.end()) - votes.begin());
    const int truth = labels[i];
    ++total[size_t(truth)];
    if (winner == truth) ++right[size_t(truth)], ++correct;
  }
  NeighbourVote vote;
  for (int c = 0; c < kFashionClasses; ++c)
    vote.recall.push_back(total[size_t(c)] ? double(right[size_t(c)]) / total[size_t(c)] : 0.0);
  vote.accuracy = double(correct) / double(n);
  return vote;
}

LatentGrid LatentCodes::percentile_grid(int size) const {
  auto range = [&](size_t axis) {
    std::vector<float> v;
    for (size_t i = axis; i < xy.size(); i += 2) v.push_back(xy[i]);
    std::sort(v.begin(), v.end());
    return std::pair<double, double>{v[v.size() / 100], v[v.size() - 1 - v.size() / 100]};
  };
  const auto [x_lo, x_hi] = range(0);
  const auto [y_lo, y_hi] = range(1);
  return LatentGrid::spanning(size, x_lo, x_hi, y_lo, y_hi);
}

std::string vote_table(const NeighbourVote& vote) {
  std::string t = "| class | neighbours' vote right |\n| --- | --- |\n";
  for (int c = 0; c < kFashionClasses; ++c)
    t += fmt::format("| {} {} | {:.0f} % |\n", c, kFashionClassNames[size_t(c)], 100 * vote.recall[size_t(c)]);
  return t + fmt::format("| all | {:.1f} % |\n", 100 * vote.accuracy);
}

std::string separation_sentence(const NeighbourVote& vote) {
  std::vector<std::string> apart, mixed;
  for (int c = 0; c < kFashionClasses; ++c)
    (vote.recall[size_t(c)] >= 0.8 ? apart : mixed).emplace_back(kFashionClassNames[size_t(c)]);
  auto list = [](const std::vector<std::string>& names) {
    return names.empty() ? std::string("none") : fmt::format("{}", fmt::join(names, ", "));
  };
  return "Classes that stand apart in the plane (vote right for 80 % or more): " + list(apart) +
         ". Classes that mix with others: " + list(mixed) + ".";
}

}  // namespace vkrl::apps
