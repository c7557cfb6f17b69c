// VectorEnv: auto-reset semantics, per-copy seeding independent of the thread count, and errors.
#include <catch2/catch.hpp>

#include <random>

#include "support/vulkan_fixture.h"
#include "vkrl/envs/frame.h"
#include "vkrl/envs/registry.h"
#include "vkrl/envs/vector_env.h"
#include "vkrl/error.h"

using namespace vkrl::envs;

namespace {

// A test env whose episode length (2..6 steps) and observations derive from its reset seed, so that any mix-up of
// seeds, rows or resets shows in the observations.
class CountdownEnv : public Env {
public:
  std::string name() const override { return "test/countdown"; }
  ObservationSpec observation_spec() const override { return {{2}}; }
  int action_count() const override { return 3; }
  void reset(uint64_t seed) override {
    seed_ = seed;
    left_ = 2 + int(seed % 5);
  }
  StepResult step(int action) override {
    if (action < 0 || action >= 3) throw vkrl::Error("countdown: bad action");
    --left_;
    return {float(action), left_ == 0, false};
  }
  void observe(std::span<float> out) const override {
    out[0] = float(left_);
    out[1] = float(seed_ % 1000);
  }
  void render(Frame&) const override {}
  std::unique_ptr<Env> clone() const override { return std::make_unique<CountdownEnv>(*this); }
  std::string to_string() const override { return std::to_string(left_); }

private:
  uint64_t seed_ = 0;
  int left_ = 0;
};

std::vector<float> run(int threads, int copies, int steps, uint64_t seed) {
  VectorEnv v([] { return std::make_unique<CountdownEnv>(); }, copies, threads, seed);
  v.reset();
  std::vector<float> trace(v.observations().begin(), v.observations().end());
  std::mt19937 rng(7);
  std::vector<int> actions(static_cast<size_t>(copies));
  for (int s = 0; s < steps; ++s) {
    for (auto& a : actions) a = int(rng() % 3);
    v.step(actions);
    trace.insert(trace.end(), v.observations().begin(), v.observations().end());
    trace.insert(trace.end(), v.rewards().begin(), v.rewards().end());
  }
  return trace;
}

}  // namespace

TEST_CASE("vector env: results do not depend on the number of threads", "[envs][vector]") {
  const auto one = run(1, 7, 200, 42);
  CHECK(run(2, 7, 200, 42) == one);
  CHECK(run(4, 7, 200, 42) == one);
  CHECK(run(2, 7, 200, 43) != one);  // and do depend on the seed
}

TEST_CASE("vector env: a finished episode resets at once and keeps its final observation", "[envs][vector]") {
  VectorEnv v([] { return std::make_unique<CountdownEnv>(); }, 3, 2, 5);
  v.reset();
  std::vector<float> start(v.observations().begin(), v.observations().end());
  std::vector<int> left = {int(start[0]), int(start[2]), int(start[4])};
  const std::vector<int> actions = {1, 2, 0};
  for (int step = 0; step < 20; ++step) {
    v.step(actions);
    for (int i = 0; i < 3; ++i) {
      INFO("step " << step << " copy " << i);
      CHECK(v.rewards()[size_t(i)] == float(actions[size_t(i)]));
      if (--left[size_t(i)] == 0) {
        REQUIRE(v.terminated()[size_t(i)]);
        CHECK(v.final_observations()[size_t(i) * 2] == 0.0f);  // the ended episode's last observation
        const uint64_t seed = VectorEnv::episode_seed(5, i, v.episodes()[size_t(i)]);
        CHECK(v.observations()[size_t(i) * 2] == float(2 + seed % 5));  // the new episode's first
        CHECK(v.observations()[size_t(i) * 2 + 1] == float(seed % 1000));
        left[size_t(i)] = int(v.observations()[size_t(i) * 2]);
      } else {
        REQUIRE_FALSE(v.terminated()[size_t(i)]);
        CHECK(v.observations()[size_t(i) * 2] == float(left[size_t(i)]));
      }
    }
  }
  CHECK(v.episodes()[0] >= 3);
}

TEST_CASE("vector env: errors from a copy and bad batches reach the caller", "[envs][vector]") {
  VectorEnv v([] { return std::make_unique<CountdownEnv>(); }, 4, 2, 1);
  v.reset();
  const std::vector<int> bad = {0, 1, 7, 0};
  CHECK_THROWS_WITH(v.step(bad), "countdown: bad action");
  const std::vector<int> short_batch = {0, 1};
  CHECK_THROWS_WITH(v.step(short_batch), Catch::Contains("2 actions for 4 copies"));
  CHECK_THROWS_AS(VectorEnv([] { return std::make_unique<CountdownEnv>(); }, 0, 1, 1), vkrl::Error);
}

TEST_CASE("vector env: restore() puts MinAtar copies back mid-episode exactly, sticky actions included",
          "[envs][vector]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  auto make = [] { return make_env("minatar/breakout"); };
  const int copies = 3;
  VectorEnv original(make, copies, 2, seed);
  original.reset();
  std::mt19937_64 rng(seed);
  std::vector<std::vector<int>> since_reset(copies);
  std::vector<int> actions(copies);
  auto step = [&](VectorEnv& v, bool record) {
    for (auto& a : actions) a = int(rng() % 6);
    v.step(actions);
    for (int i = 0; i < copies; ++i) {
      if (!record) continue;
      if (v.terminated()[size_t(i)] || v.truncated()[size_t(i)])
        since_reset[size_t(i)].clear();
      else
        since_reset[size_t(i)].push_back(actions[size_t(i)]);
    }
  };
  for (int s = 0; s < 40; ++s) step(original, true);
  const std::vector<uint64_t> episodes(original.episodes().begin(), original.episodes().end());

  VectorEnv resumed(make, copies, 1, seed);
  resumed.restore(episodes, since_reset);
  CHECK(std::vector<float>(resumed.observations().begin(), resumed.observations().end()) ==
        std::vector<float>(original.observations().begin(), original.observations().end()));
  // Both go on identically, through episode ends.
  for (int s = 0; s < 60; ++s) {
    const auto saved = rng;
    step(original, false);
    rng = saved;
    step(resumed, false);
    REQUIRE(std::vector<float>(resumed.observations().begin(), resumed.observations().end()) ==
            std::vector<float>(original.observations().begin(), original.observations().end()));
    REQUIRE(std::vector<float>(resumed.rewards().begin(), resumed.rewards().end()) ==
            std::vector<float>(original.rewards().begin(), original.rewards().end()));
  }
  CHECK(std::vector<uint64_t>(resumed.episodes().begin(), resumed.episodes().end()) ==
        std::vector<uint64_t>(original.episodes().begin(), original.episodes().end()));
  since_reset[0].resize(5000, 0);  // more actions than any episode lasts
  CHECK_THROWS_AS(resumed.restore(episodes, since_reset), vkrl::Error);
}
