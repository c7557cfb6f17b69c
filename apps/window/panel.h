// The picture the window shows and the GIF records: the env's own Frame scaled up by an integer factor, with a side
// panel to its right that reports the step, episode, return, last reward, the chosen action, the agent's action values
// when it has them, a status line and the keys. Pure drawing into a Frame: no SDL here, so tests and headless
// recording use exactly what the window shows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vkrl/envs/frame.h"

namespace vkrl::apps {

struct PanelState {
  std::string env_name, agent_name;
  int episode = 1;  // counted from 1
  int step = 0;     // steps taken in this episode
  double episode_return = 0;
  std::optional<double> last_reward;  // none before the episode's first step
  std::string last_action;
  std::vector<std::string> action_names;  // one per action, listed with their values
  std::vector<float> action_values;       // one per action, or empty when the agent has none
  int chosen = -1;                        // index of the last action, highlighted among the values
  std::string status;                     // "running, 8 steps/s", "paused", "episode over"
  std::vector<std::string> keys;          // help lines
};

// The largest integer scale, from 1 to 16, at which a frame of this size fits in 800 x 600 pixels.
int view_scale(int frame_width, int frame_height);
// The env frame scaled by `scale` beside the panel. The size depends only on the env frame's size and the number of
// actions and help lines, so every frame of a recording has the same size.
envs::Frame compose_view(const envs::Frame& env_frame, const PanelState& panel, int scale);
// Where compose_view puts the env frame: its top edge in the view (it starts at x 0).
int env_top_in_view(const envs::Frame& env_frame, const PanelState& panel, int scale);

}  // namespace vkrl::apps
