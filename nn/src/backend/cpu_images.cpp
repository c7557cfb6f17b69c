// CPU backend: convolution and pooling over NCHW images. A convolution unrolls the batch into columns (im2col: one row
// per (channel, kernel row, kernel column), one column per output cell of every image) in a per-thread scratch buffer
// that grows once and is then reused, so that every pass is one Eigen GEMM over the whole batch: small images
// (MinAtar's 10x10) would otherwise make many GEMMs too small to run fast.
#include "cpu_backend.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace vkrl::nn {

namespace {

// The geometry of one convolution or pooling: input [n, c, h, w] and output [n, oc, oh, ow].
struct ImageGeometry {
  int n, c, h, w, oh, ow;
  Eigen::Index cells() const { return Eigen::Index(oh) * ow; }
  Eigen::Index patch(const Window2d& win) const { return Eigen::Index(c) * win.kernel_h * win.kernel_w; }
};

std::string shapes(const Tensor& a, const Tensor& b, const Tensor& c) {
  return a.shape().to_string() + ", " + b.shape().to_string() + ", " + c.shape().to_string();
}

// Checks x [N, C, H, W] and out [N, outC, OH, OW] against the window; outC = -1 takes C.
ImageGeometry image_geometry(const char* op, const Window2d& win, const Shape& x, const Shape& out, int out_c) {
  if (x.rank() != 4 || out.rank() != 4)
    throw Error(std::string(op) + ": needs NCHW tensors, got " + x.to_string() + " and " + out.to_string());
  ImageGeometry g{x[0], x[1], x[2], x[3], win.out_height(x[2]), win.out_width(x[3])};
  if (out[0] != g.n || out[1] != (out_c < 0 ? g.c : out_c) || out[2] != g.oh || out[3] != g.ow)
    throw Error(std::string(op) + ": input " + x.to_string() + " gives [" + std::to_string(g.n) + ", " +
                std::to_string(out_c < 0 ? g.c : out_c) + ", " + std::to_string(g.oh) + ", " + std::to_string(g.ow) +
                "], not " + out.to_string());
  return g;
}

ImageGeometry conv_geometry(const char* op, const Window2d& win, const Tensor& x, const Tensor& w, const Tensor& y) {
  const Shape& ws = w.shape();
  if (ws.rank() != 4 || x.shape().rank() != 4 || ws[1] != x.shape()[1] || ws[2] != win.kernel_h ||
      ws[3] != win.kernel_w)
    throw Error(std::string(op) + ": input, filter, output " + shapes(x, w, y) + " do not fit a " +
                std::to_string(win.kernel_h) + "x" + std::to_string(win.kernel_w) + " window");
  return image_geometry(op, win, x.shape(), y.shape(), ws[0]);
}

// The buffers a convolution works in, one of each per thread.
enum class ScratchUse { columns, outputs, product };

// This thread's buffer for `use`, grown to at least `size` elements and reused by later calls.
template <class T, ScratchUse use>
T* scratch(size_t size) {
  thread_local std::vector<T> buffer;
  if (buffer.size() < size) buffer.resize(size);
  return buffer.data();
}

// The output columns [begin, end) whose window cell at kernel column kw falls inside the image row (the rest read
// padding), so the loops below run without a bounds check per element.
struct ColumnRange {
  int begin, end, offset;  // input column = ow * stride_w + offset
};
inline ColumnRange column_range(const Window2d& win, const ImageGeometry& g, int kw) {
  const int offset = kw * win.dilation_w - win.pad_w;
  // iw >= 0 from ow >= ceil(-offset / stride); iw < w up to ow <= floor((w - 1 - offset) / stride).
  const int begin = offset >= 0 ? 0 : (-offset + win.stride_w - 1) / win.stride_w;
  const int end = g.w - 1 - offset < 0 ? 0 : (g.w - 1 - offset) / win.stride_w + 1;
  return {std::min(begin, g.ow), std::clamp(end, std::min(begin, g.ow), g.ow), offset};
}

// cols [C KH KW, OH OW] (rows `stride` apart) = the window's cells of one image x [C, H, W]; padding reads 0.
template <class T>
void im2col(const Window2d& win, const ImageGeometry& g, const T* x, T* cols, Eigen::Index stride) {
  for (int c = 0; c < g.c; ++c)
    for (int kh = 0; kh < win.kernel_h; ++kh)
      for (int kw = 0; kw < win.kernel_w; ++kw) {
        const T* plane = x + size_t(c) * g.h * g.w;
        const ColumnRange r = column_range(win, g, kw);
        for (int oh = 0; oh < g.oh; ++oh) {
          const int ih = oh * win.stride_h - win.pad_h + kh * win.dilation_h;
          T* row = cols + oh * g.ow;
          if (ih < 0 || ih >= g.h) {
            std::fill(row, row + g.ow, T(0));
            continue;
          }
          const T* line = plane + size_t(ih) * g.w + r.offset;
          std::fill(row, row + r.begin, T(0));
          if (win.stride_w == 1)
            std::copy(line + r.begin, line + r.end, row + r.begin);
          else
            for (int ow = r.begin; ow < r.end; ++ow) row[ow] = line[ow * win.stride_w];
          std::fill(row + r.end, row + g.ow, T(0));
        }
        cols += stride;
      }
}

// to[0, n) = from[0, n) for a short run (8 cells on MinAtar's 10x10 images), in fixed chunks of 8 that compile to
// single vector moves; the last chunk ends at n and may overlap the one before. A plain loop would become a library
// call per run, which costs more than the copy.
template <class T>
inline void copy_run(const T* from, int n, T* to) {
  constexpr int kChunk = 8;
  if (n < kChunk) {
    for (int i = 0; i < n; ++i) to[i] = from[i];
    return;
  }
  for (int i = 0; i + kChunk < n; i += kChunk) std::memcpy(to + i, from + i, kChunk * sizeof(T));
  std::memcpy(to + n - kChunk, from + n - kChunk, kChunk * sizeof(T));
}

// im2col of the batch x [N, C, H, W] for a window of stride 1 without padding or dilation (MinAtar's nets): every row
// of a window cell's column is a plain run of an input row. One input plane at a time (it stays in the L1 cache) fills
// its KH KW column rows, each written in order.
template <class T>
void im2col_unpadded(const Window2d& win, const ImageGeometry& g, const T* x, T* cols) {
  const int oh = g.oh, ow = g.ow, w = g.w;
  const Eigen::Index columns = g.n * g.cells();
  const size_t plane = size_t(g.h) * g.w;
  for (int c = 0; c < g.c; ++c)
    for (int n = 0; n < g.n; ++n) {
      const T* in = x + (size_t(n) * g.c + c) * plane;
      T* row = cols + (Eigen::Index(c) * win.kernel_h * win.kernel_w) * columns + n * g.cells();
      for (int kh = 0; kh < win.kernel_h; ++kh)
        for (int kw = 0; kw < win.kernel_w; ++kw, row += columns)
          for (int i = 0; i < oh; ++i) copy_run(in + (kh + i) * w + kw, ow, row + i * ow);
    }
}

// im2col for every image of the batch x [N, C, H, W]: image n fills columns [n OH OW, (n + 1) OH OW).
template <class T>
void im2col_batch(const Window2d& win, const ImageGeometry& g, const T* x, T* cols) {
  if (win.stride_h == 1 && win.stride_w == 1 && win.pad_h == 0 && win.pad_w == 0 && win.dilation_h == 1 &&
      win.dilation_w == 1)
    return im2col_unpadded(win, g, x, cols);
  const size_t image = size_t(g.c) * g.h * g.w;
  for (int n = 0; n < g.n; ++n) im2col(win, g, x + n * image, cols + n * g.cells(), g.n * g.cells());
}

// The adjoint of im2col: x [C, H, W] += every column cell at the place it was read from.
template <class T>
void col2im_add(const Window2d& win, const ImageGeometry& g, const T* cols, Eigen::Index stride, T* x) {
  for (int c = 0; c < g.c; ++c)
    for (int kh = 0; kh < win.kernel_h; ++kh)
      for (int kw = 0; kw < win.kernel_w; ++kw) {
        T* plane = x + size_t(c) * g.h * g.w;
        const ColumnRange r = column_range(win, g, kw);
        for (int oh = 0; oh < g.oh; ++oh) {
          const int ih = oh * win.stride_h - win.pad_h + kh * win.dilation_h;
          if (ih < 0 || ih >= g.h) continue;
          const T* row = cols + oh * g.ow;
          T* line = plane + size_t(ih) * g.w + r.offset;
          for (int ow = r.begin; ow < r.end; ++ow) line[ow * win.stride_w] += row[ow];
        }
        cols += stride;
      }
}

// Between y [N, O, cells] and the GEMM's layout [O, N cells].
template <class T>
void batch_to_channels(const T* y, Eigen::Index n, Eigen::Index outs, Eigen::Index cells, T* out) {
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index o = 0; o < outs; ++o) std::copy_n(y + (i * outs + o) * cells, cells, out + (o * n + i) * cells);
}
template <class T>
void channels_to_batch(const T* out, Eigen::Index n, Eigen::Index outs, Eigen::Index cells, T* y) {
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index o = 0; o < outs; ++o) std::copy_n(out + (o * n + i) * cells, cells, y + (i * outs + o) * cells);
}

}  // namespace

