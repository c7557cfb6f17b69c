// SumTree: sums and running max under updates, prefix-sum search at the exact boundaries, and stratified sampling
// whose frequencies follow the priorities.
#include <catch2/catch.hpp>

#include <array>
#include <numeric>
#include <random>
#include <vector>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/dqn/sum_tree.h"
#include "vkrl/error.h"

using vkrl::agents::dqn::SplitMixRandom;
using vkrl::agents::dqn::SumTree;

TEST_CASE("dqn sum tree: total and max follow random updates", "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> priority(0.0, 10.0);
  std::uniform_int_distribution<size_t> slot(0, 12);
  SumTree tree(13);  // not a power of two: the padding leaves stay 0
  std::vector<double> want(13, 0.0);
  double max_set = 0.0;
  for (int i = 0; i < 500; ++i) {
    const size_t s = slot(rng);
    const double p = priority(rng);
    tree.set(s, p);
    want[s] = p;
    max_set = std::max(max_set, p);
    REQUIRE(tree.total() == Approx(std::accumulate(want.begin(), want.end(), 0.0)).epsilon(1e-12));
  }
  for (size_t s = 0; s < 13; ++s) CHECK(tree.get(s) == want[s]);
  CHECK(tree.max_priority() == max_set);
  // The max is the largest ever set: lowering every priority keeps it.
  for (size_t s = 0; s < 13; ++s) tree.set(s, 0.5);
  CHECK(tree.total() == Approx(6.5));
  CHECK(tree.max_priority() == max_set);
  // Zeroing every slot gives an exact zero total, so nothing can be drawn.
  for (size_t s = 0; s < 13; ++s) tree.set(s, 0.0);
  CHECK(tree.total() == 0.0);
  SplitMixRandom draws(seed);
  std::array<uint32_t, 4> out{};
  CHECK_THROWS_AS(tree.sample_stratified(draws, out), vkrl::Error);
}

TEST_CASE("dqn sum tree: find lands in the slot whose prefix interval holds the mass", "[agents][dqn]") {
  SumTree tree(6);
  const std::array<double, 6> p{0.0, 1.0, 2.0, 0.0, 3.0, 4.0};  // prefix sums 0 0 1 3 3 6, total 10
  for (size_t s = 0; s < p.size(); ++s) tree.set(s, p[s]);
  CHECK(tree.find(0.0) == 1);
  CHECK(tree.find(0.999) == 1);
  CHECK(tree.find(1.0) == 2);
  CHECK(tree.find(2.999) == 2);
  CHECK(tree.find(3.0) == 4);
  CHECK(tree.find(5.999) == 4);
  CHECK(tree.find(6.0) == 5);
  CHECK(tree.find(9.999) == 5);
  CHECK(tree.find(10.0) == 5);  // rounding past the total still gives a non-zero slot
  CHECK_THROWS_AS(tree.set(6, 1.0), vkrl::Error);
  CHECK_THROWS_AS(tree.set(0, -1.0), vkrl::Error);
}

TEST_CASE("dqn sum tree: draws follow priorities 1, 2, 3, 4 within 1 %, one at a time or stratified", "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  SumTree tree(5);
  for (size_t s = 0; s < 4; ++s) tree.set(s, double(s + 1));  // slot 4 stays 0 and is never drawn
  for (const size_t batch_size : {size_t{1}, size_t{32}}) {
    INFO("batch of " << batch_size);
    SplitMixRandom rng(seed);
    std::vector<uint32_t> batch(batch_size);
    std::array<int, 5> counts{};
    const size_t batches = 100'000 / batch_size;
    for (size_t b = 0; b < batches; ++b) {
      tree.sample_stratified(rng, batch);
      for (uint32_t s : batch) ++counts[s];
    }
    const double draws = double(batches * batch_size);
    CHECK(counts[4] == 0);
    for (size_t s = 0; s < 4; ++s) {
      INFO("slot " << s << " drawn " << counts[s] << " times");
      CHECK(counts[s] / draws == Approx((s + 1) / 10.0).margin(0.01));
    }
  }
}
