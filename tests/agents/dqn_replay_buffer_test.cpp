// ReplayBuffer in uniform mode: n-step targets on a hand-made sequence with a termination, a truncation and an
// unfinished episode; ring wrap-around; a random multi-stream history checked against a brute-force reference (no
// sample crosses an episode end, none returns an overwritten or final record); Breakout played by a VectorEnv; and
// Breakout's bytes per transition.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <vector>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/dqn/replay_buffer.h"
#include "vkrl/envs/registry.h"
#include "vkrl/envs/vector_env.h"
#include "vkrl/error.h"

using namespace vkrl::agents::dqn;

namespace {

// Caller-owned batch arrays for observations of `size` values.
struct Batch {
  Batch(size_t count, size_t size)
      : observations(count * size), actions(count), returns(count), discounts(count), next_observations(count * size),
        indices(count), weights(count) {}
  ReplayBatch view() {
    return {observations, actions, returns, discounts, next_observations, indices, weights};
  }
  std::vector<float> observations;
  std::vector<int32_t> actions;
  std::vector<float> returns, discounts, next_observations;
  std::vector<uint32_t> indices;
  std::vector<float> weights;
};

ReplayConfig id_config(size_t capacity, int n_step, double gamma, int streams = 1) {
  return {.observation = {{1}}, .capacity = capacity, .streams = streams, .n_step = n_step, .gamma = gamma};
}

// Adds one step of a one-value observation (its id) to `stream`.
void add(ReplayBuffer& buffer, float id, float reward, bool terminated = false, bool truncated = false,
         float final_id = -1.0f, int stream = 0) {
  const float obs[1] = {id}, final_obs[1] = {final_id};
  buffer.add(stream, obs, int(id) % 7, reward, terminated, truncated, final_obs);
}

struct Expected {
  float reward_sum, discount, next_id;
};

// Samples `draws` transitions and checks each against `want` (keyed by observation id); returns the ids seen.
std::set<float> sample_and_check(ReplayBuffer& buffer, const std::map<float, Expected>& want, int draws) {
  Batch batch(16, 1);
  std::set<float> seen;
  for (int d = 0; d < draws / 16; ++d) {
    buffer.sample(batch.view());
    for (size_t i = 0; i < 16; ++i) {
      const float id = batch.observations[i];
      INFO("sampled observation " << id);
      REQUIRE(want.count(id) == 1);
      const Expected& e = want.at(id);
      CHECK(batch.actions[i] == int(id) % 7);
      CHECK(batch.returns[i] == e.reward_sum);
      CHECK(batch.discounts[i] == e.discount);
      CHECK(batch.next_observations[i] == e.next_id);
      CHECK(batch.weights[i] == 1.0f);
      seen.insert(id);
    }
  }
  return seen;
}

// Episode A: observations 0-4, rewards 1-5, terminated on its 5th step (last observation 100). Episode B:
// observations 10-12, rewards 1, truncated on its 3rd step (last observation 200). Episode C: 20-23, rewards 2, going on.
void add_hand_sequence(ReplayBuffer& buffer) {
  for (int t = 0; t < 5; ++t) add(buffer, float(t), float(t + 1), t == 4, false, 100.0f);
  for (int t = 0; t < 3; ++t) add(buffer, float(10 + t), 1.0f, false, t == 2, 200.0f);
  for (int t = 0; t < 4; ++t) add(buffer, float(20 + t), 2.0f);
}

}  // namespace

TEST_CASE("dqn replay: 3-step targets by hand across a termination, a truncation and an open episode",
          "[agents][dqn]") {
  ReplayBuffer buffer(id_config(32, 3, 0.5));
  add_hand_sequence(buffer);
  // Written by hand, γ = 0.5. A termination inside the window zeroes the discount; a truncation bootstraps from the
  // episode's last observation with γ^m; the open episode's last 3 steps wait for their windows.
  const std::map<float, Expected> want = {
      {0, {1 + 0.5f * 2 + 0.25f * 3, 0.125f, 3}},  // 2.75
      {1, {2 + 0.5f * 3 + 0.25f * 4, 0.125f, 4}},  // 4.5
      {2, {3 + 0.5f * 4 + 0.25f * 5, 0.0f, 100}},  // 6.25, terminated at the 3rd step
      {3, {4 + 0.5f * 5, 0.0f, 100}},              // 6.5
      {4, {5, 0.0f, 100}},
      {10, {1 + 0.5f + 0.25f, 0.125f, 200}},  // 1.75, truncated at the 3rd step: γ^3
      {11, {1 + 0.5f, 0.25f, 200}},
      {12, {1, 0.5f, 200}},
      {20, {2 + 1 + 0.5f, 0.125f, 23}},  // 3.5
  };
  CHECK(buffer.size() == 14);  // 12 steps and 2 final observations
  CHECK(buffer.sampleable() == want.size());
  const auto seen = sample_and_check(buffer, want, 4000);
  CHECK(seen.size() == want.size());

  // One more step of episode C releases observation 21 (its window 21, 22, 23 now has a successor).
  add(buffer, 24.0f, 2.0f);
  auto more = want;
  more[21] = {3.5f, 0.125f, 24};
  CHECK(buffer.sampleable() == more.size());
  CHECK(sample_and_check(buffer, more, 4000).size() == more.size());
}

