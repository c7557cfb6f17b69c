// The 2-D code of Fashion-MNIST's test images that the autoencoder and vae experiments draw: the scatter of the codes
// coloured by class (with the ten class names in the legend), how well the classes separate there (a k-nearest-
// neighbour vote per class), and a square grid of codes across the plane whose decoded images make one figure.
#pragma once

#include <string>
#include <vector>

#include "vkrl/envs/frame.h"

namespace vkrl::apps {

// size x size codes (z1, z2): row 0 at the top holds the largest z2, column 0 the smallest z1, as on a plot.
struct LatentGrid {
  int size = 15;
  double x_lo = -1, x_hi = 1, y_lo = -1, y_hi = 1;
  std::vector<float> points;  // size * size rows of (z1, z2)

  static LatentGrid spanning(int size, double x_lo, double x_hi, double y_lo, double y_hi);
  // The decoded images (size * size of height x width in [0, 1], in points order) as one picture.
  envs::Frame draw(const std::string& title, const std::vector<float>& decoded, int height, int width) const;
};

struct NeighbourVote {
  std::vector<double> recall;  // per class: the share of its points whose neighbours' majority is their own class
  double accuracy = 0;         // over all points
};

struct LatentCodes {
  std::vector<float> xy;    // count rows of (z1, z2)
  std::vector<int> labels;  // count Fashion-MNIST classes

  envs::Frame draw(const std::string& title) const;
  // Each of the first `limit` points voted on by its k nearest others among them (leave-one-out).
  NeighbourVote neighbour_vote(int k, int limit) const;
  // The grid over the 1st to 99th percentile of the codes on each axis.
  LatentGrid percentile_grid(int size) const;
};

// A markdown table of the vote per class, and a sentence naming the classes that separate (recall of 0.8 or more)
// and those that mix.
std::string vote_table(const NeighbourVote& vote);
std::string separation_sentence(const NeighbourVote& vote);

}  // namespace vkrl::apps
