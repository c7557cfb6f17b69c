// Small models (a dense net, and a conv net with batch normalisation and pooling) on the Vulkan backend against the
// same models on the double-precision CPU backend: both built from one seed, fed the same batch; the outputs, the loss, every parameter gradient and the input gradient agree.
#include "vulkan_twins.h"

#include "vkrl/nn/layers/activation_layer.h"
#include "vkrl/nn/layers/batch_norm.h"
#include "vkrl/nn/layers/conv2d.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/layers/pool2d.h"
#include "vkrl/nn/layers/reshape.h"
#include "vkrl/nn/sequential.h"

using namespace vkrl;
using namespace vkrl::nn;

namespace {
constexpr double kTolerance = 1e-4;  // relative, with an absolute floor of 1e-4 for values below 1

Sequential mlp() {
  Sequential model;
  model.add(std::make_unique<Dense>(16))
      .add(std::make_unique<ActivationLayer>(Activation::relu))
      .add(std::make_unique<Dense>(33))
      .add(std::make_unique<ActivationLayer>(Activation::tanh))
      .add(std::make_unique<Dense>(6));
  return model;
}

// MinAtar's DQN trunk with batch normalisation and pooling added: every image op in one net.
Sequential convnet() {
  Sequential model;
  model.add(std::make_unique<Conv2D>(16))
      .add(std::make_unique<BatchNorm>())
      .add(std::make_unique<ActivationLayer>(Activation::relu))
      .add(std::make_unique<Pool2D>(PoolKind::max))
      .add(Reshape::flatten())
      .add(std::make_unique<Dense>(6));
  return model;
}

double difference(const Tensor& gpu, const Tensor& cpu) { return test::VulkanTwinsFixture::error({gpu, cpu}); }
}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan model: a net's forward and backward passes match cpu-f64",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  const bool images = GENERATE(false, true);
  INFO((images ? "conv net" : "dense net"));
  Sequential on_gpu = images ? convnet() : mlp(), on_cpu = images ? convnet() : mlp();
  const Shape input = images ? Shape{8, 4, 10, 10} : Shape{9, 13};
  on_gpu.build(*gpu, input, seed);
  on_cpu.build(*cpu, input, seed);
  const test::Twin x = random(input), targets = random({input[0], 6}, 0, 1);
  test::Twin loss = random({1}), dlogits = random({input[0], 6});

  const Tensor& y_gpu = on_gpu.forward(x.gpu, true);
  const Tensor& y_cpu = on_cpu.forward(x.cpu, true);
  CHECK(difference(y_gpu, y_cpu) <= kTolerance);
  gpu->softmax_cross_entropy(y_gpu, targets.gpu, loss.gpu, dlogits.gpu);
  cpu->softmax_cross_entropy(y_cpu, targets.cpu, loss.cpu, dlogits.cpu);
  CHECK(error(loss) <= kTolerance);
  const Tensor& dx_gpu = on_gpu.backward(dlogits.gpu);
  const Tensor& dx_cpu = on_cpu.backward(dlogits.cpu);
  CHECK(difference(dx_gpu, dx_cpu) <= kTolerance);
  const auto grads_gpu = on_gpu.grads(), grads_cpu = on_cpu.grads();
  REQUIRE(grads_gpu.size() == grads_cpu.size());
  REQUIRE(grads_gpu.size() >= 4);
  for (size_t i = 0; i < grads_gpu.size(); ++i) {
    INFO("gradient " << i);
    CHECK(difference(grads_gpu[i], grads_cpu[i]) <= kTolerance);
  }
}
