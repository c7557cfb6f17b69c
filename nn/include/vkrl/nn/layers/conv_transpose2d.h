// ConvTranspose2D: the transposed convolution ("deconvolution") that decoders use to grow images, x of [N, C, H, W]
// to y of [N, filters, H', W'] with H' = (H - 1) stride - 2 padding + dilation (kernel - 1) + 1 + output_padding (and
// W' alike), PyTorch's ConvTranspose2d. Its forward pass is exactly a convolution's input gradient, and its backward
// pass a convolution forward (dx) and filter gradient (dW), so both backends run it with their conv2d ops with the
// roles swapped: W is [C, filters, KH, KW] (PyTorch's layout) and the convolution it transposes maps [N, filters, H',
// W'] to [N, C, H, W] over the same window. output_padding (less than the stride) picks among the output sizes that
// this convolution maps back to H. Weights start Glorot-uniform, the optional bias at zero.
#pragma once

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

struct ConvTranspose2dOptions {
  int kernel_h = 3, kernel_w = 3;
  int stride_h = 1, stride_w = 1;
  int padding_h = 0, padding_w = 0;
  int output_padding_h = 0, output_padding_w = 0;
  int dilation_h = 1, dilation_w = 1;
  bool bias = true;
  Initializer init = Initializer::glorot_uniform;
  Regularizer regularizer;
};

class ConvTranspose2D final : public Layer {
public:
  ConvTranspose2D(int filters, ConvTranspose2dOptions options = {});

  std::string kind() const override { return "ConvTranspose2D"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;
  std::vector<Tensor> params() override;
  std::vector<Tensor> grads() override;
  std::vector<std::string> param_names() const override;
  Regularizer regularizer() const override { return options_.regularizer; }

private:
  Shape output_shape(const Shape& input) const;

  int filters_;
  ConvTranspose2dOptions options_;
  Window2d window_;
  Backend* backend_ = nullptr;
  Tensor weight_, bias_, weight_grad_, bias_grad_;
  Tensor input_, output_, input_grad_;
  const Tensor no_input_grad_;  // what backward() returns when the input gradient is not needed
};

}  // namespace vkrl::nn
