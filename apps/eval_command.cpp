// vkrl eval: plays N episodes of an agent on an env and prints the mean return with its standard error, the mean
// episode length and the speed; --csv writes one row per episode. The same --seed prints the same numbers. On a power
// grid it also prints the L2RPN 2020 score, per scenario and on average, beside DoNothing and RecoPowerline played on
// the same scenarios.
#include <fmt/format.h>

#include <sstream>

#include "agents/evaluation.h"
#include "agents/grid_score.h"
#include "agents/policy_registry.h"
#include "commands.h"
#include "env_agent_options.h"
#include "vkrl/atomic_file.h"
#include "vkrl/envs/powergrid/power_grid_env.h"

namespace vkrl::apps {

namespace {

struct EvalOptions {
  std::string env, agent, csv;
  int episodes = 100;
  int max_steps = 100000;
  AgentOptions search;
};

void write_csv(const std::string& path, const Evaluation& result) {
  std::ostringstream out;
  out << "episode,return,length,truncated\n";
  for (size_t i = 0; i < result.episodes.size(); ++i) {
    const EpisodeResult& e = result.episodes[i];
    out << fmt::format("{},{},{},{}\n", i + 1, e.total_reward, e.length, e.truncated ? 1 : 0);
  }
  write_file_atomically(path, out.str());
}

void print_grid_score(const GridScore& score) {
  fmt::print("L2RPN 2020 score (DoNothing 0, RecoPowerline without protections +80 where DoNothing fails, -100 all "
             "load lost)\n");
  fmt::print("{:>8} {:>8} {:>12} {:>12} {:>12} {:>14}\n", "scenario", "score", "steps", "do-nothing", "reco-powerline",
             "cost");
  double steps = 0, dn_steps = 0, reco_steps = 0;
  for (size_t i = 0; i < score.episodes.size(); ++i) {
    const GridEpisodeScore& e = score.episodes[i];
    fmt::print("{:>8} {:>8.2f} {:>12} {:>12} {:>12} {:>14.1f}\n", i + 1, e.score, e.agent.steps, e.do_nothing.steps,
               e.reco_powerline.steps, e.agent.cost);
    steps += e.agent.steps, dn_steps += e.do_nothing.steps, reco_steps += e.reco_powerline.steps;
  }
  const double n = std::max<double>(1, double(score.episodes.size()));
  fmt::print("{:>8} {:>8.2f} {:>12.1f} {:>12.1f} {:>12.1f}\n", "mean", score.mean_score(), steps / n, dn_steps / n,
             reco_steps / n);
}

int run_eval(const EvalOptions& o, const CommonOptions& common) {
  check_policy_name(o.agent);
  const auto env = open_env(o.env);
  const auto policy = make_policy(o.agent, *env, with_common_options(o.search, common));
  const bool grid = dynamic_cast<const envs::powergrid::PowerGridEnv*>(env.get()) != nullptr;
  GridCostRecorder costs(o.max_steps);
  const Evaluation result =
      evaluate(*env, *policy, o.episodes, common.seed, o.max_steps, grid ? costs.observer() : StepObserver{});

  int truncated = 0;
  for (const auto& e : result.episodes) truncated += e.truncated ? 1 : 0;
  fmt::print("eval {}  agent {}  {} episodes  seed {}\n", o.env, o.agent, o.episodes, common.seed);
  fmt::print("return          {:.3f} ± {:.3f} (mean ± standard error)\n", result.mean_return(),
             result.standard_error());
  fmt::print("episode length  {:.2f} steps (mean)\n", result.mean_length());
  if (truncated > 0) fmt::print("truncated       {} episodes (time limit or --max-steps {})\n", truncated, o.max_steps);
  fmt::print("speed           {:.0f} steps/s ({} steps in {:.3f} s)\n",
             result.seconds > 0 ? double(result.steps()) / result.seconds : 0.0, result.steps(), result.seconds);
  if (grid) print_grid_score(score_grid_agent(o.env, costs.episodes(), common.seed, o.max_steps));
  if (!o.csv.empty()) {
    write_csv(o.csv, result);
    fmt::print("wrote {}\n", o.csv);
  }
  return 0;
}

}  // namespace

void add_eval_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  static EvalOptions eval;
  CLI::App& command = add_command(app, "eval", "Evaluate an agent: mean return ± standard error over N episodes",
                                  options, exit_code, [&options] { return run_eval(eval, options); });
  add_env_option(command, eval.env);
  add_agent_option(command, eval.agent);
  add_search_options(command, eval.search);
  command.add_option("--episodes", eval.episodes, "Episodes to play")->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--max-steps", eval.max_steps, "Steps after which an episode is cut off (counted as truncated)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--csv", eval.csv, "Write one row per episode (episode,return,length,truncated) to this file");
}

}  // namespace vkrl::apps
