// The Vulkan backend's sequence ops and layers against the double-precision CPU backend on the same fresh random
// inputs at awkward sizes: the embedding lookup and its scatter-add gradient (repeated indices, a bad index giving
// NaN), and the Conv1D and ConvTranspose2D layers, which reuse the conv2d kernels with other windows and roles.
#include "vulkan_twins.h"

#include "vkrl/nn/layers/conv1d.h"
#include "vkrl/nn/layers/conv_transpose2d.h"
#include "vkrl/nn/sequential.h"

using namespace vkrl;
using namespace vkrl::nn;
using test::Twin;

namespace {
constexpr double kTolerance = 1e-4;  // relative, with an absolute floor of 1e-4 for values below 1
}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: embedding and its scatter-add gradient", "[nn][vulkan]") {
  INFO("seed " << seed);
  for (int size : {1, 7, 33}) {
    // size positions into a table of size + 2 rows of size floats: with more positions than rows, rows repeat.
    const int vocab = size + 2, positions = size * 3;
    INFO(positions << " positions, vocab " << vocab << ", dim " << size);
    std::uniform_int_distribution<int> pick(0, vocab - 1);
    std::vector<double> ids(static_cast<size_t>(positions));
    for (auto& id : ids) id = pick(rng);
    const Twin indices = with_values({3, size}, ids, true);
    const Twin table = random({vocab, size}, -1, 1, true);
    Twin y = random({3, size, size}, -1, 1, true);
    gpu->embedding(indices.gpu, table.gpu, y.gpu);
    cpu->embedding(indices.cpu, table.cpu, y.cpu);
    CHECK(error(y) <= kTolerance);
    const Twin dy = random({3, size, size}, -1, 1, true);
    Twin dtable = random({vocab, size}, -1, 1, true);
    gpu->embedding_backward(indices.gpu, dy.gpu, dtable.gpu);
    cpu->embedding_backward(indices.cpu, dy.cpu, dtable.cpu);
    CHECK(error(dtable) <= kTolerance);
  }
  // A kernel cannot throw: an index outside the table gives a NaN row, and the other rows stay right.
  Tensor indices(*gpu, {1, 3}), table(*gpu, {4, 2}), y(*gpu, {1, 3, 2});
  indices.write(std::vector<float>{1, 4, 3});
  table.write(std::vector<float>{0, 1, 2, 3, 4, 5, 6, 7});
  gpu->embedding(indices, table, y);
  const auto out = y.read();
  CHECK(out[0] == 2.0f);
  CHECK(out[1] == 3.0f);
  CHECK(std::isnan(out[2]));
  CHECK(std::isnan(out[3]));
  CHECK(out[4] == 6.0f);
  CHECK(out[5] == 7.0f);
}

namespace {

// `layer` built on both backends from the same seed; forward and backward on the same input and output gradient.
template <class MakeLayer>
void check_layer_twins(test::VulkanTwinsFixture& f, MakeLayer make, const Shape& input) {
  Sequential on_gpu, on_cpu;
  on_gpu.add(make());
  on_cpu.add(make());
  const Shape out = on_gpu.build(*f.gpu, input, 5);
  on_cpu.build(*f.cpu, input, 5);
  const Twin x = f.random(input, -1, 1);
  Twin y{on_gpu.forward(x.gpu, true), on_cpu.forward(x.cpu, true)};
  CHECK(test::VulkanTwinsFixture::error(y) <= kTolerance);
  const Twin dy = f.random(out, -1, 1);
  const Twin dx{on_gpu.backward(dy.gpu), on_cpu.backward(dy.cpu)};
  CHECK(test::VulkanTwinsFixture::error(dx) <= kTolerance);
  const auto gpu_grads = on_gpu.grads(), cpu_grads = on_cpu.grads();
  for (size_t i = 0; i < gpu_grads.size(); ++i)
    CHECK(test::VulkanTwinsFixture::error({gpu_grads[i], cpu_grads[i]}) <= kTolerance);
}

}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan layers: Conv1D and ConvTranspose2D match the CPU",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  for (int size : {1, 7, 33}) {
    INFO("size " << size);
    check_layer_twins(
        *this, [] { return std::make_unique<Conv1D>(5, Conv1dOptions{.kernel = 3, .stride = 2, .padding = 2}); },
        {2, 3, size});
    check_layer_twins(
        *this,
        [] {
          return std::make_unique<ConvTranspose2D>(
              3, ConvTranspose2dOptions{.stride_h = 2, .stride_w = 2, .padding_h = 1, .padding_w = 1,
                                        .output_padding_h = 1, .output_padding_w = 1});
        },
        {2, 2, size, std::min(size, 5)});
  }
}
