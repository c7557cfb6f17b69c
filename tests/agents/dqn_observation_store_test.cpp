// ObservationStore: bit-packing round trips on random binary observations of awkward sizes, neighbours untouched,
// non-binary values refused, and float observations kept exactly.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/dqn/observation_store.h"
#include "vkrl/error.h"

using vkrl::agents::dqn::ObservationStore;

namespace {

std::vector<float> random_binary(size_t size, std::mt19937_64& rng) {
  std::bernoulli_distribution bit(0.5);
  std::vector<float> v(size);
  for (auto& x : v) x = bit(rng) ? 1.0f : 0.0f;
  return v;
}

}  // namespace

TEST_CASE("dqn observation store: binary observations of 1, 7, 8, 400 and 401 cells round-trip bit-packed",
          "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  for (const size_t size : {size_t{1}, size_t{7}, size_t{8}, size_t{400}, size_t{401}}) {
    INFO(size << " cells");
    ObservationStore store(size, true, 5);
    CHECK(store.bytes_per_observation() == (size + 7) / 8);
    std::vector<std::vector<float>> written;
    for (size_t i = 0; i < 5; ++i) written.push_back(random_binary(size, rng));
    // Out of order, so a write that spilled into a neighbour would show.
    for (size_t i : {2, 0, 4, 1, 3}) store.write(i, written[i]);
    const auto ones = std::vector<float>(size, 1.0f), zeros = std::vector<float>(size, 0.0f);
    store.write(1, ones);
    store.write(3, zeros);
    written[1] = ones;
    written[3] = zeros;
    std::vector<float> out(size, -1.0f);
    for (size_t i = 0; i < 5; ++i) {
      store.read(i, out);
      CHECK(out == written[i]);
    }
  }
  CHECK(ObservationStore(400, true, 1).bytes_per_observation() == 50);  // MinAtar Breakout: 4x10x10
}

TEST_CASE("dqn observation store: a binary store refuses other values, a float store keeps them exactly",
          "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  ObservationStore binary(9, true, 2);
  auto obs = random_binary(9, rng);
  obs[8] = 0.5f;
  CHECK_THROWS_WITH(binary.write(0, obs), Catch::Contains("cell 8") && Catch::Contains("not 0 or 1"));
  CHECK_THROWS_AS(binary.write(2, random_binary(9, rng)), vkrl::Error);
  CHECK_THROWS_AS(binary.write(0, random_binary(8, rng)), vkrl::Error);

  ObservationStore floats(13, false, 3);
  CHECK(floats.bytes_per_observation() == 13 * sizeof(float));
  const auto a = vkrl::test::random_floats(13, rng), b = vkrl::test::random_floats(13, rng);
  floats.write(2, a);
  floats.write(1, b);
  std::vector<float> out(13);
  floats.read(2, out);
  CHECK(out == a);
  floats.read(1, out);
  CHECK(out == b);
}
