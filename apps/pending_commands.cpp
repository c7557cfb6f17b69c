#include <iostream>

#include "commands.h"

namespace vkrl::apps {

namespace {
struct Pending {
  const char* name;
  const char* description;
  const char* arrives_with;
};

constexpr Pending kPending[] = {
    {"train", "Train an agent (DQN, tabular, MCTS) on an environment", "the agents (DQN: issue 10)"},
};
}  // namespace

void add_pending_commands(CLI::App& app, CommonOptions& options, int& exit_code) {
  for (const auto& p : kPending) {
    const std::string name = p.name, arrives = p.arrives_with;
    add_command(app, name, p.description, options, exit_code, [name, arrives] {
      std::cerr << "vkrl " << name << ": not available yet; it arrives with " << arrives << "\n";
      return 2;
    });
  }
}

}  // namespace vkrl::apps
