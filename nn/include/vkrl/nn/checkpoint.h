// A checkpoint is a directory: model.safetensors (every named tensor of the model, Sequential::named_tensors():
// "0.weight", "2.running_mean", ...), optimizer.safetensors (each parameter's optimizer state as "<param>.<slot>",
// e.g. "0.weight.m"), and meta.json (the model spec text, epoch, optimizer step count, the RNG states, the trainer's
// configuration and the vkrl version). It is written into a temporary directory beside the target and then swapped
// in with one rename, so an old checkpoint is replaced only once the new one is complete and a killed process leaves
// either the old or the new one. Loading checks every name, shape and dtype and throws vkrl::Error naming the file
// and the tensor.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "vkrl/nn/io/safetensors.h"
#include "vkrl/nn/optimizer.h"
#include "vkrl/nn/sequential.h"

namespace vkrl::nn {

struct CheckpointMeta {
  std::string model_spec;                 // the text the model was built from, if any
  int epoch = 0;                          // epochs completed
  int64_t step = 0;                       // optimizer updates made
  std::map<std::string, std::string> rng;  // generator name -> its state as text (e.g. "shuffle")
  std::string trainer;                    // the trainer's configuration and progress, JSON text
  std::string optimizer;                  // optimizer_name() of the rule; filled in by save_checkpoint
  std::string vkrl_version;               // filled in by save_checkpoint
};

// The names of model.params(), in order ("<layer index>.<name>").
std::vector<std::string> parameter_names(Sequential& model);

// Host copies of named tensors, and their inverse: values written into `tensors` after checking that `loaded`
// holds exactly these names with these shapes (`file` names the source in errors).
std::vector<io::NamedTensor> to_host(const std::vector<std::pair<std::string, Tensor>>& tensors);
void load_into(const std::vector<std::pair<std::string, Tensor>>& tensors, const io::SafetensorsFile& loaded,
               const std::string& file);

// Files besides the three (e.g. the trainer's best weights) go in `extra`: file name -> tensors.
void save_checkpoint(const std::filesystem::path& dir, Sequential& model, Optimizer& optimizer,
                     const CheckpointMeta& meta,
                     const std::map<std::string, std::vector<io::NamedTensor>>& extra = {});
bool checkpoint_exists(const std::filesystem::path& dir);  // a complete one: meta.json is written last
CheckpointMeta read_checkpoint_meta(const std::filesystem::path& dir);
// Loads weights and optimizer state into `model` and `optimizer` (whose rule must match) and returns the meta.
CheckpointMeta load_checkpoint(const std::filesystem::path& dir, Sequential& model, Optimizer& optimizer);

}  // namespace vkrl::nn
