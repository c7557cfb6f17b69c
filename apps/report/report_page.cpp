#include "report/report_page.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "experiments/experiment.h"
#include "report/data_uri.h"
#include "report/markdown_html.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

const Experiment* experiment_named(const std::string& name) {
  for (const auto& e : all_experiments())
    if (e.name == name) return &e;
  return nullptr;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  if (!in || !(text << in.rdbuf())) throw Error(file.string() + ": cannot read");
  return text.str();
}

std::string value_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) return fmt::format("{:.4g}", v.get<double>());
  return v.dump();
}

// A flag value as one shell word.
std::string shell_word(const std::string& s) {
  if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,:=/+-") ==
                        std::string::npos)
    return s;
  std::string quoted = "'";
  for (char c : s) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

constexpr const char* kStyle = R"(
body { font-family: sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.4; }
h1 { border-bottom: 2px solid #444; }
section { border-top: 1px solid #bbb; margin-top: 2.5em; padding-top: 0.5em; }
table { border-collapse: collapse; margin: 0.8em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
img { max-width: 100%; margin: 0.4em 0; }
pre, code { background: #f4f4f4; }
pre { padding: 0.6em; overflow-x: auto; }
.meta { color: #555; }
nav a { margin-right: 1em; }
)";

}  // namespace

std::vector<RunRecord> latest_experiment_runs(const std::filesystem::path& root) {
  std::map<std::string, std::pair<std::filesystem::file_time_type, RunRecord>> latest;
  for (auto& run : read_runs(root)) {
    const std::filesystem::path summary = run.path / "summary.md";
    if (!run.flags.contains("experiment") || !run.flags["experiment"].is_string() ||
        !std::filesystem::exists(summary))
      continue;
    const std::string name = run.flags["experiment"].get<std::string>();
    const auto when = std::filesystem::last_write_time(summary);
    auto it = latest.find(name);
    if (it == latest.end() || when > it->second.first) latest.insert_or_assign(name, std::pair{when, std::move(run)});
  }
  std::vector<RunRecord> runs;
  for (auto& [name, entry] : latest) runs.push_back(std::move(entry.second));
  return runs;
}

std::string reproduce_command(const RunRecord& run) {
  const std::string name = run.flags.value("experiment", "");
  std::string command = "build/vkrl experiment " + shell_word(name);
  if (run.flags.contains("seed")) command += " --seed " + value_text(run.flags["seed"]);
  const std::string device = run.flags.contains("device") ? value_text(run.flags["device"]) : "auto";
  if (device != "auto") command += " --device " + shell_word(device);
  const Experiment* e = experiment_named(name);
  for (const auto& [key, value] : run.flags.items()) {
    if (key == "experiment" || key == "seed" || key == "device") continue;
    const std::string text = value_text(value);
    bool is_default = false;
    if (e)
      for (const auto& f : e->flags) is_default |= f.name == key && f.default_value == text;
    if (!is_default) command += " --set " + shell_word(key + "=" + text);
  }
  if (run.name != name) command += " --run-name " + shell_word(run.name);
  return command;
}

std::string report_html(const std::vector<RunRecord>& runs, const std::filesystem::path& root) {
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>vkrl report</title>\n<style>{}"
      "</style>\n</head>\n<body>\n<h1>vkrl report</h1>\n<p class=\"meta\">The latest run of each of the {} "
      "experiments that have run under <code>{}</code>, beside the published results. Each section's command "
      "reproduces its run.</p>\n<nav>",
      kStyle, runs.size(), html_escape(root.string()));
  for (const auto& run : runs) html += fmt::format("<a href=\"#{0}\">{0}</a>", html_escape(run.flags.value("experiment", "")));
  html += "</nav>\n";
  for (const auto& run : runs) {
    const std::string name = run.flags.value("experiment", "");
    const Experiment* e = experiment_named(name);
    html += fmt::format("<section id=\"{0}\">\n<h2>{0}</h2>\n", html_escape(name));
    if (e) html += "<p>" + html_escape(e->description) + "</p>\n";
    if (e && !e->reference.empty())
      html += "<p><strong>Published:</strong> " + html_escape(e->reference) + "</p>\n";
    if (!run.results.empty()) {
      html += "<p><strong>This run:</strong> ";
      bool first = true;
      for (const auto& [key, value] : run.results.items()) {
        html += (first ? "" : ", ") + html_escape(key) + " " + html_escape(value_text(value));
        first = false;
      }
      html += "</p>\n";
    }
    html += "<p class=\"meta\">Run folder <code>" + html_escape(run.path.string()) + "</code>; to reproduce:</p>\n" +
            "<pre>" + html_escape(reproduce_command(run)) + "</pre>\n";
    std::set<std::string> shown;
    html += markdown_to_html(read_text(run.path / "summary.md"), [&](const std::string& path) {
      const std::filesystem::path file = run.path / path;
      if (path.find("..") != std::string::npos || !std::filesystem::exists(file)) return path;
      shown.insert(std::filesystem::path(path).filename().string());
      return data_uri(file, "image/png");
    });
    std::vector<std::filesystem::path> others;
    for (const auto& entry : std::filesystem::directory_iterator(run.path))
      if (entry.path().extension() == ".png" && !shown.count(entry.path().filename().string()))
        others.push_back(entry.path());
    std::sort(others.begin(), others.end());
    for (const auto& png : others)
      html += "<p><img alt=\"" + html_escape(png.filename().string()) + "\" src=\"" + data_uri(png, "image/png") +
              "\"></p>\n";
    html += "</section>\n";
  }
  return html + "</body>\n</html>\n";
}

}  // namespace vkrl::apps
