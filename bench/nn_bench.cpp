#include "vkrl/bench/nn_bench.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>
#include <random>

#include "vkrl/bench/python_peer.h"
#include "vkrl/bench/timing.h"
#include "vkrl/error.h"
#include "vkrl/nn/model_spec.h"
#include "vkrl/nn/optimizer.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::bench {

namespace {

constexpr int kBatch = 32, kActions = 6;

struct Net {
  const char* name;       // as nn_torch.py knows it
  const char* title;
  const char* spec;
};

const Net kNets[] = {
    {"cnn", "MinAtar DQN net (conv 16 3x3 on 4x10x10, 128, 6; 132,566 params)",
     R"({"input": [4, 10, 10], "layers": [{"type": "conv2d", "filters": 16, "kernel": 3, "activation": "relu"},
         {"type": "flatten"}, {"type": "dense", "units": 128, "activation": "relu"}, {"type": "dense", "units": 6}]})"},
    {"mlp", "MLP 400-128-6 (52,102 params)",
     R"({"input": [400], "layers": [{"type": "dense", "units": 128, "activation": "relu"},
         {"type": "dense", "units": 6}]})"},
    {"lstm", "LSTM 64 over 48 steps of 32 features, last state to 6 (25,222 params; PyTorch's second bias 25,478)",
     R"({"input": [48, 32], "layers": [{"type": "lstm", "units": 64}, {"type": "dense", "units": 6}]})"},
};

struct Rates {
  double updates = 0, forwards = 0;
};

nn::Tensor random_tensor(nn::Backend& backend, const nn::Shape& shape, std::mt19937_64& rng, float lo, float hi) {
  std::uniform_real_distribution<float> u(lo, hi);
  std::vector<float> values(shape.size());
  for (auto& v : values) v = u(rng);
  nn::Tensor t(backend, shape);
  t.write(std::span<const float>(values));
  return t;
}

// One captured update replayed per call, as DQN trains; the loss is read back, so a call includes the wait.
Rates measure_vkrl(nn::Backend& backend, const Net& net, double seconds, uint64_t seed) {
  std::mt19937_64 rng(seed);
  nn::Model model = nn::model_from_json(net.spec, net.name);
  model.build(backend, kBatch, seed);
  model.skip_input_gradient();  // as PyTorch, whose input does not require a gradient
  nn::Model single = nn::model_from_json(net.spec, net.name);
  single.build(backend, 1, seed);
  nn::Shape input = model.input_shape();
  const auto batch_shape = [&](int rows) {
    switch (input.rank()) {
      case 1: return nn::Shape{rows, input[0]};
      case 2: return nn::Shape{rows, input[0], input[1]};
      default: return nn::Shape{rows, input[0], input[1], input[2]};
    }
  };
  const nn::Tensor x = random_tensor(backend, batch_shape(kBatch), rng, 0, 1);
  const nn::Tensor x1 = random_tensor(backend, batch_shape(1), rng, 0, 1);
  const nn::Tensor targets = random_tensor(backend, {kBatch}, rng, 0, 1);
  std::vector<float> action_values(kBatch);
  for (auto& a : action_values) a = float(rng() % kActions);
  nn::Tensor actions(backend, {kBatch}), weights(backend, {kBatch}), loss(backend, {1});
  nn::Tensor dq(backend, {kBatch, kActions}), abs_td(backend, {kBatch});
  actions.write(std::span<const float>(action_values));
  backend.fill(weights, 1.0);
  nn::OptimizerOptions adam = nn::optimizer_options("adam");
  adam.schedule = nn::LearningRateSchedule::constant(1e-4);
  nn::Optimizer optimizer(backend, adam);
  const std::vector<nn::Tensor> parameters = model.params(), gradients = model.grads();
  optimizer.ensure_state(parameters);
  auto update = backend.capture([&] {
    const auto& q = model.forward(x, true);
    backend.td_loss(q[0], actions, targets, weights, 1.0, loss, dq, abs_td);
    const nn::Tensor grads[] = {dq};
    model.backward(grads);
    optimizer.apply(parameters, gradients);
  });
  float loss_value = 0;
  const auto step = [&] {
    optimizer.begin_step();
    update->replay();
    backend.read(loss, std::span<float>(&loss_value, 1));
  };
  std::vector<float> out(kActions);
  const auto forward = [&] {
    const auto& q = single.forward(x1, false);
    backend.read(q[0], std::span<float>(out));
  };
  for (int i = 0; i < 20; ++i) step(), forward();  // warm-up (kernel compiles on lavapipe)
  return {1.0 / median_seconds_per_call(step, seconds / 5), 1.0 / median_seconds_per_call(forward, seconds / 5)};
}

