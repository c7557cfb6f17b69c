// ReplayBuffer in prioritized mode: new transitions get the largest priority so far, update_priorities stores
// (|TD error| + ε)^α, draws follow the priorities, importance weights are (p_min / p_i)^β with β from a schedule, and
// a slot holds a priority exactly while it holds a sampleable transition, through episode ends and wrap-around.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/dqn/replay_buffer.h"
#include "vkrl/agents/dqn/schedule.h"

using namespace vkrl::agents::dqn;

namespace {

struct Batch {
  explicit Batch(size_t count)
      : observations(count), actions(count), returns(count), discounts(count), next_observations(count),
        indices(count), weights(count) {}
  ReplayBatch view() { return {observations, actions, returns, discounts, next_observations, indices, weights}; }
  std::vector<float> observations;
  std::vector<int32_t> actions;
  std::vector<float> returns, discounts, next_observations;
  std::vector<uint32_t> indices;
  std::vector<float> weights;
};

ReplayConfig prioritized(size_t capacity, double alpha, double epsilon, uint64_t seed) {
  return {.observation = {{1}},
          .capacity = capacity,
          .n_step = 1,
          .gamma = 0.9,
          .prioritized = true,
          .alpha = alpha,
          .priority_epsilon = epsilon,
          .seed = seed};
}

void add(ReplayBuffer& buffer, float id, bool terminated = false) {
  const float obs[1] = {id};
  buffer.add(0, obs, 0, 1.0f, terminated, false, obs);
}

}  // namespace

TEST_CASE("dqn prioritized replay: priorities from TD errors steer the draws and the weights", "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  // α = 1 and ε = 0.5, so TD errors k + 0.5 give priorities k + 1 exactly.
  ReplayBuffer buffer(prioritized(16, 1.0, 0.5, seed));
  for (int t = 0; t < 5; ++t) add(buffer, float(t));  // 0-3 are sampleable; 4 waits for its successor
  REQUIRE(buffer.sampleable() == 4);
  for (size_t s = 0; s < 16; ++s) CHECK(buffer.priority(s) == (s < 4 ? 1.0 : 0.0));

  // Equal priorities and a batch of 4: the 4 strata hold one transition each.
  Batch four(4);
  buffer.sample(four.view());
  std::vector<float> ids = four.observations;
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<float>{0, 1, 2, 3});
  for (float w : four.weights) CHECK(w == 1.0f);

  std::vector<float> td_errors(4);
  for (size_t i = 0; i < 4; ++i) td_errors[i] = (i % 2 ? -1.0f : 1.0f) * (four.observations[i] + 0.5f);
  buffer.update_priorities(four.indices, td_errors);
  for (size_t i = 0; i < 4; ++i) CHECK(buffer.priority(four.indices[i]) == four.observations[i] + 1.0);

  // 100k draws follow priorities 1:2:3:4; each batch's weights are (p_min / p_i)^β with β from the schedule.
  const LinearSchedule beta{.start = 0.4, .end = 1.0, .duration = 3'000};
  Batch batch(32);
  std::array<int, 4> counts{};
  for (uint64_t frame = 0; frame < 100'000 / 32; ++frame) {
    const double b = beta.value(frame);
    buffer.sample(batch.view(), b);
    float smallest = 5.0f;
    for (float id : batch.observations) smallest = std::min(smallest, id + 1.0f);
    for (size_t i = 0; i < 32; ++i) {
      ++counts[size_t(batch.observations[i])];
      REQUIRE(batch.weights[i] == Approx(std::pow(smallest / (batch.observations[i] + 1.0), b)).epsilon(1e-6));
    }
    REQUIRE(*std::max_element(batch.weights.begin(), batch.weights.end()) == 1.0f);
  }
  for (size_t k = 0; k < 4; ++k) {
    INFO("observation " << k << " drawn " << counts[k] << " times");
    CHECK(counts[k] / double(100'000 / 32 * 32) == Approx((k + 1) / 10.0).margin(0.01));
  }

  // A new transition gets the largest priority so far (4), not 1.
  add(buffer, 5.0f);
  CHECK(buffer.priority(4) == 4.0);
}

TEST_CASE("dqn prioritized replay: α shapes the stored priority", "[agents][dqn]") {
  ReplayBuffer buffer(prioritized(8, 0.5, 0.25, 1));
  add(buffer, 0.0f);
  add(buffer, 1.0f);
  const uint32_t slot[1] = {0};
  const float td[1] = {-2.0f};
  buffer.update_priorities(slot, td);
  CHECK(buffer.priority(0) == Approx(std::sqrt(2.25)));
}

TEST_CASE("dqn prioritized replay: a slot holds a priority exactly while it holds a sampleable transition",
          "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<float> error(-3.0f, 3.0f);
  ReplayBuffer buffer(prioritized(10, 0.6, 1e-3, seed));
  Batch batch(4);
  for (int t = 0; t < 60; ++t) {
    add(buffer, float(t), rng() % 5 == 0);
    if (buffer.sampleable() > 0) {
      buffer.sample(batch.view(), 0.5);
      std::vector<float> td(4);
      for (auto& x : td) x = error(rng);
      buffer.update_priorities(batch.indices, td);
    }
    for (size_t s = 0; s < buffer.capacity(); ++s) {
      INFO("step " << t << ", slot " << s);
      REQUIRE((buffer.priority(s) > 0.0) == buffer.is_sampleable(s));
    }
  }
}
