#include "vkrl/nn/layers/pool2d.h"

#include "vkrl/error.h"

namespace vkrl::nn {

Pool2D::Pool2D(PoolKind pool, Pool2dOptions o) : pool_(pool) {
  const int stride_h = o.stride_h == 0 ? o.pool_h : o.stride_h, stride_w = o.stride_w == 0 ? o.pool_w : o.stride_w;
  if (o.pool_h < 1 || o.pool_w < 1 || stride_h < 1 || stride_w < 1)
    throw Error(kind() + ": pool size and stride must be positive");
  if (o.same_padding && (o.pool_h % 2 == 0 || o.pool_w % 2 == 0))
    throw Error(kind() + ": \"same\" padding needs an odd pool size, got " + std::to_string(o.pool_h) + "x" +
                std::to_string(o.pool_w));
  const int pad_h = o.same_padding ? o.pool_h / 2 : 0, pad_w = o.same_padding ? o.pool_w / 2 : 0;
  window_ = {o.pool_h, o.pool_w, stride_h, stride_w, pad_h, pad_w, 1, 1};
}

Shape Pool2D::build(Backend& backend, const Shape& input, std::mt19937_64&) {
  if (input.rank() != 4) throw Error(kind() + ": needs an NCHW input, got " + input.to_string());
  backend_ = &backend;
  return {input[0], input[1], window_.out_height(input[2]), window_.out_width(input[3])};
}

const Tensor& Pool2D::forward(const Tensor& x, bool) {
  const Shape& s = x.shape();
  if (s.rank() != 4) throw Error(kind() + ": needs an NCHW input, got " + s.to_string());
  input_ = x;
  ensure_shape(output_, *backend_, {s[0], s[1], window_.out_height(s[2]), window_.out_width(s[3])});
  backend_->pool2d(pool_, window_, x, output_);
  return output_;
}

const Tensor& Pool2D::backward(const Tensor& dy) {
  ensure_shape(input_grad_, *backend_, input_.shape());
  backend_->pool2d_backward(pool_, window_, input_, output_, dy, input_grad_);
  return input_grad_;
}

}  // namespace vkrl::nn
