// WorkerPool: every task of a batch runs exactly once, the first exception comes back to the caller, and batches keep
// working whether they come back to back (threads still polling) or after the threads have gone to sleep.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "vkrl/worker_pool.h"

TEST_CASE("worker pool: every task runs once, in batches back to back and after the threads sleep", "[common]") {
  for (int threads : {1, 2, 3}) {
    vkrl::WorkerPool pool(threads);
    CHECK(pool.threads() == threads);
    for (int batch = 0; batch < 60; ++batch) {
      INFO("threads " << threads << ", batch " << batch);
      const int count = batch % 7;  // 0 to 6 tasks, some batches with fewer tasks than threads
      std::vector<std::atomic<int>> runs(size_t(count) + 1);
      pool.run(count, [&](int i) { runs[size_t(i)]++; });
      for (int i = 0; i < count; ++i) CHECK(runs[size_t(i)] == 1);
      CHECK(runs[size_t(count)] == 0);
      // Every tenth batch waits past the threads' polling, so that the next one has to wake them.
      if (batch % 10 == 9) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

TEST_CASE("worker pool: tasks run on several threads at once", "[common]") {
  if (std::thread::hardware_concurrency() < 2) return;  // nothing to show on one core
  vkrl::WorkerPool pool(2);
  // Each task waits until both have started: both see the other only if the two run at the same time.
  std::atomic<int> started = 0;
  bool met[2] = {false, false};
  pool.run(2, [&](int i) {
    ++started;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (started < 2 && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
    met[i] = started == 2;
  });
  CHECK(met[0]);
  CHECK(met[1]);
}

TEST_CASE("worker pool: the first exception of a batch is rethrown, and the pool keeps working", "[common]") {
  vkrl::WorkerPool pool(2);
  std::atomic<int> runs = 0;
  CHECK_THROWS_WITH(pool.run(4,
                             [&](int i) {
                               ++runs;
                               if (i == 2) throw std::runtime_error("task 2 failed");
                             }),
                    "task 2 failed");
  CHECK(runs == 4);  // the other tasks still ran
  runs = 0;
  pool.run(3, [&](int) { ++runs; });
  CHECK(runs == 3);
}
