#include "agents/grid_score.h"

#include <algorithm>

#include "agents/grid_policies.h"
#include "vkrl/envs/powergrid/l2rpn_score.h"
#include "vkrl/envs/powergrid/power_grid_env.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace pg = envs::powergrid;

StepObserver GridCostRecorder::observer() {
  return [this](int episode, const envs::Env& env) {
    const auto* grid = dynamic_cast<const pg::PowerGridEnv*>(&env);
    if (!grid) throw Error("grid score: " + env.name() + " is not a power grid");
    const int horizon = std::min(max_steps_, grid->max_steps());
    if (static_cast<int>(episodes_.size()) <= episode) {
      episodes_.resize(episode + 1);
      episodes_[episode].worst = pg::unserved_load_cost(grid->model(), grid->scenario(), 1, horizon);
    }
    GridEpisodeCost& e = episodes_[episode];
    ++e.steps;  // the observation stays at the last step survived after a game over: count the steps instead
    e.game_over = grid->game_over();
    e.cost = e.game_over ? pg::l2rpn_episode_cost(grid->model(), grid->scenario(), horizon, e.steps, true,
                                                  grid->episode_cost())
                         : grid->episode_cost();
  };
}

double GridScore::mean_score() const {
  double sum = 0;
  for (const auto& e : episodes) sum += e.score;
  return episodes.empty() ? 0 : sum / double(episodes.size());
}

namespace {

std::vector<GridEpisodeCost> play(const std::string& env_name, std::unique_ptr<Policy> (*make)(const envs::Env&),
                                  int episodes, uint64_t seed, int max_steps) {
  const auto env = envs::make_env(env_name);
  const auto policy = make(*env);
  GridCostRecorder recorder(max_steps);
  evaluate(*env, *policy, episodes, seed, max_steps, recorder.observer());
  return recorder.episodes();
}

}  // namespace

GridScore score_grid_agent(const std::string& env_name, const std::vector<GridEpisodeCost>& agent_costs, uint64_t seed,
                           int max_steps) {
  const int episodes = static_cast<int>(agent_costs.size());
  const auto do_nothing = play(env_name, make_do_nothing_policy, episodes, seed, max_steps);
  const auto reco =
      play(env_name + ",no_overflow_disconnection=true", make_reco_powerline_policy, episodes, seed, max_steps);
  GridScore out;
  for (int i = 0; i < episodes; ++i) {
    GridEpisodeScore e{agent_costs[i], do_nothing[i], reco[i]};
    const pg::ScorePoints points{.best = 0, .reco_powerline = reco[i].cost, .do_nothing = do_nothing[i].cost,
                                 .worst = do_nothing[i].worst};
    e.score = pg::l2rpn_score(e.agent.cost, points);
    out.episodes.push_back(e);
  }
  return out;
}

}  // namespace vkrl::apps
