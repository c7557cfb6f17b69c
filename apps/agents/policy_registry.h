// The agents the commands know by name (--agent NAME), and trained agents by their run folder (--agent runs/NAME). Adding one is one line in policy_registry.cpp's list: a name, a
// description for --help and the error messages, and a function that builds the Policy for an env (which may throw
// vkrl::Error when the agent cannot play that env, or its checkpoint is missing).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "agents/policy.h"
#include "vkrl/engine/device_request.h"

namespace vkrl::apps {

// What search agents take from the command line (--playouts, --time, --threads), and the run's seed and --device
// (which a trained network runs on).
struct AgentOptions {
  int playouts = 0;    // 0: the agent's default
  double seconds = 0;  // per move; 0: no time limit
  int threads = 0;     // 0: every core
  uint64_t seed = 0;
  engine::DeviceRequest device;
};

struct PolicyEntry {
  std::string name;
  std::string description;
  std::function<std::unique_ptr<Policy>(const envs::Env&, const AgentOptions&)> make;
};

const std::vector<PolicyEntry>& builtin_policies();
// The names, comma-separated, for --help and error messages.
std::string policy_names();
// The agent --agent names, for `env`: a built-in name, or a run folder of a trained agent (runs/<name>, as vkrl train
// writes it). Throws vkrl::Error naming the unknown agent and listing the valid names.
std::unique_ptr<Policy> make_policy(std::string_view name, const envs::Env& env, const AgentOptions& options = {});
// Throws that error now, before an env is opened, when `name` is neither.
void check_policy_name(std::string_view name);

}  // namespace vkrl::apps
