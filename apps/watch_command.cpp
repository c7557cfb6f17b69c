// vkrl watch: an agent plays an env in the window, beside the side panel; --record writes the frames (panel
// included) to an animated GIF and --screenshot the last one to a PNG. Headless (SDL_VIDEODRIVER=dummy or no display)
// it plays as fast as it can and still records.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <random>

#include "agents/policy_registry.h"
#include "commands.h"
#include "env_agent_options.h"
#include "media/gif_recorder.h"
#include "media/png.h"
#include "window/session.h"
#include "window/viewer.h"

namespace vkrl::apps {

namespace {

struct WatchOptions {
  std::string env, agent, record, screenshot;
  int episodes = 1;
  int64_t max_steps = 1000;
  double fps = 8;
  AgentOptions search;
};

const std::vector<std::string> kKeys = {"space  pause / resume", "n      single step", "+ -    speed x2 / x0.5",
                                        "r      restart episode", "s      screenshot (PNG)", "q Esc  quit"};

class Watch {
public:
  Watch(const WatchOptions& o, const CommonOptions& common)
      : o_(o),
        env_(open_env(o.env)),
        policy_(make_policy(o.agent, *env_, with_common_options(o.search, common))),
        viewer_("vkrl watch " + o.env + " (" + o.agent + ")"),
        session_(*env_, o.agent, common.seed, kKeys),
        rng_(common.seed),
        fps_(o.fps) {
    if (!o.record.empty()) gif_.emplace(o.record);
  }

  int run() {
    if (viewer_.headless()) fmt::print("watch: headless ({}): no window\n", viewer_.headless_reason());
    session_.reset();
    present();
    while (!quit_ && session_.total_steps() < o_.max_steps) {
      const std::vector<KeyPress> keys = take_keys();
      for (const KeyPress& k : keys) handle(k);
      if (quit_) break;
      if (!keys.empty()) refresh();  // the status line shows a pause or a new speed at once
      if (paused_ && !single_step_) {
        pending_ = viewer_.wait(50);
        continue;
      }
      single_step_ = false;
      if (session_.episode_over()) {
        if (session_.episodes_finished() >= o_.episodes) break;
        session_.reset();
      } else {
        act();
      }
      present();
      pace();
    }
    return finish();
  }

private:
  // The agent picks and takes one action; an episode's end is reported as a log line.
  void act() {
    const auto observation = session_.observation();
    const int action = policy_->act(*env_, observation, rng_);
    std::vector<float> values = policy_->action_values(*env_, observation);  // a search agent's, of this act()
    session_.step(action, std::move(values));
    if (session_.episode_over())
      fmt::print("episode {}: return {:.2f}, {} steps\n", session_.panel().episode, session_.panel().episode_return,
                 session_.panel().step);
  }

  void handle(KeyPress k) {
    switch (k.key) {
      case Key::space: paused_ = !paused_; break;
      case Key::n: paused_ = single_step_ = true; break;
      case Key::plus: fps_ = std::min(fps_ * 2, 240.0); break;
      case Key::minus: fps_ = std::max(fps_ / 2, 0.25); break;
      case Key::r: session_.reset(); present(); break;
      case Key::s: screenshot(session_.screenshot_name()); break;
      case Key::q: case Key::escape: quit_ = true; break;
      default: break;
    }
  }

  std::vector<KeyPress> take_keys() {
    std::vector<KeyPress> keys = std::move(pending_);
    pending_.clear();
    for (KeyPress k : viewer_.poll()) keys.push_back(k);
    return keys;
  }

  // Shows the current state; only present() adds it to the recording.
  void refresh() {
    session_.set_status(paused_                   ? "paused: space resumes, n steps"
                        : session_.episode_over() ? "episode over"
                                                  : fmt::format("running, {:g} steps/s", fps_));
    last_view_ = session_.view();
    viewer_.show(last_view_);
  }

  void present() {
    refresh();
    if (gif_) gif_->add_frame(last_view_, static_cast<int>(1000 / fps_));
  }

  // Waits out the rest of this frame's 1/fps, gathering the keys pressed meanwhile; headless runs do not wait.
  void pace() {
    if (viewer_.headless()) return;
    const auto until = last_tick_ + std::chrono::duration<double>(1.0 / fps_);
    while (true) {
      const auto left = std::chrono::duration<double, std::milli>(until - std::chrono::steady_clock::now()).count();
      if (left <= 0 || !pending_.empty()) break;
      pending_ = viewer_.wait(static_cast<int>(left) + 1);
    }
    last_tick_ = std::chrono::steady_clock::now();
  }

  void screenshot(const std::filesystem::path& path) {
    write_png(path, last_view_);
    fmt::print("wrote {}\n", path.string());
  }

  int finish() {
    if (!session_.episode_over())
      fmt::print("stopped in episode {} after {} steps: return {:.2f}\n", session_.panel().episode,
                 session_.panel().step, session_.panel().episode_return);
    if (!o_.screenshot.empty()) screenshot(o_.screenshot);
    if (gif_) {
      gif_->finish();
      fmt::print("wrote {} ({} frames)\n", o_.record, gif_->frame_count());
    }
    return 0;
  }

  const WatchOptions& o_;
  std::unique_ptr<envs::Env> env_;
  std::unique_ptr<Policy> policy_;
  Viewer viewer_;
  Session session_;
  std::mt19937_64 rng_;
  std::optional<GifRecorder> gif_;
  envs::Frame last_view_;
  std::vector<KeyPress> pending_;
  std::chrono::steady_clock::time_point last_tick_ = std::chrono::steady_clock::now();
  double fps_;
  bool paused_ = false, single_step_ = false, quit_ = false;
};

}  // namespace

void add_watch_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  static WatchOptions watch;
  CLI::App& command = add_command(app, "watch", "Watch an agent play an environment in a window, or record it",
                                  options, exit_code, [&options] {
                                    check_policy_name(watch.agent);  // an unknown agent is reported before the env loads
                                    return Watch(watch, options).run();
                                  });
  add_env_option(command, watch.env);
  add_agent_option(command, watch.agent);
  add_search_options(command, watch.search);
  command.add_option("--episodes", watch.episodes, "Episodes to play")->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--max-steps", watch.max_steps, "Stop after this many steps in all")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--fps", watch.fps, "Steps per second in the window, and the GIF's frame rate")
      ->capture_default_str()
      ->check(CLI::Range(0.25, 240.0));
  command.add_option("--record", watch.record, "Write every frame, side panel included, to this animated GIF");
  command.add_option("--screenshot", watch.screenshot, "Write the last frame to this PNG");
}

}  // namespace vkrl::apps
