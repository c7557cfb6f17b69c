// RunDir is one run's folder, runs/<name>/: flags.json (every option, resolved), metrics.csv, results.json (the
// headline numbers, which `vkrl runs` lists and compares), PNG figures and summary.md, which sets the result beside
// the published one. A rerun under the same name replaces the files it
// writes. flags.json, summary.md and figures are written to a temporary name and renamed, so a killed run never leaves
// half a file behind; metrics.csv grows a row at a time, flushed, so that a long run can be watched.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace vkrl::apps {

class RunDir {
public:
  RunDir(const std::filesystem::path& root, const std::string& name);

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path file(std::string_view name) const { return path_ / name; }
  void write_flags(const nlohmann::json& flags) const;
  void write_results(const nlohmann::json& results) const;  // a flat object of named numbers
  void write_text(std::string_view name, std::string_view text) const;

private:
  std::filesystem::path path_;
};

// A run folder as `vkrl runs` reads it back: its name, flags and results (empty objects when a file is missing).
struct RunRecord {
  std::string name;
  std::filesystem::path path;
  nlohmann::json flags, results;
};
// Every run folder under `root` (those with a flags.json), sorted by name. A damaged JSON file is a vkrl::Error
// naming it.
std::vector<RunRecord> read_runs(const std::filesystem::path& root);

// metrics.csv: a header of column names, then one row per record, flushed as it goes so a long run can be watched.
class MetricsCsv {
public:
  MetricsCsv(const std::filesystem::path& path, std::vector<std::string> columns);
  // Continues the file of a resumed run: keeps the rows that were written before its checkpoint (`keep` says which;
  // rows after it are written again by the resumed run) and appends. A file with other columns is a vkrl::Error.
  static MetricsCsv resume(const std::filesystem::path& path, std::vector<std::string> columns,
                           const std::function<bool(const std::vector<double>& row)>& keep);
  // Every row of the file: those kept by resume() and those added since (for redrawing a learning curve).
  const std::vector<std::vector<double>>& rows() const { return rows_; }
  void add(const std::vector<double>& row);

private:
  MetricsCsv(const std::filesystem::path& path, std::vector<std::string> columns, std::ios::openmode mode);

  std::filesystem::path path_;
  std::vector<std::string> columns_;
  std::ofstream out_;
  std::vector<std::vector<double>> rows_;
};

}  // namespace vkrl::apps