TEST_CASE("dqn replay: 1-step targets on the same sequence", "[agents][dqn]") {
  ReplayBuffer buffer(id_config(32, 1, 0.5));
  add_hand_sequence(buffer);
  const std::map<float, Expected> want = {
      {0, {1, 0.5f, 1}},   {1, {2, 0.5f, 2}},    {2, {3, 0.5f, 3}},    {3, {4, 0.5f, 4}},  {4, {5, 0.0f, 100}},
      {10, {1, 0.5f, 11}}, {11, {1, 0.5f, 12}}, {12, {1, 0.5f, 200}}, {20, {2, 0.5f, 21}}, {21, {2, 0.5f, 22}},
      {22, {2, 0.5f, 23}},
  };
  CHECK(buffer.sampleable() == want.size());
  CHECK(sample_and_check(buffer, want, 4000).size() == want.size());
}

TEST_CASE("dqn replay: the ring wraps, keeping the newest records", "[agents][dqn]") {
  ReplayBuffer buffer(id_config(8, 1, 1.0));
  for (int t = 0; t < 21; ++t) add(buffer, float(t), float(t));
  // Records 13-20 remain; 13-19 have their successor.
  std::map<float, Expected> want;
  for (int t = 13; t < 20; ++t) want[float(t)] = {float(t), 1.0f, float(t + 1)};
  CHECK(buffer.size() == 8);
  CHECK(buffer.sampleable() == 7);
  CHECK(sample_and_check(buffer, want, 2000).size() == 7);
}

TEST_CASE("dqn replay: random episodes over 3 streams match a brute-force reference", "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  constexpr int kStreams = 3, kN = 3;
  constexpr size_t kPerStream = 11;
  ReplayBuffer buffer({.observation = {{1}},
                       .capacity = kStreams * kPerStream,
                       .streams = kStreams,
                       .n_step = kN,
                       .gamma = 0.5,
                       .seed = seed});

  struct Record {
    float id, reward;
    bool terminated, truncated, final;
  };
  std::vector<std::vector<Record>> history(kStreams);  // every record each stream wrote, in order
  float next_id = 1.0f;
  std::uniform_int_distribution<int> reward(-3, 3), end(0, 9), stream_pick(0, kStreams - 1);

  // The expected target of history[s][i], walking the reference; false when it may not be sampled.
  const auto expected = [&](int s, size_t i, Expected& out) {
    const auto& h = history[size_t(s)];
    if (h[i].final || i + kPerStream < h.size()) return false;  // a final record, or overwritten
    float sum = 0, discount = 1;
    for (size_t k = 0; k < size_t(kN); ++k) {
      if (i + k >= h.size()) return false;  // the window is not complete yet
      const Record& r = h[i + k];
      sum += discount * r.reward;
      discount *= 0.5f;
      if (r.terminated || r.truncated) {
        out = {sum, r.terminated ? 0.0f : discount, h[i + k + 1].id};
        return true;
      }
    }
    if (i + kN >= h.size()) return false;
    out = {sum, discount, h[i + kN].id};
    return true;
  };

  Batch batch(8, 1);
  for (int step = 0; step < 400; ++step) {
    const int s = stream_pick(rng);  // streams add unevenly
    const int e = end(rng);
    const Record r{next_id++, float(reward(rng)), e == 0, e == 1, false};
    const float final_id = -next_id++;  // final observations have negative ids
    add(buffer, r.id, r.reward, r.terminated, r.truncated, final_id, s);
    history[size_t(s)].push_back(r);
    if (r.terminated || r.truncated) history[size_t(s)].push_back({final_id, 0, false, false, true});

    std::map<float, Expected> want;
    for (int t = 0; t < kStreams; ++t)
      for (size_t i = 0; i < history[size_t(t)].size(); ++i)
        if (Expected x{}; expected(t, i, x)) want[history[size_t(t)][i].id] = x;
    REQUIRE(buffer.sampleable() == want.size());
    if (want.empty()) continue;
    buffer.sample(batch.view());
    for (size_t i = 0; i < 8; ++i) {
      const float id = batch.observations[i];
      INFO("step " << step << ", sampled observation " << id);
      REQUIRE(want.count(id) == 1);
      CHECK(batch.returns[i] == want[id].reward_sum);
      CHECK(batch.discounts[i] == want[id].discount);
      CHECK(batch.next_observations[i] == want[id].next_id);
    }
  }
}

