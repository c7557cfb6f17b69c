// vkrl: the command-line entry point. Parses the subcommand, runs it, and turns every failure into one line on stderr:
// exit 2 for usage errors (unknown command, bad option), 1 for any other error.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "commands.h"
#include "vkrl/error.h"

namespace {

int run(int argc, char** argv) {
  CLI::App app("vkrl: reinforcement learning and simulation on a Vulkan compute engine", "vkrl");
  app.set_version_flag("--version", "vkrl 0.1.0");
  app.require_subcommand(0, 1);
  vkrl::apps::CommonOptions options;
  int exit_code = 0;
  vkrl::apps::add_info_command(app, options, exit_code);
  vkrl::apps::add_bench_command(app, options, exit_code);
  vkrl::apps::add_eval_command(app, options, exit_code);
  vkrl::apps::add_watch_command(app, options, exit_code);
  vkrl::apps::add_play_command(app, options, exit_code);
  vkrl::apps::add_experiment_command(app, options, exit_code);
  vkrl::apps::add_runs_command(app, options, exit_code);
  vkrl::apps::add_model_command(app, options, exit_code);
  vkrl::apps::add_gtp_command(app, options, exit_code);
  vkrl::apps::add_sgf_command(app, options, exit_code);
  vkrl::apps::add_train_command(app, options, exit_code);
  vkrl::apps::add_report_command(app, options, exit_code);
  app.footer("Run 'vkrl COMMAND --help' for a command's options.\n"
             "Environment: VKRL_DEVICE (as --device), VKRL_VALIDATE=1 (Vulkan validation layers),\n"
             "VKRL_CACHE_DIR (pipeline cache; default ~/.cache/vkrl).");

  if (argc > 1 && argv[1][0] != '-') {
    const auto commands = app.get_subcommands([](CLI::App*) { return true; });
    const bool known = std::any_of(commands.begin(), commands.end(),
                                   [&](const CLI::App* c) { return c->get_name() == argv[1]; });
    if (!known) throw vkrl::UsageError(std::string("unknown command '") + argv[1] + "' (see vkrl --help)");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    throw vkrl::UsageError(e.what() + std::string(" (see vkrl --help)"));
  }
  if (app.get_subcommands().empty()) {
    std::cout << app.help();
    return 0;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const vkrl::UsageError& e) {
    std::cerr << "vkrl: " << e.what() << "\n";
    return 2;
  } catch (const vkrl::Error& e) {
    std::cerr << "vkrl: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "vkrl: internal error: " << e.what() << "\n";
    return 1;
  }
}
