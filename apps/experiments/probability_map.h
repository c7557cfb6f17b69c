// Probability maps of 2D classifiers (blobs2d, playground): the points of a square grid over [-extent, extent]^2 to
// feed a model, and the heat map of one class's probability over that grid with the labelled points drawn on top
// (class 1 red, class 0 blue), as the course and the TensorFlow playground show a decision boundary.
#pragma once

#include <string>
#include <vector>

#include "vkrl/envs/frame.h"
#include "vkrl/nn/data/toy2d.h"

namespace vkrl::apps {

struct ProbabilityGrid {
  int size = 50;        // cells per side
  double extent = 10;   // the grid covers [-extent, extent]^2

  // The centres of the cells as (x, y) rows, row-major with row 0 at the top (y = +extent), as on a plot.
  std::vector<float> points() const;
  // `probabilities` holds size * size values in points() order; throws vkrl::Error on another count.
  envs::Frame draw(const std::string& title, const std::vector<double>& probabilities,
                   const nn::data::Points2D& data) const;
};

}  // namespace vkrl::apps
