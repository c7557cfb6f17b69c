// Conv1D: y = conv(x, W) + b over sequences stored channels first, x of [N, C, L] and y of [N, filters, L'] (as Conv2D
// takes NCHW), with L' = (L + 2 pad - dilation (kernel - 1) - 1) / stride + 1. It is a Conv2D of height 1 on a view of
// the same numbers, so both backends run it with their conv2d ops; its weight is therefore [filters, C, 1, kernel]
// (entry [f, c, 0, k] weighs x[n, c, l stride + k dilation - pad]) and its bias [filters]. Padding is "valid", "same"
// (an odd window extent keeps ceil(L / stride) positions) or a number of positions on each side. Initialisation as
// Conv2D's: Glorot-uniform with fan-in C kernel and fan-out filters kernel, zero bias.
#pragma once

#include "vkrl/nn/layers/conv2d.h"

namespace vkrl::nn {

struct Conv1dOptions {
  int kernel = 3;
  int stride = 1;
  int dilation = 1;
  bool same_padding = false;  // "same"; otherwise `padding` positions on each side ("valid" is 0)
  int padding = 0;
  bool bias = true;
  Initializer init = Initializer::glorot_uniform;
  Regularizer regularizer;
};

class Conv1D final : public Layer {
public:
  Conv1D(int filters, Conv1dOptions options = {});

  std::string kind() const override { return "Conv1D"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;
  std::vector<Tensor> params() override { return conv_.params(); }
  std::vector<Tensor> grads() override { return conv_.grads(); }
  std::vector<std::string> param_names() const override { return conv_.param_names(); }
  Regularizer regularizer() const override { return conv_.regularizer(); }

private:
  static Shape as_image(const Shape& sequence);  // [N, C, L] -> [N, C, 1, L]

  Conv2D conv_;
  Shape input_shape_;
  Tensor output_, input_grad_;
};

}  // namespace vkrl::nn
