// vkrl train: trains an agent on an env into runs/<name>/: flags.json (the resolved config), metrics.csv (one row per
// episode), learning_curve.png (redrawn at every checkpoint), checkpoint/ (everything needed to resume), and at the
// end an evaluation beside the random policy and the published result (results.json, summary.md). --resume continues
// a stopped run from its checkpoint exactly; without it, a run folder that holds a checkpoint is refused rather than
// overwritten.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <deque>
#include <numeric>

#include "agents/dqn_policy.h"
#include "agents/evaluation.h"
#include "agents/random_policy.h"
#include "commands.h"
#include "env_agent_options.h"
#include "media/png.h"
#include "plot/line_chart.h"
#include "runs/run_dir.h"
#include "vkrl/agents/dqn/dqn_run.h"
#include "vkrl/atomic_file.h"
#include "vkrl/error.h"
#include "vkrl/nearest_name.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

struct TrainOptions {
  std::string env = "minatar/breakout", agent = "dqn", preset = "minatar", config, run_name;
  std::vector<std::string> sets;
  int64_t frames = 0;  // 0: the config's
  bool resume = false, quiet = false;
};

// The MinAtar paper's DQN returns after 5M frames, read from its plots (issue 10; REFERENCE.md section 2).
double published_return(const std::string& env) {
  if (env.starts_with("minatar/breakout")) return 10;
  if (env.starts_with("minatar/seaquest")) return 20;
  if (env.starts_with("minatar/asterix")) return 17;
  if (env.starts_with("minatar/freeway")) return 50;
  if (env.starts_with("minatar/space_invaders")) return 43;
  return std::nan("");
}

std::string default_run_name(const TrainOptions& o) {
  std::string name = o.agent + "-" + o.env;
  for (char& c : name)
    if (c == '/' || c == ',' || c == '=') c = '-';
  return name;
}

agents::dqn::DqnConfig resolve_config(const TrainOptions& o) {
  agents::dqn::DqnConfig config = agents::dqn::dqn_preset(o.preset);
  if (!o.config.empty()) config = agents::dqn::load_dqn_config(o.config, config);
  for (const auto& s : o.sets) {
    const size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) throw UsageError("train: --set '" + s + "' is not KEY=VALUE");
    agents::dqn::set_dqn_option(config, s.substr(0, eq), s.substr(eq + 1), "--set");
  }
  if (o.frames > 0) agents::dqn::set_dqn_option(config, "frames", std::to_string(o.frames), "--frames");
  return config;
}

// Writes the whole checkpoint beside the old one and swaps it in, so a kill leaves one complete checkpoint.
void save_checkpoint(agents::dqn::DqnRun& run, const std::filesystem::path& dir) {
  const std::filesystem::path temporary = begin_directory_replacement(dir);
  run.save(temporary);
  replace_directory_atomically(temporary, dir);
}

void draw_learning_curve(const MetricsCsv& metrics, const std::string& title, const std::filesystem::path& path) {
  plot::Series series{.name = "episode return (moving average of 100)"};
  for (const auto& row : metrics.rows()) {
    series.x.push_back(row[0] / 1000.0);
    series.y.push_back(row[2]);
  }
  if (series.y.empty()) return;
  plot::LineChart chart{.title = title, .x_label = "frames (thousands)", .y_label = "return", .series = {series},
                        .moving_average = 100};
  write_png(path, draw_line_chart(chart));
}

class Progress {
public:
  explicit Progress(bool quiet) : quiet_(quiet), live_(!quiet && isatty(fileno(stdout))) {}

