// Conv2D: y = conv(x, W) + b over NCHW images, W of [filters, channels, KH, KW] and b of [filters] (cross-correlation,
// as every framework computes it). Padding is "valid" (none), "same" (an odd window keeps ceil(size / stride) cells per
// axis, as in Keras) or a number of cells on each side. Weights start Glorot-uniform unless chosen otherwise, with
// fan-in C KH KW and fan-out filters KH KW; the bias is optional and starts at zero.
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

struct Conv2dOptions {
  int kernel_h = 3, kernel_w = 3;
  int stride_h = 1, stride_w = 1;
  int dilation_h = 1, dilation_w = 1;
  bool same_padding = false;  // "same"; otherwise `padding` cells on each side ("valid" is 0)
  int padding = 0;
  bool bias = true;
  Initializer init = Initializer::glorot_uniform;
  Regularizer regularizer;
};

class Conv2D final : public Layer {
public:
  Conv2D(int filters, Conv2dOptions options = {});
  // Over an explicit window (Conv1D's has height 1 and pads only its width); of `options`, only bias, init and
  // regularizer count.
  Conv2D(int filters, const Window2d& window, Conv2dOptions options);

  std::string kind() const override { return "Conv2D"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;
  std::vector<Tensor> params() override;
  std::vector<Tensor> grads() override;
  std::vector<std::string> param_names() const override;
  Regularizer regularizer() const override { return options_.regularizer; }

private:
  int filters_;
  Conv2dOptions options_;
  Window2d window_;
  Backend* backend_ = nullptr;
  Tensor weight_, bias_, weight_grad_, bias_grad_;
  Tensor input_, output_, input_grad_;
  const Tensor no_input_grad_;  // what backward() returns when the input gradient is not needed
};

}  // namespace vkrl::nn
