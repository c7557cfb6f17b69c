#include "vkrl/envs/minatar/minatar_env.h"

#include <algorithm>
#include <charconv>

#include "vkrl/envs/minatar/palette.h"
#include "vkrl/error.h"

namespace vkrl::envs::minatar {

namespace {

constexpr int kCells = kGridSize * kGridSize;
constexpr const char* kActionNames[kActionCount] = {"noop", "left", "up", "right", "down", "fire"};

// The palette index of every cell from the game's channels (in `scratch`): the highest channel set wins, as in
// MinAtar's display_state.
void cell_indices(const Game& game, std::span<float> scratch, std::array<uint8_t, kCells>& cells) {
  game.observe(scratch);
  cells.fill(0);
  for (int c = 0; c < game.channel_count(); ++c)
    for (int i = 0; i < kCells; ++i)
      if (scratch[size_t(c * kCells + i)] != 0.0f) cells[size_t(i)] = uint8_t(c + 1);
}

std::string shortest(double v) {
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof(buffer), v).ptr;
  return {buffer, end};
}

}  // namespace

MinAtarOptions read_options(const EnvOptions& options) {
  options.expect_only({"sticky", "ramping", "minimal_actions", "pixels"});
  const MinAtarOptions defaults;
  return {.sticky = options.get_double("sticky", defaults.sticky),
          .ramping = options.get_bool("ramping", defaults.ramping),
          .minimal_actions = options.get_bool("minimal_actions", defaults.minimal_actions),
          .pixels = options.get_bool("pixels", defaults.pixels)};
}

MinAtarEnv::MinAtarEnv(std::string registry_name, std::unique_ptr<Game> game, const MinAtarOptions& options)
    : registry_name_(std::move(registry_name)),
      game_(std::move(game)),
      options_(options),
      palette_(palette(game_->channel_count())),
      channels_(options.pixels ? size_t(game_->channel_count()) * kCells : 0) {
  if (!(options.sticky >= 0.0 && options.sticky <= 1.0))
    throw Error("environment '" + registry_name_ + "': sticky must be in [0, 1], got " + shortest(options.sticky));
  observation_size_ = observation_spec().size();
  for (const Rgb& c : palette_) gray_.push_back((0.299f * c.r + 0.587f * c.g + 0.114f * c.b) / 255.0f);
  if (options_.pixels) frames_.resize(size_t(kStackedFrames) * kPixelSize * kPixelSize);
}

MinAtarEnv::MinAtarEnv(const MinAtarEnv& other)
    : Env(other),
      registry_name_(other.registry_name_),
      game_(other.game_->clone()),
      options_(other.options_),
      rng_(other.rng_),
      last_action_(other.last_action_),
      palette_(other.palette_),
      gray_(other.gray_),
      observation_size_(other.observation_size_),
      channels_(other.channels_),
      cells_(other.cells_),
      frames_(other.frames_) {}

std::string MinAtarEnv::name() const {
  const MinAtarOptions defaults;
  std::string name = registry_name_;
  if (options_.sticky != defaults.sticky) name += ",sticky=" + shortest(options_.sticky);
  if (options_.ramping != defaults.ramping) name += options_.ramping ? ",ramping=true" : ",ramping=false";
  if (options_.minimal_actions != defaults.minimal_actions)
    name += options_.minimal_actions ? ",minimal_actions=true" : ",minimal_actions=false";
  if (options_.pixels != defaults.pixels) name += options_.pixels ? ",pixels=true" : ",pixels=false";
  return name;
}

ObservationSpec MinAtarEnv::observation_spec() const {
  if (options_.pixels) return {{kStackedFrames, kPixelSize, kPixelSize}};
  return {{game_->channel_count(), kGridSize, kGridSize}, true};
}

int MinAtarEnv::action_count() const {
  return options_.minimal_actions ? static_cast<int>(game_->minimal_actions().size()) : kActionCount;
}

