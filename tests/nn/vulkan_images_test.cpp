// The Vulkan backend's convolutions, pooling and batch normalisation against the double-precision CPU backend on the
// same fresh random inputs, over strides, paddings, kernel sizes and dilations, on views at non-zero offsets too.
#include "vulkan_twins.h"

using namespace vkrl;
using namespace vkrl::nn;
using test::Twin;

namespace {
constexpr double kTolerance = 1e-4;  // relative, with an absolute floor of 1e-4 for values below 1

struct ImageCase {
  int n, c, h, w;
  Window2d win;
};

// The MinAtar DQN layer, odd sizes, strides, padding and dilation, and windows wider than tall.
const ImageCase kCases[] = {
    {32, 4, 10, 10, {3, 3, 1, 1, 0, 0, 1, 1}},
    {1, 1, 1, 1, {1, 1, 1, 1, 0, 0, 1, 1}},
    {2, 3, 7, 9, {3, 2, 2, 1, 1, 0, 1, 1}},
    {3, 2, 11, 8, {2, 3, 3, 2, 1, 2, 2, 1}},
    {2, 5, 9, 9, {4, 4, 1, 3, 2, 1, 1, 2}},
};

std::string describe(const ImageCase& t) {
  const Window2d& w = t.win;
  return "x [" + std::to_string(t.n) + ", " + std::to_string(t.c) + ", " + std::to_string(t.h) + ", " +
         std::to_string(t.w) + "] kernel " + std::to_string(w.kernel_h) + "x" + std::to_string(w.kernel_w) +
         " stride " + std::to_string(w.stride_h) + "," + std::to_string(w.stride_w) + " pad " +
         std::to_string(w.pad_h) + "," + std::to_string(w.pad_w) + " dilation " + std::to_string(w.dilation_h) +
         "," + std::to_string(w.dilation_w);
}
}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: conv2d and both its gradients", "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const ImageCase& t : kCases)
    for (int filters : {1, 16}) {
      INFO(describe(t) << ", " << filters << " filters");
      const Shape y_shape{t.n, filters, t.win.out_height(t.h), t.win.out_width(t.w)};
      const Twin x = random({t.n, t.c, t.h, t.w}, -1, 1, true);
      const Twin w = random({filters, t.c, t.win.kernel_h, t.win.kernel_w}, -1, 1);
      Twin y = random(y_shape, -1, 1, true);
      gpu->conv2d(t.win, x.gpu, w.gpu, y.gpu);
      cpu->conv2d(t.win, x.cpu, w.cpu, y.cpu);
      CHECK(error(y) <= kTolerance);
      const Twin dy = random(y_shape, -1, 1);
      Twin dx = random({t.n, t.c, t.h, t.w}, -1, 1);
      gpu->conv2d_backward_input(t.win, dy.gpu, w.gpu, dx.gpu);
      cpu->conv2d_backward_input(t.win, dy.cpu, w.cpu, dx.cpu);
      CHECK(error(dx) <= kTolerance);
      for (double beta : {0.0, 1.0}) {
        Twin dw = random(w.cpu.shape(), -1, 1);
        gpu->conv2d_backward_filter(t.win, x.gpu, dy.gpu, beta, dw.gpu);
        cpu->conv2d_backward_filter(t.win, x.cpu, dy.cpu, beta, dw.cpu);
        CHECK(error(dw) <= kTolerance);
      }
    }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: max and average pooling and their gradients",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const ImageCase& t : kCases)
    for (PoolKind kind : {PoolKind::max, PoolKind::average}) {
      INFO(describe(t) << (kind == PoolKind::max ? ", max" : ", average"));
      const Shape y_shape{t.n, t.c, t.win.out_height(t.h), t.win.out_width(t.w)};
      const Twin x = random({t.n, t.c, t.h, t.w}, -1, 1, true);
      Twin y = random(y_shape, -1, 1);
      gpu->pool2d(kind, t.win, x.gpu, y.gpu);
      cpu->pool2d(kind, t.win, x.cpu, y.cpu);
      CHECK(error(y) <= kTolerance);
      const Twin dy = random(y_shape, -1, 1, true);
      Twin dx = random({t.n, t.c, t.h, t.w}, -1, 1);
      gpu->pool2d_backward(kind, t.win, x.gpu, y.gpu, dy.gpu, dx.gpu);
      cpu->pool2d_backward(kind, t.win, x.cpu, y.cpu, dy.cpu, dx.cpu);
      CHECK(error(dx) <= kTolerance);
    }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: batch normalisation, training, inference and backward",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  const std::pair<Shape, int> cases[] = {{{7, 1}, 1}, {{33, 7}, 7}, {{32, 16, 8, 8}, 16}, {{3, 5, 4, 6}, 5}};
  for (const auto& [shape, channels] : cases) {
    INFO("x " << shape.to_string());
    const Shape c{channels};
    const Twin x = random(shape, -2, 3, true), gamma = random(c, 0.5, 2), beta = random(c);
    Twin running_mean = random(c), running_var = random(c, 0.5, 2), mean = random(c), inv_std = random(c);
    Twin y = random(shape, -1, 1, true);
    gpu->batch_norm_train(x.gpu, gamma.gpu, beta.gpu, 0.9, 1e-3, running_mean.gpu, running_var.gpu, mean.gpu,
                          inv_std.gpu, y.gpu);
    cpu->batch_norm_train(x.cpu, gamma.cpu, beta.cpu, 0.9, 1e-3, running_mean.cpu, running_var.cpu, mean.cpu,
                          inv_std.cpu, y.cpu);
    CHECK(error(y) <= kTolerance);
    CHECK(error(running_mean) <= kTolerance);
    CHECK(error(running_var) <= kTolerance);
    CHECK(error(mean) <= kTolerance);
    CHECK(error(inv_std) <= kTolerance);

    const Twin dy = random(shape, -1, 1, true);
    Twin dx = random(shape), dgamma = random(c), dbeta = random(c);
    gpu->batch_norm_backward(x.gpu, gamma.gpu, mean.gpu, inv_std.gpu, dy.gpu, dx.gpu, dgamma.gpu, dbeta.gpu);
    cpu->batch_norm_backward(x.cpu, gamma.cpu, mean.cpu, inv_std.cpu, dy.cpu, dx.cpu, dgamma.cpu, dbeta.cpu);
    CHECK(error(dx) <= kTolerance);
    CHECK(error(dgamma) <= kTolerance);
    CHECK(error(dbeta) <= kTolerance);

    gpu->batch_norm_inference(x.gpu, gamma.gpu, beta.gpu, running_mean.gpu, running_var.gpu, 1e-3, y.gpu);
    cpu->batch_norm_inference(x.cpu, gamma.cpu, beta.cpu, running_mean.cpu, running_var.cpu, 1e-3, y.cpu);
    CHECK(error(y) <= kTolerance);
  }
}
