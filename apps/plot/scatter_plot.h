// Scatter plots of labelled 2-D points (an autoencoder's latent codes coloured by class): each point a small dot in its
// class's colour (the tab10 palette), axes with nice ticks, a title, axis labels and a legend naming every class.
#pragma once

#include <string>
#include <vector>

#include "vkrl/envs/frame.h"

namespace vkrl::apps::plot {

struct ScatterPlot {
  std::string title, x_label, y_label;
  std::vector<double> x, y;
  std::vector<int> labels;               // per point, an index into class_names
  std::vector<std::string> class_names;  // the legend, in colour order
  int width = 900, height = 700;
};

// The plot as an image. Throws vkrl::Error when x, y and labels differ in length or a label has no name.
envs::Frame draw_scatter_plot(const ScatterPlot& plot);

}  // namespace vkrl::apps::plot
