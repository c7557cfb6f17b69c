#include "env_agent_options.h"

#include <filesystem>

#include "agents/policy_registry.h"
#include "vkrl/envs/gridworld/gridworld.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"

namespace vkrl::apps {

void add_env_option(CLI::App& command, std::string& env) {
  std::string names;
  for (const auto& e : envs::builtin_envs().entries()) names += (names.empty() ? "" : ", ") + e.name;
  command.add_option("--env", env,
                     "Environment: " + names + ", each optionally with options (minatar/breakout,sticky=0), or a "
                     "gridworld map file")
      ->required();
}

void add_agent_option(CLI::App& command, std::string& agent) {
  command.add_option("--agent", agent, "Agent: " + policy_names())->required();
}

AgentOptions with_common_options(AgentOptions search, const CommonOptions& common) {
  search.seed = common.seed;
  search.device = common.device_request();
  return search;
}

void add_search_options(CLI::App& command, AgentOptions& options) {
  command.add_option("--playouts", options.playouts, "Search agents: simulations per move (mcts: 1000 by default)")
      ->check(CLI::PositiveNumber);
  command.add_option("--time", options.seconds, "Search agents: seconds per move")->check(CLI::PositiveNumber);
  command.add_option("--threads", options.threads, "Search agents: threads (0: every core)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

std::unique_ptr<envs::Env> open_env(const std::string& name) {
  if (envs::builtin_envs().find(name)) return envs::make_env(name);  // options errors name the env, not a file
  if (std::filesystem::is_regular_file(name)) return std::make_unique<envs::Gridworld>(name, envs::load_grid_map(name));
  try {
    return envs::make_env(name);  // not registered: the registry's error lists the valid names
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + ", or a gridworld map file");
  }
}

}  // namespace vkrl::apps
