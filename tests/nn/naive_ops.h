// Obviously-correct double-precision loops for the image and batch-norm ops, written straight from the formulas in
// backend.h, for tests of every backend to compare against. Images are NCHW vectors with their dims passed alongside.
#pragma once

#include <cmath>
#include <limits>
#include <vector>

#include "vkrl/nn/backend.h"

namespace vkrl::test::naive {

struct Dims {
  int n, c, h, w;
  size_t size() const { return size_t(n) * c * h * w; }
  size_t at(int in, int ic, int ih, int iw) const { return ((size_t(in) * c + ic) * h + ih) * w + iw; }
};

inline Dims conv_out(const nn::Window2d& win, const Dims& x, int out_channels) {
  return {x.n, out_channels, win.out_height(x.h), win.out_width(x.w)};
}

// The input cell that window position (kh, kw) of output cell (oh, ow) reads; false in the padding.
inline bool source(const nn::Window2d& win, const Dims& x, int oh, int ow, int kh, int kw, int& ih, int& iw) {
  ih = oh * win.stride_h - win.pad_h + kh * win.dilation_h;
  iw = ow * win.stride_w - win.pad_w + kw * win.dilation_w;
  return ih >= 0 && ih < x.h && iw >= 0 && iw < x.w;
}

// y[n, o, oh, ow] = sum over c, kh, kw of x[n, c, ih, iw] w[o, c, kh, kw].
inline std::vector<double> conv2d(const nn::Window2d& win, const Dims& xd, const std::vector<double>& x, int outs,
                                  const std::vector<double>& w) {
  const Dims yd = conv_out(win, xd, outs);
  const Dims wd{outs, xd.c, win.kernel_h, win.kernel_w};
  std::vector<double> y(yd.size(), 0.0);
  for (int n = 0; n < yd.n; ++n)
    for (int o = 0; o < outs; ++o)
      for (int oh = 0; oh < yd.h; ++oh)
        for (int ow = 0; ow < yd.w; ++ow)
          for (int c = 0; c < xd.c; ++c)
            for (int kh = 0; kh < win.kernel_h; ++kh)
              for (int kw = 0; kw < win.kernel_w; ++kw) {
                int ih, iw;
                if (source(win, xd, oh, ow, kh, kw, ih, iw))
                  y[yd.at(n, o, oh, ow)] += x[xd.at(n, c, ih, iw)] * w[wd.at(o, c, kh, kw)];
              }
  return y;
}

// dx[n, c, ih, iw] = sum of dy[n, o, oh, ow] w[o, c, kh, kw] over the outputs that read (ih, iw).
inline std::vector<double> conv2d_backward_input(const nn::Window2d& win, const Dims& xd, const std::vector<double>& dy,
                                                 int outs, const std::vector<double>& w) {
  const Dims yd = conv_out(win, xd, outs);
  const Dims wd{outs, xd.c, win.kernel_h, win.kernel_w};
  std::vector<double> dx(xd.size(), 0.0);
  for (int n = 0; n < yd.n; ++n)
    for (int o = 0; o < outs; ++o)
      for (int oh = 0; oh < yd.h; ++oh)
        for (int ow = 0; ow < yd.w; ++ow)
          for (int c = 0; c < xd.c; ++c)
            for (int kh = 0; kh < win.kernel_h; ++kh)
              for (int kw = 0; kw < win.kernel_w; ++kw) {
                int ih, iw;
                if (source(win, xd, oh, ow, kh, kw, ih, iw))
                  dx[xd.at(n, c, ih, iw)] += dy[yd.at(n, o, oh, ow)] * w[wd.at(o, c, kh, kw)];
              }
  return dx;
}

// dw[o, c, kh, kw] = sum over n, oh, ow of x[n, c, ih, iw] dy[n, o, oh, ow].
inline std::vector<double> conv2d_backward_filter(const nn::Window2d& win, const Dims& xd, const std::vector<double>& x,
                                                  int outs, const std::vector<double>& dy) {
  const Dims yd = conv_out(win, xd, outs);
  const Dims wd{outs, xd.c, win.kernel_h, win.kernel_w};
  std::vector<double> dw(wd.size(), 0.0);
  for (int n = 0; n < yd.n; ++n)
    for (int o = 0; o < outs; ++o)
      for (int oh = 0; oh < yd.h; ++oh)
        for (int ow = 0; ow < yd.w; ++ow)
          for (int c = 0; c < xd.c; ++c)
            for (int kh = 0; kh < win.kernel_h; ++kh)
              for (int kw = 0; kw < win.kernel_w; ++kw) {
                int ih, iw;
                if (source(win, xd, oh, ow, kh, kw, ih, iw))
                  dw[wd.at(o, c, kh, kw)] += x[xd.at(n, c, ih, iw)] * dy[yd.at(n, o, oh, ow)];
              }
  return dw;
}

// The max or the mean of each window's in-bounds cells (0 for a window with none).
inline std::vector<double> pool2d(nn::PoolKind kind, const nn::Window2d& win, const Dims& xd,
                                  const std::vector<double>& x) {
  const Dims yd = conv_out(win, xd, xd.c);
  std::vector<double> y(yd.size(), 0.0);
  for (int n = 0; n < yd.n; ++n)
    for (int c = 0; c < yd.c; ++c)
      for (int oh = 0; oh < yd.h; ++oh)
        for (int ow = 0; ow < yd.w; ++ow) {
          double max = -std::numeric_limits<double>::infinity(), sum = 0;
          int count = 0;
          for (int kh = 0; kh < win.kernel_h; ++kh)
            for (int kw = 0; kw < win.kernel_w; ++kw) {
              int ih, iw;
              if (!source(win, xd, oh, ow, kh, kw, ih, iw)) continue;
              max = std::max(max, x[xd.at(n, c, ih, iw)]);
              sum += x[xd.at(n, c, ih, iw)];
              ++count;
            }
          y[yd.at(n, c, oh, ow)] = count == 0 ? 0.0 : kind == nn::PoolKind::max ? max : sum / count;
        }
  return y;
}

// Max: each output's gradient to the first in-bounds cell (row-major in the window) holding the maximum; average:
// shared equally by the window's in-bounds cells.
inline std::vector<double> pool2d_backward(nn::PoolKind kind, const nn::Window2d& win, const Dims& xd,
                                           const std::vector<double>& x, const std::vector<double>& dy) {
  const Dims yd = conv_out(win, xd, xd.c);
  std::vector<double> dx(xd.size(), 0.0);
  for (int n = 0; n < yd.n; ++n)
    for (int c = 0; c < yd.c; ++c)
      for (int oh = 0; oh < yd.h; ++oh)
        for (int ow = 0; ow < yd.w; ++ow) {
          std::vector<size_t> cells;
          for (int kh = 0; kh < win.kernel_h; ++kh)
            for (int kw = 0; kw < win.kernel_w; ++kw) {
              int ih, iw;
              if (source(win, xd, oh, ow, kh, kw, ih, iw)) cells.push_back(xd.at(n, c, ih, iw));
            }
          const double g = dy[yd.at(n, c, oh, ow)];
          if (cells.empty()) continue;
          if (kind == nn::PoolKind::average) {
            for (size_t i : cells) dx[i] += g / double(cells.size());
            continue;
          }
          size_t best = cells[0];
          for (size_t i : cells)
            if (x[i] > x[best]) best = i;
          dx[best] += g;
        }
  return dx;
}

// Batch normalisation of x seen as [rows, channels, inner], per channel.
struct BatchNormResult {
  std::vector<double> y, mean, inv_std, running_mean, running_var;
};

inline BatchNormResult batch_norm_train(const std::vector<double>& x, int rows, int channels, int inner,
                                        const std::vector<double>& gamma, const std::vector<double>& beta,
                                        double momentum, double epsilon, std::vector<double> running_mean,
                                        std::vector<double> running_var) {
  BatchNormResult r{std::vector<double>(x.size()), {}, {}, std::move(running_mean), std::move(running_var)};
  auto at = [&](int n, int c, int i) { return (size_t(n) * channels + c) * inner + i; };
  const double count = double(rows) * inner;
  for (int c = 0; c < channels; ++c) {
    double mean = 0, var = 0;
    for (int n = 0; n < rows; ++n)
      for (int i = 0; i < inner; ++i) mean += x[at(n, c, i)] / count;
    for (int n = 0; n < rows; ++n)
      for (int i = 0; i < inner; ++i) var += (x[at(n, c, i)] - mean) * (x[at(n, c, i)] - mean) / count;
    const double inv_std = 1 / std::sqrt(var + epsilon);
    for (int n = 0; n < rows; ++n)
      for (int i = 0; i < inner; ++i)
        r.y[at(n, c, i)] = gamma[size_t(c)] * (x[at(n, c, i)] - mean) * inv_std + beta[size_t(c)];
    r.mean.push_back(mean);
    r.inv_std.push_back(inv_std);
    r.running_mean[size_t(c)] = momentum * r.running_mean[size_t(c)] + (1 - momentum) * mean;
    r.running_var[size_t(c)] = momentum * r.running_var[size_t(c)] + (1 - momentum) * var;
  }
  return r;
}

}  // namespace vkrl::test::naive
