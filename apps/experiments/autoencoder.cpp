// autoencoder: the course's autoencoders (REFERENCE.md section 9.7). First the classic 8-3-8 identity autoencoder:
// the eight one-hot vectors through three sigmoid units and back, trained with binary cross-entropy until every input
// comes back, its hidden codes printed as the course tabulates them. Then a dense autoencoder on Fashion-MNIST with a
// 2-D code (784-512-128-2-128-512-784, ReLU, sigmoid output with binary cross-entropy) whose code of every test image
// is drawn in the latent plane coloured by class (latent.png), with a grid of images decoded from points across that
// plane (decoded-grid.png). How well the classes separate is measured by a 10-nearest-neighbour vote in the plane.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "experiments/experiment.h"
#include "experiments/fashion_mnist_data.h"
#include "experiments/latent_plane.h"
#include "experiments/layer_range.h"
#include "media/png.h"
#include "vkrl/error.h"
#include "vkrl/nn/model_spec.h"
#include "vkrl/nn/trainer.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

constexpr int kIdentitySize = 8, kIdentityCode = 3;

struct IdentityResult {
  std::vector<float> codes;    // 8 x 3 hidden activations
  std::vector<float> outputs;  // 8 x 8 output probabilities
  int recovered = 0;           // inputs whose largest output is their own one and every output rounds right
  double loss = 0;
};

IdentityResult train_identity(nn::Backend& backend, const ExperimentOptions& options) {
  nn::Model model = nn::model_from_json(
      R"({"input": [8], "layers": [{"type": "dense", "units": 3, "activation": "sigmoid"},
                                   {"type": "dense", "units": 8}]})",
      "8-3-8 autoencoder");
  model.build(backend, kIdentitySize, options.seed);
  std::vector<float> eye(kIdentitySize * kIdentitySize, 0.0f);
  for (int i = 0; i < kIdentitySize; ++i) eye[size_t(i * kIdentitySize + i)] = 1.0f;
  nn::OptimizerOptions adam = nn::optimizer_options("adam");
  adam.schedule = nn::LearningRateSchedule::constant(options.number("identity_lr"));
  nn::Optimizer optimizer(backend, adam);
  nn::Trainer trainer(model.trunk(), backend, optimizer,
                      {.epochs = options.integer("identity_epochs"), .batch_size = kIdentitySize,
                       .seed = options.seed, .loss = nn::LossKind::binary_cross_entropy, .quiet = true});
  const nn::Dataset data{.x = eye, .y = eye, .inputs = kIdentitySize, .outputs = kIdentitySize};
  const auto history = trainer.fit(data);
  IdentityResult r;
  r.loss = history.back().loss;
  r.codes = run_layers(backend, model.trunk(), 0, 2, eye, kIdentitySize, kIdentitySize);
  r.outputs = trainer.predict(eye, kIdentitySize);
  for (float& v : r.outputs) v = 1.0f / (1.0f + std::exp(-v));
  for (int i = 0; i < kIdentitySize; ++i) {
    bool right = true;
    for (int j = 0; j < kIdentitySize; ++j) right &= (r.outputs[size_t(i * kIdentitySize + j)] > 0.5f) == (i == j);
    r.recovered += right;
  }
  return r;
}

std::string identity_table(const IdentityResult& r) {
  std::string t = "| input | hidden code (3 sigmoid units) | rounded | output for its own bit |\n"
                  "| --- | --- | --- | --- |\n";
  for (int i = 0; i < kIdentitySize; ++i) {
    std::string input, code, rounded;
    for (int j = 0; j < kIdentitySize; ++j) input += i == j ? '1' : '0';
    for (int k = 0; k < kIdentityCode; ++k) {
      const float h = r.codes[size_t(i * kIdentityCode + k)];
      code += fmt::format("{}{:.2f}", k ? " " : "", h);
      rounded += fmt::format("{}{}", k ? " " : "", h >= 0.5f ? 1 : 0);
    }
    t += fmt::format("| {} | {} | {} | {:.3f} |\n", input, code, rounded, r.outputs[size_t(i * kIdentitySize + i)]);
  }
  return t;
}

int distinct_rounded_codes(const IdentityResult& r) {
  std::set<std::string> codes;
  for (int i = 0; i < kIdentitySize; ++i) {
    std::string code;
    for (int k = 0; k < kIdentityCode; ++k) code += r.codes[size_t(i * kIdentityCode + k)] >= 0.5f ? '1' : '0';
    codes.insert(code);
  }
  return int(codes.size());
}

}  // namespace

std::vector<ExperimentFlag> autoencoder_flags() {
  return {{"identity_epochs", "3000", "epochs of the 8-3-8 autoencoder (one batch of the 8 inputs each)"},
          {"identity_lr", "0.02", "Adam's learning rate for the 8-3-8 autoencoder"},
          {"latent", "2", "size of the Fashion-MNIST code (the plots need 2)"},
          {"epochs", "8", "passes over the Fashion-MNIST training images"},
          {"batch", "128", "mini-batch size"},
          {"lr", "0.001", "Adam's learning rate"},
          {"train_limit", "0", "use only the first N training images (0: all 60,000)"},
          {"test_limit", "0", "use only the first N test images (0: all 10,000)"}};
}

