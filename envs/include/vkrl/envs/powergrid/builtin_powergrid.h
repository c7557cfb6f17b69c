// The power grids registered by name: powergrid/case14 (Grid2Op's l2rpn_case14_sandbox, a PowerGridEnv), with options
// solver=ac|dc and seed=N, e.g. "powergrid/case14,solver=dc,seed=3".
#pragma once

#include "vkrl/envs/registry.h"

namespace vkrl::envs {

void add_powergrid_envs(EnvRegistry& registry);

}  // namespace vkrl::envs