template <class T>
void CpuBackend<T>::conv2d(const Window2d& win, const Tensor& x, const Tensor& w, Tensor& y) {
  const ImageGeometry g = conv_geometry("conv2d", win, x, w, y);
  const Eigen::Index outs = w.shape()[0], patch = g.patch(win), cells = g.cells(), columns = g.n * cells;
  T* cols = scratch<T, ScratchUse::columns>(size_t(patch * columns));
  T* out = scratch<T, ScratchUse::outputs>(size_t(outs * columns));
  im2col_batch(win, g, data(x), cols);
  Eigen::Map<Matrix>(out, outs, columns).noalias() =
      Eigen::Map<const Matrix>(data(w), outs, patch) * Eigen::Map<const Matrix>(cols, patch, columns);
  channels_to_batch(out, g.n, outs, cells, data(y));
}

template <class T>
void CpuBackend<T>::conv2d_backward_input(const Window2d& win, const Tensor& dy, const Tensor& w, Tensor& dx) {
  const ImageGeometry g = conv_geometry("conv2d_backward_input", win, dx, w, dy);
  const Eigen::Index outs = w.shape()[0], patch = g.patch(win), cells = g.cells(), columns = g.n * cells;
  T* cols = scratch<T, ScratchUse::columns>(size_t(patch * columns));
  T* grad = scratch<T, ScratchUse::outputs>(size_t(outs * columns));
  batch_to_channels(data(dy), g.n, outs, cells, grad);
  Eigen::Map<Matrix>(cols, patch, columns).noalias() =
      Eigen::Map<const Matrix>(data(w), outs, patch).transpose() * Eigen::Map<const Matrix>(grad, outs, columns);
  std::fill(data(dx), data(dx) + dx.size(), T(0));
  for (int n = 0; n < g.n; ++n) col2im_add(win, g, cols + n * cells, columns, data(dx) + size_t(n) * g.c * g.h * g.w);
}

