// A tiny training run that saves a checkpoint after every epoch and resumes from one when it finds it, for the
// kill-and-resume test (kill_resume_test.sh). Usage: train_with_checkpoints CHECKPOINT_DIR WEIGHTS_OUT EPOCHS
// PAUSE_MS; it pauses PAUSE_MS after each epoch (so a test can kill it mid-run) and writes the final weights to
// WEIGHTS_OUT.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "vkrl/error.h"
#include "vkrl/nn/checkpoint.h"
#include "vkrl/nn/data/toy2d.h"
#include "vkrl/nn/layers/activation_layer.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/trainer.h"

using namespace vkrl::nn;

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: train_with_checkpoints CHECKPOINT_DIR WEIGHTS_OUT EPOCHS PAUSE_MS\n");
    return 2;
  }
  try {
    auto backend = make_cpu_backend();
    const auto points = data::two_blobs(200, 3);
    std::vector<float> targets(400, 0.0f);
    for (int i = 0; i < 200; ++i) targets[size_t(2 * i + points.labels[size_t(i)])] = 1.0f;
    Sequential model;
    model.add(std::make_unique<Dense>(16)).add(std::make_unique<ActivationLayer>(Activation::tanh));
    model.add(std::make_unique<Dense>(2));
    model.build(*backend, {20, 2}, 1);
    // Nadam on a cosine schedule: the update depends on the step count, so a resume that lost it would show.
    OptimizerOptions nadam = optimizer_options("nadam");
    nadam.schedule = LearningRateSchedule::cosine(0.01, 60, 0.001);
    Optimizer optimizer(*backend, nadam);
    Trainer trainer(model, *backend, optimizer,
                    {.epochs = std::stoi(argv[3]), .batch_size = 20, .seed = 2, .validation_split = 0.1,
                     .checkpoint_dir = argv[1], .checkpoint_every = 1});
    const int pause_ms = std::stoi(argv[4]);
    trainer.add_callback([&](const EpochMetrics&) { std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms)); });
    if (const int epoch = trainer.resume())
      std::printf("resumed from epoch %d\n", epoch);
    else
      std::printf("no checkpoint: training from the start\n");
    std::fflush(stdout);
    trainer.fit({.x = points.xy, .y = targets, .inputs = 2, .outputs = 2});
    io::write_safetensors(argv[2], to_host(model.named_tensors()));
    return 0;
  } catch (const vkrl::Error& e) {
    std::fprintf(stderr, "train_with_checkpoints: %s\n", e.what());
    return 1;
  }
}
