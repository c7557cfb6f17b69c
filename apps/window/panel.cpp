#include "window/panel.h"

#include <fmt/format.h>

#include <algorithm>

namespace vkrl::apps {

namespace {

constexpr int kPanelWidth = 264, kPad = 10, kLine = 12;
constexpr envs::Rgb kBackground{24, 26, 32}, kText{225, 228, 235}, kDim{140, 146, 160}, kAccent{255, 196, 61},
    kRule{60, 64, 76};

// Draws the panel's lines top-down and knows where the next one goes.
class Writer {
public:
  Writer(envs::Frame& frame, int left) : frame_(frame), left_(left) {}
  void line(const std::string& text, envs::Rgb color = kText, int scale = 1) {
    frame_.draw_text(left_ + kPad, y_, text, color, scale);
    y_ += kLine * scale;
  }
  void field(const std::string& name, const std::string& value) {
    frame_.draw_text(left_ + kPad, y_, name, kDim);
    frame_.draw_text(left_ + kPad + 10 * 6, y_, value, kText);
    y_ += kLine;
  }
  void rule() {
    frame_.fill_rect(left_ + kPad, y_ + 2, kPanelWidth - 2 * kPad, 1, kRule);
    y_ += kLine;
  }
  int y() const { return y_; }

private:
  envs::Frame& frame_;
  int left_;
  int y_ = kPad;
};

// One line per action: its name, and the agent's value with a bar when the agent has values ("-" otherwise), so the
// panel keeps its height from the first frame on.
void draw_values(Writer& w, envs::Frame& frame, int left, const PanelState& p) {
  w.line("action values", kDim);
  const bool values = !p.action_values.empty();
  const auto [lo, hi] = values ? std::minmax_element(p.action_values.begin(), p.action_values.end())
                               : std::pair{p.action_values.end(), p.action_values.end()};
  const int bar_left = left + kPad + 16 * 6, bar_width = kPanelWidth - 2 * kPad - 16 * 6;
  for (size_t a = 0; a < p.action_names.size(); ++a) {
    const bool chosen = int(a) == p.chosen;
    const std::string marker = chosen ? ">" : " ";
    if (!values || a >= p.action_values.size()) {
      w.line(fmt::format("{}{:<6.6}       -", marker, p.action_names[a]), chosen ? kAccent : kText);
      continue;
    }
    const float v = p.action_values[a];
    // Bars run from the smallest value to this one, so differences show even when all values are negative.
    const int length = *hi > *lo ? static_cast<int>(bar_width * (v - *lo) / (*hi - *lo)) : bar_width;
    frame.fill_rect(bar_left, w.y(), std::max(length, 1), 7, chosen ? kAccent : kRule);
    w.line(fmt::format("{}{:<6.6} {:>7.2f}", marker, p.action_names[a], v), chosen ? kAccent : kText);
  }
}

}  // namespace

int view_scale(int frame_width, int frame_height) {
  return std::clamp(std::min(800 / std::max(frame_width, 1), 600 / std::max(frame_height, 1)), 1, 16);
}

namespace {

int view_height(const envs::Frame& env_frame, const PanelState& p, int scale) {
  const int value_lines = 2 + static_cast<int>(p.action_names.size());
  const int panel_height = kPad * 2 + kLine * (13 + value_lines + static_cast<int>(p.keys.size()));
  return std::max(env_frame.height() * scale, panel_height);
}

}  // namespace

int env_top_in_view(const envs::Frame& env_frame, const PanelState& p, int scale) {
  // The env sits centred in the height the panel needs.
  return (view_height(env_frame, p, scale) - env_frame.height() * scale) / 2;
}

envs::Frame compose_view(const envs::Frame& env_frame, const PanelState& p, int scale) {
  const int env_width = env_frame.width() * scale, env_height = env_frame.height() * scale;
  envs::Frame view(env_width + kPanelWidth, view_height(env_frame, p, scale), kBackground);
  const int top = env_top_in_view(env_frame, p, scale);
  for (int y = 0; y < env_height; ++y)
    for (int x = 0; x < env_width; ++x) view.set(x, top + y, env_frame.at(x / scale, y / scale));

  Writer w(view, env_width);
  w.line(p.env_name, kAccent);
  w.line("agent: " + p.agent_name, kDim);
  w.rule();
  w.field("episode", std::to_string(p.episode));
  w.field("step", std::to_string(p.step));
  w.field("return", fmt::format("{:.2f}", p.episode_return));
  w.field("reward", p.last_reward ? fmt::format("{:.2f}", *p.last_reward) : "-");
  w.field("action", p.last_action.empty() ? "-" : p.last_action);
  w.rule();
  draw_values(w, view, env_width, p);
  w.rule();
  w.line(p.status, kAccent);
  w.rule();
  w.line("keys", kDim);
  for (const std::string& k : p.keys) w.line(k);
  return view;
}

}  // namespace vkrl::apps
