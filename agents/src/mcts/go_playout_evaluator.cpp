#include "vkrl/agents/mcts/go_playout_evaluator.h"

#include <algorithm>

#include "vkrl/envs/go/go_env.h"
#include "vkrl/envs/go/playout.h"
#include "vkrl/error.h"

namespace vkrl::agents::mcts {

namespace {

const envs::go::GoEnv& go_env(const envs::Env& env) {
  const auto* go = dynamic_cast<const envs::go::GoEnv*>(&env);
  if (!go) throw Error("go playout evaluator: " + env.name() + " is not a Go env");
  return *go;
}

const envs::go::GoGame& go_game(const envs::Env& env) { return go_env(env).game(); }

}  // namespace

std::vector<double> GoPlayoutEvaluator::evaluate(const envs::Env& env, std::mt19937_64& rng, MoveTrace* trace) {
  const envs::go::GoEnv& go = go_env(env);
  const envs::go::GoGame& game = go.game();
  envs::go::PlayoutRng playout_rng(rng());
  // Playouts skip superko, so a long move cap (a GTP game's) could let one cycle: 3 * size^2 moves at most.
  const int max_moves = std::min(game.max_moves() - game.move_count(), 3 * game.size() * game.size());
  thread_local std::vector<int> played;  // reused: evaluate runs once per simulation
  double black = 0;
  for (int r = 0; r < rollouts_; ++r) {
    envs::go::Board board = game.board();
    envs::go::PlayoutOptions options;
    options.policy = policy_;
    const int last = go.last_action();
    if (last >= 0 && last != game.pass_action()) options.last_point = game.point_of(last);
    played.clear();
    if (trace && r == 0) options.played = &played;
    const double score = envs::go::random_playout(board, game.to_play(), game.consecutive_passes(), max_moves,
                                                  game.rules().komi, playout_rng, options)
                             .score;
    black += score > 0 ? 1 : score < 0 ? -1 : 0;
  }
  if (trace) {
    int player = game.to_play() == envs::go::Stone::Black ? 0 : 1;
    for (int p : played) {
      trace->emplace_back(player, p == envs::go::Board::kNoPoint ? game.pass_action() : game.action_of(p));
      player = 1 - player;
    }
  }
  black /= rollouts_;
  return {black, -black};  // players 0 (Black) and 1 (White)
}

std::vector<std::pair<int, double>> GoPlayoutEvaluator::prior(const envs::Env& env) {
  const envs::go::GoGame& game = go_game(env);
  std::vector<int> moves;
  for (int a : game.legal_actions())
    if (a == game.pass_action() || !game.board().is_eye(game.point_of(a), game.to_play())) moves.push_back(a);
  std::vector<std::pair<int, double>> p;
  p.reserve(moves.size());
  for (int a : moves) p.emplace_back(a, 1.0 / double(moves.size()));
  return p;
}

}  // namespace vkrl::agents::mcts
