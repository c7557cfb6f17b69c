// `vkrl bench nn`: training and inference speed of the two nets a DQN agent uses, the MinAtar paper's net (conv 16
// 3x3 on 4x10x10, dense 128, 6 outputs) and an MLP 400-128-6: updates/s (forward, a smooth-L1 loss on one output per
// row, backward and an Adam step, on a batch of 32; vkrl replays the captured update as DQN does) and batch-1
// forwards/s, for vkrl on the CPU backend and on the Vulkan device, beside PyTorch (Debian's python3-torch, one thread,
// OPENBLAS_NUM_THREADS=1; on CUDA too when PyTorch sees a GPU) measured in the same run by bench/nn_torch.py.
#pragma once

#include <cstdint>

#include "vkrl/engine/device_request.h"

namespace vkrl::bench {

struct NnBenchOptions {
  double seconds = 2.0;  // timed seconds per measurement
  uint64_t seed = 0;
  engine::DeviceRequest device;  // the Vulkan device for the vkrl-vulkan column
};

int run_nn_bench(const NnBenchOptions& options);

}  // namespace vkrl::bench
