// `vkrl bench dqn`: DQN training speed with the MinAtar paper's settings (the `minatar` preset: one update of batch 32
// per frame after 5,000 random frames) in frames/s, for vkrl on the CPU backend and, on a GPU, on Vulkan, beside
// MinAtar's own examples/dqn.py with PyTorch (OPENBLAS_NUM_THREADS=1, on one thread and on as many as vkrl-cpu uses,
// the faster being the reference; on CUDA too when PyTorch sees a GPU), each over the same number of frames in the
// same run; and each side's peak memory, vkrl's with a full
// 100k-transition replay buffer (and dqn.py's too with --full-buffer, which runs it for 100k frames).
#pragma once

#include <cstdint>
#include <string>

#include "vkrl/engine/device_request.h"

namespace vkrl::bench {

struct DqnBenchOptions {
  int64_t frames = 30000;
  std::string game = "breakout";
  std::string minatar;  // empty: ../shared/peers/MinAtar beside the repository
  bool full_buffer = false;
  uint64_t seed = 0;
  engine::DeviceRequest device;
};

int run_dqn_bench(const DqnBenchOptions& options);

}  // namespace vkrl::bench
