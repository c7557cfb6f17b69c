// Env is the interface every environment implements: plain C++ that knows nothing of neural nets, agents or Vulkan,
// after OpenSpiel's State and Gym's Env. An episode starts with reset(seed); each step(action) returns the reward and
// whether the episode terminated (a terminal state) or was truncated (a time limit). The observation is not returned:
// observe() writes it into memory the caller owns, so stepping allocates nothing and VectorEnv writes straight into its
// batch. clone() copies the complete state, random generator included, so that a copy replays identically (search
// needs this). render() draws the current state into an RGB Frame in software.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vkrl::envs {

class Frame;

struct ObservationSpec {
  std::vector<int> shape;  // {C, H, W} for images (MinAtar: {channels, 10, 10}), {n} for vectors
  bool binary = false;     // every value is 0 or 1 (MinAtar's channels, one-hot states): stores may keep 1 bit each
  size_t size() const {
    size_t n = 1;
    for (int d : shape) n *= static_cast<size_t>(d);
    return n;
  }
};

struct StepResult {
  float reward = 0.0f;
  bool terminated = false;  // reached a terminal state: its value is zero
  bool truncated = false;   // stopped by a limit: the state still has a value
  bool done() const { return terminated || truncated; }
};

struct ActionSpot {
  int x = 0, y = 0;  // centre, in render() pixels
  int half = 0;      // half the side of the square
};

class Env {
public:
  virtual ~Env() = default;

  virtual std::string name() const = 0;  // the registry name, e.g. "gridworld/cliff"
  virtual ObservationSpec observation_spec() const = 0;
  virtual int action_count() const = 0;
  virtual std::string action_name(int action) const { return std::to_string(action); }

  virtual void reset(uint64_t seed) = 0;
  virtual StepResult step(int action) = 0;
  // Writes the current observation; out.size() == observation_spec().size().
  virtual void observe(std::span<float> out) const = 0;
  // The actions allowed now; by default all of them.
  virtual std::vector<int> legal_actions() const;

  // Two-player games (Go) number their players 0 (who moves first) and 1 and say whose turn it is; a step's reward is
  // then from the point of view of the player who made that step. Single-player envs keep these defaults.
  virtual int player_count() const { return 1; }
  virtual int current_player() const { return 0; }

  // What reset() keeps from one episode to the next (MinAtar's last action, which a sticky action at the start of the
  // next episode repeats), as numbers, so that a copy can be put back exactly (VectorEnv::restore); empty for envs
  // whose episodes are independent.
  virtual std::vector<int64_t> carried_state() const { return {}; }
  virtual void set_carried_state(std::span<const int64_t> state) { (void)state; }

  virtual void render(Frame& frame) const = 0;
  // Where an action sits on render()'s picture, for boards a person plays with the mouse and for search heat maps:
  // a square of render pixels centred on the action's point, or nullopt for an action with no place (a pass, or any
  // action of an env that is not a board).
  virtual std::optional<ActionSpot> action_spot(int action) const {
    (void)action;
    return std::nullopt;
  }
  virtual std::unique_ptr<Env> clone() const = 0;
  virtual std::string to_string() const = 0;

  std::vector<float> observation() const;  // observe() into a new vector, for convenience off the hot path
};

}  // namespace vkrl::envs