  void update(const agents::dqn::DqnRun& run, int64_t start_frames, double recent, bool force) {
    if (quiet_) return;
    const auto now = std::chrono::steady_clock::now();
    const double since_draw = std::chrono::duration<double>(now - last_).count();
    if (!force && since_draw < (live_ ? 0.2 : 10.0)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double fps = seconds > 0 ? double(run.frames() - start_frames) / seconds : 0;
    const double eta = fps > 0 ? double(run.config().frames - run.frames()) / fps : 0;
    const std::string line = fmt::format(
        "frame {:>9}/{}  {:>6.0f} frames/s  episodes {:>6}  return(100) {:>7.2f}  eps {:.3f}  loss {:.4f}  ETA {}",
        run.frames(), run.config().frames, fps, run.episodes(), recent, run.epsilon(), run.last_loss(),
        format_duration(eta));
    if (live_)
      fmt::print("\r{}\x1b[K", line);
    else
      fmt::print("{}\n", line);
    std::fflush(stdout);
  }
  void finish() {
    if (live_) fmt::print("\n");
  }
  static std::string format_duration(double s) {
    const int64_t t = int64_t(s);
    return t >= 3600 ? fmt::format("{}h{:02}m", t / 3600, t / 60 % 60) : fmt::format("{}m{:02}s", t / 60, t % 60);
  }

private:
  bool quiet_, live_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now(), last_{};
};

int run_train(const TrainOptions& o, const CommonOptions& common) {
  if (o.agent != "dqn") throw UsageError("train: " + unknown_name_message("agent", o.agent, {"dqn"}));
  const agents::dqn::DqnConfig config = resolve_config(o);
  const std::string name = o.run_name.empty() ? default_run_name(o) : o.run_name;
  RunDir run_dir(common.run_dir, name);
  const std::filesystem::path checkpoint = run_dir.file("checkpoint");
  const bool has_checkpoint = std::filesystem::exists(checkpoint / "run_state.json");
  if (has_checkpoint && !o.resume)
    throw UsageError("train: " + run_dir.path().string() +
                     " holds a checkpoint; pass --resume to continue it, or --run-name for a new run");
  if (o.resume && !has_checkpoint)
    fmt::print("train: no checkpoint in {} yet; starting from the beginning\n", run_dir.path().string());

  auto backend = nn::make_backend(common.device_request());
  agents::dqn::DqnRun run(config, o.env, *backend, common.seed);
  if (o.resume && has_checkpoint) {
    run.load(checkpoint);
    fmt::print("train: resumed {} at frame {} (episode {})\n", name, run.frames(), run.episodes());
  }
  run_dir.write_flags({{"command", "train"},
                       {"env", o.env},
                       {"agent", o.agent},
                       {"seed", common.seed},
                       {"device", backend->name()},
                       {"config", agents::dqn::dqn_config_toml(config)}});
  const std::vector<std::string> columns = {"frame", "episode", "return", "length", "epsilon", "loss"};
  const int64_t resumed_at = run.frames();
  MetricsCsv metrics = MetricsCsv::resume(run_dir.file("metrics.csv"), columns,
                                          [&](const std::vector<double>& row) { return row[0] <= resumed_at; });
  std::deque<double> recent;
  for (const auto& row : metrics.rows()) {
    recent.push_back(row[2]);
    if (recent.size() > 100) recent.pop_front();
  }
  auto recent_mean = [&] {
    return recent.empty() ? 0.0 : std::accumulate(recent.begin(), recent.end(), 0.0) / double(recent.size());
  };
  fmt::print("train: {} on {} with the {} preset, {} frames, backend {}, seed {} -> {}\n", o.agent, o.env,
             config.preset, config.frames, backend->name(), common.seed, run_dir.path().string());

  const std::string title = fmt::format("DQN ({}) on {}, seed {}", config.preset, o.env, common.seed);
  Progress progress(o.quiet);
  const auto start = std::chrono::steady_clock::now();
  int64_t next_checkpoint = (run.frames() / config.checkpoint_every + 1) * config.checkpoint_every;
  while (run.frames() < config.frames) {
    run.step([&](const agents::dqn::EpisodeRecord& e) {
      metrics.add({double(e.frame), double(e.episode), e.score, double(e.length), run.epsilon(), run.last_loss()});
      recent.push_back(e.score);
      if (recent.size() > 100) recent.pop_front();
    });
    progress.update(run, resumed_at, recent_mean(), false);
    if (run.frames() >= next_checkpoint || run.frames() >= config.frames) {
      save_checkpoint(run, checkpoint);
      draw_learning_curve(metrics, title, run_dir.file("learning_curve.png"));
      next_checkpoint += config.checkpoint_every;
    }
  }
  progress.update(run, resumed_at, recent_mean(), true);
  progress.finish();
  const double train_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // The trained agent and the random policy, each over the same episodes.
  const auto env = open_env(o.env);
  DqnPolicy trained(checkpoint, *env, common.device_request());
  RandomPolicy random;
  const Evaluation agent_eval = evaluate(*env, trained, config.eval_episodes, common.seed, 100000);
  const Evaluation random_eval = evaluate(*env, random, config.eval_episodes, common.seed, 100000);
  const double published = published_return(o.env);
  fmt::print("\n{:<28} {:>10} {:>10}\n", "policy", "return", "± s.e.");
  fmt::print("{:<28} {:>10.2f} {:>10.2f}\n", fmt::format("dqn after {} frames", run.frames()),
             agent_eval.mean_return(), agent_eval.standard_error());
  fmt::print("{:<28} {:>10.2f} {:>10.2f}\n", "random", random_eval.mean_return(), random_eval.standard_error());
  if (!std::isnan(published)) fmt::print("{:<28} {:>10.1f}\n", "MinAtar paper DQN at 5M", published);
  fmt::print("training return, last 100 episodes: {:.2f}\n", recent_mean());
  fmt::print("learning curve: {}\n", run_dir.file("learning_curve.png").string());

  run_dir.write_results({{"eval_return", agent_eval.mean_return()},
                         {"eval_stderr", agent_eval.standard_error()},
                         {"random_return", random_eval.mean_return()},
                         {"train_return_100", recent_mean()},
                         {"frames", run.frames()},
                         {"frames_per_s", train_seconds > 0 ? double(run.frames() - resumed_at) / train_seconds : 0}});
  run_dir.write_text(
      "summary.md",
      fmt::format("# DQN ({}) on {}\n\n{} frames, seed {}, backend {}.\n\n| policy | return | s.e. |\n|---|---|---|\n"
                  "| vkrl DQN (greedy evaluation, {} episodes) | {:.2f} | {:.2f} |\n| random | {:.2f} | {:.2f} |\n"
                  "| MinAtar paper DQN after 5M frames (read from its plot) | {} | |\n\n"
                  "Training return over the last 100 episodes: {:.2f}.\n\n![learning curve](learning_curve.png)\n",
                  config.preset, o.env, run.frames(), common.seed, backend->name(), config.eval_episodes,
                  agent_eval.mean_return(), agent_eval.standard_error(), random_eval.mean_return(),
                  random_eval.standard_error(), std::isnan(published) ? "-" : fmt::format("{:.0f}", published),
                  recent_mean()));
  return 0;
}

}  // namespace

void add_train_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  static TrainOptions train;
  CLI::App& command = add_command(app, "train", "Train an agent (DQN) on an environment into a run folder", options,
                                  exit_code, [&options] { return run_train(train, options); });
  command.add_option("--env", train.env, "Environment (registry name with options)")->capture_default_str();
  command.add_option("--agent", train.agent, "Agent to train: dqn")->capture_default_str();
  command.add_option("--preset", train.preset, "Settings preset: minatar (the paper's DQN) or rainbow-lite")
      ->capture_default_str();
  command.add_option("--config", train.config, "TOML file of settings (key = value) applied over the preset");
  command.add_option("--set", train.sets, "Change one setting: --set learning_rate=1e-4 (repeatable)");
  command.add_option("--frames", train.frames, "Frames to train for (overrides the config)");
  command.add_option("--run-name", train.run_name, "Run folder under --run-dir (default: AGENT-ENV)");
  command.add_flag("--resume", train.resume, "Continue the run from its last checkpoint");
  command.add_flag("--quiet", train.quiet, "No progress line");
}

}  // namespace vkrl::apps
