// The window's pure parts on a test env: the composed view and its panel, the session's counting, the play key map,
// and the agent lookup with evaluation.
#include <catch2/catch.hpp>

#include <set>

#include "agents/evaluation.h"
#include "agents/policy_registry.h"
#include "corridor_env.h"
#include "vkrl/envs/registry.h"
#include "window/action_keys.h"
#include "window/panel.h"
#include "window/session.h"

using vkrl::apps::Key;
using vkrl::envs::Frame;
using vkrl::envs::Rgb;
using vkrl::test::CorridorEnv;

TEST_CASE("window: the view is the env scaled up beside the panel, the same size every step", "[apps][window]") {
  CorridorEnv env;
  vkrl::apps::Session session(env, "random", 1, {"q quit"});
  session.reset();
  const Frame first = session.view();
  const int scale = vkrl::apps::view_scale(40, 8);
  CHECK(scale == 16);  // 800 / 40 = 20, capped
  CHECK(first.width() == 40 * scale + 264);
  CHECK(first.height() >= 8 * scale);
  // The env's top-left background pixel, scaled, with the env centred vertically beside the taller panel.
  const int top = (first.height() - 8 * scale) / 2;
  CHECK(first.at(scale - 1, top + scale - 1) == Rgb{240, 240, 240});
  CHECK(first.at(scale - 1, top - 1) != Rgb{240, 240, 240});
  session.step(1, {0.5f, 1.5f});
  const Frame second = session.view();
  CHECK(second.width() == first.width());
  CHECK(second.height() == first.height());
  CHECK(session.panel().step == 1);
  CHECK(session.panel().last_action == "right");
  CHECK(session.panel().chosen == 1);
  int differing = 0;
  for (int y = 0; y < first.height(); ++y)
    for (int x = 0; x < first.width(); ++x) differing += first.at(x, y) == second.at(x, y) ? 0 : 1;
  CHECK(differing > 0);
}

TEST_CASE("window: the session counts episodes and steps and seeds each episode differently", "[apps][window]") {
  CorridorEnv env;
  vkrl::apps::Session session(env, "you", 3, {});
  std::set<int> starts;
  for (int episode = 1; episode <= 6; ++episode) {
    session.reset();
    CHECK(session.panel().episode == episode);
    starts.insert(env.position());
    while (!session.episode_over()) session.step(1, {});
    CHECK(session.panel().episode_return > 0);
  }
  CHECK(session.episodes_finished() == 6);
  CHECK(starts.size() > 1);
  CHECK(session.screenshot_name() == "test-corridor-e6-s" + std::to_string(session.panel().step) + ".png");
}

TEST_CASE("window: play keys follow action names, and numbers choose by index", "[apps][window]") {
  CorridorEnv env;
  const vkrl::apps::ActionKeys keys(env);
  CHECK(keys.action({Key::left}) == 0);
  CHECK(keys.action({Key::right}) == 1);
  CHECK_FALSE(keys.action({Key::up}));
  CHECK(keys.action({Key::digit, 2}) == 1);
  CHECK_FALSE(keys.action({Key::digit, 3}));
  CHECK(keys.help().size() == 3);
}

TEST_CASE("window: MinAtar's arrows move and space fires", "[apps][window]") {
  const auto env = vkrl::envs::make_env("minatar/seaquest");
  const vkrl::apps::ActionKeys keys(*env);
  CHECK(keys.action({Key::space}) == 5);
  CHECK(keys.action({Key::left}) == 1);
  CHECK(keys.action({Key::up}) == 2);
  CHECK(keys.action({Key::right}) == 3);
  CHECK(keys.action({Key::down}) == 4);
  CHECK(keys.action({Key::digit, 1}) == 0);
  const auto minimal = vkrl::envs::make_env("minatar/breakout,minimal_actions=true");
  CHECK(vkrl::apps::ActionKeys(*minimal).action({Key::space}) == 0);  // noop: Breakout has no fire
  CHECK(vkrl::apps::ActionKeys(*minimal).action({Key::right}) == 2);
}

TEST_CASE("agents: random is registered, unknown names list the valid ones", "[apps][agents]") {
  CHECK_NOTHROW(vkrl::apps::check_policy_name("random"));
  CHECK_THROWS_WITH(vkrl::apps::check_policy_name("alphago"),
                    "unknown agent 'alphago'; valid: random, value-iteration, sarsa, q-learning, mcts, do-nothing, "
                    "reco-powerline, expert, or a run folder of a trained agent (runs/NAME)");
}

TEST_CASE("agents: evaluation repeats with the same seed and its statistics add up", "[apps][agents]") {
  CorridorEnv env;
  const auto policy = vkrl::apps::make_policy("random", env);
  const auto a = vkrl::apps::evaluate(env, *policy, 50, 9, 1000);
  const auto b = vkrl::apps::evaluate(env, *policy, 50, 9, 1000);
  REQUIRE(a.episodes.size() == 50);
  CHECK(a.mean_return() == b.mean_return());
  CHECK(a.mean_length() == b.mean_length());
  CHECK(a.standard_error() > 0);
  for (const auto& e : a.episodes) CHECK_FALSE(e.truncated);
  const auto cut = vkrl::apps::evaluate(env, *policy, 5, 9, 1);
  for (const auto& e : cut.episodes) CHECK(e.length == 1);
}

TEST_CASE("agents: tabular agents need an env with finitely many states", "[apps][agents]") {
  CorridorEnv env;  // observations, but no DiscreteStateEnv
  CHECK_THROWS_WITH(vkrl::apps::make_policy("value-iteration", env),
                    Catch::Contains("agent value-iteration needs an env with finitely many states"));
  CHECK_THROWS_WITH(vkrl::apps::make_policy("sarsa", env), Catch::Contains("agent sarsa needs an env"));
}
