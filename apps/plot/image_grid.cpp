#include "plot/image_grid.h"

#include <algorithm>
#include <cmath>

#include "plot/canvas.h"
#include "vkrl/error.h"

namespace vkrl::apps::plot {

envs::Frame draw_image_grid(const ImageGrid& grid) {
  const size_t image = size_t(grid.height) * size_t(grid.width);
  if (grid.rows < 1 || grid.cols < 1 || image == 0 || grid.pixels.size() != size_t(grid.rows * grid.cols) * image)
    throw Error("image grid: " + std::to_string(grid.pixels.size()) + " pixels do not make " +
                std::to_string(grid.rows) + "x" + std::to_string(grid.cols) + " images of " +
                std::to_string(grid.height) + "x" + std::to_string(grid.width));
  const int gap = 2, margin = 12, title_height = 36, caption_height = grid.caption.empty() ? 0 : 24;
  const int tile_w = grid.width * grid.scale, tile_h = grid.height * grid.scale;
  const int width = std::max(2 * margin + grid.cols * (tile_w + gap) - gap,
                             envs::Frame::text_width(grid.caption) + 2 * margin);
  const int height = title_height + grid.rows * (tile_h + gap) - gap + margin + caption_height;
  envs::Frame frame(width, height, kWhite);
  const int left = (width - (grid.cols * (tile_w + gap) - gap)) / 2;
  for (int r = 0; r < grid.rows; ++r)
    for (int c = 0; c < grid.cols; ++c) {
      const float* img = grid.pixels.data() + size_t(r * grid.cols + c) * image;
      const int x0 = left + c * (tile_w + gap), y0 = title_height + r * (tile_h + gap);
      for (int y = 0; y < grid.height; ++y)
        for (int x = 0; x < grid.width; ++x) {
          const float v = std::clamp(img[size_t(y * grid.width + x)], 0.0f, 1.0f);
          const auto grey = uint8_t(std::lround(255.0f * v));
          frame.fill_rect(x0 + x * grid.scale, y0 + y * grid.scale, grid.scale, grid.scale, {grey, grey, grey});
        }
    }
  draw_title(frame, width / 2, 16, grid.title);
  if (!grid.caption.empty()) draw_text_centered(frame, width / 2, height - 14, grid.caption, kBlack);
  return frame;
}

}  // namespace vkrl::apps::plot
