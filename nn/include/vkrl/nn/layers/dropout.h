// Dropout (inverted, as in Keras): in training, y = x * mask with each mask element 0 with probability `rate` and
// 1 / (1 - rate) otherwise; at inference y = x. The mask of a training forward pass comes from Backend::dropout_mask
// with a key mixed from a per-layer seed (drawn from the model's seed at build time) and a count of training passes,
// so masks differ from step to step and a run repeats exactly; set_calls() rewinds the count (checkpoints, tests).
#pragma once

#include <cstdint>

#include "vkrl/nn/layers/layer.h"

namespace vkrl::nn {

class Dropout final : public Layer {
public:
  explicit Dropout(double rate);

  std::string kind() const override { return "Dropout"; }
  Shape build(Backend& backend, const Shape& input, std::mt19937_64& rng) override;
  const Tensor& forward(const Tensor& x, bool training) override;
  const Tensor& backward(const Tensor& dy) override;

  uint64_t calls() const { return calls_; }  // training forward passes so far
  void set_calls(uint64_t calls) { calls_ = calls; }

private:
  double rate_;
  uint64_t seed_ = 0, calls_ = 0;
  bool dropped_ = false;  // whether the last forward pass applied a mask
  Backend* backend_ = nullptr;
  Tensor mask_, output_, input_grad_;
};

}  // namespace vkrl::nn