template <class T>
void CpuBackend<T>::conv2d_backward_filter(const Window2d& win, const Tensor& x, const Tensor& dy, double beta,
                                           Tensor& dw) {
  const ImageGeometry g = conv_geometry("conv2d_backward_filter", win, x, dw, dy);
  const Eigen::Index outs = dw.shape()[0], patch = g.patch(win), cells = g.cells(), columns = g.n * cells;
  T* cols = scratch<T, ScratchUse::columns>(size_t(patch * columns));
  T* grad = scratch<T, ScratchUse::outputs>(size_t(outs * columns));
  im2col_batch(win, g, data(x), cols);
  batch_to_channels(data(dy), g.n, outs, cells, grad);
  // The product goes to a column-major block first, then into DW's row-major layout: Eigen's kernel then takes the
  // output channels as its rows and runs about 1.5x faster on small filter banks (MinAtar's 16 x 36).
  T* product = scratch<T, ScratchUse::product>(size_t(outs * patch));
  Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>> P(product, outs, patch);
  const Eigen::Map<const Matrix> G(grad, outs, columns), Cols(cols, patch, columns);
  P.noalias() = G * Cols.transpose();
  Eigen::Map<Matrix> DW(data(dw), outs, patch);
  if (beta == 0.0)
    DW = P;
  else if (beta == 1.0)
    DW += P;
  else
    DW = T(beta) * DW + P;
}

