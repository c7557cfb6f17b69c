#include "vkrl/envs/powergrid/builtin_powergrid.h"

#include "vkrl/envs/powergrid/power_grid_env.h"

namespace vkrl::envs {

void add_powergrid_envs(EnvRegistry& registry) {
  registry.add({"powergrid/case14", "IEEE 14-bus grid under Grid2Op's rules, 5-minute steps, 28-day episodes",
                [](const EnvOptions& options) {
                  return std::make_unique<powergrid::PowerGridEnv>(
                      "powergrid/case14", powergrid::l2rpn_case14_sandbox(), powergrid::read_power_grid_options(options));
                }});
}

}  // namespace vkrl::envs
