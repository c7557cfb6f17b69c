// A CSV table read as text: a header row naming the columns, then rows of comma-separated fields (no quoting, as in
// the data files vkrl reads). Columns are fetched by name, as text or as numbers; a missing column, a ragged row or a
// field that is not a number is a vkrl::Error naming the file, the line and the column.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vkrl::nn::data {

class CsvTable {
public:
  static CsvTable read(const std::filesystem::path& path);
  static CsvTable parse(std::string_view text, std::string source);

  const std::vector<std::string>& columns() const { return columns_; }
  size_t rows() const { return rows_.size(); }
  std::vector<std::string> text_column(std::string_view name) const;
  std::vector<double> number_column(std::string_view name) const;
  // The file's 1-based line number of a data row, for messages about a row's content.
  int line_of_row(size_t row) const { return line_of_row_.at(row); }
  const std::string& source() const { return source_; }

private:
  size_t index_of(std::string_view name) const;

  std::string source_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<int> line_of_row_;  // 1-based line numbers, for messages
};

}  // namespace vkrl::nn::data
