#include "runs/run_dir.h"

#include <algorithm>
#include <sstream>
#include <nlohmann/json.hpp>

#include "vkrl/atomic_file.h"
#include "vkrl/error.h"

namespace vkrl::apps {

RunDir::RunDir(const std::filesystem::path& root, const std::string& name) : path_(root / name) {
  std::error_code ec;
  std::filesystem::create_directories(path_, ec);
  if (ec) throw Error(path_.string() + ": cannot create the run directory (" + ec.message() + ")");
}

void RunDir::write_flags(const nlohmann::json& flags) const { write_text("flags.json", flags.dump(2) + "\n"); }

void RunDir::write_results(const nlohmann::json& results) const { write_text("results.json", results.dump(2) + "\n"); }

namespace {
nlohmann::json read_json(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return nlohmann::json::object();
  std::ifstream in(path);
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(path.string() + ": not valid JSON (" + e.what() + ")");
  }
}
}  // namespace

std::vector<RunRecord> read_runs(const std::filesystem::path& root) {
  std::vector<RunRecord> runs;
  if (!std::filesystem::is_directory(root)) return runs;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (!std::filesystem::exists(entry.path() / "flags.json")) continue;
    runs.push_back({entry.path().filename().string(), entry.path(), read_json(entry.path() / "flags.json"),
                    read_json(entry.path() / "results.json")});
  }
  std::sort(runs.begin(), runs.end(), [](const RunRecord& a, const RunRecord& b) { return a.name < b.name; });
  return runs;
}

void RunDir::write_text(std::string_view name, std::string_view text) const { write_file_atomically(file(name), text); }

MetricsCsv::MetricsCsv(const std::filesystem::path& path, std::vector<std::string> columns)
    : MetricsCsv(path, std::move(columns), std::ios::trunc) {
  for (size_t i = 0; i < columns_.size(); ++i) out_ << (i ? "," : "") << columns_[i];
  out_ << "\n" << std::flush;
}

MetricsCsv::MetricsCsv(const std::filesystem::path& path, std::vector<std::string> columns, std::ios::openmode mode)
    : path_(path), columns_(std::move(columns)), out_(path, mode) {
  if (!out_) throw Error(path.string() + ": cannot write");
}

MetricsCsv MetricsCsv::resume(const std::filesystem::path& path, std::vector<std::string> columns,
                              const std::function<bool(const std::vector<double>& row)>& keep) {
  std::string header;
  for (size_t i = 0; i < columns.size(); ++i) header += (i ? "," : "") + columns[i];
  std::vector<std::vector<double>> rows;
  std::string text = header + "\n";
  if (std::ifstream in(path); in) {
    std::string line;
    std::getline(in, line);
    if (line != header) throw Error(path.string() + ":1: columns '" + line + "', expected '" + header + "'");
    for (int number = 2; std::getline(in, line); ++number) {
      std::vector<double> row;
      std::stringstream cells(line);
      for (std::string cell; std::getline(cells, cell, ',');) {
        try {
          row.push_back(std::stod(cell));
        } catch (const std::exception&) {
          throw Error(path.string() + ":" + std::to_string(number) + ": '" + cell + "' is not a number");
        }
      }
      // A row cut short by a killed process is dropped; the resumed run writes it again.
      if (row.size() != columns.size() || !keep(row)) continue;
      rows.push_back(row);
      text += line + "\n";
    }
  }
  write_file_atomically(path, text);
  MetricsCsv csv(path, std::move(columns), std::ios::app);
  csv.rows_ = std::move(rows);
  return csv;
}

void MetricsCsv::add(const std::vector<double>& row) {
  if (row.size() != columns_.size())
    throw Error(path_.string() + ": a row of " + std::to_string(row.size()) + " values for " +
                std::to_string(columns_.size()) + " columns");
  for (size_t i = 0; i < row.size(); ++i) out_ << (i ? "," : "") << row[i];
  out_ << "\n" << std::flush;
  if (!out_) throw Error(path_.string() + ": cannot write");
  rows_.push_back(row);
}

}  // namespace vkrl::apps