std::string MinAtarEnv::action_name(int action) const {
  if (action < 0 || action >= action_count()) return std::to_string(action);
  return kActionNames[options_.minimal_actions ? game_->minimal_actions()[size_t(action)] : action];
}

void MinAtarEnv::reset(uint64_t seed) {
  rng_.seed(seed);
  game_->reset(rng_);
  if (!options_.pixels) return;
  push_frame();
  // The first frame fills the whole stack.
  const size_t frame = size_t(kPixelSize) * kPixelSize;
  for (int f = 0; f + 1 < kStackedFrames; ++f)
    std::copy_n(frames_.end() - ptrdiff_t(frame), frame, frames_.begin() + ptrdiff_t(f * frame));
}

StepResult MinAtarEnv::step(int action) {
  if (action < 0 || action >= action_count())
    throw Error(name() + ": action " + std::to_string(action) + " out of range 0.." + std::to_string(action_count() - 1));
  int played = options_.minimal_actions ? game_->minimal_actions()[size_t(action)] : action;
  if (rng_.rand() < options_.sticky) played = last_action_;  // MinAtar draws even when sticky is 0
  last_action_ = played;
  const ActResult result = game_->act(played, rng_);
  if (options_.pixels) push_frame();
  return {result.reward, result.terminal, false};
}

void MinAtarEnv::push_frame() {
  cell_indices(*game_, channels_, cells_);
  const size_t frame = size_t(kPixelSize) * kPixelSize;
  std::copy(frames_.begin() + ptrdiff_t(frame), frames_.end(), frames_.begin());
  float* newest = frames_.data() + (kStackedFrames - 1) * frame;
  for (int py = 0; py < kPixelSize; ++py) {
    const int row = py * kGridSize / kPixelSize;
    for (int px = 0; px < kPixelSize; ++px)
      newest[py * kPixelSize + px] = gray_[cells_[size_t(row * kGridSize + px * kGridSize / kPixelSize)]];
  }
}

void MinAtarEnv::observe(std::span<float> out) const {
  if (out.size() != observation_size_)
    throw Error(name() + ": observe() needs " + std::to_string(observation_size_) + " floats, got " +
                std::to_string(out.size()));
  if (options_.pixels)
    std::copy(frames_.begin(), frames_.end(), out.begin());
  else
    game_->observe(out);
}

void MinAtarEnv::render(Frame& frame) const {
  std::vector<float> scratch(size_t(game_->channel_count()) * kCells);
  std::array<uint8_t, kCells> cells{};
  cell_indices(*game_, scratch, cells);
  frame.resize(kGridSize * kCellPixels, kGridSize * kCellPixels);
  for (int y = 0; y < kGridSize; ++y)
    for (int x = 0; x < kGridSize; ++x)
      frame.fill_rect(x * kCellPixels, y * kCellPixels, kCellPixels, kCellPixels,
                      palette_[cells[size_t(y * kGridSize + x)]]);
}

std::string MinAtarEnv::to_string() const {
  // One character per cell: '.' empty, else the index of its highest channel (the legend follows).
  std::vector<float> scratch(size_t(game_->channel_count()) * kCells);
  std::array<uint8_t, kCells> cells{};
  cell_indices(*game_, scratch, cells);
  std::string out = name() + (game_->terminal() ? " (game over)" : "") + ", last action " +
                    kActionNames[last_action_] + "\n";
  for (int y = 0; y < kGridSize; ++y) {
    for (int x = 0; x < kGridSize; ++x) {
      const int c = cells[size_t(y * kGridSize + x)];
      out += c == 0 ? '.' : char('0' + c - 1);
    }
    out += '\n';
  }
  for (int c = 0; c < game_->channel_count(); ++c)
    out += std::to_string(c) + " " + std::string(game_->channel_name(c)) + (c + 1 < game_->channel_count() ? ", " : "\n");
  return out;
}

}  // namespace vkrl::envs::minatar
