// Reading and checking the half-hourly demand series, and averaging it to hours.
#include "experiments/electricity_series.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

#include "vkrl/error.h"
#include "vkrl/nn/data/csv.h"

namespace vkrl::apps {

namespace {

using std::chrono::minutes;
using std::chrono::sys_seconds;

std::optional<int> digits(std::string_view text, size_t at, size_t count) {
  int value = 0;
  const char* first = text.data() + at;
  const auto [end, error] = std::from_chars(first, first + count, value);
  if (error != std::errc() || end != first + count) return std::nullopt;
  return value;
}

// `YYYY-MM-DDTHH:MM:SSZ` (UTC), or nothing when the text is anything else.
std::optional<sys_seconds> parse_timestamp(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z')
    return std::nullopt;
  const auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  const auto hour = digits(text, 11, 2), minute = digits(text, 14, 2), second = digits(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59)
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(unsigned(*month)),
                                         std::chrono::day(unsigned(*day))};
  if (!date.ok()) return std::nullopt;
  return sys_seconds(std::chrono::sys_days(date)) + std::chrono::hours(*hour) + minutes(*minute) +
         std::chrono::seconds(*second);
}

}  // namespace

HalfHourlySeries parse_half_hourly_demand(std::string_view text, const std::string& source) {
  const nn::data::CsvTable table = nn::data::CsvTable::parse(text, source);
  const std::vector<std::string> stamps = table.text_column("timestamp");
  const std::vector<double> demand = table.number_column("demand_mw");  // names the line of a non-number
  if (stamps.empty()) throw Error(source + ": no data rows");
  const auto at = [&](size_t row) { return fmt::format("{}:{}: ", source, table.line_of_row(row)); };

  HalfHourlySeries series{.start = {}, .demand = demand};
  std::optional<sys_seconds> previous;
  for (size_t row = 0; row < stamps.size(); ++row) {
    const std::optional<sys_seconds> stamp = parse_timestamp(stamps[row]);
    if (!stamp) throw Error(at(row) + "timestamp '" + stamps[row] + "' is not YYYY-MM-DDTHH:MM:SSZ");
    if (stamp->time_since_epoch() % minutes(30) != std::chrono::seconds(0))
      throw Error(at(row) + "timestamp " + stamps[row] + " is not on a full or half hour");
    if (!(demand[row] > 0)) throw Error(at(row) + fmt::format("demand {} MW is not positive", demand[row]));
    if (!previous) {
      series.start = *stamp;
    } else if (*stamp - *previous != minutes(30)) {
      const auto step = std::chrono::duration_cast<minutes>(*stamp - *previous).count();
      throw Error(at(row) + fmt::format("timestamp {} is {} minutes after the previous row's {} (a {}; the series must "
                                        "be strictly half-hourly)",
                                        stamps[row], step, stamps[row - 1], step > 30 ? "gap" : "misordered row"));
    }
    previous = stamp;
  }
  return series;
}

HalfHourlySeries load_half_hourly_demand(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open the demand series");
  std::stringstream text;
  text << in.rdbuf();
  return parse_half_hourly_demand(text.str(), path.string());
}

HourlySeries hourly(const HalfHourlySeries& series) {
  // A series starting at :30 begins its first whole hour one row later.
  const size_t first = series.start.time_since_epoch() % std::chrono::hours(1) == std::chrono::seconds(0) ? 0 : 1;
  HourlySeries result{.start = series.start + minutes(30 * int(first)), .demand = {}};
  for (size_t i = first; i + 1 < series.demand.size(); i += 2)
    result.demand.push_back(0.5 * (series.demand[i] + series.demand[i + 1]));
  return result;
}

}  // namespace vkrl::apps
