// GoEnv is Go (GoGame's rules, game.h) as a two-player Env, registered as go/9x9, go/13x13 and go/19x19 with the
// options size=N (5..19, overrides the name's size), komi=K (7.5) and max_moves=M (0: 2 * size^2).
// - Players: 0 is Black, who moves first, 1 is White; current_player() says who moves now.
// - Actions: row * size + col for a point (row 0 at the top), size^2 for a pass; legal_actions() applies the full
//   rules (suicide, simple ko and positional superko refused). Stepping an illegal action throws vkrl::Error.
// - Rewards: 0 during the game; the step that ends it (the second consecutive pass, or the move cap) returns +1 when
//   the player who made that step wins on area score with komi, -1 when it loses, 0 for a tie. The end is `terminated`
//   in both cases, because the move cap is a rule of the game and the score is final.
// - Observation: AlphaGo Zero's planes {2 * kHistory + 1, size, size}: for t = 0 .. kHistory-1 (t = 0 now, then one
//   step back each), plane 2t holds the stones of the player to move and plane 2t+1 the opponent's in the position t
//   steps ago (zeros before the game began); the last plane is all ones when Black is to move.
// - reset(seed) empties the board; the game has no randomness, so the seed does not matter.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "vkrl/envs/env.h"
#include "vkrl/envs/go/game.h"
#include "vkrl/envs/registry.h"

namespace vkrl::envs::go {

class GoEnv final : public Env {
public:
  static constexpr int kHistory = 8;
  static constexpr int kCellPixels = 32;

  // `registry_name` is the name without options ("go/9x9"); name() adds the options that differ from its defaults.
  GoEnv(std::string registry_name, const GoRules& rules);
  // An env in the position of a game in progress (a GTP engine's, for search); its history planes start here.
  // `last_action` is the move that led to it when known (search knowledge answers it), else -1.
  GoEnv(std::string registry_name, const GoGame& game, int last_action = -1);

  std::string name() const override;
  ObservationSpec observation_spec() const override;
  int action_count() const override { return game_.pass_action() + 1; }
  std::string action_name(int action) const override { return game_.action_name(action); }

  void reset(uint64_t seed) override;
  StepResult step(int action) override;
  void observe(std::span<float> out) const override;
  std::vector<int> legal_actions() const override { return game_.legal_actions(); }
  int player_count() const override { return 2; }
  int current_player() const override { return game_.to_play() == Stone::Black ? 0 : 1; }

  void render(Frame& frame) const override;
  std::optional<ActionSpot> action_spot(int action) const override;
  std::unique_ptr<Env> clone() const override { return std::make_unique<GoEnv>(*this); }
  std::string to_string() const override;

  const GoGame& game() const { return game_; }
  int last_action() const { return last_action_; }  // -1 before the first move

private:
  using Snapshot = std::array<Stone, Board::kMaxSize * Board::kMaxSize>;
  Snapshot snapshot() const;

  std::string registry_name_;
  GoRules rules_;
  GoGame game_;
  std::vector<Snapshot> recent_;  // newest first, at most kHistory
  int last_action_ = -1;
};

// go/9x9, go/13x13 and go/19x19.
void add_go_envs(EnvRegistry& registry);

}  // namespace vkrl::envs::go
