// A recorded Graph of dependent dispatches replayed with one submit each.
#include <catch2/catch.hpp>

#include "support/vulkan_fixture.h"
#include "vkrl/engine/buffer.h"
#include "vkrl/engine/graph.h"
#include "vkrl/engine/ops.h"
#include "vkrl/engine/stream.h"

using namespace vkrl;

TEST_CASE_METHOD(test::VulkanFixture, "graph: 100 dependent dispatches replayed 10 times give the exact result",
                 "[engine][graph]") {
  const size_t n = GENERATE(1, 7, 1000, 70000);
  INFO("n = " << n);
  engine::Buffer x(ctx, n * 4), step(ctx, n * 4);
  std::vector<float> steps(n);
  for (size_t i = 0; i < n; ++i) steps[i] = float(i % 5) - 2.0f;  // small integers: every sum below is exact
  step.upload<float>(steps);
  x.upload<float>(std::vector<float>(n, 3.0f));

  engine::Stream s(ctx);
  // Each dispatch reads what the one before it wrote: x = 1 * x + 1 * step, in place.
  for (int d = 0; d < 100; ++d) engine::axpby(s, 1.0f, x.view(), 1.0f, step.view(), x.view());
  engine::Graph graph = s.finish();
  for (int r = 0; r < 10; ++r) graph.replay();

  const auto got = x.download<float>(n);
  for (size_t i = 0; i < n; ++i) REQUIRE(got[i] == 3.0f + 1000.0f * steps[i]);
}

TEST_CASE_METHOD(test::VulkanFixture, "graph: inputs changed between replays are seen by the next replay",
                 "[engine][graph]") {
  engine::Buffer a(ctx, 64 * 4), b(ctx, 64 * 4), out(ctx, 64 * 4);
  engine::Stream s(ctx);
  engine::axpby(s, 2.0f, a.view(), 1.0f, b.view(), out.view());
  engine::Graph graph = s.finish();
  for (int r = 1; r <= 3; ++r) {
    a.upload<float>(std::vector<float>(64, float(r)));
    b.upload<float>(std::vector<float>(64, 10.0f * r));
    graph.replay();
    REQUIRE(out.download<float>(64) == std::vector<float>(64, 12.0f * r));
  }
}

TEST_CASE_METHOD(test::VulkanFixture, "graph: knows which buffers its commands use", "[engine][graph]") {
  engine::Buffer a(ctx, 64 * 4), b(ctx, 64 * 4), out(ctx, 64 * 4), copied(ctx, 64 * 4), unused(ctx, 64 * 4);
  engine::Stream s(ctx);
  engine::axpby(s, 2.0f, a.view(), 1.0f, b.view(), out.view());
  s.copy(out.view(), copied.view());
  s.run();  // work that ran before recording began is not the graph's
  s.fill(out.view(0, 16), 1.0f);
  engine::axpby(s, 1.0f, a.view(), 1.0f, a.view(), a.view());
  const engine::Graph graph = s.finish();
  CHECK(graph.uses(a));
  CHECK(graph.uses(out));
  CHECK_FALSE(graph.uses(b));
  CHECK_FALSE(graph.uses(copied));
  CHECK_FALSE(graph.uses(unused));
}
