// vae: a variational autoencoder (Kingma and Welling 2014, "Auto-Encoding Variational Bayes") on Fashion-MNIST, beyond
// the course's slides, which only describe it. The encoder (784-512 ReLU) has two heads, the mean and the log-variance
// of a Gaussian code q(z|x); a code is drawn by the reparameterisation trick, z = mean + exp(log_var / 2) eps with eps
// from N(0, I), so that the gradient flows to both heads; the decoder (code-512 ReLU-784) gives each pixel's logit.
// The loss per image is the negative evidence lower bound: the binary cross-entropy summed over the pixels plus the KL
// divergence of q(z|x) from the prior N(0, I), -1/2 sum(1 + log_var - mean^2 - exp(log_var)). The draw and the KL
// term are a handful of numbers per image, computed on the host between the encoder's and the decoder's passes.
// Figures: samples decoded from prior draws (samples.png), and with a 2-D code the test images' means by class
// (latent.png) and the decoded manifold over the prior's 5th to 95th percentiles (decoded-grid.png), as the paper shows.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>

#include "experiments/experiment.h"
#include "experiments/fashion_mnist_data.h"
#include "experiments/latent_plane.h"
#include "experiments/layer_range.h"
#include "media/png.h"
#include "plot/image_grid.h"
#include "plot/line_chart.h"
#include "vkrl/error.h"
#include "vkrl/nn/model_spec.h"
#include "vkrl/nn/optimizer.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

float sigmoid(float v) { return 1.0f / (1.0f + std::exp(-v)); }

// The encoder and decoder, one training or evaluation pass of a batch, and the loss terms it measured.
class Vae {
public:
  Vae(nn::Backend& backend, int pixels, int latent, int batch, uint64_t seed)
      : backend_(backend),
        pixels_(pixels),
        latent_(latent),
        batch_(batch),
        encoder_(nn::model_from_json(
            nlohmann::json{{"input", {pixels}},
                           {"trunk", {{{"type", "dense"}, {"units", 512}, {"activation", "relu"}}}},
                           {"heads",
                            {{"mean", {{{"type", "dense"}, {"units", latent}}}},
                             {"log_var", {{{"type", "dense"}, {"units", latent}}}}}}}
                .dump(),
            "vae encoder")),
        decoder_(nn::model_from_json(nlohmann::json{{"input", {latent}},
                                                    {"layers",
                                                     {{{"type", "dense"}, {"units", 512}, {"activation", "relu"}},
                                                      {{"type", "dense"}, {"units", pixels}}}}}
                                         .dump(),
                                     "vae decoder")),
        x_(backend, {batch, pixels}),
        z_(backend, {batch, latent}),
        dmean_(backend, {batch, latent}),
        dlog_var_(backend, {batch, latent}),
        loss_(backend, {1}),
        dlogits_(backend, {batch, pixels}) {
    encoder_.build(backend, batch, seed);
    decoder_.build(backend, batch, seed + 1);
    encoder_.skip_input_gradient();
  }

  std::vector<nn::Tensor> params() {
    auto p = encoder_.params();
    for (auto& t : decoder_.params()) p.push_back(t);
    return p;
  }
  std::vector<nn::Tensor> grads() {
    auto g = encoder_.grads();
    for (auto& t : decoder_.grads()) g.push_back(t);
    return g;
  }
  std::string summary() const { return encoder_.summary() + decoder_.summary(); }

  // One batch of `batch` images (rows of pixels): the negative ELBO's two terms, averaged over the images; with
  // `train`, the gradients of their sum too.
  std::pair<double, double> pass(std::span<const float> images, bool train, std::mt19937_64& rng) {
    x_.write(images);
    const auto& heads = encoder_.forward(x_, train);
    const std::vector<float> mean = heads[0].read(), log_var = heads[1].read();
    std::normal_distribution<float> normal;
    std::vector<float> eps(mean.size()), z(mean.size());
    double kl = 0;
    for (size_t i = 0; i < z.size(); ++i) {
      eps[i] = normal(rng);
      z[i] = mean[i] + std::exp(0.5f * log_var[i]) * eps[i];
      kl += -0.5 * (1.0 + log_var[i] - double(mean[i]) * mean[i] - std::exp(double(log_var[i])));
    }
    z_.write(z);
    const nn::Tensor& logits = decoder_.trunk().forward(z_, train);
    // The backend's cross-entropy is the mean over every pixel; the ELBO sums over an image's pixels.
    backend_.binary_cross_entropy(logits, x_, loss_, dlogits_);
    const double reconstruction = loss_.read_double()[0] * pixels_;
    if (train) {
      backend_.axpby(double(pixels_), dlogits_, 0.0, dlogits_, dlogits_);
      const std::vector<float> dz = decoder_.trunk().backward(dlogits_).read();
      std::vector<float> dmean(z.size()), dlog_var(z.size());
      const float per_image = 1.0f / float(batch_);
      for (size_t i = 0; i < z.size(); ++i) {
        const float sigma = std::exp(0.5f * log_var[i]);
        dmean[i] = dz[i] + mean[i] * per_image;
        dlog_var[i] = dz[i] * eps[i] * 0.5f * sigma + 0.5f * (sigma * sigma - 1.0f) * per_image;
      }
      dmean_.write(dmean);
      dlog_var_.write(dlog_var);
      const nn::Tensor head_grads[] = {dmean_, dlog_var_};
      encoder_.backward(head_grads);
    }
    return {reconstruction, kl / batch_};
  }

