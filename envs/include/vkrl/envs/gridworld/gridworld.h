// Gridworld is the environment a GridMap describes: a walker moving between cells, with the exact dynamics exposed as
// a TabularModel so planners can sweep them (Sutton & Barto chapters 3, 4 and 6). States are cells, numbered row-major
// (state = row * cols + col), and the observation is one-hot over them. The dynamics are deterministic: from a
// teleport source every action gives its reward and moves to the target; otherwise the move plus the wind of the
// column it starts from is clipped to the grid, a wall keeps the walker in place, and a move the edge or a wall cuts
// short earns the map's bump reward instead of the step reward. Landing on a cliff earns the cliff reward and returns
// the walker to S (the episode goes on); landing on G or T ends it. Walls and cliffs can never be occupied, so the
// model reports them as terminal: planners then leave their value at 0. An episode is truncated after the map's
// max_steps. The only randomness is the start cell of `start: random`, drawn from reset()'s seed, so a clone (a plain
// copy) replays exactly what the original does.
#pragma once

#include <string>
#include <vector>

#include "vkrl/envs/gridworld/grid_map.h"
#include "vkrl/envs/tabular.h"

namespace vkrl::envs {

class Gridworld final : public DiscreteStateEnv, public TabularModel {
public:
  static constexpr int kCellPixels = 32;  // render() draws each cell this many pixels square

  Gridworld(std::string name, GridMap map);

  const GridMap& map() const { return map_; }
  int row_of(int state) const { return state / map_.cols; }
  int col_of(int state) const { return state % map_.cols; }
  int steps() const { return steps_; }  // steps taken in this episode

  // Env
  std::string name() const override { return name_; }
  ObservationSpec observation_spec() const override { return {{state_count()}, true}; }
  int action_count() const override { return static_cast<int>(map_.moves); }
  std::string action_name(int action) const override;
  // Starts at S, or with `start: random` in a cell drawn from the seed.
  void reset(uint64_t seed) override;
  StepResult step(int action) override;
  void observe(std::span<float> out) const override;
  void render(Frame& frame) const override;  // resizes the frame to cols x rows cells of kCellPixels
  std::unique_ptr<Env> clone() const override { return std::make_unique<Gridworld>(*this); }
  std::string to_string() const override;  // the map's tiles, '@' for the walker

  // DiscreteStateEnv and TabularModel
  int state_count() const override { return map_.rows * map_.cols; }
  int state() const override { return state_; }
  bool is_terminal(int state) const override;
  double discount() const override { return map_.discount; }
  std::vector<Transition> transitions(int state, int action) const override;

  // The one outcome of `action` in non-terminal `state`, without allocating (step() and transitions() share it).
  Transition outcome(int state, int action) const;

private:
  void check_action(int action) const;

  std::string name_;
  GridMap map_;
  std::vector<int> teleport_at_;     // per cell: index into map_.teleports, or -1
  std::vector<int> start_cells_;     // where `start: random` may begin
  int state_ = 0;
  int steps_ = 0;
  bool done_ = false;
};

}  // namespace vkrl::envs
