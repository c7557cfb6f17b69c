// The L2RPN 2020 score of an agent on a power grid (envs/powergrid/l2rpn_score.h), as Grid2Op's ScoreL2RPN2020
// computes it: the agent, DoNothing and RecoPowerline with overflow protections off each play the same seeded
// episodes (episode_seed.h), and each episode's cost maps to a score between -100 and 100, DoNothing at 0.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "agents/evaluation.h"

namespace vkrl::apps {

struct GridEpisodeCost {
  int steps = 0;  // steps played, the one that ended the game included
  bool game_over = false;
  double cost = 0;   // operational cost plus the unserved load's after a game over
  double worst = 0;  // the whole horizon's load unserved
};

// Collects the episode costs of a powergrid/ env as an evaluate() StepObserver.
class GridCostRecorder {
public:
  explicit GridCostRecorder(int max_steps) : max_steps_(max_steps) {}
  StepObserver observer();
  const std::vector<GridEpisodeCost>& episodes() const { return episodes_; }

private:
  int max_steps_;
  std::vector<GridEpisodeCost> episodes_;
};

struct GridEpisodeScore {
  GridEpisodeCost agent, do_nothing, reco_powerline;
  double score = 0;
};

struct GridScore {
  std::vector<GridEpisodeScore> episodes;
  double mean_score() const;
};

// Plays DoNothing and RecoPowerline (protections off) on `env_name` for the episodes the agent played in
// `agent_costs` (same seed, same max_steps), and scores each. Throws vkrl::Error when env_name is not a power grid.
GridScore score_grid_agent(const std::string& env_name, const std::vector<GridEpisodeCost>& agent_costs, uint64_t seed,
                           int max_steps);

}  // namespace vkrl::apps