struct TorchResult {
  std::optional<Rates> rates;
  std::string note;
};

TorchResult measure_torch(const Net& net, double seconds, const std::string& device) {
  const PeerOutput peer = run_python_peer(VKRL_NN_TORCH_SCRIPT, fmt::format("{} {} {}", net.name, seconds, device),
                                          "OPENBLAS_NUM_THREADS=1");
  if (!peer.error.empty()) return {std::nullopt, peer.error};
  try {
    const auto line = peer.output.substr(peer.output.rfind('{'));
    const auto j = nlohmann::json::parse(line);
    if (j.contains("unavailable")) return {std::nullopt, j.at("unavailable").get<std::string>()};
    return {Rates{j.at("updates_per_s").get<double>(), j.at("forward_b1_per_s").get<double>()},
            "PyTorch " + j.at("torch").get<std::string>() + ", " + std::to_string(j.at("threads").get<int>()) +
                " thread(s), " + device};
  } catch (const std::exception&) {
    return {std::nullopt, "the PyTorch peer printed no result"};
  }
}

std::string rate_text(const std::optional<double>& r) { return r ? fmt::format("{:.0f}", *r) : "-"; }
std::string ratio_text(const std::optional<double>& a, const std::optional<double>& b) {
  return a && b && *b > 0 ? fmt::format("{:.2f}x", *a / *b) : "-";
}

}  // namespace

int run_nn_bench(const NnBenchOptions& options) {
  auto cpu = nn::make_backend("cpu");
  std::unique_ptr<nn::Backend> vulkan;
  std::string vulkan_note;
  try {
    engine::DeviceRequest request = options.device;
    if (request.kind != engine::DeviceRequest::Kind::cpu) request.kind = engine::DeviceRequest::Kind::vulkan;
    if (options.device.kind != engine::DeviceRequest::Kind::cpu) vulkan = nn::make_backend(request);
    vulkan_note = vulkan ? vulkan->name() : "not measured (--device cpu)";
  } catch (const Error& e) {
    vulkan_note = std::string("unavailable: ") + e.what();
  }
  fmt::print("nn: updates/s (batch 32: forward, smooth-L1 on one output per row, backward, Adam) and batch-1 "
             "forwards/s (higher is better), {} s a measurement\n",
             options.seconds);
  fmt::print("vkrl-cpu: {}; vkrl-vulkan: {}\n\n", cpu->name(), vulkan_note);
  fmt::print("{:<6} {:<12} {:>10} {:>12} {:>10} {:>11} {:>14}\n", "net", "measure", "vkrl-cpu", "vkrl-vulkan",
             "torch-cpu", "torch-cuda", "cpu/torch-cpu");
  std::fflush(stdout);
  std::string torch_note, cuda_note;
  for (const Net& net : kNets) {
    const Rates c = measure_vkrl(*cpu, net, options.seconds, options.seed);
    std::optional<Rates> v;
    if (vulkan) v = measure_vkrl(*vulkan, net, options.seconds, options.seed);
    const TorchResult t = measure_torch(net, options.seconds, "cpu");
    const TorchResult g = measure_torch(net, options.seconds, "cuda");
    torch_note = t.note;
    cuda_note = g.note;
    const auto pick = [](const std::optional<Rates>& r, double Rates::*field) {
      return r ? std::optional<double>((*r).*field) : std::nullopt;
    };
    for (auto [label, field] : {std::pair{"updates/s", &Rates::updates}, std::pair{"forward_b1/s", &Rates::forwards}})
      fmt::print("{:<6} {:<12} {:>10.0f} {:>12} {:>10} {:>11} {:>14}\n", net.name, label, c.*field,
                 rate_text(pick(v, field)), rate_text(pick(t.rates, field)), rate_text(pick(g.rates, field)),
                 ratio_text(c.*field, pick(t.rates, field)));
    std::fflush(stdout);
  }
  fmt::print("\nNets: {}; {}; {}\nPeers: {}; {}\n", kNets[0].title, kNets[1].title, kNets[2].title, torch_note,
             cuda_note);
  return 0;
}

}  // namespace vkrl::bench
