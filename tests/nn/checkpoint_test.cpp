// Checkpoints: training 4 epochs straight equals 2 epochs, a checkpoint, fresh objects and a resume for 2 more, bit for
// bit (weights, optimizer state and metrics); loading names the file and tensor at fault; a new checkpoint replaces
// an old one whole; Python reads model.safetensors with a plain header parse (into torch tensors when PyTorch is
// installed).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "scratch_dir.h"
#include "vkrl/error.h"
#include "vkrl/nn/checkpoint.h"
#include "vkrl/nn/data/toy2d.h"
#include "vkrl/nn/layers/activation_layer.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/trainer.h"

using namespace vkrl::nn;

namespace {

struct Setup {
  std::unique_ptr<Backend> backend = make_cpu_backend();
  data::Points2D points = data::two_blobs(120, 11);
  std::vector<float> targets = std::vector<float>(240, 0.0f);
  Sequential model;
  Optimizer optimizer;
  Trainer trainer;

  Setup(const std::filesystem::path& checkpoints, int epochs, int every, int hidden = 8)
      : optimizer(*backend, {.rule = {.kind = OptimizerKind::adam},
                             .schedule = LearningRateSchedule::cosine(0.02, 20, 0.001),
                             .clip_norm = 1.0}),
        trainer(build(hidden), *backend, optimizer,
                {.epochs = epochs, .batch_size = 16, .seed = 21, .l2 = 1e-3, .validation_split = 0.2,
                 .patience = 3, .checkpoint_dir = checkpoints, .checkpoint_every = every, .quiet = true}) {
    for (int i = 0; i < 120; ++i) targets[size_t(2 * i + points.labels[size_t(i)])] = 1.0f;
  }
  Sequential& build(int hidden) {
    model.add(std::make_unique<Dense>(hidden)).add(std::make_unique<ActivationLayer>(Activation::relu));
    model.add(std::make_unique<Dense>(2));
    model.build(*backend, {16, 2}, 5);
    return model;
  }
  Dataset data() const { return {.x = points.xy, .y = targets, .inputs = 2, .outputs = 2}; }
  std::vector<std::vector<float>> weights() {
    std::vector<std::vector<float>> all;
    for (const auto& [name, t] : model.named_tensors()) all.push_back(t.read());
    for (auto& slots : optimizer.ensure_state(model.params()))
      for (const auto& s : slots) all.push_back(s.read());
    return all;
  }
};

void check_same(const EpochMetrics& a, const EpochMetrics& b) {
  INFO("epoch " << a.epoch);
  CHECK(a.epoch == b.epoch);
  CHECK(a.loss == b.loss);  // exactly, not approximately
  CHECK(a.accuracy == b.accuracy);
  CHECK(a.val_loss == b.val_loss);
  CHECK(a.val_accuracy == b.val_accuracy);
  CHECK(a.learning_rate == b.learning_rate);
}

}  // namespace

TEST_CASE("checkpoint: 2 epochs + checkpoint + resume 2 more equals 4 straight, bit for bit", "[nn][checkpoint]") {
  const auto dir = scratch_dir("checkpoint-resume");
  Setup straight(dir / "straight", 4, 0);
  const auto full = straight.trainer.fit(straight.data());
  REQUIRE(full.size() == 4);

  {
    Setup first(dir / "split", 2, 2);
    first.trainer.fit(first.data());
    REQUIRE(checkpoint_exists(dir / "split"));
  }
  Setup second(dir / "split", 4, 2);
  REQUIRE(second.trainer.resume() == 2);
  CHECK(second.optimizer.step_count() == 2 * 6);  // 96 training rows in batches of 16
  const auto rest = second.trainer.fit(second.data());
  REQUIRE(rest.size() == 2);
  check_same(rest[0], full[2]);
  check_same(rest[1], full[3]);
  REQUIRE(second.trainer.history().size() == 4);
  check_same(second.trainer.history()[0], full[0]);
  CHECK(second.weights() == straight.weights());

  const CheckpointMeta meta = read_checkpoint_meta(dir / "split");
  CHECK(meta.epoch == 4);
  CHECK(meta.step == 24);
  CHECK(meta.optimizer == "adam");
  CHECK(meta.rng.count("shuffle") == 1);
}

