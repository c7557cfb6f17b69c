// The Vulkan backend's storage, host access and capture: a captured training step replayed N times with the host
// rewriting its inputs in between equals N direct runs bit for bit; temporaries made inside capture live as long as
// the captured work; and make_backend's --device resolution.
#include "vkrl/engine/device_info.h"
#include "vkrl/engine/device_request.h"
#include "vkrl/error.h"
#include "vulkan_twins.h"

using namespace vkrl;
using namespace vkrl::nn;

namespace {

// One gradient step of a linear map through a leaky ReLU on the mean squared error: y = x w, w -= 0.1 dloss/dw.
struct Step {
  Tensor x, w, t, y, dy, dw, loss;
  explicit Step(Backend& b)
      : x(b, {7, 33}), w(b, {33, 5}), t(b, {7, 5}), y(b, {7, 5}), dy(b, {7, 5}), dw(b, {33, 5}), loss(b, {1}) {}
  void run(Backend& b) {
    b.gemm(false, false, 1.0, x, w, 0.0, y);
    Tensor relu_out(b, y.shape());  // a temporary that goes before the work runs
    b.activation(Activation::leaky_relu, 0.1, y, relu_out);
    b.mean_squared_error(relu_out, t, loss, dy);
    b.activation_backward(Activation::leaky_relu, 0.1, relu_out, dy, dy);
    b.gemm(true, false, 1.0, x, dy, 0.0, dw);
    b.axpby(1.0, w, -0.1, dw, w);
  }
};

// Ten steps, direct on one set of tensors and captured once then replayed on another, the host writing a fresh
// input before each: the losses and weights agree bit for bit after each of the first six and after the last four,
// which run back to back.
void check_replays_equal_direct_steps(Backend& backend, std::mt19937_64& rng) {
  Step direct(backend), captured(backend);
  const auto w0 = test::random_floats(33 * 5, rng), t = test::random_floats(7 * 5, rng);
  for (Step* s : {&direct, &captured}) {
    s->w.write(w0);
    s->t.write(t);
  }
  std::unique_ptr<CapturedWork> work;
  for (int i = 0; i < 6; ++i) {
    const auto x = test::random_floats(7 * 33, rng);
    direct.x.write(x);
    direct.run(backend);
    captured.x.write(x);                                                // a host write the next replay must see
    if (!work) work = backend.capture([&] { captured.run(backend); });  // records without running
    work->replay();
    INFO("step " << i);
    REQUIRE(captured.loss.read() == direct.loss.read());
    REQUIRE(captured.w.read() == direct.w.read());
  }
  // Four more with no read between them: a replay still runs when the host writes the next input and records more
  // ops, so the write and the ops must wait their turn rather than land early.
  for (int i = 0; i < 4; ++i) {
    const auto x = test::random_floats(7 * 33, rng);
    captured.x.write(x);
    work->replay();
    direct.x.write(x);
    direct.run(backend);
  }
  REQUIRE(captured.loss.read() == direct.loss.read());
  REQUIRE(captured.w.read() == direct.w.read());
  CHECK(captured.w.read() != w0);
}

// Two captured steps on separate tensors, replayed in turn with no read between them. Each input is written while
// steps run: first while only the other step runs (the write need not wait), then while the step that reads it may
// still run (the write must wait its turn). The weights equal those of direct steps on the same inputs.
void check_interleaved_captures(Backend& backend, std::mt19937_64& rng) {
  Step first(backend), second(backend), direct(backend);
  const auto w0 = test::random_floats(33 * 5, rng), t = test::random_floats(7 * 5, rng);
  for (Step* s : {&first, &second, &direct}) {
    s->w.write(w0);
    s->t.write(t);
  }
  auto run_first = backend.capture([&] { first.run(backend); });
  auto run_second = backend.capture([&] { second.run(backend); });
  std::vector<std::vector<float>> inputs;
  for (int i = 0; i < 3; ++i) {
    inputs.push_back(test::random_floats(7 * 33, rng));
    first.x.write(inputs.back());
    run_first->replay();
    second.x.write(inputs.back());
    run_second->replay();
  }
  for (const auto& x : inputs) {
    direct.x.write(x);
    direct.run(backend);
  }
  const auto expected = direct.w.read();
  REQUIRE(first.w.read() == expected);
  REQUIRE(second.w.read() == expected);
  CHECK(expected != w0);
}

}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan backend: a captured step replayed N times equals N direct steps",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  check_replays_equal_direct_steps(*gpu, rng);
  check_interleaved_captures(*gpu, rng);
}

