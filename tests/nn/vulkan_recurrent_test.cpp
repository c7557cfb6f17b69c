// The recurrent layers on the Vulkan backend against the same layers on the double-precision CPU backend, at awkward
// sizes (batch 1 and 7, 33 units, 1 and 6 steps): the same random parameters (peepholes included) and inputs, a mean
// squared error on the output; the outputs, every parameter gradient and the input gradient agree.
#include "vulkan_twins.h"

#include "vkrl/nn/layers/gru.h"
#include "vkrl/nn/layers/lstm.h"
#include "vkrl/nn/layers/simple_rnn.h"
#include "vkrl/nn/sequential.h"

using namespace vkrl;
using namespace vkrl::nn;

namespace {
constexpr double kTolerance = 1e-4;  // relative, with an absolute floor of 1e-4 for values below 1

enum class Cell { lstm, lstm_peephole, stacked_lstm, gru, simple_rnn };

const char* name_of(Cell cell) {
  switch (cell) {
    case Cell::lstm: return "LSTM";
    case Cell::lstm_peephole: return "LSTM with peepholes";
    case Cell::stacked_lstm: return "two stacked LSTMs";
    case Cell::gru: return "GRU";
    case Cell::simple_rnn: return "SimpleRNN";
  }
  return "";
}

Sequential model_of(Cell cell, bool sequences) {
  Sequential model;
  switch (cell) {
    case Cell::lstm: model.add(std::make_unique<LSTM>(33, sequences)); break;
    case Cell::lstm_peephole: model.add(std::make_unique<LSTM>(33, sequences, true)); break;
    case Cell::stacked_lstm:
      model.add(std::make_unique<LSTM>(33, true, true)).add(std::make_unique<LSTM>(33, sequences));
      break;
    case Cell::gru: model.add(std::make_unique<GRU>(33, sequences)); break;
    case Cell::simple_rnn: model.add(std::make_unique<SimpleRNN>(33, sequences)); break;
  }
  return model;
}

double difference(const Tensor& gpu, const Tensor& cpu) { return test::VulkanTwinsFixture::error({gpu, cpu}); }
}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan recurrent: LSTM, GRU and SimpleRNN match cpu-f64 forward and back",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  const Cell cell = GENERATE(Cell::lstm, Cell::lstm_peephole, Cell::stacked_lstm, Cell::gru, Cell::simple_rnn);
  const auto [batch, steps, sequences] =
      GENERATE(std::tuple{1, 6, true}, std::tuple{7, 1, false}, std::tuple{7, 6, true}, std::tuple{7, 6, false});
  INFO(name_of(cell) << ", batch " << batch << ", steps " << steps << ", return_sequences " << sequences);
  Sequential on_gpu = model_of(cell, sequences), on_cpu = model_of(cell, sequences);
  const Shape input{batch, steps, 5};
  const Shape output = on_gpu.build(*gpu, input, seed);
  on_cpu.build(*cpu, input, seed);
  // Random parameters on both: the peepholes start at zero, which would leave their terms untested.
  const auto params_gpu = on_gpu.params(), params_cpu = on_cpu.params();
  for (size_t i = 0; i < params_gpu.size(); ++i) {
    const test::Twin values = random(params_gpu[i].shape(), -0.6, 0.6);
    gpu->copy(values.gpu, const_cast<Tensor&>(params_gpu[i]));
    cpu->copy(values.cpu, const_cast<Tensor&>(params_cpu[i]));
  }
  const test::Twin x = random(input), targets = random(output);
  test::Twin loss = random({1}), dy = random(output);

  const Tensor& y_gpu = on_gpu.forward(x.gpu, true);
  const Tensor& y_cpu = on_cpu.forward(x.cpu, true);
  CHECK(difference(y_gpu, y_cpu) <= kTolerance);
  gpu->mean_squared_error(y_gpu, targets.gpu, loss.gpu, dy.gpu);
  cpu->mean_squared_error(y_cpu, targets.cpu, loss.cpu, dy.cpu);
  CHECK(error(loss) <= kTolerance);
  const Tensor& dx_gpu = on_gpu.backward(dy.gpu);
  const Tensor& dx_cpu = on_cpu.backward(dy.cpu);
  CHECK(difference(dx_gpu, dx_cpu) <= kTolerance);
  const auto grads_gpu = on_gpu.grads(), grads_cpu = on_cpu.grads();
  REQUIRE(grads_gpu.size() == grads_cpu.size());
  for (size_t i = 0; i < grads_gpu.size(); ++i) {
    INFO("gradient " << i << " " << grads_cpu[i].shape().to_string());
    CHECK(difference(grads_gpu[i], grads_cpu[i]) <= kTolerance);
  }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan recurrent: swap_leading_axes matches cpu-f64 on offset views",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  const test::Twin x = random({3, 5, 7}, -2, 2, true);
  test::Twin y = random({5, 3, 7}, -2, 2, true);
  gpu->swap_leading_axes(x.gpu, y.gpu);
  cpu->swap_leading_axes(x.cpu, y.cpu);
  CHECK(error(y) == 0.0);
}