  // The means of q(z|x) for host images, `batch` at a time.
  std::vector<float> encode(std::span<const float> images) {
    std::vector<float> means;
    const size_t rows = images.size() / size_t(pixels_);
    for (size_t first = 0; first < rows; first += size_t(batch_)) {
      const int n = int(std::min(size_t(batch_), rows - first));
      nn::Tensor x(backend_, {n, pixels_});
      x.write(images.subspan(first * size_t(pixels_), size_t(n) * size_t(pixels_)));
      const std::vector<float> m = encoder_.forward(x, false)[0].read();
      means.insert(means.end(), m.begin(), m.end());
    }
    return means;
  }

  // Pixel probabilities decoded from host codes.
  std::vector<float> decode(std::span<const float> codes) {
    std::vector<float> images =
        run_layers(backend_, decoder_.trunk(), 0, decoder_.trunk().layers().size(), codes, latent_, batch_);
    for (float& v : images) v = sigmoid(v);
    return images;
  }

private:
  nn::Backend& backend_;
  int pixels_, latent_, batch_;
  nn::Model encoder_, decoder_;
  nn::Tensor x_, z_, dmean_, dlog_var_, loss_, dlogits_;
};

// The standard normal's quantile function, by bisection on its distribution function (for a handful of grid lines).
double normal_quantile(double p) {
  double lo = -10, hi = 10;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

std::vector<ExperimentFlag> vae_flags() {
  return {{"latent", "2", "size of the code (2 also draws the latent plane and the decoded manifold)"},
          {"epochs", "10", "passes over the training images"},
          {"batch", "128", "mini-batch size"},
          {"lr", "0.001", "Adam's learning rate"},
          {"train_limit", "0", "use only the first N training images (0: all 60,000)"},
          {"test_limit", "0", "use only the first N test images (0: all 10,000)"}};
}

void run_vae(const ExperimentOptions& options, RunDir& run) {
  auto backend = nn::make_backend(options.device);
  const auto start = std::chrono::steady_clock::now();
  const FashionMnist data = load_fashion_mnist(options.integer("train_limit"), options.integer("test_limit"));
  const nn::data::ImageSet& train = data.train.images;
  const nn::data::ImageSet& test = data.test.images;
  const int pixels = train.height * train.width, latent = options.integer("latent"), batch = options.integer("batch");
  const int epochs = options.integer("epochs");
  if (latent < 1 || batch < 1 || epochs < 1) throw UsageError("vae: latent, batch and epochs must be positive");
  if (train.count < batch || test.count < batch)
    throw UsageError("vae: train_limit and test_limit must keep at least one batch of " + std::to_string(batch));
  Vae vae(*backend, pixels, latent, batch, options.seed);
  fmt::print("{}", vae.summary());
  nn::OptimizerOptions adam = nn::optimizer_options("adam");
  adam.schedule = nn::LearningRateSchedule::constant(options.number("lr"));
  nn::Optimizer optimizer(*backend, adam);
  const auto params = vae.params(), grads = vae.grads();

  std::mt19937_64 rng(options.seed);
  std::vector<size_t> order(size_t(train.count));
  std::iota(order.begin(), order.end(), size_t(0));
  std::vector<float> images(size_t(batch) * size_t(pixels));
  // Whole batches only: the tensors keep one batch size, and a shuffle changes which images are left out each epoch.
  auto run_epoch = [&](const nn::data::ImageSet& set, const std::vector<size_t>& rows, bool training) {
    double reconstruction = 0, kl = 0;
    const size_t batches = rows.size() / size_t(batch);
    for (size_t b = 0; b < batches; ++b) {
      for (int i = 0; i < batch; ++i)
        std::copy_n(set.pixels.begin() + ptrdiff_t(rows[b * size_t(batch) + size_t(i)] * size_t(pixels)), pixels,
                    images.begin() + ptrdiff_t(size_t(i) * size_t(pixels)));
      const auto [r, k] = vae.pass(images, training, rng);
      if (training) optimizer.step(params, grads);
      reconstruction += r, kl += k;
    }
    return std::pair{reconstruction / double(batches), kl / double(batches)};
  };
  std::vector<size_t> test_rows(size_t(test.count));
  std::iota(test_rows.begin(), test_rows.end(), size_t(0));
  MetricsCsv metrics(run.file("metrics.csv"), {"epoch", "loss", "reconstruction", "kl", "test_loss"});
  plot::Series train_curve{.name = "training"}, test_curve{.name = "test"};
  double test_reconstruction = 0, test_kl = 0;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    const auto [r, k] = run_epoch(train, order, true);
    std::tie(test_reconstruction, test_kl) = run_epoch(test, test_rows, false);
    metrics.add({double(epoch), r + k, r, k, test_reconstruction + test_kl});
    train_curve.x.push_back(epoch), train_curve.y.push_back(r + k);
    test_curve.x.push_back(epoch), test_curve.y.push_back(test_reconstruction + test_kl);
    fmt::print("epoch {:>2}/{}  loss {:.2f} (reconstruction {:.2f} + KL {:.2f})  test loss {:.2f}\n", epoch, epochs,
               r + k, r, k, test_reconstruction + test_kl);
  }
  write_png(run.file("loss.png"),
            plot::draw_line_chart({.title = "vae: negative ELBO per image", .x_label = "epoch",
                                   .y_label = "nats per image", .series = {train_curve, test_curve}}));

  // Samples from the prior: codes drawn from N(0, I), decoded.
  constexpr int kSampleSide = 10;
  std::normal_distribution<float> normal;
  std::vector<float> prior(size_t(kSampleSide * kSampleSide * latent));
  for (float& v : prior) v = normal(rng);
  write_png(run.file("samples.png"),
            plot::draw_image_grid({.title = "vae: 100 samples, codes drawn from the prior N(0, I)",
                                   .caption = "each image is the decoder's pixel probabilities for one draw",
                                   .rows = kSampleSide, .cols = kSampleSide, .height = train.height,
                                   .width = train.width, .pixels = vae.decode(prior), .scale = 2}));
  std::string plane_text;
  double knn = 0;
  if (latent == 2) {
    const LatentCodes codes{vae.encode(test.pixels), test.labels};
    const NeighbourVote vote = codes.neighbour_vote(10, 3000);
    knn = vote.accuracy;
    write_png(run.file("latent.png"), codes.draw("vae: means of q(z|x) of the test images, by class"));
    const double q = normal_quantile(0.95);
    const LatentGrid grid = LatentGrid::spanning(15, -q, q, -q, q);
    write_png(run.file("decoded-grid.png"),
              grid.draw("vae: the decoded manifold over the prior's 5th to 95th percentiles", vae.decode(grid.points),
                        train.height, train.width));
    plane_text = fmt::format(
        "![latent plane](latent.png)\n\nThe means of the test images' codes, coloured by class. The KL term pulls "
        "them towards the prior, so the plane is a round cloud about the origin rather than the autoencoder's "
        "spread-out arms. A 10-nearest-neighbour vote among {} of them:\n\n{}\n{}\n\n"
        "![decoded manifold](decoded-grid.png)\n\nThe decoder over a 15x15 grid of the prior's quantiles (the "
        "paper's Figure 4 for MNIST and Frey faces): every point of the plane decodes to a plausible garment.\n\n",
        std::min(3000, test.count), vote_table(vote), separation_sentence(vote));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double test_loss = test_reconstruction + test_kl;
  fmt::print("vae: test loss {:.2f} nats per image (reconstruction {:.2f} + KL {:.2f}) in {:.0f} s\n", test_loss,
             test_reconstruction, test_kl, seconds);
  nlohmann::json results = {{"test_loss", test_loss}, {"test_reconstruction", test_reconstruction},
                            {"test_kl", test_kl}, {"seconds", seconds}};
  if (latent == 2) results["latent_knn_accuracy"] = knn;
  run.write_results(results);
  run.write_text(
      "summary.md",
      fmt::format(
          "# vae: a variational autoencoder on Fashion-MNIST\n\n"
          "Kingma and Welling (2014), beyond the course's slides, which describe it without an experiment. Encoder "
          "784-512 (ReLU) with a mean and a log-variance head of {} units each; a code drawn by the "
          "reparameterisation trick; decoder {}-512 (ReLU)-784 giving pixel logits. Loss per image: binary "
          "cross-entropy summed over the 784 pixels plus KL(q(z|x) || N(0, I)). Adam at {}, batch {}, {} epochs on "
          "{} training images, seed {}.\n\n"
          "| | negative ELBO (nats per image) | reconstruction | KL |\n| --- | --- | --- | --- |\n"
          "| **this run, test images** | **{:.1f}** | {:.1f} | {:.1f} |\n\n"
          "No published number fits this exact net and data set, so the figures are the check: samples from the prior "
          "should look like garments, and a 2-D code should arrange the classes in one connected cloud.\n\n"
          "![loss](loss.png)\n\n![samples](samples.png)\n\nSamples from the prior: the decoder's pixel probabilities "
          "for 100 codes drawn from N(0, I), which look like blurred garments of every kind (a 2-D code keeps only "
          "the coarse shape).\n\n{}{:.0f} s on this machine in all.\n",
          latent, latent, options.text("lr"), batch, epochs, train.count, options.seed, test_loss, test_reconstruction,
          test_kl, plane_text, seconds));
}

}  // namespace vkrl::apps
