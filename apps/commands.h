// The subcommands of vkrl, each registered on the top-level CLI11 app by its own file.
#pragma once

#include "common_options.h"

namespace vkrl::apps {

void add_info_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_bench_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_eval_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_watch_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_play_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_experiment_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_runs_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_model_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_gtp_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_sgf_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_train_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_report_command(CLI::App& app, CommonOptions& options, int& exit_code);

}  // namespace vkrl::apps
