// What every backend shares: window arithmetic and the default capture (run the ops on each replay).
#include "vkrl/nn/backend.h"

#include "vkrl/error.h"

namespace vkrl::nn {

namespace {

int window_out(int in, int kernel, int stride, int pad, int dilation, const char* axis) {
  if (kernel < 1 || stride < 1 || pad < 0 || dilation < 1)
    throw Error(std::string("window: bad ") + axis + " geometry (kernel " + std::to_string(kernel) + ", stride " +
                std::to_string(stride) + ", padding " + std::to_string(pad) + ", dilation " +
                std::to_string(dilation) + ")");
  const int span = dilation * (kernel - 1) + 1;
  if (in + 2 * pad < span)
    throw Error(std::string("window: a ") + axis + " of " + std::to_string(in) + " with padding " +
                std::to_string(pad) + " is smaller than the window's " + std::to_string(span));
  return (in + 2 * pad - span) / stride + 1;
}

class RerunWork final : public CapturedWork {
public:
  explicit RerunWork(std::function<void()> ops) : ops_(std::move(ops)) {}
  void replay() override { ops_(); }

private:
  std::function<void()> ops_;
};

}  // namespace

int Window2d::out_height(int height) const { return window_out(height, kernel_h, stride_h, pad_h, dilation_h, "height"); }
int Window2d::out_width(int width) const { return window_out(width, kernel_w, stride_w, pad_w, dilation_w, "width"); }

std::unique_ptr<CapturedWork> Backend::capture(std::function<void()> ops) {
  return std::make_unique<RerunWork>(std::move(ops));
}

}  // namespace vkrl::nn
