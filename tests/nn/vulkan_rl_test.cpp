// The Vulkan backend's value-based RL ops (Q targets with and without Double DQN, the TD loss on taken actions, the
// dueling head) against the double-precision CPU backend on the same fresh random inputs.
#include "vulkan_twins.h"

using namespace vkrl;
using namespace vkrl::nn;
using test::Twin;

namespace {
constexpr double kTolerance = 1e-4;  // relative, with an absolute floor of 1e-4 for values below 1

const int kBatches[] = {1, 7, 33, 300};
const int kActions[] = {1, 6, 18};

// Small whole numbers, so that rows hold ties and the first-maximum rule is exercised.
std::vector<double> small_integers(size_t n, std::mt19937_64& rng, int count) {
  std::uniform_int_distribution<int> u(0, count - 1);
  std::vector<double> v(n);
  for (auto& x : v) x = u(rng);
  return v;
}
}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: Q targets, plain and Double DQN, ties to the first action",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  for (int batch : kBatches)
    for (int actions : kActions) {
      INFO(batch << " x " << actions);
      const Twin next_target = random({batch, actions}, -2, 2, true);
      const Twin next_select = with_values({batch, actions}, small_integers(size_t(batch * actions), rng, 3));
      const Twin rewards = random({batch}, -1, 1), discounts = random({batch}, 0, 1);
      Twin targets = random({batch});
      gpu->q_targets(next_target.gpu, next_select.gpu, rewards.gpu, discounts.gpu, targets.gpu);
      cpu->q_targets(next_target.cpu, next_select.cpu, rewards.cpu, discounts.cpu, targets.cpu);
      CHECK(error(targets) <= kTolerance);
      gpu->q_targets(next_target.gpu, next_target.gpu, rewards.gpu, discounts.gpu, targets.gpu);
      cpu->q_targets(next_target.cpu, next_target.cpu, rewards.cpu, discounts.cpu, targets.cpu);
      CHECK(error(targets) <= kTolerance);
    }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: TD loss on the taken actions, Huber and squared",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  for (int batch : kBatches)
    for (int actions : kActions)
      for (double delta : {1.0, 0.0}) {
        INFO(batch << " x " << actions << " delta " << delta);
        const Twin q = random({batch, actions}, -3, 3, true);
        const Twin taken = with_values({batch}, small_integers(size_t(batch), rng, actions));
        const Twin targets = random({batch}, -3, 3), weights = random({batch}, 0, 1);
        Twin loss = random({1}), dq = random({batch, actions}, -1, 1, true), abs_td = random({batch});
        gpu->td_loss(q.gpu, taken.gpu, targets.gpu, weights.gpu, delta, loss.gpu, dq.gpu, abs_td.gpu);
        cpu->td_loss(q.cpu, taken.cpu, targets.cpu, weights.cpu, delta, loss.cpu, dq.cpu, abs_td.cpu);
        CHECK(error(loss) <= kTolerance);
        CHECK(error(dq) <= kTolerance);
        CHECK(error(abs_td) <= kTolerance);
      }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: the dueling head and its backward pass", "[nn][vulkan]") {
  INFO("seed " << seed);
  for (int batch : kBatches)
    for (int actions : kActions) {
      INFO(batch << " x " << actions);
      const Twin value = random({batch, 1}), advantage = random({batch, actions}, -2, 2, true);
      Twin q = random({batch, actions}, -1, 1, true);
      gpu->dueling(value.gpu, advantage.gpu, q.gpu);
      cpu->dueling(value.cpu, advantage.cpu, q.cpu);
      CHECK(error(q) <= kTolerance);
      const Twin dq = random({batch, actions}, -1, 1, true);
      Twin dvalue = random({batch, 1}), dadvantage = random({batch, actions});
      gpu->dueling_backward(dq.gpu, dvalue.gpu, dadvantage.gpu);
      cpu->dueling_backward(dq.cpu, dvalue.cpu, dadvantage.cpu);
      CHECK(error(dvalue) <= kTolerance);
      CHECK(error(dadvantage) <= kTolerance);
    }
}
