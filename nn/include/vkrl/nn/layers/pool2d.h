// Pool2D: max or average pooling per channel of NCHW images (MaxPool2D, AvgPool2D). The stride defaults to the pool
// size, as in Keras; padding is "valid" (none) or "same" (an odd pool keeps ceil(size / stride) cells per axis), and
// padded cells take no part (a max over, or a mean of, the in-bounds cells). No parameters.
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

struct Pool2dOptions {
  int pool_h = 2, pool_w = 2;
  int stride_h = 0, stride_w = 0;  // 0: the pool size
  bool same_padding = false;
};

class Pool2D final : public Layer {
public:
  Pool2D(PoolKind pool, Pool2dOptions options = {});

  std::string kind() const override { return pool_ == PoolKind::max ? "MaxPool2D" : "AvgPool2D"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;

private:
  PoolKind pool_;
  Window2d window_;
  Backend* backend_ = nullptr;
  Tensor input_, output_, input_grad_;
};

}  // namespace vkrl::nn
