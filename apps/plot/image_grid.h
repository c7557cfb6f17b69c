// A grid of small grey images (decoded digits or clothes, samples of a generative model): rows x cols tiles of
// height x width pixels in [0, 1] (0 black, 1 white), each enlarged `scale` times, with a title above and an optional
// caption below.
#pragma once

#include <string>
#include <vector>

#include "vkrl/envs/frame.h"

namespace vkrl::apps::plot {

struct ImageGrid {
  std::string title, caption;
  int rows = 0, cols = 0, height = 0, width = 0;
  std::vector<float> pixels;  // rows * cols images of height * width, row-major, row 0 at the top
  int scale = 2;
};

// Throws vkrl::Error when pixels does not hold rows * cols images.
envs::Frame draw_image_grid(const ImageGrid& grid);

}  // namespace vkrl::apps::plot
