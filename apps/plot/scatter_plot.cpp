#include "plot/scatter_plot.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "plot/canvas.h"
#include "plot/scale.h"
#include "vkrl/error.h"

namespace vkrl::apps::plot {

envs::Frame draw_scatter_plot(const ScatterPlot& plot) {
  if (plot.x.size() != plot.y.size() || plot.x.size() != plot.labels.size())
    throw Error("scatter plot: " + std::to_string(plot.x.size()) + " x values, " + std::to_string(plot.y.size()) +
                " y values and " + std::to_string(plot.labels.size()) + " labels differ in number");
  for (int label : plot.labels)
    if (label < 0 || size_t(label) >= plot.class_names.size())
      throw Error("scatter plot: label " + std::to_string(label) + " has no class name");
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
  if (!plot.x.empty()) {
    std::tie(x_lo, x_hi) = nice_range(*std::min_element(plot.x.begin(), plot.x.end()),
                                      *std::max_element(plot.x.begin(), plot.x.end()));
    std::tie(y_lo, y_hi) = nice_range(*std::min_element(plot.y.begin(), plot.y.end()),
                                      *std::max_element(plot.y.begin(), plot.y.end()));
  }
  // The legend sits right of the plotting area, so that it hides no points.
  int legend_width = 0;
  for (const auto& name : plot.class_names) legend_width = std::max(legend_width, envs::Frame::text_width(name));
  envs::Frame frame(plot.width, plot.height, kWhite);
  const int left = 72, top = 44, right = plot.width - legend_width - 56, bottom = plot.height - 48;
  const LinearScale sx(x_lo, x_hi, left, right), sy(y_lo, y_hi, bottom, top);

  const Ticks xt = nice_ticks(x_lo, x_hi), yt = nice_ticks(y_lo, y_hi);
  for (double v : xt.values) {
    const int px = int(std::lround(sx(v)));
    frame.fill_rect(px, top, 1, bottom - top, kLightGrey);
    frame.fill_rect(px, bottom, 1, 5, kBlack);
    draw_text_centered(frame, px, bottom + 14, tick_label(v, xt.step), kBlack);
  }
  for (double v : yt.values) {
    const int py = int(std::lround(sy(v)));
    frame.fill_rect(left, py, right - left, 1, kLightGrey);
    frame.fill_rect(left - 5, py, 5, 1, kBlack);
    const std::string label = tick_label(v, yt.step);
    frame.draw_text(left - 8 - envs::Frame::text_width(label), py - 3, label, kBlack);
  }
  // Dots of 3x3 pixels, blended so that dense clusters read darker than lone points.
  for (size_t i = 0; i < plot.x.size(); ++i) {
    const int px = int(std::lround(sx(plot.x[i]))), py = int(std::lround(sy(plot.y[i])));
    for (int dy = -1; dy <= 1; ++dy)
      for (int dx = -1; dx <= 1; ++dx) blend(frame, px + dx, py + dy, series_color(size_t(plot.labels[i])), 0.6);
  }
  frame.draw_rect(left, top, right - left + 1, bottom - top + 1, kBlack);
  draw_title(frame, plot.width / 2, 18, plot.title);
  draw_text_centered(frame, (left + right) / 2, plot.height - 14, plot.x_label, kBlack);
  frame.draw_text(8, top - 14, plot.y_label, kBlack);

  const int lx = right + 12, ly = top, lh = int(plot.class_names.size()) * 16 + 8;
  frame.draw_rect(lx, ly, legend_width + 32, lh, kGrey);
  for (size_t i = 0; i < plot.class_names.size(); ++i) {
    const int row = ly + 6 + int(i) * 16;
    frame.fill_rect(lx + 6, row, 10, 8, series_color(i));
    frame.draw_text(lx + 22, row, plot.class_names[i], kBlack);
  }
  return frame;
}

}  // namespace vkrl::apps::plot
