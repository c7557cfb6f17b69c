// Elementwise, fill, copy and reduction ops against a CPU reference on fresh random inputs at awkward sizes.
#include "vkrl/engine/ops.h"

#include <catch2/catch.hpp>
#include <numeric>

#include "support/vulkan_fixture.h"
#include "vkrl/engine/buffer.h"
#include "vkrl/engine/stream.h"

using namespace vkrl;

TEST_CASE_METHOD(test::VulkanFixture, "axpby matches the CPU", "[engine][ops]") {
  const size_t n = GENERATE(1, 7, 33, 255, 256, 257, 100003, 17000001);
  const uint64_t seed = test::fresh_seed();
  INFO("n = " << n << ", seed " << seed);
  std::mt19937_64 rng(seed);
  const auto x = test::random_floats(n, rng), y = test::random_floats(n, rng);
  const float alpha = test::random_floats(1, rng, -3, 3)[0], beta = test::random_floats(1, rng, -3, 3)[0];
  engine::Buffer X(ctx, n * 4), Y(ctx, n * 4), Z(ctx, n * 4);
  X.upload<float>(x);
  Y.upload<float>(y);
  engine::Stream s(ctx);
  engine::axpby(s, alpha, X.view(), beta, Y.view(), Z.view());
  s.run();
  const auto z = Z.download<float>(n);
  for (size_t i = 0; i < n; ++i) REQUIRE(z[i] == Approx(alpha * x[i] + beta * y[i]).margin(1e-6));
}

TEST_CASE_METHOD(test::VulkanFixture, "axpby on sub-views touches only its range", "[engine][ops]") {
  engine::Buffer X(ctx, 40 * 4);
  std::vector<float> x(40);
  std::iota(x.begin(), x.end(), 0.0f);
  X.upload<float>(x);
  engine::Stream s(ctx);
  // x[20..27) = 2 * x[3..10) + x[20..27)
  engine::axpby(s, 2.0f, X.view(3 * 4, 7 * 4), 1.0f, X.view(20 * 4, 7 * 4), X.view(20 * 4, 7 * 4));
  s.run();
  const auto got = X.download<float>(40);
  for (size_t i = 0; i < 40; ++i) REQUIRE(got[i] == (i >= 20 && i < 27 ? 2.0f * float(i - 17) + float(i) : x[i]));
}

TEST_CASE_METHOD(test::VulkanFixture, "fill and copy move exactly the bytes asked for", "[engine][ops]") {
  engine::Buffer a(ctx, 33 * 4), b(ctx, 33 * 4);
  a.upload<float>(std::vector<float>(33, -1.0f));
  b.upload<float>(std::vector<float>(33, -2.0f));
  engine::Stream s(ctx);
  s.fill(a.view(4 * 4, 7 * 4), 2.5f);
  s.copy(a.view(0, 16 * 4), b.view(17 * 4, 16 * 4));  // reads what the fill wrote: the stream inserts the barrier
  s.run();
  const auto ga = a.download<float>(33), gb = b.download<float>(33);
  for (size_t i = 0; i < 33; ++i) {
    REQUIRE(ga[i] == (i >= 4 && i < 11 ? 2.5f : -1.0f));
    REQUIRE(gb[i] == (i < 17 ? -2.0f : ga[i - 17]));
  }
}

TEST_CASE_METHOD(test::VulkanFixture, "update writes host bytes in order with the other commands", "[engine][ops]") {
  const size_t n = GENERATE(1, 7, 33, 16384);  // 16384 floats: the largest update
  const size_t at = GENERATE(0, 5);
  const uint64_t seed = test::fresh_seed();
  INFO("n = " << n << ", offset " << at << ", seed " << seed);
  std::mt19937_64 rng(seed);
  const auto before = test::random_floats(at + n + 3, rng), values = test::random_floats(n, rng);
  engine::Buffer a(ctx, before.size() * 4), b(ctx, n * 4);
  a.upload<float>(before);
  engine::Stream s(ctx);
  s.copy(a.view(at * 4, n * 4), b.view());                            // reads the old values first
  s.update(a.view(at * 4, n * 4), std::as_bytes(std::span(values)));  // the stream puts a barrier before this write
  s.run();
  const auto ga = a.download<float>(before.size()), gb = b.download<float>(n);
  for (size_t i = 0; i < before.size(); ++i) REQUIRE(ga[i] == (i >= at && i < at + n ? values[i - at] : before[i]));
  for (size_t i = 0; i < n; ++i) REQUIRE(gb[i] == before[at + i]);
}

TEST_CASE_METHOD(test::VulkanFixture, "update refuses more than 64 KiB or a size mismatch", "[engine][ops]") {
  engine::Buffer a(ctx, 16385 * 4);
  engine::Stream s(ctx);
  const std::vector<float> big(16385, 1.0f);
  REQUIRE_THROWS_WITH(s.update(a.view(), std::as_bytes(std::span(big))), Catch::Contains("at most 65536 bytes"));
  REQUIRE_THROWS_WITH(s.update(a.view(0, 8), std::as_bytes(std::span(big).first(3))),
                      Catch::Contains("12 bytes into a view of 8"));
}

TEST_CASE_METHOD(test::VulkanFixture, "reduce_sum matches a double-precision sum and is deterministic",
                 "[engine][ops]") {
  const size_t n = GENERATE(1, 7, 33, 256, 65537, 1000003);
  const uint64_t seed = test::fresh_seed();
  INFO("n = " << n << ", seed " << seed);
  std::mt19937_64 rng(seed);
  const auto x = test::random_floats(n, rng, 0.0f, 1.0f);
  engine::Buffer X(ctx, n * 4), scratch(ctx, engine::reduce_scratch_floats() * 4), out(ctx, 2 * 4);
  X.upload<float>(x);
  out.upload<float>(std::vector<float>{-7.0f, -7.0f});
  engine::Stream s(ctx);
  engine::reduce_sum(s, X.view(), scratch.view(), out.view(4, 4));
  s.run();
  const auto first = out.download<float>(2);
  const double want = std::accumulate(x.begin(), x.end(), 0.0);
  CHECK(first[0] == -7.0f);  // only the output view was written
  CHECK(first[1] == Approx(want).epsilon(1e-5));
  s.run();  // an empty stream: nothing changes
  engine::reduce_sum(s, X.view(), scratch.view(), out.view(4, 4));
  s.run();
  CHECK(out.download<float>(2)[1] == first[1]);  // bit for bit
}

TEST_CASE_METHOD(test::VulkanFixture, "reduce_sum of nothing is zero", "[engine][ops]") {
  engine::Buffer X(ctx, 16), scratch(ctx, engine::reduce_scratch_floats() * 4), out(ctx, 4);
  out.upload<float>(std::vector<float>{5.0f});
  engine::Stream s(ctx);
  engine::reduce_sum(s, X.view(0, 0), scratch.view(), out.view());
  s.run();
  CHECK(out.download<float>(1)[0] == 0.0f);
}
