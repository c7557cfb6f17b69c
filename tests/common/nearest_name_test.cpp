// The "did you mean" suggestions: a close misspelling gets the right name, a far one gets none.
#include <catch2/catch.hpp>

#include "vkrl/nearest_name.h"

TEST_CASE("nearest_name suggests the closest valid name within a third of its length", "[common]") {
  const std::vector<std::string> keys = {"learning_rate", "batch_size", "epochs", "gamma"};
  CHECK(vkrl::nearest_name("lerning_rate", keys) == "learning_rate");  // one deletion
  CHECK(vkrl::nearest_name("batchsize", keys) == "batch_size");
  CHECK(vkrl::nearest_name("epoch", keys) == "epochs");
  CHECK(vkrl::nearest_name("gama", keys) == "gamma");
  CHECK(vkrl::nearest_name("optimizer", keys).empty());  // nothing close
  CHECK(vkrl::nearest_name("x", {}).empty());
}

TEST_CASE("unknown_name_message names the input, the suggestion and every valid name", "[common]") {
  CHECK(vkrl::unknown_name_message("preset", "minatr", {"minatar", "rainbow-lite"}) ==
        "unknown preset 'minatr'; did you mean 'minatar'? valid: minatar, rainbow-lite");
  CHECK(vkrl::unknown_name_message("layer type", "zzz", {"dense", "conv2d"}) ==
        "unknown layer type 'zzz'; valid: dense, conv2d");
}
