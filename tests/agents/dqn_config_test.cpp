// DQN settings: presets, TOML files and key=value overrides, and the one-line errors for what is wrong in them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "vkrl/agents/dqn/dqn_config.h"
#include "vkrl/error.h"

using namespace vkrl::agents::dqn;
using Catch::Matchers::Contains;

namespace {

std::string write_toml(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("vkrl-dqn-config-" + name + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST_CASE("dqn presets: minatar is the paper's settings, rainbow-lite adds the four extensions", "[agents][dqn]") {
  const DqnConfig paper = dqn_preset("minatar");
  CHECK(paper.batch_size == 32);
  CHECK(paper.replay_capacity == 100000);
  CHECK(paper.replay_start == 5000);
  CHECK(paper.target_update_every == 1000);
  CHECK(paper.epsilon_end == 0.1);
  CHECK(paper.optimizer == "rmsprop-centered");
  CHECK(paper.learning_rate == 2.5e-4);
  CHECK(paper.optimizer_rho == 0.95);
  CHECK(paper.optimizer_epsilon == 0.01);
  CHECK_FALSE(paper.double_dqn);
  const DqnConfig rainbow = dqn_preset("rainbow-lite");
  CHECK(rainbow.double_dqn);
  CHECK(rainbow.dueling);
  CHECK(rainbow.prioritized);
  CHECK(rainbow.n_step == 3);
  CHECK_THROWS_WITH(dqn_preset("minatr"),
                    "unknown preset 'minatr'; did you mean 'minatar'? valid: minatar, rainbow-lite");
}

TEST_CASE("dqn options: key=value overrides are typed and range-checked", "[agents][dqn]") {
  DqnConfig c = dqn_preset("minatar");
  set_dqn_option(c, "frames", "20000", "--set");
  set_dqn_option(c, "double_dqn", "true", "--set");
  set_dqn_option(c, "gamma", "0.9", "--set");
  CHECK(c.frames == 20000);
  CHECK(c.double_dqn);
  CHECK(c.gamma == 0.9);
  CHECK_THROWS_WITH(set_dqn_option(c, "lerning_rate", "1", "--set"),
                    Contains("--set: unknown config key 'lerning_rate'; did you mean 'learning_rate'?"));
  CHECK_THROWS_WITH(set_dqn_option(c, "frames", "lots", "--set"), "--set: frames = 'lots' is not an integer");
  CHECK_THROWS_WITH(set_dqn_option(c, "dueling", "yes", "--set"), "--set: dueling = 'yes' is not true or false");
  CHECK_THROWS_WITH(set_dqn_option(c, "gamma", "1.5", "--set"), Contains("gamma must be in [0, 1]"));
  CHECK_THROWS_WITH(set_dqn_option(c, "loss", "l1", "--set"), Contains("loss must be huber or mse"));
}

TEST_CASE("dqn config files: TOML applies the preset first, then the keys, and names file and line on error",
          "[agents][dqn]") {
  const DqnConfig c = load_dqn_config(
      write_toml("good", "frames = 1234\npreset = \"rainbow-lite\"\nlearning_rate = 1e-3\nprioritized = false\n"),
      dqn_preset("minatar"));
  CHECK(c.preset == "rainbow-lite");
  CHECK(c.frames == 1234);
  CHECK(c.learning_rate == 1e-3);
  CHECK_FALSE(c.prioritized);
  CHECK(c.n_step == 3);

  const std::string misspelt = write_toml("misspelt", "frames = 10\nbatchsize = 64\n");
  CHECK_THROWS_WITH(load_dqn_config(misspelt, {}),
                    Contains(misspelt + ":2: unknown config key 'batchsize'; did you mean 'batch_size'?"));
  const std::string broken = write_toml("broken", "frames = \n");
  CHECK_THROWS_WITH(load_dqn_config(broken, {}), Contains(broken + ":1: "));
  const std::string table = write_toml("table", "[net]\nunits = 3\n");
  CHECK_THROWS_WITH(load_dqn_config(table, {}), Contains("net must be a string, number or boolean"));
}

TEST_CASE("dqn config text round-trips through TOML exactly", "[agents][dqn]") {
  DqnConfig c = dqn_preset("rainbow-lite");
  c.learning_rate = 6.25e-5;
  c.frames = 777;
  c.optimizer = "adam";
  const DqnConfig back = load_dqn_config(write_toml("roundtrip", dqn_config_toml(c)), {});
  CHECK(dqn_config_toml(back) == dqn_config_toml(c));
  CHECK(back.learning_rate == 6.25e-5);
  CHECK(back.optimizer == "adam");
}
