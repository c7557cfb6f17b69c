// vkrl play: a person plays an env in the window, beside the same side panel as watch. Alone, with the keyboard
// (window/action_keys.h's map: arrows and space by action name or count, number keys 1-9 by action index). Against an
// agent (--agent) on a two-player env such as Go: the person clicks the board (Env::action_spot) or presses space to
// pass, u takes back the last own move and the agent's reply, and h shows the agent's last search as a heat map.
#include <fmt/format.h>

#include <algorithm>
#include <random>

#include "agents/policy_registry.h"
#include "commands.h"
#include "env_agent_options.h"
#include "media/png.h"
#include "vkrl/error.h"
#include "window/action_keys.h"
#include "window/session.h"
#include "window/viewer.h"

namespace vkrl::apps {

namespace {

struct PlayOptions {
  std::string env, agent, as = "first";
  AgentOptions search;
};

class Play {
public:
  Play(const PlayOptions& o, const CommonOptions& common)
      : o_(o), env_(open_env(o.env)), action_keys_(*env_), viewer_("vkrl play " + o.env), rng_(common.seed) {
    if (!o.agent.empty()) {
      if (env_->player_count() != 2)
        throw UsageError("play: --agent needs a two-player env, and " + env_->name() +
                         " has one player (vkrl watch shows an agent playing it)");
      agent_ = make_policy(o.agent, *env_, with_common_options(o.search, common));
      human_ = o.as == "first" ? 0 : 1;
    }
    if (viewer_.headless()) throw Error("play needs a window: " + viewer_.headless_reason());
    std::vector<std::string> keys = action_keys_.help();
    if (agent_) keys = {"click  play a point", "space  pass", "u      undo your last move", "h      heat map on/off"};
    for (const char* k : {"r      new game", "s      screenshot (PNG)", "q Esc  quit"}) keys.emplace_back(k);
    session_.emplace(*env_, agent_ ? "you vs " + o.agent : "you", common.seed, keys);
  }

  int run() {
    new_game();
    while (true) {
      if (agent_to_move()) {
        session_->set_status(o_.agent + " is thinking...");
        show();
        agent_move();
        show();
      }
      bool changed = false;
      for (const KeyPress& k : viewer_.wait(100)) {
        if (k.key == Key::q || k.key == Key::escape) return 0;
        changed = true;
        if (k.key == Key::s) {
          const auto path = session_->screenshot_name();
          write_png(path, view_);
          fmt::print("wrote {}\n", path.string());
        } else if (k.key == Key::r || (session_->episode_over() && !agent_ && action_keys_.action(k))) {
          new_game();  // alone, after an episode ends, the next action key starts a new one
        } else if (k.key == Key::h && agent_) {
          heat_ = !heat_;
          session_->set_heat_map(heat_ ? last_search_ : std::vector<float>{});
        } else if (k.key == Key::u && agent_) {
          undo();
        } else if (const auto action = chosen_action(k)) {
          human_move(*action);
        }
      }
      if (changed) show();
    }
  }

private:
  bool agent_to_move() const {
    return agent_ && !session_->episode_over() && env_->current_player() != human_;
  }

  void new_game() {
    session_->reset();
    history_.clear();
    last_search_.clear();
    session_->set_status("your move");
    show();
  }

  void agent_move() {
    const auto observation = session_->observation();
    const int action = agent_->act(*env_, observation, rng_);
    last_search_ = agent_->action_values(*env_, observation);
    take(action, last_search_);
    session_->set_heat_map(heat_ ? last_search_ : std::vector<float>{});
  }

  std::optional<int> chosen_action(const KeyPress& k) const {
    if (k.key == Key::click) return session_->action_at(k.x, k.y);
    if (agent_ && k.key == Key::space) {
      for (int a = 0; a < env_->action_count(); ++a)
        if (env_->action_name(a) == "pass") return a;
      return std::nullopt;
    }
    return agent_ ? std::nullopt : action_keys_.action(k);
  }

  void human_move(int action) {
    if (session_->episode_over() || agent_to_move()) return;
    const std::vector<int> legal = env_->legal_actions();
    if (std::find(legal.begin(), legal.end(), action) == legal.end()) {
      session_->set_status(env_->action_name(action) + " is not legal now");
      return;
    }
    take(action, {});
  }

  void take(int action, std::vector<float> values) {
    const int mover = env_->current_player();
    history_.push_back(action);
    const envs::StepResult r = session_->step(action, std::move(values));
    if (!session_->episode_over()) {
      session_->set_status("your move");
      return;
    }
    std::string outcome = "episode over";
    if (agent_) {
      const bool draw = r.reward == 0, mover_won = r.reward > 0;
      outcome = draw                           ? "game over: a draw"
                : mover_won == (mover == human_) ? "game over: you win"
                                                 : "game over: " + o_.agent + " wins";
    }
    session_->set_status(outcome + (agent_ ? ": r for a new game" : ": any action key restarts"));
    fmt::print("{} ({} steps, return {:.2f})\n{}", outcome, session_->panel().step, session_->panel().episode_return,
               env_->to_string());
  }

  // Back to the person's turn before their last move.
  void undo() {
    while (!history_.empty()) {
      session_->replay(std::span(history_.data(), history_.size() - 1));
      history_.pop_back();
      if (env_->current_player() == human_) break;
    }
    last_search_.clear();
    session_->set_heat_map({});
    session_->set_status("your move");
  }

  void show() {
    view_ = session_->view();
    viewer_.show(view_);
  }

  const PlayOptions& o_;
  std::unique_ptr<envs::Env> env_;
  ActionKeys action_keys_;
  Viewer viewer_;
  std::mt19937_64 rng_;
  std::unique_ptr<Policy> agent_;
  int human_ = 0;
  std::optional<Session> session_;
  std::vector<int> history_;        // this game's actions, for undo
  std::vector<float> last_search_;  // the agent's last action values
  bool heat_ = false;
  envs::Frame view_;
};

}  // namespace

void add_play_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  static PlayOptions play;
  CLI::App& command = add_command(app, "play", "Play an environment yourself, alone or against an agent", options,
                                  exit_code, [&options] {
                                    if (!play.agent.empty()) check_policy_name(play.agent);
                                    return Play(play, options).run();
                                  });
  add_env_option(command, play.env);
  command.add_option("--agent", play.agent, "Opponent on a two-player env (Go): " + policy_names());
  command.add_option("--as", play.as, "Your seat against --agent: first (Black in Go) or second")
      ->check(CLI::IsMember({"first", "second"}))
      ->capture_default_str();
  add_search_options(command, play.search);
  command.footer("Alone: arrows and space play the actions whose names say up/north, down/south, left/west,\n"
                 "right/east, and fire/noop/stay/pass; when no name says a direction they follow the action count:\n"
                 "2 actions: left right; 3: left space right; 4: up right down left; 5: space up right down left.\n"
                 "Number keys 1-9 choose action 0-8 directly.\n"
                 "Against --agent: click a point to play it, space passes, u undoes your last move, h shows the\n"
                 "agent's last search as a heat map on the board.\n"
                 "r starts again, s saves a screenshot, q or Esc quits.");
}

}  // namespace vkrl::apps
