// The options that name what watch, play and eval run: --env (a registry name, or the path of a gridworld map file)
// and --agent (a name from the agent lookup), both required, their --help listing the valid names.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "agents/policy_registry.h"
#include "common_options.h"
#include "vkrl/envs/env.h"

namespace vkrl::apps {

void add_env_option(CLI::App& command, std::string& env);
void add_agent_option(CLI::App& command, std::string& agent);
// --playouts, --time and --threads, for the search agents.
void add_search_options(CLI::App& command, AgentOptions& options);
// The search options with the command's --seed and --device.
AgentOptions with_common_options(AgentOptions search, const CommonOptions& common);

// The env --env names: a registered one, or else a gridworld map file (see grid_map.h for the format). Throws
// vkrl::Error listing the valid names when it is neither, and naming file, line and column for a bad map.
std::unique_ptr<envs::Env> open_env(const std::string& name);

}  // namespace vkrl::apps
