// UCT search on envs whose best move is known: a one-step bandit (single player), Nim (two players, the mover's
// reward), and a Go position where one capture decides the game.
#include "vkrl/agents/mcts/mcts.h"

#include <catch2/catch.hpp>

#include "support/vulkan_fixture.h"
#include "vkrl/agents/mcts/go_playout_evaluator.h"
#include "vkrl/envs/frame.h"
#include "vkrl/envs/go/go_env.h"

using namespace vkrl::agents::mcts;
using vkrl::envs::Env;
using vkrl::envs::StepResult;

namespace {

// Takes 1 or 2 (actions 0 and 1) from a pile; who takes the last counts +1. Piles that are multiples of 3 lose.
class Nim final : public Env {
public:
  explicit Nim(int pile) : start_(pile), pile_(pile) {}
  std::string name() const override { return "test/nim"; }
  vkrl::envs::ObservationSpec observation_spec() const override { return {{1}}; }
  int action_count() const override { return 2; }
  void reset(uint64_t) override { pile_ = start_, player_ = 0; }
  StepResult step(int action) override {
    pile_ -= action + 1;
    player_ = 1 - player_;
    StepResult r;
    r.terminated = pile_ <= 0;
    r.reward = r.terminated ? 1.0f : 0.0f;
    return r;
  }
  std::vector<int> legal_actions() const override {
    if (pile_ <= 0) return {};
    return pile_ == 1 ? std::vector<int>{0} : std::vector<int>{0, 1};
  }
  int player_count() const override { return 2; }
  int current_player() const override { return player_; }
  void observe(std::span<float> out) const override { out[0] = float(pile_); }
  void render(vkrl::envs::Frame& frame) const override { frame.resize(1, 1); }
  std::unique_ptr<Env> clone() const override { return std::make_unique<Nim>(*this); }
  std::string to_string() const override { return std::to_string(pile_); }

private:
  int start_, pile_, player_ = 0;
};

// One step: action 3 of 5 pays 1, the others 0.
class Bandit final : public Env {
public:
  std::string name() const override { return "test/bandit"; }
  vkrl::envs::ObservationSpec observation_spec() const override { return {{1}}; }
  int action_count() const override { return 5; }
  void reset(uint64_t) override { done_ = false; }
  StepResult step(int action) override {
    done_ = true;
    StepResult r;
    r.terminated = true;
    r.reward = action == 3 ? 1.0f : 0.0f;
    return r;
  }
  std::vector<int> legal_actions() const override { return done_ ? std::vector<int>{} : Env::legal_actions(); }
  void observe(std::span<float> out) const override { out[0] = 0; }
  void render(vkrl::envs::Frame& frame) const override { frame.resize(1, 1); }
  std::unique_ptr<Env> clone() const override { return std::make_unique<Bandit>(*this); }
  std::string to_string() const override { return done_ ? "done" : "ready"; }

private:
  bool done_ = false;
};

// A uniform prior whose one favoured move carries virtual experience of `visits` wins, the others as many losses.
class FavouringEvaluator final : public Evaluator {
public:
  FavouringEvaluator(int favoured, double visits) : favoured_(favoured), visits_(visits) {}
  std::vector<double> evaluate(const Env& env, std::mt19937_64& rng, MoveTrace* trace) override {
    return rollouts_.evaluate(env, rng, trace);
  }
  std::vector<ActionPrior> prior(const Env& env) override {
    std::vector<ActionPrior> p = rollouts_.prior(env);
    for (ActionPrior& a : p) {
      a.visits = visits_;
      a.value = a.action == favoured_ ? 1.0 : -1.0;
    }
    return p;
  }

private:
  RandomRolloutEvaluator rollouts_;
  int favoured_;
  double visits_;
};

// Black to play on 5x5, komi 7.5: both columns of four are in atari. Black taking white's at row 4, col 1 owns the
// board; any other move lets white take black's at row 4, col 0 and win on the 10 points of the left side.
vkrl::envs::go::GoGame deciding_capture() {
  using vkrl::envs::go::Stone;
  vkrl::envs::go::GoGame game({5, 7.5, 0});
  const char* rows[] = {"X O X . .",  //
                        "X O X . .",  //
                        "X O X . .",  //
                        "X O X . .",  //
                        ". . . . ."};
  for (int r = 0; r < 5; ++r)
    for (int c = 0; c < 5; ++c) {
      const char ch = rows[r][2 * c];
      if (ch != '.') game.add_setup_stone(r * 5 + c, ch == 'X' ? Stone::Black : Stone::White);
    }
  return game;
}

}  // namespace