TEST_CASE("checkpoint: loading names the file and the tensor at fault", "[nn][checkpoint]") {
  const auto dir = scratch_dir("checkpoint-errors");
  {
    Setup saved(dir / "ckpt", 1, 1);
    saved.trainer.fit(saved.data());
  }
  const std::string model_file = (dir / "ckpt" / "model.safetensors").string();
  SECTION("a shape that differs") {
    Setup other(dir / "ckpt", 2, 1, 6);
    CHECK_THROWS_WITH(other.trainer.resume(),
                      model_file + ": tensor '0.weight' has shape [2, 8], the model needs [2, 6]");
  }
  SECTION("another optimizer") {
    Setup other(dir / "ckpt", 2, 1);
    Optimizer sgd(*other.backend, optimizer_options("sgd"));
    CHECK_THROWS_WITH(load_checkpoint(dir / "ckpt", other.model, sgd),
                      (dir / "ckpt" / "meta.json").string() + ": optimizer adam, this run uses sgd");
  }
  SECTION("a tensor the model lacks, and one it needs") {
    Setup other(dir / "ckpt", 2, 1);
    auto tensors = to_host(other.model.named_tensors());
    tensors[0].name = "9.weight";
    io::write_safetensors(dir / "ckpt" / "model.safetensors", tensors);
    CHECK_THROWS_WITH(other.trainer.resume(), model_file + ": no tensor '0.weight', which the model needs");
  }
  SECTION("a checkpoint made with another configuration") {
    Setup other(dir / "ckpt", 2, 1);
    Trainer changed(other.model, *other.backend, other.optimizer,
                    {.epochs = 2, .batch_size = 8, .seed = 21, .checkpoint_dir = dir / "ckpt", .quiet = true});
    CHECK_THROWS_WITH(changed.resume(), "checkpoint: made with batch_size = 16, this run has 8");
  }
}

TEST_CASE("checkpoint: a new checkpoint replaces the old one whole, leaving no temporary", "[nn][checkpoint]") {
  const auto dir = scratch_dir("checkpoint-replace");
  Setup run(dir / "ckpt", 2, 1);
  run.trainer.fit(run.data());
  CHECK(read_checkpoint_meta(dir / "ckpt").epoch == 2);
  CHECK(!std::filesystem::exists(dir / "ckpt.tmp"));
  // A directory left by a process killed while writing is cleared by the next save.
  std::filesystem::create_directories(dir / "ckpt.tmp");
  std::ofstream(dir / "ckpt.tmp" / "model.safetensors") << "half";
  run.trainer.save_checkpoint(dir / "ckpt");
  CHECK(!std::filesystem::exists(dir / "ckpt.tmp"));
  CHECK(read_checkpoint_meta(dir / "ckpt").epoch == 2);
}

TEST_CASE("checkpoint: Python reads model.safetensors", "[nn][checkpoint]") {
  if (std::system("test -x /usr/bin/python3") != 0) {
    WARN("no /usr/bin/python3: the Python check is skipped");
    return;
  }
  const auto dir = scratch_dir("checkpoint-python");
  Setup run(dir / "ckpt", 1, 1);
  run.trainer.fit(run.data());
  // The script parses the header with struct and json and prints each tensor's name, shape and sum; with PyTorch
  // installed the values become torch tensors (torch.frombuffer), as a PyTorch user would load them.
  std::ofstream(dir / "read.py") << R"(import json, struct, sys
data = open(sys.argv[1], 'rb').read()
n = struct.unpack('<Q', data[:8])[0]
header = json.loads(data[8:8 + n])
try:
    import torch
except ImportError:
    torch = None
for name in sorted(k for k in header if k != '__metadata__'):
    entry = header[name]
    assert entry['dtype'] == 'F32', entry
    begin, end = entry['data_offsets']
    raw = data[8 + n + begin:8 + n + end]
    if torch is not None:
        total = float(torch.frombuffer(bytearray(raw), dtype=torch.float32).reshape(entry['shape']).double().sum())
    else:
        total = sum(struct.unpack('<%df' % (len(raw) // 4), raw))
    print(name, 'x'.join(map(str, entry['shape'])), repr(total))
)";
  const auto out = dir / "out.txt";
  REQUIRE(std::system(("/usr/bin/python3 " + (dir / "read.py").string() + " " +
                       (dir / "ckpt" / "model.safetensors").string() + " > " + out.string())
                          .c_str()) == 0);
  std::ifstream in(out);
  std::map<std::string, std::pair<std::string, double>> read;
  std::string name, shape;
  double total = 0;
  while (in >> name >> shape >> total) read[name] = {shape, total};
  const auto tensors = run.model.named_tensors();
  REQUIRE(read.size() == tensors.size());
  for (const auto& [tensor_name, t] : tensors) {
    INFO(tensor_name);
    REQUIRE(read.count(tensor_name) == 1);
    std::string want_shape;
    for (int i = 0; i < t.shape().rank(); ++i) {
      if (i) want_shape += 'x';
      want_shape += std::to_string(t.shape()[i]);
    }
    CHECK(read[tensor_name].first == want_shape);
    double sum = 0;
    for (float v : t.read()) sum += v;
    CHECK(read[tensor_name].second == Approx(sum).epsilon(1e-9));
  }
}
