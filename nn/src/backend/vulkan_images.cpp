// Vulkan backend: direct convolutions and pooling over NCHW images (nn_conv2d.comp, nn_pool2d.comp), one invocation
// per output element.
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

namespace {

struct Dims {
  int n, c, h, w;
};

Dims image_dims(const Tensor& t, const char* op, const char* name) {
  if (t.shape().rank() != 4) throw Error(std::string(op) + ": " + name + " must be NCHW, got " + t.shape().to_string());
  return {t.shape()[0], t.shape()[1], t.shape()[2], t.shape()[3]};
}

void require_shape(const Tensor& t, const Shape& want, const char* op, const char* name) {
  if (!(t.shape() == want))
    throw Error(std::string(op) + ": " + name + " is " + t.shape().to_string() + ", expected " + want.to_string());
}

struct ConvPush {
  uint32_t n, c, h, w, o, oh, ow, kh, kw, sh, sw, ph, pw, dh, dw, off_in, off_second, off_out;
  float beta;
};

// The push constants of a convolution of x [n, c, h, w] with filters [o, c, kh, kw]; checks y's shape.
ConvPush conv_geometry(const Window2d& win, const Dims& x, const Tensor& w, const Tensor& y, const char* op) {
  const Dims f = image_dims(w, op, "the filter");
  if (f.c != x.c || f.h != win.kernel_h || f.w != win.kernel_w)
    throw Error(std::string(op) + ": filter " + w.shape().to_string() + " for " + std::to_string(x.c) +
                " input channels and a " + std::to_string(win.kernel_h) + "x" + std::to_string(win.kernel_w) +
                " window");
  const int oh = win.out_height(x.h), ow = win.out_width(x.w);
  require_shape(y, Shape{x.n, f.n, oh, ow}, op, "the output");
  auto u = [](int v) { return uint32_t(v); };
  return {u(x.n), u(x.c), u(x.h), u(x.w), u(f.n), u(oh), u(ow), u(win.kernel_h), u(win.kernel_w),
          u(win.stride_h), u(win.stride_w), u(win.pad_h), u(win.pad_w), u(win.dilation_h), u(win.dilation_w),
          0, 0, 0, 0.0f};
}

}  // namespace

void VulkanBackend::conv2d(const Window2d& win, const Tensor& x, const Tensor& w, Tensor& y) {
  ConvPush push = conv_geometry(win, image_dims(x, "conv2d", "x"), w, y, "conv2d");
  const engine::BufferView vx = view(x), vw = view(w), vy = view(y);
  push.off_in = offset_of(vx);
  push.off_second = offset_of(vw);
  push.off_out = offset_of(vy);
  dispatch("nn_conv2d", {{vx, engine::Access::read}, {vw, engine::Access::read}, {vy, engine::Access::write}}, push,
           groups_for(y.size()));
}

void VulkanBackend::conv2d_backward_input(const Window2d& win, const Tensor& dy, const Tensor& w, Tensor& dx) {
  ConvPush push = conv_geometry(win, image_dims(dx, "conv2d_backward_input", "dx"), w, dy, "conv2d_backward_input");
  const engine::BufferView vdy = view(dy), vw = view(w), vdx = view(dx);
  push.off_in = offset_of(vdy);
  push.off_second = offset_of(vw);
  push.off_out = offset_of(vdx);
  dispatch("nn_conv2d_backward_input",
           {{vdy, engine::Access::read}, {vw, engine::Access::read}, {vdx, engine::Access::write}}, push,
           groups_for(dx.size()));
}

void VulkanBackend::conv2d_backward_filter(const Window2d& win, const Tensor& x, const Tensor& dy, double beta,
                                           Tensor& dw) {
  ConvPush push =
      conv_geometry(win, image_dims(x, "conv2d_backward_filter", "x"), dw, dy, "conv2d_backward_filter");
  const engine::BufferView vx = view(x), vdy = view(dy), vdw = view(dw);
  push.off_in = offset_of(vx);
  push.off_second = offset_of(vdy);
  push.off_out = offset_of(vdw);
  push.beta = float(beta);
  dispatch("nn_conv2d_backward_filter",
           {{vx, engine::Access::read},
            {vdy, engine::Access::read},
            {vdw, beta != 0.0 ? engine::Access::read_write : engine::Access::write}},
           push, groups_for(dw.size()));
}

namespace {

struct PoolPush {
  uint32_t planes, h, w, oh, ow, kh, kw, sh, sw, ph, pw, dh, dw, average, off_in, off_dy, off_out;
};

PoolPush pool_geometry(PoolKind kind, const Window2d& win, const Tensor& x, const Tensor& y, const char* op) {
  const Dims d = image_dims(x, op, "x");
  const int oh = win.out_height(d.h), ow = win.out_width(d.w);
  require_shape(y, Shape{d.n, d.c, oh, ow}, op, "the output");
  auto u = [](int v) { return uint32_t(v); };
  return {u(d.n * d.c), u(d.h), u(d.w), u(oh), u(ow), u(win.kernel_h), u(win.kernel_w), u(win.stride_h),
          u(win.stride_w), u(win.pad_h), u(win.pad_w), u(win.dilation_h), u(win.dilation_w),
          kind == PoolKind::average ? 1u : 0u, 0, 0, 0};
}

}  // namespace

void VulkanBackend::pool2d(PoolKind kind, const Window2d& win, const Tensor& x, Tensor& y) {
  PoolPush push = pool_geometry(kind, win, x, y, "pool2d");
  const engine::BufferView vx = view(x), vy = view(y);
  push.off_in = offset_of(vx);
  push.off_dy = 0;
  push.off_out = offset_of(vy);
  dispatch("nn_pool2d", {{vx, engine::Access::read}, {vy, engine::Access::write}}, push, groups_for(y.size()));
}

void VulkanBackend::pool2d_backward(PoolKind kind, const Window2d& win, const Tensor& x, const Tensor& y,
                                    const Tensor& dy, Tensor& dx) {
  PoolPush push = pool_geometry(kind, win, x, dy, "pool2d_backward");
  require_shape(y, dy.shape(), "pool2d_backward", "y");
  require_shape(dx, x.shape(), "pool2d_backward", "dx");
  // The kernel finds each window's maximum again from x, so y itself is not read.
  const engine::BufferView vx = view(x), vdy = view(dy), vdx = view(dx);
  push.off_in = offset_of(vx);
  push.off_dy = offset_of(vdy);
  push.off_out = offset_of(vdx);
  dispatch("nn_pool2d_backward",
           {{vx, engine::Access::read}, {vdy, engine::Access::read}, {vdx, engine::Access::write}}, push,
           groups_for(dx.size()));
}

}  // namespace vkrl::nn
