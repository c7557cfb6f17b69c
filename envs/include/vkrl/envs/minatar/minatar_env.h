// MinAtarEnv is the Env of a MinAtar game, with the semantics of MinAtar's Python `Environment` wrapper:
// - Seeding: reset(seed) seeds one generator and resets the game, which draws from it; the sticky-action draws come
//   from the same generator. Seeds below 2^32 give numpy's RandomState(seed), so the episode is MinAtar's own for
//   that seed; larger seeds (VectorEnv's) use SplitMix64 words (numpy_random.h).
// - Sticky actions: before every act, one uniform draw; below `sticky` (0.1 by default) the previous action is played
//   again. The draw happens on every step, even with sticky = 0, and the previous action starts at no-op when the env
//   is built and is not cleared by reset(), so it carries over from one episode into the next, as in MinAtar.
// - Actions: all 6 of MinAtar (noop, left, up, right, down, fire), or with minimal_actions the game's minimal set,
//   mapped to MinAtar's action numbers before the sticky logic (as MinAtar's gym wrapper does).
// - Episodes end only by `terminated`: MinAtar has no truncation (Freeway's time limit is a terminal state).
// - Observation: the game's C boolean channels as floats, channels first {C, 10, 10}. With pixels, the last 4 frames
//   of 84x84 grayscale {4, 84, 84}, oldest first: each frame is the rendered grid (palette.h colours, luma
//   0.299 R + 0.587 G + 0.114 B, scaled to [0, 1]) sampled at 84x84, so the Nature-DQN network can read MinAtar; on
//   reset all 4 frames hold the first one.
// - render() draws each cell as a 32-pixel square in its channel's colour, as MinAtar's GUI does.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "vkrl/envs/env.h"
#include "vkrl/envs/env_options.h"
#include "vkrl/envs/frame.h"
#include "vkrl/envs/minatar/game.h"

namespace vkrl::envs::minatar {

struct MinAtarOptions {
  double sticky = 0.1;           // MinAtar's sticky_action_prob
  bool ramping = true;           // MinAtar's difficulty_ramping (given to the game's factory)
  bool minimal_actions = false;  // the game's minimal action set instead of all 6
  bool pixels = false;           // 4 stacked 84x84 grayscale frames instead of the C channels
};

// The registry options sticky=P, ramping=B, minimal_actions=B and pixels=B; throws vkrl::Error for any other key.
MinAtarOptions read_options(const EnvOptions& options);

class MinAtarEnv final : public Env {
public:
  static constexpr int kPixelSize = 84;
  static constexpr int kStackedFrames = 4;
  static constexpr int kCellPixels = 32;  // render(): each cell as a 32x32 square

  // `registry_name` is the name without options ("minatar/breakout"); name() adds the options that differ from the
  // defaults.
  MinAtarEnv(std::string registry_name, std::unique_ptr<Game> game, const MinAtarOptions& options);
  MinAtarEnv(const MinAtarEnv& other);

  std::string name() const override;
  ObservationSpec observation_spec() const override;
  int action_count() const override;
  std::string action_name(int action) const override;

  void reset(uint64_t seed) override;
  StepResult step(int action) override;
  void observe(std::span<float> out) const override;

  void render(Frame& frame) const override;
  std::unique_ptr<Env> clone() const override { return std::make_unique<MinAtarEnv>(*this); }
  std::string to_string() const override;

  const Game& game() const { return *game_; }
  int last_action() const { return last_action_; }  // MinAtar's action number last played
  std::vector<int64_t> carried_state() const override { return {last_action_}; }
  void set_carried_state(std::span<const int64_t> state) override;

private:
  // The palette index of every cell (0 empty, else 1 + the highest channel set), read from the game.
  void read_cells();
  // Shifts the frame stack one frame older and writes the newest frame from cells_.
  void push_frame();

  std::string registry_name_;
  std::unique_ptr<Game> game_;
  MinAtarOptions options_;
  NumpyRandom rng_;
  int last_action_ = kNoop;
  std::vector<Rgb> palette_;                          // channel_count + 1 colours
  std::vector<float> gray_;                           // luma of each palette colour, in [0, 1]
  size_t observation_size_ = 0;                          // observation_spec().size(), which allocates
  std::vector<float> channels_;                       // pixels only: scratch for the game's observation
  std::array<uint8_t, kGridSize * kGridSize> cells_{};  // palette index per cell
  std::vector<float> frames_;                         // pixels only: kStackedFrames x 84 x 84, oldest first
};

}  // namespace vkrl::envs::minatar
