#include "vkrl/envs/go/go_env.h"

#include <algorithm>
#include <cmath>

#include "vkrl/envs/frame.h"
#include "vkrl/error.h"

namespace vkrl::envs::go {

GoEnv::GoEnv(std::string registry_name, const GoRules& rules)
    : registry_name_(std::move(registry_name)), rules_(rules), game_(rules) {
  reset(0);
}

GoEnv::GoEnv(std::string registry_name, const GoGame& game, int last_action)
    : registry_name_(std::move(registry_name)),
      rules_(game.rules()),
      game_(game),
      recent_(1, snapshot()),
      last_action_(last_action) {}

std::string GoEnv::name() const {
  std::string name = registry_name_;
  const std::string default_size = std::to_string(rules_.size) + "x" + std::to_string(rules_.size);
  if (registry_name_ != "go/" + default_size) name += ",size=" + std::to_string(rules_.size);
  if (rules_.komi != 7.5) {
    std::string komi = std::to_string(rules_.komi);
    komi.erase(komi.find_last_not_of('0') + 1);
    if (komi.back() == '.') komi.pop_back();
    name += ",komi=" + komi;
  }
  if (rules_.max_moves != 0) name += ",max_moves=" + std::to_string(rules_.max_moves);
  return name;
}

ObservationSpec GoEnv::observation_spec() const { return {{2 * kHistory + 1, rules_.size, rules_.size}}; }

GoEnv::Snapshot GoEnv::snapshot() const {
  Snapshot s{};
  const int n = game_.size();
  for (int a = 0; a < n * n; ++a) s[size_t(a)] = game_.board().at(game_.point_of(a));
  return s;
}

void GoEnv::reset(uint64_t) {
  game_ = GoGame(rules_);
  recent_.assign(1, snapshot());
  last_action_ = -1;
}

StepResult GoEnv::step(int action) {
  const Stone mover = game_.to_play();
  game_.play(action);
  last_action_ = action;
  recent_.insert(recent_.begin(), snapshot());
  if (int(recent_.size()) > kHistory) recent_.pop_back();
  StepResult result;
  if (game_.is_over()) {
    result.terminated = true;
    const Stone winner = game_.winner();
    result.reward = winner == Stone::Empty ? 0.0f : winner == mover ? 1.0f : -1.0f;
  }
  return result;
}

void GoEnv::observe(std::span<float> out) const {
  if (out.size() != observation_spec().size())
    throw Error("go env: observe() needs " + std::to_string(observation_spec().size()) + " floats, got " +
                std::to_string(out.size()));
  const size_t area = size_t(game_.size()) * size_t(game_.size());
  const Stone own = game_.to_play(), other = opponent(own);
  std::fill(out.begin(), out.end(), 0.0f);
  for (size_t t = 0; t < recent_.size(); ++t)
    for (size_t a = 0; a < area; ++a) {
      out[(2 * t) * area + a] = recent_[t][a] == own ? 1.0f : 0.0f;
      out[(2 * t + 1) * area + a] = recent_[t][a] == other ? 1.0f : 0.0f;
    }
  if (own == Stone::Black) std::fill(out.end() - std::ptrdiff_t(area), out.end(), 1.0f);
}

namespace {

void fill_disk(Frame& frame, int cx, int cy, int radius, Rgb colour) {
  for (int dy = -radius; dy <= radius; ++dy) {
    const int half = int(std::sqrt(double(radius * radius - dy * dy)));
    frame.fill_rect(cx - half, cy + dy, 2 * half + 1, 1, colour);
  }
}

}  // namespace

void GoEnv::render(Frame& frame) const {
  const int n = game_.size(), px = kCellPixels, side = (n + 1) * px;
  if (frame.width() != side || frame.height() != side) frame.resize(side, side);
  frame.clear({220, 179, 92});
  const Rgb ink{40, 30, 20};
  for (int i = 0; i < n; ++i) {
    const int at = px + i * px;
    frame.draw_line(px, at, px + (n - 1) * px, at, ink);
    frame.draw_line(at, px, at, px + (n - 1) * px, ink);
    // Coordinates as GTP writes them: letters (no I) along the top, numbers from the bottom up the left side.
    const std::string letter = game_.action_name(i).substr(0, 1), number = std::to_string(n - i);
    frame.draw_text(at - 2, 4, letter, ink);
    frame.draw_text(2, at - 3, number, ink);
  }
  for (int a = 0; a < n * n; ++a) {
    const Stone s = game_.board().at(game_.point_of(a));
    if (s != Stone::Black && s != Stone::White) continue;
    const int cx = px + (a % n) * px, cy = px + (a / n) * px;
    fill_disk(frame, cx, cy, px / 2 - 1, s == Stone::Black ? Rgb{20, 20, 20} : Rgb{245, 245, 245});
    if (a == last_action_) fill_disk(frame, cx, cy, px / 6, Rgb{220, 40, 40});
  }
}

std::optional<ActionSpot> GoEnv::action_spot(int action) const {
  const int n = game_.size();
  if (action < 0 || action >= n * n) return std::nullopt;
  const int px = kCellPixels;
  return ActionSpot{px + (action % n) * px, px + (action / n) * px, px / 2};
}

std::string GoEnv::to_string() const {
  std::string out = game_.board().to_string();
  out += (game_.to_play() == Stone::Black ? "black" : "white");
  out += " to play, move " + std::to_string(game_.move_count());
  if (game_.is_over()) out += ", over, score " + std::to_string(game_.score());
  return out + "\n";
}

namespace {

GoRules read_rules(const std::string& env_name, int default_size, const EnvOptions& options) {
  options.expect_only({"size", "komi", "max_moves"});
  GoRules rules;
  const double size = options.get_double("size", default_size);
  const double max_moves = options.get_double("max_moves", 0);
  if (size != std::floor(size) || size < Board::kMinSize || size > Board::kMaxSize)
    throw Error(env_name + ": option size: expected an integer from 5 to 19");
  if (max_moves != std::floor(max_moves) || max_moves < 0)
    throw Error(env_name + ": option max_moves: expected a non-negative integer");
  rules.size = int(size);
  rules.komi = options.get_double("komi", 7.5);
  rules.max_moves = int(max_moves);
  return rules;
}

}  // namespace

void add_go_envs(EnvRegistry& registry) {
  for (int size : {9, 13, 19}) {
    const std::string name = "go/" + std::to_string(size) + "x" + std::to_string(size);
    registry.add({name,
                  "Go on " + std::to_string(size) + "x" + std::to_string(size) +
                      ": area scoring, komi 7.5, positional superko, +1/-1 to the mover at the end",
                  [name, size](const EnvOptions& options) {
                    return std::make_unique<GoEnv>(name, read_rules(name, size, options));
                  }});
  }
}

}  // namespace vkrl::envs::go