namespace {

// Calls visit(input index) for every in-bounds cell of the window of output cell (oh, ow) in one plane.
template <class Visit>
void for_window(const Window2d& win, const ImageGeometry& g, int oh, int ow, Visit&& visit) {
  for (int kh = 0; kh < win.kernel_h; ++kh) {
    const int ih = oh * win.stride_h - win.pad_h + kh * win.dilation_h;
    if (ih < 0 || ih >= g.h) continue;
    for (int kw = 0; kw < win.kernel_w; ++kw) {
      const int iw = ow * win.stride_w - win.pad_w + kw * win.dilation_w;
      if (iw >= 0 && iw < g.w) visit(size_t(ih) * g.w + size_t(iw));
    }
  }
}

}  // namespace

template <class T>
void CpuBackend<T>::pool2d(PoolKind kind, const Window2d& win, const Tensor& x, Tensor& y) {
  const ImageGeometry g = image_geometry("pool2d", win, x.shape(), y.shape(), -1);
  const size_t plane = size_t(g.h) * g.w;
  for (size_t p = 0; p < size_t(g.n) * g.c; ++p) {
    const T* in = data(x) + p * plane;
    T* out = data(y) + p * size_t(g.cells());
    for (int oh = 0; oh < g.oh; ++oh)
      for (int ow = 0; ow < g.ow; ++ow) {
        T max = -std::numeric_limits<T>::infinity(), sum = 0;
        int count = 0;
        for_window(win, g, oh, ow, [&](size_t i) {
          max = std::max(max, in[i]);
          sum += in[i];
          ++count;
        });
        // A window wholly in the padding has no cells: it reads 0.
        *out++ = count == 0 ? T(0) : kind == PoolKind::max ? max : sum / T(count);
      }
  }
}

template <class T>
void CpuBackend<T>::pool2d_backward(PoolKind kind, const Window2d& win, const Tensor& x, const Tensor& y,
                                    const Tensor& dy, Tensor& dx) {
  const ImageGeometry g = image_geometry("pool2d_backward", win, x.shape(), dy.shape(), -1);
  require_same_size("pool2d_backward", y, dy);
  require_same_size("pool2d_backward", x, dx);
  const size_t plane = size_t(g.h) * g.w;
  std::fill(data(dx), data(dx) + dx.size(), T(0));
  for (size_t p = 0; p < size_t(g.n) * g.c; ++p) {
    const T* in = data(x) + p * plane;
    T* grad_in = data(dx) + p * plane;
    const T* out = data(y) + p * size_t(g.cells());
    const T* grad_out = data(dy) + p * size_t(g.cells());
    for (int oh = 0; oh < g.oh; ++oh)
      for (int ow = 0; ow < g.ow; ++ow, ++out, ++grad_out) {
        if (kind == PoolKind::max) {
          bool sent = false;
          for_window(win, g, oh, ow, [&](size_t i) {
            if (!sent && in[i] == *out) {
              grad_in[i] += *grad_out;
              sent = true;
            }
          });
        } else {
          int count = 0;
          for_window(win, g, oh, ow, [&](size_t) { ++count; });
          for_window(win, g, oh, ow, [&](size_t i) { grad_in[i] += *grad_out / T(count); });
        }
      }
  }
}

#define VKRL_INSTANTIATE(T)                                                                                      \
  template void CpuBackend<T>::conv2d(const Window2d&, const Tensor&, const Tensor&, Tensor&);                   \
  template void CpuBackend<T>::conv2d_backward_input(const Window2d&, const Tensor&, const Tensor&, Tensor&);    \
  template void CpuBackend<T>::conv2d_backward_filter(const Window2d&, const Tensor&, const Tensor&, double,     \
                                                      Tensor&);                                                  \
  template void CpuBackend<T>::pool2d(PoolKind, const Window2d&, const Tensor&, Tensor&);                        \
  template void CpuBackend<T>::pool2d_backward(PoolKind, const Window2d&, const Tensor&, const Tensor&,          \
                                               const Tensor&, Tensor&);
VKRL_INSTANTIATE(float)
VKRL_INSTANTIATE(double)
#undef VKRL_INSTANTIATE

}  // namespace vkrl::nn
