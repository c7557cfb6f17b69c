#include "vkrl/agents/dqn/replay_buffer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "vkrl/error.h"

namespace vkrl::agents::dqn {
namespace {

std::string count_mismatch(const char* what, size_t got, size_t want) {
  return std::string("replay buffer: ") + what + " has " + std::to_string(got) + " values, expected " +
         std::to_string(want);
}

void require_size(const char* what, size_t got, size_t want) {
  if (got != want) throw Error(count_mismatch(what, got, want));
}

}  // namespace

ReplayBuffer::ReplayBuffer(const ReplayConfig& config)
    : config_(config),
      slots_per_stream_(config.streams > 0 ? config.capacity / size_t(config.streams) : 0),
      observations_(config.observation.size(), config.observation.binary, capacity()),
      actions_(capacity()),
      rewards_(capacity()),
      flags_(capacity()),
      written_(size_t(std::max(config.streams, 0))),
      released_(written_.size()),
      rng_(config.seed) {
  if (config.streams < 1) throw Error("replay buffer: streams must be at least 1");
  if (config.n_step < 1) throw Error("replay buffer: n_step must be at least 1");
  if (!(config.gamma >= 0.0 && config.gamma <= 1.0)) throw Error("replay buffer: gamma must be in [0, 1]");
  // A stream's ring must hold a transition's n steps and the episode's final observation beside the record itself.
  if (slots_per_stream_ < size_t(config.n_step) + 2)
    throw Error("replay buffer: capacity " + std::to_string(config.capacity) + " over " +
                std::to_string(config.streams) + " streams leaves fewer than n_step + 2 = " +
                std::to_string(config.n_step + 2) + " records per stream");
  if (capacity() > std::numeric_limits<uint32_t>::max())
    throw Error("replay buffer: capacity " + std::to_string(capacity()) + " does not fit 32-bit indices");
  if (config.prioritized) {
    if (!(config.alpha >= 0.0)) throw Error("replay buffer: alpha must be >= 0");
    if (!(config.priority_epsilon > 0.0)) throw Error("replay buffer: priority_epsilon must be > 0");
    priorities_.emplace(capacity());
  }
}

size_t ReplayBuffer::size() const {
  size_t held = 0;
  for (uint64_t w : written_) held += size_t(std::min<uint64_t>(w, slots_per_stream_));
  return held;
}

size_t ReplayBuffer::bytes() const {
  const size_t per_record = observations_.bytes_per_observation() + sizeof(int32_t) + sizeof(float) + sizeof(uint8_t);
  return per_record * capacity() + (priorities_ ? priorities_->bytes() : 0);
}

void ReplayBuffer::write_record(int stream, std::span<const float> observation, int action, float reward,
                                uint8_t flags) {
  const uint64_t record = written_[size_t(stream)];
  const size_t s = slot(stream, record);
  if (flags_[s] & kSampleable) {  // the ring wrapped: the oldest transition leaves
    --sampleable_;
    if (priorities_) priorities_->set(s, 0.0);
  }
  observations_.write(s, observation);
  actions_[s] = action;
  rewards_[s] = reward;
  flags_[s] = flags;
  ++written_[size_t(stream)];
}

void ReplayBuffer::add(int stream, std::span<const float> observation, int action, float reward, bool terminated,
                       bool truncated, std::span<const float> final_observation) {
  if (stream < 0 || stream >= config_.streams)
    throw Error("replay buffer: stream " + std::to_string(stream) + " is not in [0, " +
                std::to_string(config_.streams) + ")");
  if (!std::isfinite(reward)) throw Error("replay buffer: reward " + std::to_string(reward) + " is not finite");
  const uint8_t end = terminated ? kTerminated : truncated ? kTruncated : 0;
  write_record(stream, observation, action, reward, end);
  if (end) write_record(stream, final_observation, 0, 0.0f, kFinal);
  release_ready(stream);
}

void ReplayBuffer::add_batch(std::span<const float> observations, std::span<const int> actions,
                             std::span<const float> rewards, std::span<const uint8_t> terminated,
                             std::span<const uint8_t> truncated, std::span<const float> final_observations) {
  const size_t n = size_t(config_.streams), obs = observations_.observation_size();
  require_size("add_batch observations", observations.size(), n * obs);
  require_size("add_batch actions", actions.size(), n);
  require_size("add_batch rewards", rewards.size(), n);
  require_size("add_batch terminated", terminated.size(), n);
  require_size("add_batch truncated", truncated.size(), n);
  require_size("add_batch final observations", final_observations.size(), n * obs);
  for (size_t i = 0; i < n; ++i)
    add(int(i), observations.subspan(i * obs, obs), actions[i], rewards[i], terminated[i] != 0, truncated[i] != 0,
        final_observations.subspan(i * obs, obs));
}

void ReplayBuffer::release_ready(int stream) {
  const uint64_t written = written_[size_t(stream)];
  uint64_t& next = released_[size_t(stream)];
  const auto n = uint64_t(config_.n_step);
  for (; next < written; ++next) {
    const size_t s = slot(stream, next);
    if (flags_[s] & kFinal) continue;
    // Ready when the episode ends within the n steps (its final record comes with the end) or n more records exist.
    bool ready = next + n < written;
    for (uint64_t k = 0; !ready && k < n && next + k < written; ++k)
      ready = (flags_[slot(stream, next + k)] & (kTerminated | kTruncated)) != 0;
    if (!ready) return;  // later records are further from their ends: none of them is ready either
    flags_[s] |= kSampleable;
    ++sampleable_;
    if (priorities_) priorities_->set(s, priorities_->max_priority() > 0.0 ? priorities_->max_priority() : 1.0);
  }
}

ReplayBuffer::Target ReplayBuffer::target(size_t s) const {
  if (!is_sampleable(s)) throw Error("replay buffer: slot " + std::to_string(s) + " holds no sampleable transition");
  const size_t base = s - s % slots_per_stream_;
  size_t offset = s - base;
  double sum = 0.0, discount = 1.0;
  for (int k = 0; k < config_.n_step; ++k) {
    const size_t at = base + offset;
    sum += discount * double(rewards_[at]);
    discount *= config_.gamma;
    offset = (offset + 1) % slots_per_stream_;
    if (flags_[at] & kTerminated) return {float(sum), 0.0f, base + offset};
    if (flags_[at] & kTruncated) break;
  }
  return {float(sum), float(discount), base + offset};
}

bool ReplayBuffer::is_sampleable(size_t s) const { return s < capacity() && (flags_[s] & kSampleable); }

double ReplayBuffer::priority(size_t s) const {
  if (s >= capacity())
    throw Error("replay buffer: slot " + std::to_string(s) + " is past the capacity " + std::to_string(capacity()));
  return priorities_ ? priorities_->get(s) : 0.0;
}

size_t ReplayBuffer::draw_uniform_slot() {
  // A stream in proportion to the records it holds, then a record of it; records that are not sampleable transitions
  // (final observations, the newest steps still waiting for their n-step window) are drawn again.
  const size_t held = size();
  for (;;) {
    size_t r = size_t(rng_.below(held));
    int stream = 0;
    for (;; ++stream) {
      const size_t in_stream = size_t(std::min<uint64_t>(written_[size_t(stream)], slots_per_stream_));
      if (r < in_stream) break;
      r -= in_stream;
    }
    const size_t s = size_t(stream) * slots_per_stream_ + r;
    if (flags_[s] & kSampleable) return s;
  }
}

void ReplayBuffer::sample(const ReplayBatch& batch, double beta) {
  const size_t count = batch.actions.size(), obs = observations_.observation_size();
  if (count == 0) throw Error("replay buffer: sample needs a batch of at least 1");
  require_size("sample observations", batch.observations.size(), count * obs);
  require_size("sample returns", batch.returns.size(), count);
  require_size("sample discounts", batch.discounts.size(), count);
  require_size("sample next observations", batch.next_observations.size(), count * obs);
  require_size("sample indices", batch.indices.size(), count);
  require_size("sample weights", batch.weights.size(), count);
  if (sampleable_ == 0) throw Error("replay buffer: no transition is ready to sample yet");

  if (priorities_) {
    priorities_->sample_stratified(rng_, batch.indices);
  } else {
    for (auto& index : batch.indices) index = uint32_t(draw_uniform_slot());
  }
  double smallest = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < count; ++i) {
    const size_t s = batch.indices[i];
    const Target t = target(s);
    observations_.read(s, batch.observations.subspan(i * obs, obs));
    observations_.read(t.next_slot, batch.next_observations.subspan(i * obs, obs));
    batch.actions[i] = actions_[s];
    batch.returns[i] = t.reward_sum;
    batch.discounts[i] = t.discount;
    if (priorities_) smallest = std::min(smallest, priorities_->get(s));
  }
  // w_i = (N P(i))^-β over the largest weight in the batch, which belongs to the smallest priority: (p_min / p_i)^β.
  for (size_t i = 0; i < count; ++i)
    batch.weights[i] = priorities_ ? float(std::pow(smallest / priorities_->get(batch.indices[i]), beta)) : 1.0f;
}

void ReplayBuffer::update_priorities(std::span<const uint32_t> indices, std::span<const float> td_errors) {
  if (!priorities_) throw Error("replay buffer: update_priorities needs a prioritized buffer");
  require_size("update_priorities td_errors", td_errors.size(), indices.size());
  for (size_t i = 0; i < indices.size(); ++i) {
    if (!std::isfinite(td_errors[i]))
      throw Error("replay buffer: TD error " + std::to_string(td_errors[i]) + " of batch row " + std::to_string(i) +
                  " is not finite");
    if (!is_sampleable(indices[i])) continue;
    priorities_->set(indices[i], std::pow(std::abs(double(td_errors[i])) + config_.priority_epsilon, config_.alpha));
  }
}

}  // namespace vkrl::agents::dqn
