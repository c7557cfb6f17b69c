// Agents for the power-grid env (powergrid/...), after Grid2Op's baselines: do-nothing (action 0 always),
// reco-powerline (reconnects the first line that is out, out of cooldown and out of maintenance, else does nothing)
// and expert (as reco-powerline while every rho is below 0.95; above, it simulates each legal action of the discrete
// set with the env's simulate(), the next step of the scenario serving as a perfect forecast, and takes the one with
// the lowest highest rho).
#pragma once

#include <memory>

#include "agents/policy.h"

namespace vkrl::apps {

// Each throws vkrl::Error when the env is not a power grid.
std::unique_ptr<Policy> make_do_nothing_policy(const envs::Env& env);
std::unique_ptr<Policy> make_reco_powerline_policy(const envs::Env& env);
std::unique_ptr<Policy> make_grid_expert_policy(const envs::Env& env);

}  // namespace vkrl::apps
