#include "vkrl/worker_pool.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace vkrl {

namespace {

// Polls `ready` for up to 1 ms, yielding the core between polls. The caller then sleeps on its condition variable,
// which checks the same state under the lock, so polling only saves a wake-up.
template <class Ready>
void poll_briefly(Ready ready) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1);
  while (!ready() && std::chrono::steady_clock::now() < until) std::this_thread::yield();
}

}  // namespace

WorkerPool::WorkerPool(int threads) {
  for (int t = 1; t < std::max(threads, 1); ++t) workers_.emplace_back([this] { worker_loop(); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& w : workers_) w.join();
}

// Takes task indices until none are left; shared by the caller and the workers.
void WorkerPool::work_until_done() {
  std::unique_lock lock(mutex_);
  while (next_ < count_) {
    const int i = next_++;
    ++running_;
    lock.unlock();
    try {
      (*task_)(i);
    } catch (...) {
      std::lock_guard error_lock(mutex_);
      if (!error_) error_ = std::current_exception();
    }
    lock.lock();
    if (--running_ == 0 && next_ >= count_) {
      batch_done_ = true;
      finished_.notify_all();
    }
  }
}

void WorkerPool::worker_loop() {
  unsigned seen = 0;
  while (true) {
    poll_briefly([&] { return stopping_ || generation_ != seen; });
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    work_until_done();
  }
}

void WorkerPool::run(int count, const std::function<void(int)>& task) {
  {
    std::lock_guard lock(mutex_);
    task_ = &task;
    count_ = count;
    next_ = 0;
    error_ = nullptr;
    batch_done_ = count == 0;
    ++generation_;
  }
  wake_.notify_all();
  work_until_done();
  poll_briefly([&] { return bool(batch_done_); });
  std::unique_lock lock(mutex_);
  finished_.wait(lock, [&] { return next_ >= count_ && running_ == 0; });
  task_ = nullptr;
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

}  // namespace vkrl
