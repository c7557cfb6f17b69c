// An electricity demand series as the electricity experiment reads it: a CSV file with the header
// `timestamp,demand_mw`, one row per half hour, timestamps in UTC as `YYYY-MM-DDTHH:MM:SSZ` (data/electricity/ holds
// J. W. Taylor's England-and-Wales series of summer 2000). The loader checks that the timestamps fall on full and half
// hours and follow each other exactly 30 minutes apart, and that every demand is a positive number; anything else is
// a vkrl::Error naming the file, the row's line and the problem (a gap, a repeated or backward timestamp, a malformed
// timestamp, a non-numeric or non-positive demand). hourly() averages each clock hour's two half hours.
#pragma once

#include <chrono>
#include <filesystem>
#include <string_view>
#include <vector>

namespace vkrl::apps {

struct HalfHourlySeries {
  std::chrono::sys_seconds start;  // the first row's timestamp
  std::vector<double> demand;      // one value per half hour from start
};

struct HourlySeries {
  std::chrono::sys_seconds start;  // the first whole hour (minute 0)
  std::vector<double> demand;      // one value per hour from start: the mean of its :00 and :30 half hours
};

HalfHourlySeries load_half_hourly_demand(const std::filesystem::path& path);
// The same checks on CSV text in memory; `source` names it in errors.
HalfHourlySeries parse_half_hourly_demand(std::string_view text, const std::string& source);

// Averages the half hours of each whole hour; a leading :30 row or a trailing :00 row, which has no partner, is left
// out.
HourlySeries hourly(const HalfHourlySeries& series);

}  // namespace vkrl::apps
