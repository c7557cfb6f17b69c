// vkrl report: one HTML page, <run-dir>/report.html, with every experiment's latest run beside its published result,
// its figures inline and the command that reproduces it (see report/report_page.h).
#include <fmt/format.h>

#include "commands.h"
#include "report/report_page.h"
#include "vkrl/atomic_file.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

int write_report(const CommonOptions& options) {
  const std::filesystem::path root = options.run_dir;
  const std::vector<RunRecord> runs = latest_experiment_runs(root);
  if (runs.empty())
    throw Error("report: no experiment runs under " + root.string() +
                " (a run is a folder with flags.json and summary.md; make one with `vkrl experiment NAME`)");
  const std::filesystem::path page = root / "report.html";
  write_file_atomically(page, report_html(runs, root));
  fmt::print("report: {} experiments ({}) -> {}\n", runs.size(),
             [&] {
               std::string names;
               for (const auto& r : runs) names += (names.empty() ? "" : ", ") + r.flags.value("experiment", "");
               return names;
             }(),
             page.string());
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  add_command(app, "report",
              "Write <run-dir>/report.html: every experiment's latest run, its summary and figures inline, beside the "
              "published result, with the command that reproduces it",
              options, exit_code, [&options] { return write_report(options); });
}

}  // namespace vkrl::apps
