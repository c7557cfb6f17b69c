// vkrl gtp: the Go engine over the Go Text Protocol on stdin and stdout, for GUIs (GoGui, Sabaki) and referees
// (../shared/tools/gtp_match.py). --agent picks the player, --playouts or --time its budget per move.
#include <iostream>

#include "commands.h"
#include "gtp/gtp_engine.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

struct GtpOptions {
  std::string agent = "mcts";
  int playouts = 0;
  double seconds = 0;
  int threads = 0;
  double resign_below = 0.05;
};

int run_gtp(const GtpOptions& o, const CommonOptions& common) {
  if (o.playouts > 0 && o.seconds > 0) throw UsageError("gtp: give --playouts or --time, not both");
  GtpEngine engine(make_go_player(o.agent, {common.seed, o.threads, o.resign_below}), {o.playouts, o.seconds});
  engine.run(std::cin, std::cout);
  return 0;
}

}  // namespace

void add_gtp_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  static GtpOptions gtp;
  CLI::App& command = add_command(app, "gtp", "Run the Go engine over GTP v2 on stdin and stdout", options, exit_code,
                                  [&options] { return run_gtp(gtp, options); });
  command.add_option("--agent", gtp.agent, "The player: " + go_player_names())->capture_default_str();
  command.add_option("--playouts", gtp.playouts, "Playouts per move (search agents; mcts: 10000 by default)")
      ->check(CLI::PositiveNumber);
  command.add_option("--threads", gtp.threads, "Search threads (mcts; 0: every core). The same seed, playouts and "
                     "threads give the same moves")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.add_option("--resign-below", gtp.resign_below,
                     "Search agents resign when their chance of winning falls below this (0: never)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.add_option("--time", gtp.seconds, "Seconds per move (search agents); the GTP clock may ask for less")
      ->check(CLI::PositiveNumber);
}

}  // namespace vkrl::apps
