// WorkerPool runs a batch of tasks across a fixed set of threads and waits for all of them: the parallel-for that
// VectorEnv steps its copies with, and that the CPU backend runs independent ops with. The calling thread takes part,
// so a pool of 1 thread runs everything inline. A thread that runs out of work polls for a short while before it
// sleeps, so that batches a few hundred microseconds apart (a training step's) do not each pay for waking a thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace vkrl {

class WorkerPool {
public:
  explicit WorkerPool(int threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int threads() const { return static_cast<int>(workers_.size()) + 1; }
  // Calls task(i) for every i in [0, count) and returns when all are done. The first exception a task throws is
  // rethrown here.
  void run(int count, const std::function<void(int)>& task);

private:
  void work_until_done();
  void worker_loop();

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  const std::function<void(int)>* task_ = nullptr;
  int count_ = 0, next_ = 0, running_ = 0;
  // Written under mutex_; atomic so that a polling thread may read them without it.
  std::atomic<unsigned> generation_ = 0;
  std::atomic<bool> stopping_ = false, batch_done_ = false;
  std::exception_ptr error_;
};

}  // namespace vkrl
