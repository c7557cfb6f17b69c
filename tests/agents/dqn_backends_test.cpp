// The DQN update on the Vulkan backend (lavapipe, validation on) against the CPU backend: from the same start and the
// same sampled batches, ten updates give the same losses and weights within 1e-4, for the paper's net and for the
// rainbow-lite net (Double DQN, dueling heads, importance weights).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/dqn/dqn_learner.h"
#include "vkrl/nn/vulkan_backend.h"

using namespace vkrl::agents::dqn;

TEST_CASE_METHOD(vkrl::test::VulkanFixture, "dqn update: Vulkan matches the CPU over ten updates",
                 "[agents][dqn][vulkan]") {
  const bool rainbow = GENERATE(false, true);
  INFO((rainbow ? "rainbow-lite" : "minatar"));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  DqnConfig config = dqn_preset(rainbow ? "rainbow-lite" : "minatar");
  config.batch_size = 8;
  config.hidden_units = 32;
  config.conv_filters = 8;
  const vkrl::envs::ObservationSpec spec{{4, 10, 10}};
  auto cpu = vkrl::nn::make_cpu_backend();
  auto gpu = vkrl::nn::make_vulkan_backend(ctx);
  DqnLearner on_cpu(config, spec, 6, *cpu, seed), on_gpu(config, spec, 6, *gpu, seed);
  std::vector<std::vector<float>> start;
  for (auto& [name, t] : on_cpu.online().named_tensors()) start.push_back(t.read());

  std::mt19937_64 rng(seed);
  const size_t batch = size_t(config.batch_size), cells = spec.size();
  std::vector<float> obs(batch * cells), next(batch * cells), returns(batch), discounts(batch), weights(batch);
  std::vector<int32_t> actions(batch);
  std::vector<uint32_t> indices(batch);
  for (int update = 0; update < 10; ++update) {
    for (auto& v : obs) v = float(rng() % 2);
    for (auto& v : next) v = float(rng() % 2);
    for (size_t b = 0; b < batch; ++b) {
      actions[b] = int32_t(rng() % 6);
      returns[b] = float(rng() % 3) - 1.0f;
      discounts[b] = rng() % 4 == 0 ? 0.0f : 0.99f;
      weights[b] = rainbow ? 0.25f + float(rng() % 4) * 0.25f : 1.0f;
    }
    const ReplayBatch sample{obs, actions, returns, discounts, next, indices, weights};
    on_cpu.train(sample), on_gpu.train(sample);
    const double loss_cpu = on_cpu.loss().value(), loss_gpu = on_gpu.loss().value();
    INFO("update " << update);
    CHECK(std::abs(loss_cpu - loss_gpu) <= 1e-4 * std::max(1.0, std::abs(loss_cpu)));
    for (size_t b = 0; b < batch; ++b) CHECK(std::abs(on_cpu.td_errors()[b] - on_gpu.td_errors()[b]) <= 1e-4);
    if (update % 4 == 3) on_cpu.sync_target(), on_gpu.sync_target();
  }
  auto a = on_cpu.online().named_tensors(), b = on_gpu.online().named_tensors();
  REQUIRE(a.size() == b.size());
  double worst = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto x = a[i].second.read(), y = b[i].second.read();
    for (size_t j = 0; j < x.size(); ++j) worst = std::max(worst, double(std::abs(x[j] - y[j])));
  }
  CHECK(worst <= 1e-4);
  // The nets did move (RMSProp steps of about lr = 2.5e-4 each), well beyond the tolerance, so the match means
  // something.
  double moved = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto now = a[i].second.read();
    for (size_t j = 0; j < now.size(); ++j) moved = std::max(moved, double(std::abs(now[j] - start[i][j])));
  }
  CHECK(moved > 1e-3);  // ten times the tolerance
}
