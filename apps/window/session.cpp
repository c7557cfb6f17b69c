#include "window/session.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include "agents/episode_seed.h"
#include "vkrl/envs/frame.h"

namespace vkrl::apps {

Session::Session(envs::Env& env, std::string player, uint64_t seed, std::vector<std::string> keys)
    : env_(env), seed_(seed), observation_(env.observation_spec().size()) {
  panel_.env_name = env.name();
  panel_.agent_name = std::move(player);
  panel_.keys = std::move(keys);
  for (int a = 0; a < env.action_count(); ++a) panel_.action_names.push_back(env.action_name(a));
  panel_.episode = 0;
}

void Session::reset() {
  env_.reset(episode_seed(seed_, next_episode_++));
  start_episode();
}

void Session::replay(std::span<const int> actions) {
  env_.reset(episode_seed(seed_, next_episode_ - 1));
  start_episode();
  for (int a : actions) step(a, {});
}

void Session::start_episode() {
  over_ = false;
  heat_map_.clear();
  panel_.episode = static_cast<int>(next_episode_);
  panel_.step = 0;
  panel_.episode_return = 0;
  panel_.last_reward.reset();
  panel_.last_action.clear();
  panel_.action_values.clear();
  panel_.chosen = -1;
}

envs::StepResult Session::step(int action, std::vector<float> action_values) {
  const envs::StepResult result = env_.step(action);
  ++total_steps_;
  ++panel_.step;
  panel_.episode_return += result.reward;
  panel_.last_reward = result.reward;
  panel_.last_action = env_.action_name(action);
  panel_.action_values = std::move(action_values);
  panel_.chosen = action;
  if (result.done()) {
    over_ = true;
    ++finished_;
  }
  return result;
}

std::span<const float> Session::observation() {
  env_.observe(observation_);
  return observation_;
}

namespace {

// Blends a warm red over the spot, stronger for a larger share, and writes the share in percent on the strongest.
void tint(envs::Frame& frame, const envs::ActionSpot& spot, float strength, float share) {
  const envs::Rgb heat{230, 40, 20};
  const float alpha = 0.75f * strength;
  for (int y = spot.y - spot.half; y < spot.y + spot.half; ++y)
    for (int x = spot.x - spot.half; x < spot.x + spot.half; ++x) {
      if (x < 0 || y < 0 || x >= frame.width() || y >= frame.height()) continue;
      const envs::Rgb c = frame.at(x, y);
      auto mix = [alpha](uint8_t from, uint8_t to) { return uint8_t(from + alpha * (float(to) - float(from))); };
      frame.set(x, y, {mix(c.r, heat.r), mix(c.g, heat.g), mix(c.b, heat.b)});
    }
  if (strength > 0.25f) {
    const std::string percent = std::to_string(int(share * 100 + 0.5f));
    frame.draw_text(spot.x - envs::Frame::text_width(percent) / 2, spot.y - 3, percent, {255, 255, 255});
  }
}

}  // namespace

envs::Frame Session::view() const {
  envs::Frame frame;
  env_.render(frame);
  // Only where a move can still go: the search's own choice now holds a stone, which stays in plain view.
  const float top = heat_map_.empty() ? 0.0f : *std::max_element(heat_map_.begin(), heat_map_.end());
  for (int a : heat_map_.empty() ? std::vector<int>{} : env_.legal_actions())
    if (size_t(a) < heat_map_.size() && heat_map_[size_t(a)] > 0)
      if (const auto spot = env_.action_spot(a)) tint(frame, *spot, heat_map_[size_t(a)] / top, heat_map_[size_t(a)]);
  return compose_view(frame, panel_, view_scale(frame.width(), frame.height()));
}

std::optional<int> Session::action_at(int x, int y) const {
  envs::Frame frame;
  env_.render(frame);
  const int scale = view_scale(frame.width(), frame.height());
  const int fx = x / scale, fy = (y - env_top_in_view(frame, panel_, scale)) / scale;
  for (int a = 0; a < env_.action_count(); ++a)
    if (const auto spot = env_.action_spot(a))
      if (std::abs(fx - spot->x) <= spot->half && std::abs(fy - spot->y) <= spot->half) return a;
  return std::nullopt;
}

std::filesystem::path Session::screenshot_name() const {
  std::string name = panel_.env_name;
  std::replace(name.begin(), name.end(), '/', '-');
  return name + "-e" + std::to_string(panel_.episode) + "-s" + std::to_string(panel_.step) + ".png";
}

}  // namespace vkrl::apps