TEST_CASE("dqn replay: bad sizes and an empty buffer are errors naming the problem", "[agents][dqn]") {
  CHECK_THROWS_WITH(ReplayBuffer(id_config(8, 7, 0.9)), Catch::Contains("n_step + 2"));
  CHECK_THROWS_AS(ReplayBuffer(id_config(8, 0, 0.9)), vkrl::Error);
  ReplayBuffer buffer(id_config(8, 1, 0.9));
  Batch batch(4, 1);
  CHECK_THROWS_WITH(buffer.sample(batch.view()), Catch::Contains("no transition"));
  add(buffer, 1, 0);
  add(buffer, 2, 0);
  Batch wrong(4, 2);
  CHECK_THROWS_WITH(buffer.sample(wrong.view()), Catch::Contains("sample observations"));
  CHECK_THROWS_AS(buffer.update_priorities(batch.indices, batch.returns), vkrl::Error);  // uniform mode
  const float obs[1] = {0};
  CHECK_THROWS_AS(buffer.add(1, obs, 0, 0, false, false, obs), vkrl::Error);  // stream 1 of 1
}

TEST_CASE("dqn replay: Breakout observations are bit-packed, 59 bytes per transition", "[agents][dqn]") {
  const auto env = vkrl::envs::make_env("minatar/breakout");
  ReplayBuffer buffer({.observation = env->observation_spec(), .capacity = 100'000});
  // 50 bytes of observation, the action, the reward and the flags; floats would take 1,609.
  CHECK(buffer.bytes_per_record() == 59.0);
  const auto pixels = vkrl::envs::make_env("minatar/breakout,pixels=true");
  CHECK(ReplayBuffer({.observation = pixels->observation_spec(), .capacity = 16}).bytes_per_record() ==
        4 * 84 * 84 * 4 + 9);
}

TEST_CASE("dqn replay: Breakout steps from a VectorEnv come back as they were played", "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  constexpr int kCopies = 2, kSteps = 300;
  constexpr size_t kPerStream = 1000;  // no wrap: a slot's position in its ring is its record number
  vkrl::envs::VectorEnv envs([] { return vkrl::envs::make_env("minatar/breakout"); }, kCopies, 1, seed);
  const size_t size = envs.observation_spec().size();
  ReplayBuffer buffer({.observation = envs.observation_spec(),
                       .capacity = kCopies * kPerStream,
                       .streams = kCopies,
                       .n_step = 3,
                       .gamma = 0.9,
                       .seed = seed});

  struct Record {
    std::vector<float> observation;
    float reward;
    bool end, final;
  };
  std::vector<std::vector<Record>> history(kCopies);
  std::mt19937_64 rng(seed);
  envs.reset();
  std::vector<int> actions(kCopies);
  for (int t = 0; t < kSteps; ++t) {
    for (auto& a : actions) a = int(rng() % 6);
    const std::vector<float> before(envs.observations().begin(), envs.observations().end());
    envs.step(actions);
    buffer.add_batch(before, actions, envs.rewards(), envs.terminated(), envs.truncated(), envs.final_observations());
    for (size_t i = 0; i < kCopies; ++i) {
      const bool end = envs.terminated()[i] != 0;
      history[i].push_back({{before.begin() + ptrdiff_t(i * size), before.begin() + ptrdiff_t((i + 1) * size)},
                            envs.rewards()[i], end, false});
      if (end) {
        const auto final_obs = envs.final_observations().subspan(i * size, size);
        history[i].push_back({{final_obs.begin(), final_obs.end()}, 0.0f, false, true});
      }
    }
  }
  REQUIRE(history[0].size() < kPerStream);
  REQUIRE(history[1].size() < kPerStream);

  Batch batch(32, size);
  for (int draw = 0; draw < 20; ++draw) {
    buffer.sample(batch.view());
    for (size_t i = 0; i < 32; ++i) {
      const size_t stream = batch.indices[i] / kPerStream, record = batch.indices[i] % kPerStream;
      INFO("stream " << stream << ", record " << record);
      const auto& h = history[stream];
      REQUIRE(record < h.size());
      REQUIRE_FALSE(h[record].final);
      float sum = 0, discount = 1;
      size_t next = record;
      for (int k = 0; k < 3; ++k) {
        sum += discount * h[next].reward;
        discount *= 0.9f;
        if (h[next++].end) {
          discount = 0;
          break;
        }
      }
      CHECK(batch.returns[i] == Approx(sum));
      CHECK(batch.discounts[i] == Approx(discount));
      CHECK(std::equal(h[record].observation.begin(), h[record].observation.end(),
                       batch.observations.begin() + ptrdiff_t(i * size)));
      CHECK(std::equal(h[next].observation.begin(), h[next].observation.end(),
                       batch.next_observations.begin() + ptrdiff_t(i * size)));
    }
  }
}
