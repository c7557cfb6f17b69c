// ReplayBuffer is DQN's experience replay (Mnih et al. 2015): a fixed-capacity ring of transitions sampled in random
// mini-batches, uniformly, or in proportion to priority (prioritized replay, Schaul et al. 2016), returning n-step
// targets.
//
// Storage. Each record holds one observation (bit-packed when the spec says binary: 50 bytes for Breakout), the
// action, the reward and the episode flags. The next observation is not stored again: it is the following record of
// the same stream. An episode that ends writes one extra record, its last observation (the terminal or truncated
// state), so the capacity counts transitions plus one record per finished episode. The capacity is split into one
// ring per stream (one per VectorEnv copy), so copies stepping together never interleave inside a ring.
//
// n-step targets. A sample of the transition at time t returns R = sum_{k<m} γ^k r_{t+k}, the observation after m
// steps and the bootstrap discount γ^m, where m = n, or fewer when the episode ends inside the n steps: on termination
// the discount is 0; on truncation (a time limit) the episode's last observation is the state to bootstrap from, with
// discount γ^m. A transition can be sampled once its n steps (or its episode end) are in the buffer.
//
// Prioritized mode. Sampled transitions are drawn from a SumTree holding p_i^α, stratified over the batch; new
// transitions get the largest priority so far (1 at first); update_priorities sets p = |TD error| + ε after a train
// step. The importance weights (P(i))^-β are normalised by the largest in the batch, so they are at most 1; β comes
// from the caller's schedule at every sample. In uniform mode the weights are 1.
//
// save()/load() write and read a snapshot of everything (records, positions, priorities, the RNG state), compressed
// with zstd and written atomically (replay_snapshot.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <vector>

#include "vkrl/agents/dqn/observation_store.h"
#include "vkrl/agents/dqn/splitmix_random.h"
#include "vkrl/agents/dqn/sum_tree.h"
#include "vkrl/envs/env.h"

namespace vkrl::agents::dqn {

struct ReplayConfig {
  envs::ObservationSpec observation;  // binary: observations are bit-packed
  size_t capacity = 100'000;          // records over all streams
  int streams = 1;                    // environment copies adding in parallel, each with capacity / streams records
  int n_step = 1;
  double gamma = 0.99;
  bool prioritized = false;
  double alpha = 0.6;               // priority exponent
  double priority_epsilon = 1e-6;   // added to |TD error| so every transition keeps a chance to be drawn
  uint64_t seed = 0;
};

// Caller-owned arrays that sample() fills; the batch size is actions.size(), every other array must match it.
struct ReplayBatch {
  std::span<float> observations;       // batch x observation size
  std::span<int32_t> actions;
  std::span<float> returns;            // n-step discounted reward sums
  std::span<float> discounts;          // γ^m, or 0 after a termination
  std::span<float> next_observations;  // batch x observation size: the state to bootstrap from
  std::span<uint32_t> indices;         // record slots, for update_priorities
  std::span<float> weights;            // importance weights (1 in uniform mode)
};

class ReplayBuffer {
public:
  explicit ReplayBuffer(const ReplayConfig& config);

  const ReplayConfig& config() const { return config_; }
  size_t capacity() const { return slots_per_stream_ * size_t(config_.streams); }
  size_t size() const;             // records held, final observations included
  size_t sampleable() const { return sampleable_; }  // transitions that sample() may return
  size_t bytes() const;  // everything the records and priorities hold
  double bytes_per_record() const { return static_cast<double>(bytes()) / static_cast<double>(capacity()); }

  // One step of stream `stream`: the observation acted on, the action, the reward and how the step ended.
  // `final_observation` is read only when the episode ended (terminated or truncated): it is the episode's last
  // observation (VectorEnv::final_observations()). The next add() of the stream must start from the observation the
  // step led to (after an end, the first one of the next episode). When both flags are set, termination wins.
  void add(int stream, std::span<const float> observation, int action, float reward, bool terminated, bool truncated,
           std::span<const float> final_observation);
  // One step of every stream, in the layout of VectorEnv's arrays.
  void add_batch(std::span<const float> observations, std::span<const int> actions, std::span<const float> rewards,
                 std::span<const uint8_t> terminated, std::span<const uint8_t> truncated,
                 std::span<const float> final_observations);

  // Fills `batch` with random transitions. `beta` is the importance-sampling exponent (prioritized mode only).
  void sample(const ReplayBatch& batch, double beta = 1.0);
  // New priorities for the slots of the latest sample: p = |TD error| + ε, stored as p^α. Slots that no longer hold a
  // sampleable transition are skipped; an add() in between may have put another transition in a sampled slot, which
  // then takes its priority.
  void update_priorities(std::span<const uint32_t> indices, std::span<const float> td_errors);

  // The n-step target of one sampleable slot, without drawing anything (what sample() writes for it).
  struct Target {
    float reward_sum;
    float discount;
    size_t next_slot;  // the record whose observation to bootstrap from
  };
  Target target(size_t slot) const;
  bool is_sampleable(size_t slot) const;
  double priority(size_t slot) const;  // p^α in the sum tree; 0 in uniform mode

  void save(const std::filesystem::path& path) const;
  // Replaces the contents with a snapshot taken from a buffer of the same layout (observation shape and binary flag,
  // capacity, streams, n_step, mode); vkrl::Error naming the file and the problem otherwise (not a snapshot, another
  // version, another shape, truncated). γ, α and ε are this buffer's own: they are settings, not contents.
  void load(const std::filesystem::path& path);

private:
  enum Flag : uint8_t { kTerminated = 1, kTruncated = 2, kFinal = 4, kSampleable = 8 };

  size_t slot(int stream, uint64_t record) const {
    return size_t(stream) * slots_per_stream_ + size_t(record % slots_per_stream_);
  }
  void write_record(int stream, std::span<const float> observation, int action, float reward, uint8_t flags);
  // Marks the stream's records whose n steps (or episode end) are now all in the buffer as sampleable.
  void release_ready(int stream);
  size_t draw_uniform_slot();

  ReplayConfig config_;
  size_t slots_per_stream_;
  ObservationStore observations_;
  std::vector<int32_t> actions_;
  std::vector<float> rewards_;
  std::vector<uint8_t> flags_;
  std::vector<uint64_t> written_;   // records written by each stream, ever
  std::vector<uint64_t> released_;  // each stream's first record not yet examined by release_ready
  size_t sampleable_ = 0;
  std::optional<SumTree> priorities_;  // prioritized mode only
  SplitMixRandom rng_;
};

}  // namespace vkrl::agents::dqn
