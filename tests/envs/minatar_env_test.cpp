// MinAtarEnv's wrapper semantics, checked with a tiny fake Game against a model of MinAtar's Environment written
// with NumpyRandom: the sticky draw on every step and its carry-over across episodes, minimal-action mapping, the
// pixel stack, rendering colours, options and clones.
#include <catch2/catch.hpp>

#include <array>
#include <vector>

#include "vkrl/envs/frame.h"
#include "vkrl/envs/minatar/minatar_env.h"
#include "vkrl/envs/minatar/palette.h"
#include "vkrl/error.h"

using namespace vkrl::envs;
using namespace vkrl::envs::minatar;

namespace {

// Channel 0 marks one cell that walks from a random start; channel 1 marks cell `a` for the last action a played.
// reset() draws randint(100), each act() draws one rand(); the game ends after 5 acts.
class FakeGame final : public Game {
public:
  std::unique_ptr<Game> clone() const override { return std::make_unique<FakeGame>(*this); }
  std::string_view name() const override { return "fake"; }
  int channel_count() const override { return 2; }
  std::string_view channel_name(int c) const override { return c == 0 ? "walker" : "action"; }
  std::span<const int> minimal_actions() const override { return kMinimal; }
  void reset(NumpyRandom& rng) override {
    start_ = int(rng.randint(100));
    acts_ = 0;
    last_ = -1;
  }
  ActResult act(int action, NumpyRandom& rng) override {
    if (terminal()) return {0.0f, true};
    played.push_back(action);
    draws.push_back(rng.rand());
    last_ = action;
    ++acts_;
    return {float(action), terminal()};
  }
  void observe(std::span<float> out) const override {
    std::fill(out.begin(), out.end(), 0.0f);
    out[size_t((start_ + acts_) % 100)] = 1.0f;
    if (last_ >= 0) out[size_t(100 + last_)] = 1.0f;
  }
  bool terminal() const override { return acts_ >= 5; }

  std::vector<int> played;     // every action act() received, across episodes
  std::vector<double> draws;   // the game's own draw at each act

private:
  static constexpr std::array<int, 3> kMinimal = {kNoop, kLeft, kRight};
  int start_ = 0, acts_ = 0, last_ = -1;
};

const FakeGame& fake(const MinAtarEnv& env) { return dynamic_cast<const FakeGame&>(env.game()); }

MinAtarEnv make(const MinAtarOptions& options) {
  return MinAtarEnv("test/fake", std::make_unique<FakeGame>(), options);
}

// MinAtar's Environment over the fake game: one generator; reset draws randint(100); each act draws the sticky
// uniform first, then the game's rand(); last_action survives resets.
struct Model {
  double sticky;
  NumpyRandom rng;
  int last_action = 0;
  std::vector<int> played;
  std::vector<double> draws;
  void reset(uint32_t seed) {
    rng.seed(seed);
    rng.randint(100);
  }
  void act(int a) {
    if (rng.rand() < sticky) a = last_action;
    last_action = a;
    played.push_back(a);
    draws.push_back(rng.rand());
  }
};

}  // namespace

TEST_CASE("minatar env: the sticky draw comes first on every step and the last action carries over episodes",
          "[envs][minatar]") {
  const double p = 0.5;
  // A second-episode seed whose first step repeats the previous action: the carry-over then shows.
  uint32_t seed2 = 0;
  for (;; ++seed2) {
    NumpyRandom r(seed2);
    r.randint(100);
    if (r.rand() < p) break;
  }
  MinAtarEnv env = make({.sticky = p});
  Model model{p, NumpyRandom(0)};
  const std::vector<int> first = {3, 5, 1, 4, 2}, second = {0, 1, 2, 3, 4};
  env.reset(7);
  model.reset(7);
  for (int a : first) {
    const StepResult r = env.step(a);
    model.act(a);
    CHECK(r.reward == float(model.played.back()));
    CHECK_FALSE(r.truncated);
  }
  CHECK(env.step(4).terminated);  // a finished game stays finished; the step still draws and sets the last action
  model.act(4);
  model.played.pop_back();
  model.draws.pop_back();
  const int carried = model.last_action;
  REQUIRE(carried != second.front());
  env.reset(seed2);
  model.reset(seed2);
  for (int a : second) {
    env.step(a);
    model.act(a);
  }
  CHECK(fake(env).played == model.played);
  CHECK(fake(env).draws == model.draws);
  CHECK(fake(env).played[5] == carried);
  CHECK(env.last_action() == model.last_action);
  // Seeds past 32 bits are not truncated to numpy's: they give another stream, the same one each time.
  MinAtarEnv high = make({.sticky = p}), again = make({.sticky = p}), low = make({.sticky = p});
  high.reset((uint64_t(1) << 32) + 7);
  again.reset((uint64_t(1) << 32) + 7);
  low.reset(7);
  for (int a : {3, 1, 4, 1, 5}) {
    high.step(a);
    again.step(a);
    low.step(a);
  }
  CHECK(fake(high).draws == fake(again).draws);
  CHECK(fake(high).draws != fake(low).draws);
}

