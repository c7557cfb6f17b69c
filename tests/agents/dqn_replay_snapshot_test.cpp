// ReplayBuffer snapshots: a round trip gives the same samples from the same RNG state, before and after more steps;
// a truncated file, a snapshot of another observation shape and a file that is no snapshot fail with one line naming
// the file and the problem, and leave the buffer as it was.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <vector>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/dqn/replay_buffer.h"
#include "vkrl/error.h"

using namespace vkrl::agents::dqn;
namespace fs = std::filesystem;

namespace {

struct Batch {
  Batch(size_t count, size_t size)
      : observations(count * size), actions(count), returns(count), discounts(count), next_observations(count * size),
        indices(count), weights(count) {}
  ReplayBatch view() { return {observations, actions, returns, discounts, next_observations, indices, weights}; }
  bool operator==(const Batch&) const = default;
  std::vector<float> observations;
  std::vector<int32_t> actions;
  std::vector<float> returns, discounts, next_observations;
  std::vector<uint32_t> indices;
  std::vector<float> weights;
};

ReplayConfig config(std::vector<int> shape, uint64_t seed) {
  return {.observation = {std::move(shape), true},
          .capacity = 64,
          .streams = 2,
          .n_step = 3,
          .gamma = 0.99,
          .prioritized = true,
          .seed = seed};
}

// Random binary steps on both streams, with random episode ends and priority updates.
void play(ReplayBuffer& buffer, std::mt19937_64& rng, int steps) {
  const size_t size = buffer.config().observation.size();
  std::vector<float> obs(2 * size), finals(2 * size);
  Batch batch(8, size);
  for (int t = 0; t < steps; ++t) {
    for (auto& x : obs) x = float(rng() % 2);
    for (auto& x : finals) x = float(rng() % 2);
    const int actions[2] = {int(rng() % 6), int(rng() % 6)};
    const float rewards[2] = {float(rng() % 3), float(rng() % 3)};
    const uint8_t terminated[2] = {rng() % 9 == 0, 0}, truncated[2] = {0, rng() % 13 == 0};
    buffer.add_batch(obs, actions, rewards, terminated, truncated, finals);
    if (buffer.sampleable() > 0 && t % 4 == 0) {
      buffer.sample(batch.view(), 0.5);
      std::vector<float> td(8);
      for (auto& x : td) x = float(rng() % 100) / 10.0f;
      buffer.update_priorities(batch.indices, td);
    }
  }
}

Batch draw(ReplayBuffer& buffer) {
  Batch batch(16, buffer.config().observation.size());
  buffer.sample(batch.view(), 0.7);
  return batch;
}

fs::path temp_file(const std::string& name, uint64_t seed) {
  return fs::temp_directory_path() / ("vkrl_dqn_snapshot_" + std::to_string(seed) + "_" + name);
}

}  // namespace

TEST_CASE("dqn replay snapshot: a round trip samples identically, before and after more steps", "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  ReplayBuffer original(config({4, 10, 10}, seed));
  play(original, rng, 100);  // wraps both 32-record rings
  const fs::path path = temp_file("round_trip.zst", seed);
  original.save(path);
  INFO("snapshot of " << original.bytes() << " bytes in memory: " << fs::file_size(path) << " bytes on disk");

  ReplayBuffer loaded(config({4, 10, 10}, seed + 1));  // another seed: the snapshot's RNG state must win
  loaded.load(path);
  fs::remove(path);
  CHECK(loaded.size() == original.size());
  CHECK(loaded.sampleable() == original.sampleable());
  for (size_t s = 0; s < original.capacity(); ++s) REQUIRE(loaded.priority(s) == original.priority(s));
  for (int i = 0; i < 3; ++i) CHECK(draw(loaded) == draw(original));

  std::mt19937_64 same_steps(seed ^ 0x5eed);
  std::mt19937_64 same_steps_again = same_steps;
  play(original, same_steps, 37);
  play(loaded, same_steps_again, 37);
  CHECK(draw(loaded) == draw(original));
}

TEST_CASE("dqn replay snapshot: truncated, wrong-shape and foreign files are one-line errors", "[agents][dqn]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  ReplayBuffer buffer(config({4, 10, 10}, seed));
  play(buffer, rng, 50);
  const ReplayBuffer before = buffer;

  const fs::path good = temp_file("good.zst", seed);
  buffer.save(good);
  std::ifstream in(good, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();

  const fs::path cut = temp_file("cut.zst", seed);
  std::ofstream(cut, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size() - 20));
  CHECK_THROWS_WITH(buffer.load(cut), Catch::StartsWith(cut.string()) && Catch::Contains("truncated"));
  const fs::path header_only = temp_file("header.zst", seed);
  std::ofstream(header_only, std::ios::binary).write(bytes.data(), 20);
  CHECK_THROWS_WITH(buffer.load(header_only), Catch::StartsWith(header_only.string()) && Catch::Contains("truncated"));

  ReplayBuffer seaquest(config({10, 10, 10}, seed));
  play(seaquest, rng, 10);
  const fs::path other = temp_file("seaquest.zst", seed);
  seaquest.save(other);
  CHECK_THROWS_WITH(buffer.load(other), Catch::StartsWith(other.string()) && Catch::Contains("shape 10x10x10") &&
                                            Catch::Contains("expects 4x10x10"));

  const fs::path text = temp_file("notes.txt", seed);
  std::ofstream(text) << "not a replay buffer\n";
  CHECK_THROWS_WITH(buffer.load(text), Catch::StartsWith(text.string()) && Catch::Contains("not a vkrl replay"));
  CHECK_THROWS_WITH(buffer.load(temp_file("missing.zst", seed)), Catch::Contains("cannot open"));

  // The failed loads changed nothing.
  ReplayBuffer copy = before;
  CHECK(draw(buffer) == draw(copy));
  for (const auto& p : {good, cut, header_only, other, text}) fs::remove(p);
}
