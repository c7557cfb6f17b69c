#include "vkrl/agents/dqn/dqn_config.h"

#include <toml++/toml.h>

#include <charconv>
#include <sstream>
#include <variant>

#include "vkrl/error.h"
#include "vkrl/nearest_name.h"

namespace vkrl::agents::dqn {

namespace {

using Field = std::variant<int DqnConfig::*, int64_t DqnConfig::*, double DqnConfig::*, bool DqnConfig::*,
                           std::string DqnConfig::*>;

struct Key {
  const char* name;
  Field field;
};

// Every settable key; `preset` is handled apart because it replaces the whole config.
const std::vector<Key>& keys() {
  static const std::vector<Key> all = {
      {"frames", &DqnConfig::frames},
      {"batch_size", &DqnConfig::batch_size},
      {"replay_capacity", &DqnConfig::replay_capacity},
      {"replay_start", &DqnConfig::replay_start},
      {"update_every", &DqnConfig::update_every},
      {"target_update_every", &DqnConfig::target_update_every},
      {"target_tau", &DqnConfig::target_tau},
      {"gamma", &DqnConfig::gamma},
      {"epsilon_start", &DqnConfig::epsilon_start},
      {"epsilon_end", &DqnConfig::epsilon_end},
      {"epsilon_frames", &DqnConfig::epsilon_frames},
      {"optimizer", &DqnConfig::optimizer},
      {"learning_rate", &DqnConfig::learning_rate},
      {"optimizer_rho", &DqnConfig::optimizer_rho},
      {"optimizer_epsilon", &DqnConfig::optimizer_epsilon},
      {"loss", &DqnConfig::loss},
      {"huber_delta", &DqnConfig::huber_delta},
      {"grad_clip_norm", &DqnConfig::grad_clip_norm},
      {"double_dqn", &DqnConfig::double_dqn},
      {"dueling", &DqnConfig::dueling},
      {"prioritized", &DqnConfig::prioritized},
      {"priority_alpha", &DqnConfig::priority_alpha},
      {"priority_beta_start", &DqnConfig::priority_beta_start},
      {"priority_beta_end", &DqnConfig::priority_beta_end},
      {"n_step", &DqnConfig::n_step},
      {"hidden_units", &DqnConfig::hidden_units},
      {"conv_filters", &DqnConfig::conv_filters},
      {"num_envs", &DqnConfig::num_envs},
      {"checkpoint_every", &DqnConfig::checkpoint_every},
      {"eval_every", &DqnConfig::eval_every},
      {"eval_episodes", &DqnConfig::eval_episodes},
      {"eval_epsilon", &DqnConfig::eval_epsilon},
  };
  return all;
}

const Key& find_key(const std::string& name, const std::string& source) {
  for (const auto& k : keys())
    if (name == k.name) return k;
  throw Error(source + ": " + unknown_name_message("config key", name, dqn_config_keys()));
}

template <class T>
T parse_number(const std::string& text, const std::string& key, const std::string& source) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size())
    throw Error(source + ": " + key + " = '" + text + "' is not " +
                (std::is_integral_v<T> ? "an integer" : "a number"));
  return value;
}

// Ranges that every config must respect; checked after every change so an error names the key that broke it.
void check(const DqnConfig& c, const std::string& key, const std::string& source) {
  auto fail = [&](const std::string& why) { throw Error(source + ": " + key + ": " + why); };
  if (c.frames < 1 || c.batch_size < 1 || c.replay_capacity < 1 || c.update_every < 1 || c.target_update_every < 1 ||
      c.n_step < 1 || c.hidden_units < 1 || c.conv_filters < 1 || c.num_envs < 1 || c.checkpoint_every < 1 ||
      c.eval_episodes < 1)
    fail("must be at least 1");
  if (c.replay_start < 0 || c.epsilon_frames < 0 || c.eval_every < 0) fail("must not be negative");
  if (c.replay_start > c.replay_capacity) fail("replay_start exceeds replay_capacity");
  if (!(c.gamma >= 0 && c.gamma <= 1)) fail("gamma must be in [0, 1]");
  if (!(c.target_tau > 0 && c.target_tau <= 1)) fail("target_tau must be in (0, 1]");
  for (double e : {c.epsilon_start, c.epsilon_end, c.eval_epsilon})
    if (!(e >= 0 && e <= 1)) fail("epsilons must be in [0, 1]");
  if (!(c.learning_rate > 0)) fail("learning_rate must be positive");
  if (c.loss != "huber" && c.loss != "mse") fail("loss must be huber or mse, got '" + c.loss + "'");
  if (!(c.huber_delta > 0)) fail("huber_delta must be positive");
  if (c.grad_clip_norm < 0) fail("grad_clip_norm must not be negative");
}

