// LinearSchedule: the MinAtar paper's ε (1.0 to 0.1 over 100k frames after a 5k replay start) and a β ramp.
#include <catch2/catch.hpp>

#include "vkrl/agents/dqn/schedule.h"

using vkrl::agents::dqn::LinearSchedule;

TEST_CASE("dqn schedule: ε holds its start until the offset, ramps linearly, then holds its end", "[agents][dqn]") {
  const LinearSchedule epsilon{.start = 1.0, .end = 0.1, .begin = 5'000, .duration = 100'000};
  CHECK(epsilon.value(0) == 1.0);
  CHECK(epsilon.value(4'999) == 1.0);
  CHECK(epsilon.value(5'000) == 1.0);
  CHECK(epsilon.value(55'000) == Approx(0.55).epsilon(1e-12));
  CHECK(epsilon.value(30'000) == Approx(0.775).epsilon(1e-12));
  CHECK(epsilon.value(105'000) == Approx(0.1).epsilon(1e-12));
  CHECK(epsilon.value(5'000'000) == Approx(0.1).epsilon(1e-12));
}

TEST_CASE("dqn schedule: β rises from 0.4 to 1, and a zero duration jumps at the offset", "[agents][dqn]") {
  const LinearSchedule beta{.start = 0.4, .end = 1.0, .begin = 0, .duration = 200};
  CHECK(beta.value(0) == Approx(0.4));
  CHECK(beta.value(50) == Approx(0.55));
  CHECK(beta.value(200) == Approx(1.0));
  CHECK(beta.value(10'000) == Approx(1.0));
  const LinearSchedule step{.start = 3.0, .end = -1.0, .begin = 10, .duration = 0};
  CHECK(step.value(9) == 3.0);
  CHECK(step.value(10) == -1.0);
}
