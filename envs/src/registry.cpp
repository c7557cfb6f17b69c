#include "vkrl/envs/registry.h"

#include <algorithm>

#include "vkrl/envs/go/go_env.h"
#include "vkrl/envs/gridworld/builtin_gridworlds.h"
#include "vkrl/envs/minatar/builtin_minatar.h"
#include "vkrl/envs/powergrid/builtin_powergrid.h"
#include "vkrl/error.h"

namespace vkrl::envs {

namespace {

std::string_view base_name(std::string_view name_and_options) {
  return name_and_options.substr(0, name_and_options.find(','));
}

}  // namespace

void EnvRegistry::add(EnvEntry entry) {
  const auto at = std::lower_bound(entries_.begin(), entries_.end(), entry.name,
                                   [](const EnvEntry& e, const std::string& n) { return e.name < n; });
  if (at != entries_.end() && at->name == entry.name) throw Error("environment '" + entry.name + "' registered twice");
  entries_.insert(at, std::move(entry));
}

const EnvEntry* EnvRegistry::find(std::string_view name_and_options) const {
  const std::string_view name = base_name(name_and_options);
  for (const auto& e : entries_)
    if (e.name == name) return &e;
  return nullptr;
}

std::unique_ptr<Env> EnvRegistry::make(std::string_view name_and_options) const {
  const std::string_view name = base_name(name_and_options);
  if (const EnvEntry* e = find(name)) {
    const std::string_view options = name.size() < name_and_options.size() ? name_and_options.substr(name.size() + 1)
                                                                           : std::string_view();
    return e->make(EnvOptions::parse(name, options));
  }
  std::string valid;
  for (const auto& e : entries_) valid += (valid.empty() ? "" : ", ") + e.name;
  throw Error("unknown environment '" + std::string(name) + "'; valid: " + (valid.empty() ? "(none)" : valid));
}

const EnvRegistry& builtin_envs() {
  static const EnvRegistry registry = [] {
    EnvRegistry r;
    // Each family of environments adds its entries here.
    add_gridworld_envs(r);
    add_minatar_envs(r);
    go::add_go_envs(r);
    add_powergrid_envs(r);
    return r;
  }();
  return registry;
}

}  // namespace vkrl::envs