// The shortest text that reads back as the same number.
template <class T>
std::string shortest(T value) {
  char buffer[32];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

}  // namespace

std::vector<std::string> dqn_preset_names() { return {"minatar", "rainbow-lite"}; }

DqnConfig dqn_preset(const std::string& name) {
  DqnConfig config;
  if (name == "minatar") return config;
  if (name == "rainbow-lite") {
    config.preset = name;
    config.double_dqn = config.dueling = config.prioritized = true;
    config.n_step = 3;
    return config;
  }
  throw Error(unknown_name_message("preset", name, dqn_preset_names()));
}

std::vector<std::string> dqn_config_keys() {
  std::vector<std::string> names = {"preset"};
  for (const auto& k : keys()) names.push_back(k.name);
  return names;
}

void set_dqn_option(DqnConfig& config, const std::string& key, const std::string& value, const std::string& source) {
  if (key == "preset") {
    config = dqn_preset(value);
    return;
  }
  const Key& k = find_key(key, source);
  DqnConfig changed = config;  // committed only once the whole config passes its checks
  std::visit(
      [&](auto member) {
        using T = std::remove_cvref_t<decltype(changed.*member)>;
        if constexpr (std::is_same_v<T, std::string>) {
          changed.*member = value;
        } else if constexpr (std::is_same_v<T, bool>) {
          if (value != "true" && value != "false")
            throw Error(source + ": " + key + " = '" + value + "' is not true or false");
          changed.*member = value == "true";
        } else {
          changed.*member = parse_number<T>(value, key, source);
        }
      },
      k.field);
  check(changed, key, source);
  config = changed;
}

DqnConfig load_dqn_config(const std::string& path, DqnConfig base) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw Error(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
  auto where = [&](const toml::node& node) { return path + ":" + std::to_string(node.source().begin.line); };
  if (const toml::node* preset = table.get("preset")) {
    if (!preset->is_string()) throw Error(where(*preset) + ": preset must be a string");
    base = dqn_preset(preset->as_string()->get());
  }
  for (const auto& [name, node] : table) {
    const std::string key(name.str());
    if (key == "preset") continue;
    std::string text;
    if (node.is_string())
      text = node.as_string()->get();
    else if (node.is_integer())
      text = std::to_string(node.as_integer()->get());
    else if (node.is_floating_point())
      text = shortest(node.as_floating_point()->get());
    else if (node.is_boolean())
      text = node.as_boolean()->get() ? "true" : "false";
    else
      throw Error(where(node) + ": " + key + " must be a string, number or boolean");
    set_dqn_option(base, key, text, where(node));
  }
  return base;
}

std::string dqn_config_toml(const DqnConfig& config) {
  std::ostringstream out;
  out << "preset = \"" << config.preset << "\"\n";
  for (const auto& k : keys()) {
    out << k.name << " = ";
    std::visit(
        [&](auto member) {
          using T = std::remove_cvref_t<decltype(config.*member)>;
          if constexpr (std::is_same_v<T, std::string>)
            out << '"' << config.*member << '"';
          else if constexpr (std::is_same_v<T, bool>)
            out << (config.*member ? "true" : "false");
          else
            out << shortest(config.*member);
        },
        k.field);
    out << "\n";
  }
  return out.str();
}

}  // namespace vkrl::agents::dqn
