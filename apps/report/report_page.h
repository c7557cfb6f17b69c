// The page `vkrl report` writes: for every experiment that has run under a runs folder, its latest run (the folder
// whose summary.md is newest, grid runs included) with its headline results, the published reference, summary.md
// rendered, every PNG figure of the folder inline as a data URI (those the summary does not show come after it), and
// the command that reproduces the run, rebuilt from its flags.json. The page is one self-contained HTML file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "runs/run_dir.h"

namespace vkrl::apps {

// The latest run folder of each experiment under `root`, ordered by experiment name; folders without a summary.md or
// whose flags.json names no experiment (`vkrl train` runs) are left out.
std::vector<RunRecord> latest_experiment_runs(const std::filesystem::path& root);

// "build/vkrl experiment NAME --seed S [--device D] [--set FLAG=V ...] [--run-name R]": the flags that differ from the
// experiment's defaults, and the run name when it is not the experiment's.
std::string reproduce_command(const RunRecord& run);

std::string report_html(const std::vector<RunRecord>& runs, const std::filesystem::path& root);

}  // namespace vkrl::apps
