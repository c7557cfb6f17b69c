// Run folders: metrics.csv resumed after a checkpoint keeps the rows written before it, drops the ones after it (and
// a row cut short by a kill), and goes on appending.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "runs/run_dir.h"
#include "vkrl/error.h"

using namespace vkrl::apps;

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("metrics.csv resumes at a checkpoint: earlier rows kept, later ones and a torn row dropped", "[apps][runs]") {
  const auto dir = std::filesystem::temp_directory_path() / "vkrl-run-dir-test";
  std::filesystem::remove_all(dir);
  RunDir run(dir, "resumed");
  {
    MetricsCsv csv(run.file("metrics.csv"), {"frame", "score"});
    csv.add({100, 1.5});
    csv.add({200, 2.5});
    csv.add({300, 3.5});
  }
  std::ofstream(run.file("metrics.csv"), std::ios::app) << "400,4";  // a row torn by a kill mid-write
  MetricsCsv resumed = MetricsCsv::resume(run.file("metrics.csv"), {"frame", "score"},
                                          [](const std::vector<double>& row) { return row[0] <= 250; });
  CHECK(resumed.rows() == std::vector<std::vector<double>>{{100, 1.5}, {200, 2.5}});
  resumed.add({260, 9});
  CHECK(read_text(run.file("metrics.csv")) == "frame,score\n100,1.5\n200,2.5\n260,9\n");
  CHECK(resumed.rows().size() == 3);
  CHECK_THROWS_WITH(MetricsCsv::resume(run.file("metrics.csv"), {"frame", "loss"}, [](auto&) { return true; }),
                    Catch::Matchers::Contains("metrics.csv:1: columns 'frame,score', expected 'frame,loss'"));
  // No file yet: a fresh one with the header.
  MetricsCsv fresh = MetricsCsv::resume(run.file("new.csv"), {"a"}, [](auto&) { return true; });
  CHECK(fresh.rows().empty());
  CHECK(read_text(run.file("new.csv")) == "a\n");
}