TEST_CASE("mcts: a single-player bandit, the paying arm", "[agents][mcts]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  RandomRolloutEvaluator evaluator;
  MctsSearch search(evaluator, {2.0, 200, 0, 100, seed});
  CHECK(search.choose_action(Bandit()) == 3);
  CHECK(search.simulations() == 200);
  int visits = 0;
  for (const SearchNode& c : search.root().children) visits += c.explore_count;
  CHECK(visits == 200);
}

TEST_CASE("mcts: virtual experience steers the first simulations but counts no visits", "[agents][mcts]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  // 100 virtual wins for arm 1 (which pays 0) keep its mean above the paying arm's for 30 greedy simulations...
  FavouringEvaluator favour_one(1, 100);
  MctsSearch early(favour_one, {0.0, 30, 0, 100, seed});
  CHECK(early.choose_action(Bandit()) == 1);
  int visits = 0;
  for (const SearchNode& c : early.root().children) visits += c.explore_count;
  CHECK(visits == 30);
  // ...but real returns outweigh them in the end, and virtual losses only delay the paying arm.
  MctsSearch late(favour_one, {2.0, 3000, 0, 100, seed});
  CHECK(late.choose_action(Bandit()) == 3);
  FavouringEvaluator favour_three(3, 100);
  MctsSearch steered(favour_three, {0.0, 30, 0, 100, seed});
  CHECK(steered.choose_action(Bandit()) == 3);
}

TEST_CASE("mcts: Nim, leaving the opponent a multiple of three", "[agents][mcts]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  RandomRolloutEvaluator evaluator(4);
  for (const auto& [pile, best] : {std::pair{4, 0}, std::pair{5, 1}, std::pair{7, 0}, std::pair{8, 1}}) {
    INFO("pile " << pile);
    MctsSearch search(evaluator, {2.0, 3000, 0, 100, seed});
    CHECK(search.choose_action(Nim(pile)) == best);
  }
}

TEST_CASE("mcts: on Go, the capture that decides the game", "[agents][mcts]") {
  using namespace vkrl::envs::go;
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const GoGame game = deciding_capture();
  GoPlayoutEvaluator evaluator;
  MctsSearch search(evaluator, {2.0, 1000, 0, 100, seed});
  CHECK(search.choose_action(GoEnv("go/5x5", game)) == 4 * 5 + 1);
}

TEST_CASE("mcts: with RAVE, the deciding Go capture from 300 simulations, and AMAF counts gathered", "[agents][mcts]") {
  using namespace vkrl::envs::go;
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const GoGame game = deciding_capture();
  GoPlayoutEvaluator evaluator;
  MctsOptions options;
  options.max_simulations = 300;
  options.rave_equivalence = 1000;
  options.uct_c = 0.2;
  options.seed = seed;
  MctsSearch search(evaluator, options);
  CHECK(search.choose_action(GoEnv("go/5x5", game)) == 4 * 5 + 1);
  // AMAF statistics were gathered: siblings never visited still carry them.
  int amaf = 0;
  for (const SearchNode& c : search.root().children) amaf += c.amaf_count;
  CHECK(amaf > 300);
}

TEST_CASE("mcts: root parallelism splits the budget and repeats for a seed", "[agents][mcts]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  RandomRolloutEvaluator evaluator(4);
  MctsOptions options;
  options.max_simulations = 3001;
  options.threads = 2;
  options.seed = seed;
  MctsSearch a(evaluator, options), b(evaluator, options);
  CHECK(a.choose_action(Nim(7)) == 0);
  CHECK(a.simulations() == 3001);
  CHECK(b.choose_action(Nim(7)) == 0);
  const auto ma = a.root_moves(), mb = b.root_moves();
  REQUIRE(ma.size() == mb.size());
  int visits = 0;
  for (size_t i = 0; i < ma.size(); ++i) {
    CHECK(ma[i].action == mb[i].action);
    CHECK(ma[i].visits == mb[i].visits);
    visits += ma[i].visits;
  }
  CHECK(visits == 3001);
}

TEST_CASE("mcts: the tree is kept across advance() and dropped without it", "[agents][mcts]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  RandomRolloutEvaluator evaluator(4);
  MctsOptions options;
  options.max_simulations = 2000;
  options.seed = seed;
  MctsSearch search(evaluator, options);
  Nim game(8);
  const int mine = search.choose_action(game);
  CHECK(mine == 1);  // leave 6
  game.step(mine);
  search.advance(mine);
  game.step(0);  // the opponent leaves 5
  search.advance(0);
  const int kept_visits = search.root().explore_count;
  CHECK(kept_visits > 0);
  CHECK(search.choose_action(game) == 1);  // leave 3
  CHECK(search.root().explore_count == kept_visits + 2000);
  // A move the tree never expanded: the next search starts from nothing.
  search.advance(5);
  search.choose_action(game);
  CHECK(search.root().explore_count == 2000);
}
