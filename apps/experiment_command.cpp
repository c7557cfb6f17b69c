// vkrl experiment NAME: runs one experiment into runs/<NAME>/ (or --run-name), with its flags changed by --set, or a
// grid of runs over flag values (--grid) ranked by the experiment's key metric; without a NAME (or with --list), the
// list of experiments and their flags.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "experiments/experiment.h"
#include "vkrl/error.h"
#include "vkrl/nearest_name.h"

namespace vkrl::apps {

namespace {

struct ExperimentArgs {
  std::string name, run_name;
  std::vector<std::string> sets, grids;
  bool list = false;
};

const Experiment& find_experiment(const std::string& name) {
  std::vector<std::string> valid;
  for (const auto& e : all_experiments()) {
    if (e.name == name) return e;
    valid.push_back(e.name);
  }
  throw UsageError("experiment: " + unknown_name_message("experiment", name, valid));
}

void print_list() {
  fmt::print("Experiments (vkrl experiment NAME [--set FLAG=VALUE] [--grid FLAG=V1,V2,...]):\n");
  for (const auto& e : all_experiments()) {
    fmt::print("  {:<18} {}{}\n", e.name, e.description, e.reference.empty() ? "" : "  [" + e.reference + "]");
    for (const auto& f : e.flags) fmt::print("  {:<18}   {}={:<8} {}\n", "", f.name, f.default_value, f.help);
  }
}

// "NAME=VALUE" split at the first '=', the name checked against the experiment's flags.
std::pair<std::string, std::string> parse_assignment(const Experiment& e, const std::string& text, const char* option) {
  const size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw UsageError(fmt::format("experiment: {} '{}' is not FLAG=VALUE", option, text));
  const std::string name = text.substr(0, eq);
  std::vector<std::string> valid;
  for (const auto& f : e.flags) valid.push_back(f.name);
  if (std::find(valid.begin(), valid.end(), name) == valid.end())
    throw UsageError(fmt::format("experiment: {}: {}", e.name,
                                 valid.empty() ? "this experiment takes no flags, got '" + name + "'"
                                               : unknown_name_message("flag", name, valid)));
  return {name, text.substr(eq + 1)};
}

// Runs one configuration and returns its results.json contents.
nlohmann::json run_one(const CommonOptions& common, const Experiment& e, const ExperimentOptions& options,
                       const std::string& run_name) {
  RunDir run(common.run_dir, run_name);
  nlohmann::json flags = {{"experiment", e.name}, {"seed", options.seed}, {"device", options.device}};
  for (const auto& [k, v] : options.flags) flags[k] = v;
  run.write_flags(flags);
  fmt::print("{}: {} -> {}\n", e.name, e.description, run.path().string());
  const auto start = std::chrono::steady_clock::now();
  e.run(options, run);
  fmt::print("{}: done in {:.1f} s; results in {}\n", e.name,
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), run.path().string());
  const auto records = read_runs(common.run_dir);
  for (const auto& r : records)
    if (r.name == run_name) return r.results;
  return nlohmann::json::object();
}

int run_grid(const CommonOptions& common, const Experiment& e, ExperimentOptions base, const ExperimentArgs& args) {
  // Every combination of the grid's values, the first --grid varying slowest.
  std::vector<std::pair<std::string, std::vector<std::string>>> axes;
  for (const auto& g : args.grids) {
    auto [name, values] = parse_assignment(e, g, "--grid");
    std::vector<std::string> list;
    for (size_t start = 0; start <= values.size();) {
      const size_t comma = std::min(values.find(',', start), values.size());
      if (comma == start) throw UsageError("experiment: --grid '" + g + "' has an empty value");
      list.push_back(values.substr(start, comma - start));
      start = comma + 1;
    }
    axes.emplace_back(name, list);
  }
  struct Outcome {
    std::string run_name, setting;
    double metric;
    bool has_metric;
  };
  std::vector<Outcome> outcomes;
  std::vector<size_t> index(axes.size(), 0);
  for (bool more = true; more;) {
    ExperimentOptions options = base;
    std::string run_name = args.run_name.empty() ? e.name : args.run_name, setting;
    for (size_t a = 0; a < axes.size(); ++a) {
      const std::string& value = axes[a].second[index[a]];
      options.flags[axes[a].first] = value;
      run_name += "-" + axes[a].first + value;
      setting += (a ? " " : "") + axes[a].first + "=" + value;
    }
    fmt::print("\n=== grid run {}: {} ===\n", outcomes.size() + 1, setting);
    const nlohmann::json results = run_one(common, e, options, run_name);
    const bool has = results.contains(e.key_metric) && results[e.key_metric].is_number();
    outcomes.push_back({run_name, setting, has ? results[e.key_metric].get<double>() : 0.0, has});
    more = false;
    for (size_t a = axes.size(); a-- > 0;) {
      if (++index[a] < axes[a].second.size()) {
        more = true;
        break;
      }
      index[a] = 0;
    }
  }
  std::stable_sort(outcomes.begin(), outcomes.end(), [&](const Outcome& x, const Outcome& y) {
    if (x.has_metric != y.has_metric) return x.has_metric;
    return e.higher_is_better ? x.metric > y.metric : x.metric < y.metric;
  });
  fmt::print("\nGrid of {} runs ranked by {} ({} is better):\n", outcomes.size(), e.key_metric,
             e.higher_is_better ? "higher" : "lower");
  fmt::print("{:>4}  {:<40} {:<32} {:>12}\n", "rank", "run", "flags", e.key_metric);
  for (size_t i = 0; i < outcomes.size(); ++i)
    fmt::print("{:>4}  {:<40} {:<32} {:>12}\n", i + 1, outcomes[i].run_name, outcomes[i].setting,
               outcomes[i].has_metric ? fmt::format("{:.4f}", outcomes[i].metric) : "-");
  return 0;
}

int run_experiment(const CommonOptions& common, const ExperimentArgs& args) {
  if (args.list || args.name.empty()) {
    print_list();
    return 0;
  }
  const Experiment& e = find_experiment(args.name);
  ExperimentOptions options{.seed = common.seed, .device = common.device, .flags = {}};
  for (const auto& f : e.flags) options.flags[f.name] = f.default_value;
  for (const auto& s : args.sets) {
    const auto [name, value] = parse_assignment(e, s, "--set");
    options.flags[name] = value;
  }
  if (!args.grids.empty()) {
    if (e.key_metric.empty()) throw UsageError("experiment: " + e.name + " has no key metric to rank a grid by");
    return run_grid(common, e, options, args);
  }
  run_one(common, e, options, args.run_name.empty() ? e.name : args.run_name);
  return 0;
}

}  // namespace

void add_experiment_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  static ExperimentArgs args;  // CLI11 binds to storage that outlives parsing
  CLI::App& command = add_command(app, "experiment", "Reproduce a published experiment into a run directory", options,
                                  exit_code, [&options] { return run_experiment(options, args); });
  command.add_option("experiment", args.name, "Experiment to run; without it, the list of experiments");
  command.add_flag("--list", args.list, "List the experiments with their flags and exit");
  command.add_option("--run-name", args.run_name, "Run folder under --run-dir (default: the experiment name)");
  command.add_option("--set", args.sets, "Change a flag: --set dropout=0.3 (repeatable)");
  command.add_option("--grid", args.grids,
                     "Sweep a flag: --grid dropout=0.2,0.3 --grid batch=64,128 runs every combination and ranks them");
}

}  // namespace vkrl::apps
