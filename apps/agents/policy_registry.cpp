#include "agents/policy_registry.h"

#include "agents/dqn_policy.h"
#include "agents/grid_policies.h"
#include "agents/mcts_policy.h"
#include "agents/random_policy.h"
#include "agents/tabular_policies.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

// An agent that takes no command-line settings.
template <typename Make>
auto without_options(Make make) {
  return [make](const envs::Env& env, const AgentOptions&) -> std::unique_ptr<Policy> { return make(env); };
}

}  // namespace

const std::vector<PolicyEntry>& builtin_policies() {
  static const std::vector<PolicyEntry> entries = {
      {"random", "uniform over the legal actions",
       without_options([](const envs::Env&) { return std::make_unique<RandomPolicy>(); })},
      {"value-iteration", "greedy on the optimal values of the env's exact dynamics",
       without_options(make_value_iteration_policy)},
      {"sarsa", "Sarsa trained on the spot (500 episodes), then greedy",
       without_options([](const envs::Env& env) { return make_td_policy(env, agents::TdTarget::Sarsa); })},
      {"q-learning", "Q-learning trained on the spot (500 episodes), then greedy",
       without_options([](const envs::Env& env) { return make_td_policy(env, agents::TdTarget::QLearning); })},
      {"mcts", "Monte Carlo tree search planning with clones of the env (--playouts, --time, --threads)",
       make_mcts_policy},
      {"do-nothing", "power grids: always do nothing", without_options(make_do_nothing_policy)},
      {"reco-powerline", "power grids: reconnect a line as soon as its cooldown allows",
       without_options(make_reco_powerline_policy)},
      {"expert", "power grids: above rho 0.95, the action whose simulated next step has the lowest highest rho",
       without_options(make_grid_expert_policy)},
  };
  return entries;
}

std::string policy_names() {
  std::string names;
  for (const PolicyEntry& e : builtin_policies()) names += (names.empty() ? "" : ", ") + e.name;
  return names;
}

void check_policy_name(std::string_view name) {
  for (const PolicyEntry& e : builtin_policies())
    if (e.name == name) return;
  if (DqnPolicy::is_checkpoint(name)) return;
  throw Error("unknown agent '" + std::string(name) + "'; valid: " + policy_names() +
              ", or a run folder of a trained agent (runs/NAME)");
}

std::unique_ptr<Policy> make_policy(std::string_view name, const envs::Env& env, const AgentOptions& options) {
  check_policy_name(name);
  for (const PolicyEntry& e : builtin_policies())
    if (e.name == name) return e.make(env, options);
  return std::make_unique<DqnPolicy>(std::filesystem::path(name), env, options.device);
}

}  // namespace vkrl::apps