TEST_CASE("minatar env: sticky 0 still draws the sticky uniform before the game's draws", "[envs][minatar]") {
  MinAtarEnv env = make({.sticky = 0.0});
  Model model{0.0, NumpyRandom(0)};
  env.reset(11);
  model.reset(11);
  for (int a : {1, 2, 3}) {
    env.step(a);
    model.act(a);
  }
  CHECK(fake(env).played == std::vector<int>{1, 2, 3});
  CHECK(fake(env).draws == model.draws);
}

TEST_CASE("minatar env: minimal actions map to MinAtar's numbers and names", "[envs][minatar]") {
  MinAtarEnv full = make({}), minimal = make({.sticky = 0.0, .minimal_actions = true});
  CHECK(full.action_count() == 6);
  CHECK(full.action_name(0) == "noop");
  CHECK(full.action_name(2) == "up");
  CHECK(full.action_name(5) == "fire");
  REQUIRE(minimal.action_count() == 3);
  CHECK(minimal.action_name(1) == "left");
  CHECK(minimal.action_name(2) == "right");
  minimal.reset(1);
  minimal.step(2);
  minimal.step(1);
  CHECK(fake(minimal).played == std::vector<int>{kRight, kLeft});
  CHECK(minimal.last_action() == kLeft);
  CHECK_THROWS_AS(minimal.step(3), vkrl::Error);
}

TEST_CASE("minatar env: observations are the game's channels, channels first", "[envs][minatar]") {
  MinAtarEnv env = make({.sticky = 0.0});
  CHECK(env.observation_spec().shape == std::vector<int>{2, 10, 10});
  CHECK(env.observation_spec().binary);
  env.reset(5);
  env.step(4);
  std::vector<float> obs(200), want(200);
  env.observe(obs);
  env.game().observe(want);
  CHECK(obs == want);
  CHECK(obs[104] == 1.0f);
  std::vector<float> small(199);
  CHECK_THROWS_AS(env.observe(small), vkrl::Error);
}

TEST_CASE("minatar env: pixels stack the last 4 grayscale 84x84 frames, oldest first", "[envs][minatar]") {
  MinAtarEnv env = make({.sticky = 0.0, .pixels = true});
  REQUIRE(env.observation_spec().shape == std::vector<int>{4, 84, 84});
  CHECK_FALSE(env.observation_spec().binary);
  constexpr size_t kFrame = 84 * 84;
  const auto frame = [](const std::vector<float>& obs, size_t f) {
    return std::vector<float>(obs.begin() + ptrdiff_t(f * kFrame), obs.begin() + ptrdiff_t((f + 1) * kFrame));
  };
  env.reset(3);
  std::vector<float> before = env.observation();
  for (size_t f = 0; f < 3; ++f) CHECK(frame(before, f) == frame(before, 3));  // reset fills the stack
  env.step(kRight);
  const std::vector<float> after = env.observation();
  for (size_t f = 0; f < 3; ++f) CHECK(frame(after, f) == frame(before, f + 1));
  CHECK(frame(after, 3) != frame(before, 3));

  // The newest frame: cell (x, y) covers pixels [8.4 x, 8.4 (x + 1)), coloured by the luma of its palette colour.
  const std::vector<Rgb> colors = palette(2);
  const auto luma = [](Rgb c) { return (0.299f * c.r + 0.587f * c.g + 0.114f * c.b) / 255.0f; };
  std::vector<float> channels(200);
  env.game().observe(channels);
  const std::vector<float> newest = frame(after, 3);
  for (int py = 0; py < 84; ++py)
    for (int px = 0; px < 84; ++px) {
      const int cell = (py * 10 / 84) * 10 + px * 10 / 84;
      const int index = channels[size_t(100 + cell)] != 0 ? 2 : channels[size_t(cell)] != 0 ? 1 : 0;
      REQUIRE(newest[size_t(py * 84 + px)] == Approx(luma(colors[size_t(index)])));
    }
  CHECK(newest[3 * 84 + 30] == Approx(luma(colors[2])));  // the action cell of "right" (x 3, y 0)
  CHECK(newest[83 * 84 + 83] == 0.0f);
}

