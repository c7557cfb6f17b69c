// ReplayBuffer::save and load. The file is a plain header (magic, version, the configuration that fixes the layout:
// observation shape and binary flag, capacity, streams, n, mode, and the payload's size), then one zstd frame holding
// the payload: RNG state, stream positions, every record's bytes, and the priorities. Numbers are in the host's byte
// order (little-endian on every platform vkrl builds for). The header is checked before anything is decompressed, so
// a snapshot of another game fails on its shape, and the buffer is only changed once the whole file has been read.
#include <zstd.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "vkrl/agents/dqn/replay_buffer.h"
#include "vkrl/atomic_file.h"
#include "vkrl/error.h"

namespace vkrl::agents::dqn {
namespace {

constexpr char kMagic[8] = {'V', 'K', 'R', 'L', 'R', 'P', 'L', 'Y'};
constexpr uint32_t kVersion = 1;
constexpr int kCompressionLevel = 3;  // zstd's default: most of the gain at a fraction of the higher levels' time

class ByteWriter {
public:
  template <class T>
  void put(const T& value) {
    const auto* p = reinterpret_cast<const uint8_t*>(&value);
    bytes.insert(bytes.end(), p, p + sizeof(T));
  }
  template <class T>
  void put_all(std::span<const T> values) {
    const auto* p = reinterpret_cast<const uint8_t*>(values.data());
    bytes.insert(bytes.end(), p, p + values.size_bytes());
  }
  std::vector<uint8_t> bytes;
};

class ByteReader {
public:
  ByteReader(std::span<const uint8_t> bytes, const std::string& file) : bytes_(bytes), file_(file) {}

  template <class T>
  T get() {
    T value;
    std::memcpy(&value, take(sizeof(T)), sizeof(T));
    return value;
  }
  template <class T>
  void get_all(std::span<T> out) {
    std::memcpy(out.data(), take(out.size_bytes()), out.size_bytes());
  }
  size_t left() const { return bytes_.size() - at_; }

private:
  const uint8_t* take(size_t count) {
    if (count > left()) throw Error(file_ + ": truncated replay snapshot");
    const uint8_t* p = bytes_.data() + at_;
    at_ += count;
    return p;
  }
  std::span<const uint8_t> bytes_;
  size_t at_ = 0;
  const std::string& file_;
};

std::string shape_text(const std::vector<int>& shape) {
  std::string text;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) text += 'x';
    text += std::to_string(shape[i]);
  }
  return text;
}

void write_header(ByteWriter& out, const ReplayConfig& config, size_t capacity, uint64_t payload_bytes) {
  out.put_all(std::span<const char>(kMagic));
  out.put(kVersion);
  out.put(uint32_t(config.observation.shape.size()));
  for (int d : config.observation.shape) out.put(int32_t(d));
  out.put(uint8_t(config.observation.binary));
  out.put(uint8_t(config.prioritized));
  out.put(uint32_t(config.streams));
  out.put(uint32_t(config.n_step));
  out.put(uint64_t(capacity));
  out.put(payload_bytes);
}

// Checks one header field against the buffer's configuration.
template <class T>
void expect(const std::string& file, const char* field, T got, T want) {
  if (got != want)
    throw Error(file + ": replay snapshot has " + field + " " + std::to_string(got) + ", the buffer expects " +
                std::to_string(want));
}

}  // namespace

void ReplayBuffer::save(const std::filesystem::path& path) const {
  ByteWriter payload;
  payload.put(rng_.state());
  payload.put_all(std::span<const uint64_t>(written_));
  payload.put_all(std::span<const uint64_t>(released_));
  payload.put_all(observations_.bytes());
  payload.put_all(std::span<const int32_t>(actions_));
  payload.put_all(std::span<const float>(rewards_));
  payload.put_all(std::span<const uint8_t>(flags_));
  if (priorities_) {
    payload.put(priorities_->max_priority());
    payload.put_all(priorities_->leaves());
  }

  ByteWriter file;
  write_header(file, config_, capacity(), payload.bytes.size());
  const size_t header_bytes = file.bytes.size();
  file.bytes.resize(header_bytes + ZSTD_compressBound(payload.bytes.size()));
  const size_t compressed = ZSTD_compress(file.bytes.data() + header_bytes, file.bytes.size() - header_bytes,
                                          payload.bytes.data(), payload.bytes.size(), kCompressionLevel);
  if (ZSTD_isError(compressed))
    throw Error(path.string() + ": zstd could not compress the replay snapshot: " + ZSTD_getErrorName(compressed));
  file.bytes.resize(header_bytes + compressed);
  write_file_atomically(path, file.bytes);
}

