// Scenarios from CSV files: a file written from a generated scenario plays the same loads, and each kind of bad
// file gives one line naming the file, the row and the column.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>

#include "support/vulkan_fixture.h"
#include "vkrl/envs/powergrid/power_grid_env.h"
#include "vkrl/envs/registry.h"
#include "vkrl/error.h"

using namespace vkrl::envs::powergrid;

namespace {

constexpr int kRows = 13;

// The scenario as CSV, with `edit(row, column, text)` free to change any cell (row 0 is the header).
std::string write_csv(const GridModel& m, const Scenario& s, const std::string& file,
                      const std::function<void(int, const std::string&, std::string&)>& edit = {}) {
  const std::string path = (std::filesystem::temp_directory_path() / file).string();
  std::ofstream out(path);
  std::vector<std::string> columns{"time"};
  for (const ModelLoad& l : m.loads) columns.push_back(l.name);
  for (const ModelGen& g : m.gens) columns.push_back(g.name);
  for (int r = 0; r <= s.rows; ++r) {
    std::string line;
    for (size_t c = 0; c < columns.size(); ++c) {
      std::string text;
      if (r == 0) text = columns[c];
      else if (c == 0) text = r == 1 ? "2019-03-04" : "";
      else if (c <= m.loads.size()) text = std::to_string(s.load_p_at(r - 1, static_cast<int>(c - 1)));
      else text = std::to_string(s.gen_p_at(r - 1, static_cast<int>(c - 1 - m.loads.size())));
      if (edit) edit(r, columns[c], text);
      line += (c ? "," : "") + text;
    }
    out << line << '\n';
  }
  return path;
}

}  // namespace

TEST_CASE("powergrid: a CSV scenario plays its loads and generators", "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const GridModel m = l2rpn_case14_sandbox();
  const Scenario s = generate_scenario(m, seed, kRows);
  const std::string path = write_csv(m, s, "vkrl_scenario_ok.csv");
  const Scenario read = read_scenario_csv(m, path, kRows);
  CHECK(read.year == 2019);
  CHECK(read.month == 3);
  CHECK(read.day == 4);
  CHECK(read.time_at(0).day_of_week == 0);  // 4 March 2019 was a Monday
  auto env = vkrl::envs::make_env("powergrid/case14,max_steps=12,scenario=" + path);
  auto& grid = dynamic_cast<PowerGridEnv&>(*env);
  for (int step = 0; step < 12; ++step) {
    for (int l = 0; l < read.loads; ++l) CHECK(grid.obs().load_p[l] == Approx(s.load_p_at(step, l)).epsilon(1e-5));
    const auto r = env->step(0);
    CHECK(r.truncated == (step == 11));
  }
  std::filesystem::remove(path);
}

TEST_CASE("powergrid: bad scenario CSV files name the file, row and column", "[envs][powergrid]") {
  const GridModel m = l2rpn_case14_sandbox();
  const Scenario s = generate_scenario(m, 3, kRows);
  const std::string missing = write_csv(m, s, "vkrl_scenario_missing.csv", [](int r, const std::string& c, std::string& t) {
    if (r == 0 && c == "load_3_2") t = "load_3_x";
  });
  CHECK_THROWS_WITH(read_scenario_csv(m, missing, kRows),
                    Catch::Contains("vkrl_scenario_missing.csv: row 1: no column for load load_3_2"));
  const std::string negative = write_csv(m, s, "vkrl_scenario_negative.csv", [](int r, const std::string& c, std::string& t) {
    if (r == 5 && c == "load_9_6") t = "-2.5";
  });
  CHECK_THROWS_WITH(read_scenario_csv(m, negative, kRows),
                    Catch::Contains("vkrl_scenario_negative.csv: row 6: column load_9_6: negative demand -2.5"));
  const std::string text = write_csv(m, s, "vkrl_scenario_text.csv", [](int r, const std::string& c, std::string& t) {
    if (r == 2 && c == "gen_5_2") t = "windy";
  });
  CHECK_THROWS_WITH(read_scenario_csv(m, text, kRows),
                    Catch::Contains("vkrl_scenario_text.csv: row 3: column gen_5_2: 'windy' is not a number"));
  const std::string ok = write_csv(m, s, "vkrl_scenario_rows.csv");
  CHECK_THROWS_WITH(read_scenario_csv(m, ok, kRows + 1),
                    Catch::Contains("vkrl_scenario_rows.csv: row 14: the file has 13 rows of data, an episode needs 14"));
  CHECK_THROWS_WITH(vkrl::envs::make_env("powergrid/case14,scenario=" + ok), Catch::Contains("an episode needs 8065"));
  for (const auto& p : {missing, negative, text, ok}) std::filesystem::remove(p);
}

TEST_CASE("powergrid: a CSV scenario's maintenance column takes its line out, a value other than 0 or 1 is named",
          "[envs][powergrid]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  const GridModel m = l2rpn_case14_sandbox();
  const Scenario s = generate_scenario(m, seed, kRows);
  // An extra last column: 1_3_3 in maintenance on data rows 2 to 4.
  auto maintenance = [](const char* value) {
    return [value](int r, const std::string& c, std::string& t) {
      if (c != "gen_0_5") return;
      t += r == 0 ? ",maintenance:1_3_3" : r - 1 >= 2 && r - 1 < 5 ? std::string(",") + value : ",0";
    };
  };
  const std::string path = write_csv(m, s, "vkrl_scenario_maintenance.csv", maintenance("1"));
  const Scenario read = read_scenario_csv(m, path, kRows);
  for (int r = 0; r < kRows; ++r) CHECK(read.in_maintenance(r, 3) == (r >= 2 && r < 5));
  CHECK_FALSE(read.in_maintenance(3, 4));
  auto env = vkrl::envs::make_env("powergrid/case14,max_steps=12,scenario=" + path);
  auto& grid = dynamic_cast<PowerGridEnv&>(*env);
  CHECK(grid.obs().time_next_maintenance[3] == 2);
  env->step(0), env->step(0);
  CHECK(grid.obs().line_status[3] == 0);
  const std::string bad = write_csv(m, s, "vkrl_scenario_maintenance_bad.csv", maintenance("2"));
  CHECK_THROWS_WITH(read_scenario_csv(m, bad, kRows),
                    Catch::Contains("vkrl_scenario_maintenance_bad.csv: row 4: column maintenance:1_3_3: '2' is not 0 "
                                    "or 1"));
  for (const auto& p : {path, bad}) std::filesystem::remove(p);
}
