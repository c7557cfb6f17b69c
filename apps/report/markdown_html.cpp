#include "report/markdown_html.h"

#include <sstream>
#include <vector>

namespace vkrl::apps {

std::string html_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

using ImageSource = std::function<std::string(const std::string&)>;

// **bold**, `code` and ![alt](path) within one line of text.
std::string inline_html(std::string_view text, const ImageSource& image_source) {
  std::string out;
  bool bold = false;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "**") == 0) {
      out += bold ? "</strong>" : "<strong>";
      bold = !bold;
      i += 2;
    } else if (text[i] == '`' && text.find('`', i + 1) != std::string_view::npos) {
      const size_t end = text.find('`', i + 1);
      out += "<code>";
      out += html_escape(text.substr(i + 1, end - i - 1));
      out += "</code>";
      i = end + 1;
    } else if (text.compare(i, 2, "![") == 0 && text.find("](", i) != std::string_view::npos &&
               text.find(')', text.find("](", i)) != std::string_view::npos) {
      const size_t mid = text.find("](", i), end = text.find(')', mid);
      const std::string alt(text.substr(i + 2, mid - i - 2)), path(text.substr(mid + 2, end - mid - 2));
      out += "<img alt=\"" + html_escape(alt) + "\" src=\"" + html_escape(image_source(path)) + "\">";
      i = end + 1;
    } else {
      out += html_escape(text.substr(i, 1));
      ++i;
    }
  }
  if (bold) out += "</strong>";
  return out;
}

std::vector<std::string> table_cells(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = line.find('|') + 1;
  while (start < line.size()) {
    const size_t bar = line.find('|', start);
    if (bar == std::string_view::npos) break;
    std::string_view cell = line.substr(start, bar - start);
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    cells.emplace_back(cell);
    start = bar + 1;
  }
  return cells;
}

bool is_separator_row(const std::vector<std::string>& cells) {
  for (const auto& c : cells)
    if (c.find_first_not_of("-: ") != std::string::npos) return false;
  return !cells.empty();
}

}  // namespace

std::string markdown_to_html(std::string_view markdown, const ImageSource& image_source) {
  std::istringstream in{std::string(markdown)};
  std::string out, line, paragraph;
  enum class Block { none, list, table } block = Block::none;
  bool header_row = false;
  auto close = [&] {
    if (!paragraph.empty()) {
      out += "<p>";
      out += inline_html(paragraph, image_source);
      out += "</p>\n";
    }
    paragraph.clear();
    if (block == Block::list) out += "</ul>\n";
    if (block == Block::table) out += "</table>\n";
    block = Block::none;
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      close();
    } else if (line[0] == '#') {
      close();
      const size_t level = std::min<size_t>(line.find_first_not_of('#'), 6);
      const size_t text = line.find_first_not_of(' ', level);
      // Summaries' own headings sit one level below the report's per-experiment heading.
      const std::string tag = std::to_string(std::min<size_t>(level + 1, 6));
      out += "<h";
      out += tag;
      out += ">";
      out += inline_html(text == std::string::npos ? "" : line.substr(text), image_source);
      out += "</h";
      out += tag;
      out += ">\n";
    } else if (line.rfind("- ", 0) == 0) {
      if (block != Block::list) {
        close();
        out += "<ul>\n";
        block = Block::list;
      }
      out += "<li>";
      out += inline_html(line.substr(2), image_source);
      out += "</li>\n";
    } else if (line[0] == '|') {
      const std::vector<std::string> cells = table_cells(line);
      if (block != Block::table) {
        close();
        out += "<table>\n";
        block = Block::table;
        header_row = true;
      }
      if (is_separator_row(cells)) continue;
      out += "<tr>";
      for (const auto& c : cells) {
        out += header_row ? "<th>" : "<td>";
        out += inline_html(c, image_source);
        out += header_row ? "</th>" : "</td>";
      }
      out += "</tr>\n";
      header_row = false;
    } else {
      if (block != Block::none) close();
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    }
  }
  close();
  return out;
}

}  // namespace vkrl::apps