void ReplayBuffer::load(const std::filesystem::path& path) {
  const std::string file = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(file + ": cannot open the replay snapshot");
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  ByteReader header(bytes, file);
  char magic[sizeof(kMagic)] = {};
  if (bytes.size() >= sizeof(magic)) header.get_all(std::span<char>(magic));
  if (std::memcmp(magic, kMagic, sizeof(kMagic)) != 0) throw Error(file + ": not a vkrl replay snapshot");
  const auto version = header.get<uint32_t>();
  if (version != kVersion)
    throw Error(file + ": replay snapshot version " + std::to_string(version) + ", this vkrl reads version " +
                std::to_string(kVersion));
  const auto rank = header.get<uint32_t>();
  if (rank > 8) throw Error(file + ": corrupt replay snapshot header (observation rank " + std::to_string(rank) + ")");
  std::vector<int> shape(rank);
  for (int& d : shape) d = header.get<int32_t>();
  if (shape != config_.observation.shape)
    throw Error(file + ": replay snapshot holds observations of shape " + shape_text(shape) +
                ", the buffer expects " + shape_text(config_.observation.shape));
  expect<int>(file, "binary observations", header.get<uint8_t>(), config_.observation.binary);
  expect<int>(file, "prioritized", header.get<uint8_t>(), config_.prioritized);
  expect<uint32_t>(file, "streams", header.get<uint32_t>(), uint32_t(config_.streams));
  expect<uint32_t>(file, "n_step", header.get<uint32_t>(), uint32_t(config_.n_step));
  expect<uint64_t>(file, "capacity", header.get<uint64_t>(), capacity());
  const auto payload_bytes = header.get<uint64_t>();
  const size_t records = capacity();
  const size_t expected_bytes = sizeof(uint64_t) * (1 + 2 * written_.size()) + observations_.bytes().size() +
                                records * (sizeof(int32_t) + sizeof(float) + sizeof(uint8_t)) +
                                (priorities_ ? sizeof(double) * (1 + records) : 0);
  expect<uint64_t>(file, "payload bytes", payload_bytes, expected_bytes);

  std::vector<uint8_t> payload(expected_bytes);
  const uint8_t* frame = bytes.data() + (bytes.size() - header.left());
  const size_t got = ZSTD_decompress(payload.data(), payload.size(), frame, header.left());
  if (ZSTD_isError(got))
    throw Error(file + ": truncated or corrupt replay snapshot (zstd: " + ZSTD_getErrorName(got) + ")");
  if (got != expected_bytes) throw Error(file + ": truncated replay snapshot (short payload)");

  // Everything is read into fresh arrays first, so a bad file leaves the buffer as it was.
  ByteReader body(payload, file);
  const auto rng_state = body.get<uint64_t>();
  std::vector<uint64_t> written(written_.size()), released(released_.size());
  body.get_all(std::span<uint64_t>(written));
  body.get_all(std::span<uint64_t>(released));
  std::vector<uint8_t> observation_bytes(observations_.bytes().size());
  body.get_all(std::span<uint8_t>(observation_bytes));
  std::vector<int32_t> actions(records);
  std::vector<float> rewards(records);
  std::vector<uint8_t> flags(records);
  body.get_all(std::span<int32_t>(actions));
  body.get_all(std::span<float>(rewards));
  body.get_all(std::span<uint8_t>(flags));
  std::optional<SumTree> priorities;
  if (priorities_) {
    const auto max_priority = body.get<double>();
    std::vector<double> leaves(records);
    body.get_all(std::span<double>(leaves));
    priorities.emplace(records);
    priorities->assign_leaves(leaves, max_priority);
  }
  for (size_t i = 0; i < written.size(); ++i)
    if (released[i] > written[i]) throw Error(file + ": corrupt replay snapshot (stream positions)");
  size_t sampleable = 0;
  for (uint8_t f : flags) sampleable += (f & kSampleable) ? 1 : 0;

  rng_.set_state(rng_state);
  written_ = std::move(written);
  released_ = std::move(released);
  std::memcpy(observations_.bytes().data(), observation_bytes.data(), observation_bytes.size());
  actions_ = std::move(actions);
  rewards_ = std::move(rewards);
  flags_ = std::move(flags);
  priorities_ = std::move(priorities);
  sampleable_ = sampleable;
}

}  // namespace vkrl::agents::dqn
