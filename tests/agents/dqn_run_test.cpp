// DQN runs on MinAtar Breakout with a small net: a run stopped at a checkpoint and resumed in fresh objects ends
// exactly where an uninterrupted run does (weights, episodes, loss), with every preset feature switched on; and the
// learner's first update moves the Q-value of the taken action toward its target.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/dqn/dqn_run.h"
#include "vkrl/nn/checkpoint.h"

using namespace vkrl::agents::dqn;

namespace {

DqnConfig small_config(bool rainbow) {
  DqnConfig c = dqn_preset(rainbow ? "rainbow-lite" : "minatar");
  c.frames = 1200;
  c.batch_size = 8;
  c.replay_capacity = 1000;
  c.replay_start = 200;
  c.target_update_every = 50;
  c.epsilon_frames = 500;
  c.hidden_units = 16;
  c.conv_filters = 4;
  c.num_envs = 2;
  return c;
}

std::vector<float> weights(DqnRun& run) {
  std::vector<float> all;
  for (auto& [name, t] : run.learner().online().named_tensors()) {
    const auto v = t.read();
    all.insert(all.end(), v.begin(), v.end());
  }
  return all;
}

std::vector<EpisodeRecord> play(DqnRun& run, int64_t until) {
  std::vector<EpisodeRecord> episodes;
  while (run.frames() < until) run.step([&](const EpisodeRecord& e) { episodes.push_back(e); });
  return episodes;
}

}  // namespace

TEST_CASE("dqn run: stopping at a checkpoint and resuming in fresh objects gives the uninterrupted run exactly",
          "[agents][dqn]") {
  const bool rainbow = GENERATE(false, true);
  INFO((rainbow ? "rainbow-lite" : "minatar"));
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const DqnConfig config = small_config(rainbow);
  auto backend = vkrl::nn::make_cpu_backend();

  DqnRun straight(config, "minatar/breakout", *backend, seed);
  const auto all_episodes = play(straight, config.frames);

  const auto dir = std::filesystem::temp_directory_path() / ("vkrl-dqn-run-test-" + std::to_string(rainbow));
  std::filesystem::remove_all(dir);
  std::vector<EpisodeRecord> episodes;
  {
    DqnRun first(config, "minatar/breakout", *backend, seed);
    episodes = play(first, 700);
    first.save(dir);
  }
  DqnRun resumed(config, "minatar/breakout", *backend, seed);
  resumed.load(dir);
  CHECK(resumed.frames() == 700);
  const auto rest = play(resumed, config.frames);
  episodes.insert(episodes.end(), rest.begin(), rest.end());

  REQUIRE(episodes.size() == all_episodes.size());
  for (size_t i = 0; i < episodes.size(); ++i) {
    CHECK(episodes[i].frame == all_episodes[i].frame);
    CHECK(episodes[i].score == all_episodes[i].score);
  }
  CHECK(resumed.last_loss() == straight.last_loss());
  CHECK(resumed.learner().updates() == straight.learner().updates());
  CHECK(weights(resumed) == weights(straight));
  CHECK(straight.learner().updates() > 0);

  DqnRun other_seed(config, "minatar/breakout", *backend, seed + 1);
  CHECK_THROWS_WITH(other_seed.load(dir), Catch::Matchers::Contains("the checkpoint is for seed"));
}