TEST_CASE("vulkan backend: through staged buffers (a discrete GPU's path) too", "[nn][vulkan]") {
  const uint64_t seed = test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  std::vector<std::string> messages;
  engine::Context staged(engine::ContextOptions{
      .validation = true,
      .on_validation_message = [&](std::string_view m) { messages.emplace_back(m); },
      .pipeline_cache_dir = test::shared_context().pipeline_cache_path().parent_path(),
      .map_buffers = false,
  });
  {
    auto backend = make_vulkan_backend(staged);
    check_replays_equal_direct_steps(*backend, rng);
    check_interleaved_captures(*backend, rng);
  }
  CHECK(messages.empty());
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan backend: new tensors are zero, host reads and writes convert",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  Tensor dirty(*gpu, {65, 129});
  gpu->fill(dirty, 7.0);
  dirty = Tensor();
  Tensor fresh(*gpu, {65, 129});  // may reuse the memory just given back
  const auto zeros = fresh.read();
  CHECK(std::all_of(zeros.begin(), zeros.end(), [](float v) { return v == 0.0f; }));

  const std::vector<double> values = {0.1, -2.5, 1e10};
  Tensor t(*gpu, {3});
  t.write(values);
  const auto got = t.read_double();
  for (size_t i = 0; i < values.size(); ++i) CHECK(got[i] == double(float(values[i])));
  Tensor other_backend(*cpu, {3});
  CHECK_THROWS_WITH(gpu->copy(other_backend, t), Catch::Contains("a tensor of backend cpu-f64 given to vulkan:"));
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan backend: a host write lands between the ops around it",
                 "[nn][vulkan]") {
  // 7 floats ride in the stream as an update; 70001 (over 256 KiB) go through an upload after the recorded ops run.
  const int n = GENERATE(7, 70001);
  INFO("n = " << n << ", seed " << seed);
  const auto old_values = test::random_floats(n, rng), new_values = test::random_floats(n, rng);
  Tensor x(*gpu, {n}), before(*gpu, {n}), after(*gpu, {n});
  x.write(old_values);
  gpu->copy(x, before);  // recorded, not yet run when the next write comes
  x.write(new_values);
  gpu->copy(x, after);
  REQUIRE(before.read() == old_values);
  REQUIRE(after.read() == new_values);
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan backend: a long run of ops is submitted in batches, in order",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  // 1500 dependent ops, more than one batch holds: x = x + step, with small whole numbers so every sum is exact.
  std::uniform_int_distribution<int> u(-3, 3);
  std::vector<float> step(33);
  for (auto& v : step) v = float(u(rng));
  Tensor x(*gpu, {33}), s(*gpu, {33});
  s.write(step);
  for (int i = 0; i < 1500; ++i) gpu->axpby(1.0, x, 1.0, s, x);
  const auto got = x.read();
  for (size_t i = 0; i < step.size(); ++i) REQUIRE(got[i] == 1500.0f * step[i]);
}

TEST_CASE("vulkan backend: make_backend resolves --device", "[nn][vulkan]") {
  const engine::VulkanProbe probe = engine::probe_vulkan();
  const engine::DeviceInfo* best = engine::best_device(probe.devices);
  REQUIRE(best != nullptr);
  INFO("best device " << best->name);
  // auto takes only a real GPU; lavapipe (the test machines' device) loses to the CPU backend.
  CHECK(make_backend("auto")->name() == (best->is_gpu() ? "vulkan:" + best->name : std::string("cpu-f32")));
  CHECK(make_backend("cpu")->name() == "cpu-f32");
  auto vulkan = make_backend(engine::DeviceRequest::parse("vulkan"), engine::ContextOptions{.validation = false});
  CHECK(vulkan->name() == "vulkan:" + best->name);
  Tensor t(*vulkan, {4});
  vulkan->fill(t, 2.5);
  CHECK(t.read() == std::vector<float>(4, 2.5f));

  CHECK_THROWS_AS(make_backend("gpu"), UsageError);
  CHECK_THROWS_AS(make_backend("vulkan:x"), UsageError);
  CHECK_THROWS_AS(make_backend("vulkan:99"), Error);
}
