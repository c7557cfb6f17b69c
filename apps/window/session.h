// Session is one env played in the viewer, by an agent (watch) or a person (play): it starts episodes from the run's
// seed, steps the env, keeps the side panel's numbers, and composes the view that is shown, recorded or saved.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "vkrl/envs/env.h"
#include "window/panel.h"

namespace vkrl::apps {

class Session {
public:
  Session(envs::Env& env, std::string player, uint64_t seed, std::vector<std::string> keys);

  // Starts the next episode (from episode_seed(seed, n)).
  void reset();
  // Starts this episode again and takes `actions` (undo, for envs whose episodes replay exactly from the seed).
  void replay(std::span<const int> actions);
  // Takes `action`; `action_values` (possibly empty) are the agent's values that chose it.
  envs::StepResult step(int action, std::vector<float> action_values);
  bool episode_over() const { return over_; }
  int episodes_finished() const { return finished_; }
  int64_t total_steps() const { return total_steps_; }
  std::span<const float> observation();

  void set_status(std::string status) { panel_.status = std::move(status); }
  const PanelState& panel() const { return panel_; }
  // A share per action (a search's visits) to tint the actions' spots on the board with (Env::action_spot); empty
  // for none.
  void set_heat_map(std::vector<float> shares) { heat_map_ = std::move(shares); }
  // Renders the env, tints the heat map and composes it beside the panel.
  envs::Frame view() const;
  // The action whose spot holds the view's pixel (x, y), if any: where a person clicked.
  std::optional<int> action_at(int x, int y) const;
  // A file name for a screenshot of this moment: <env>-e<episode>-s<step>.png, '/' in the env name made '-'.
  std::filesystem::path screenshot_name() const;

private:
  void start_episode();

  envs::Env& env_;
  uint64_t seed_;
  uint64_t next_episode_ = 0;
  int finished_ = 0;
  int64_t total_steps_ = 0;
  bool over_ = false;
  PanelState panel_;
  std::vector<float> observation_;
  std::vector<float> heat_map_;
};

}  // namespace vkrl::apps