void run_autoencoder(const ExperimentOptions& options, RunDir& run) {
  auto backend = nn::make_backend(options.device);
  const auto start = std::chrono::steady_clock::now();

  const IdentityResult identity = train_identity(*backend, options);
  fmt::print("8-3-8 autoencoder: {} of 8 inputs reconstructed, loss {:.4f}\n{}", identity.recovered, identity.loss,
             identity_table(identity));

  const FashionMnist data = load_fashion_mnist(options.integer("train_limit"), options.integer("test_limit"));
  const int pixels = data.train.images.height * data.train.images.width;
  const int latent = options.integer("latent");
  if (latent != 2) throw UsageError("autoencoder: latent must be 2 for the latent-plane figures, got " +
                                    std::to_string(latent));
  const nlohmann::json spec = {
      {"input", {pixels}},
      {"layers",
       {{{"type", "dense"}, {"units", 512}, {"activation", "relu"}},
        {{"type", "dense"}, {"units", 128}, {"activation", "relu"}},
        {{"type", "dense"}, {"units", latent}},
        {{"type", "dense"}, {"units", 128}, {"activation", "relu"}},
        {{"type", "dense"}, {"units", 512}, {"activation", "relu"}},
        {{"type", "dense"}, {"units", pixels}}}}};
  constexpr size_t kEncoderLayers = 5;  // dense, relu, dense, relu, dense: the code
  nn::Model model = nn::model_from_json(spec.dump(), "autoencoder model spec");
  const int batch = options.integer("batch");
  model.build(*backend, batch, options.seed);
  fmt::print("{}", model.summary());
  nn::OptimizerOptions adam = nn::optimizer_options("adam");
  adam.schedule = nn::LearningRateSchedule::constant(options.number("lr"));
  nn::Optimizer optimizer(*backend, adam);
  nn::Trainer trainer(model.trunk(), *backend, optimizer,
                      {.epochs = options.integer("epochs"), .batch_size = batch, .seed = options.seed,
                       .loss = nn::LossKind::binary_cross_entropy, .run_dir = run.path(), .model_spec = spec.dump()});
  const auto& train = data.train.images.pixels;
  const auto& test = data.test.images.pixels;
  const nn::Dataset test_set{.x = test, .y = test, .inputs = pixels, .outputs = pixels};
  const auto history = trainer.fit({.x = train, .y = train, .inputs = pixels, .outputs = pixels}, &test_set);

  const LatentCodes codes{run_layers(*backend, model.trunk(), 0, kEncoderLayers, test, pixels, 500),
                          data.test.images.labels};
  const NeighbourVote vote = codes.neighbour_vote(10, 3000);
  write_png(run.file("latent.png"), codes.draw("autoencoder: test images in the 2-D code, by class"));
  const LatentGrid grid = codes.percentile_grid(15);
  std::vector<float> decoded =
      run_layers(*backend, model.trunk(), kEncoderLayers, model.trunk().layers().size(), grid.points, latent, 225);
  for (float& v : decoded) v = 1.0f / (1.0f + std::exp(-v));
  write_png(run.file("decoded-grid.png"), grid.draw("autoencoder: images decoded across the latent plane", decoded,
                                                    data.test.images.height, data.test.images.width));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double test_loss = history.empty() ? 0.0 : history.back().val_loss.value_or(0.0);
  fmt::print("Fashion-MNIST autoencoder: test binary cross-entropy {:.4f}; 10-nearest-neighbour vote in the code "
             "plane right for {:.1f} % of test images; {:.0f} s in all\n",
             test_loss, 100 * vote.accuracy, seconds);
  run.write_results({{"identity_recovered", identity.recovered}, {"identity_loss", identity.loss},
                     {"test_bce", test_loss}, {"latent_knn_accuracy", vote.accuracy}, {"seconds", seconds}});
  run.write_text(
      "summary.md",
      fmt::format(
          "# autoencoder: the course's autoencoders (REFERENCE.md 9.7)\n\n"
          "## The 8-3-8 identity autoencoder\n\n"
          "Eight one-hot inputs, three sigmoid hidden units, eight outputs (sigmoid, binary cross-entropy), Adam at "
          "{} for {} epochs of the eight inputs, seed {}. **{} of 8 inputs come back** (every output on the right "
          "side of 0.5), final loss {:.4f}. The course shows that three hidden units suffice for eight inputs: "
          "log2(8) = 3 bits. Here each input's hidden activations, rounded to 0/1, give {} distinct codes of the 8 "
          "corners of the unit cube (where two inputs share a rounded code, the unrounded values still tell them "
          "apart).\n\n{}\n"
          "## Fashion-MNIST in a 2-D code\n\n"
          "Net: 784-512-128-2-128-512-784 (ReLU; linear code; sigmoid output through binary cross-entropy from "
          "logits), Adam at {}, batch {}, {} epochs on {} training images; test binary cross-entropy per pixel "
          "**{:.4f}**. The course projects MNIST digits to a 2-D code; Fashion-MNIST (installed by Debian's "
          "dataset-fashion-mnist) stands in for MNIST, which Debian does not package.\n\n"
          "![latent plane](latent.png)\n\n"
          "Each dot is one of {} test images, placed at its code and coloured by its class. Which classes separate: "
          "for each class, the share of its test images whose 10 nearest neighbours in the plane (among {} of them) "
          "vote for the right class:\n\n{}\n{}\n\n"
          "![decoded grid](decoded-grid.png)\n\n"
          "Images decoded from a 15x15 grid of codes spanning the 1st to 99th percentile of the test codes on each "
          "axis (left to right: first code unit; top to bottom: second code unit, falling): the decoder morphs "
          "smoothly between the kinds of clothes it has learnt.\n\n{:.0f} s on this machine in all.\n",
          options.text("identity_lr"), options.integer("identity_epochs"), options.seed, identity.recovered,
          identity.loss, distinct_rounded_codes(identity), identity_table(identity), options.text("lr"), batch, trainer.epochs_done(),
          data.train.images.count, test_loss, data.test.images.count, std::min(3000, data.test.images.count),
          vote_table(vote), separation_sentence(vote), seconds));
}

}  // namespace vkrl::apps