TEST_CASE("minatar env: the palette is MinAtar's cubehelix colours after black", "[envs][minatar]") {
  // seaborn's color_palette("cubehelix", C) as matplotlib turns it into bytes.
  CHECK(palette(4) == std::vector<Rgb>{{0, 0, 0}, {21, 60, 77}, {83, 121, 46}, {207, 126, 146}, {193, 202, 243}});
  CHECK(palette(6)[1] == Rgb{26, 35, 65});
  CHECK(palette(7)[4] == Rgb{161, 121, 74});
  CHECK(palette(10)[10] == Rgb{213, 240, 238});
}

TEST_CASE("minatar env: render draws 32-pixel cells in the channel colours", "[envs][minatar]") {
  MinAtarEnv env = make({.sticky = 0.0});
  env.reset(9);
  env.step(kUp);
  Frame frame;
  env.render(frame);
  REQUIRE(frame.width() == 320);
  REQUIRE(frame.height() == 320);
  const std::vector<Rgb> colors = palette(2);
  CHECK(frame.at(2 * 32 + 5, 5) == colors[2]);    // the action cell (x 2, y 0)
  CHECK(frame.at(2 * 32 + 31, 31) == colors[2]);
  std::vector<float> channels(200);
  env.game().observe(channels);
  for (int cell = 0; cell < 100; ++cell)
    if (channels[size_t(cell)] != 0 && channels[size_t(100 + cell)] == 0)
      CHECK(frame.at(cell % 10 * 32 + 16, cell / 10 * 32 + 16) == colors[1]);
  CHECK(env.to_string().find("test/fake,sticky=0") == 0);
}

TEST_CASE("minatar env: options from the registry syntax, and the name shows those that differ", "[envs][minatar]") {
  const MinAtarOptions o =
      read_options(EnvOptions::parse("minatar/x", "sticky=0,ramping=false,minimal_actions=true,pixels=true"));
  CHECK(o.sticky == 0.0);
  CHECK_FALSE(o.ramping);
  CHECK(o.minimal_actions);
  CHECK(o.pixels);
  CHECK(make(read_options(EnvOptions::parse("test/fake", ""))).name() == "test/fake");
  CHECK(make(o).name() == "test/fake,sticky=0,ramping=false,minimal_actions=true,pixels=true");
  CHECK_THROWS_WITH(
      read_options(EnvOptions::parse("minatar/x", "sticky=0,frameskip=4")),
      Catch::Matchers::Equals(
          "environment 'minatar/x': unknown option 'frameskip'; valid: sticky, ramping, minimal_actions, pixels"));
  CHECK_THROWS_WITH(make({.sticky = 1.5}), Catch::Contains("sticky must be in [0, 1]"));
}

TEST_CASE("minatar env: a clone continues identically, generator and last action included", "[envs][minatar]") {
  MinAtarEnv env = make({.sticky = 0.5, .pixels = true});
  env.reset(21);
  env.step(3);
  env.step(1);
  const auto copy = env.clone();
  for (int a : {5, 2, 4}) {
    const StepResult r1 = env.step(a), r2 = copy->step(a);
    CHECK(r1.reward == r2.reward);
    CHECK(r1.terminated == r2.terminated);
    CHECK(env.observation() == copy->observation());
  }
  CHECK(fake(env).played == fake(dynamic_cast<const MinAtarEnv&>(*copy)).played);
  CHECK(env.to_string() == copy->to_string());
}
