#include "vkrl/nearest_name.h"

#include <algorithm>
#include <numeric>

namespace vkrl {

namespace {

// Levenshtein distance with one row of memory.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t(0));
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string nearest_name(std::string_view given, const std::vector<std::string>& valid) {
  std::string best;
  size_t best_distance = 0;
  for (const auto& name : valid) {
    const size_t d = edit_distance(given, name);
    if (best.empty() || d < best_distance) best = name, best_distance = d;
  }
  const size_t limit = std::max<size_t>(1, (std::max(given.size(), best.size()) + 2) / 3);
  return best_distance <= limit ? best : std::string();
}

std::string unknown_name_message(std::string_view what, std::string_view given, const std::vector<std::string>& valid) {
  std::string message = "unknown " + std::string(what) + " '" + std::string(given) + "'";
  if (const std::string near = nearest_name(given, valid); !near.empty())
    message += "; did you mean '" + near + "'? valid: ";
  else
    message += "; valid: ";
  for (size_t i = 0; i < valid.size(); ++i) message += (i ? ", " : "") + valid[i];
  return message;
}

}  // namespace vkrl
