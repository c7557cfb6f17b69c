// The Vulkan backend's elementwise, matrix, loss and reduction ops against the double-precision CPU backend on the
// same fresh random inputs, at sizes 1, 7, 33 and off any tile, on views at non-zero offsets too; dropout masks bit for
// bit against the float CPU backend.
#include "vulkan_twins.h"

using namespace vkrl;
using namespace vkrl::nn;
using test::Twin;

namespace {
constexpr double kTolerance = 1e-4;  // relative, with an absolute floor of 1e-4 for values below 1

const Shape kShapes[] = {{1}, {7}, {33}, {65, 129}};
}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: axpby, multiply, activations and their gradients",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const Shape& shape : kShapes)
    for (bool offset : {false, true}) {
      INFO("shape " << shape.to_string() << (offset ? " at an offset" : ""));
      Twin x = random(shape, -3, 3, offset), y = random(shape, -3, 3, offset), z = random(shape, -3, 3, offset);
      gpu->axpby(0.75, x.gpu, -1.5, y.gpu, z.gpu);
      cpu->axpby(0.75, x.cpu, -1.5, y.cpu, z.cpu);
      CHECK(error(z) <= kTolerance);
      // In place: z = z * x.
      gpu->multiply(z.gpu, x.gpu, z.gpu);
      cpu->multiply(z.cpu, x.cpu, z.cpu);
      CHECK(error(z) <= kTolerance);
      for (Activation f : {Activation::identity, Activation::relu, Activation::leaky_relu, Activation::sigmoid,
                           Activation::tanh}) {
        INFO(to_string(f));
        Twin out = random(shape, -1, 1, offset), dx = random(shape, -1, 1, offset);
        gpu->activation(f, 0.2, x.gpu, out.gpu);
        cpu->activation(f, 0.2, x.cpu, out.cpu);
        CHECK(error(out) <= kTolerance);
        gpu->activation_backward(f, 0.2, out.gpu, y.gpu, dx.gpu);
        cpu->activation_backward(f, 0.2, out.cpu, y.cpu, dx.cpu);
        CHECK(error(dx) <= kTolerance);
      }
    }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: tanh and sigmoid stay finite far from zero",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  Twin x = with_values({6}, {-100, -30, -1e-3, 1e-3, 30, 100}), y = random({6});
  for (Activation f : {Activation::sigmoid, Activation::tanh}) {
    gpu->activation(f, 0, x.gpu, y.gpu);
    cpu->activation(f, 0, x.cpu, y.cpu);
    CHECK(error(y) <= kTolerance);
  }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: dropout masks equal the CPU's bit for bit",
                 "[nn][vulkan]") {
  const uint32_t key = uint32_t(seed);
  INFO("key " << key);
  auto cpu32 = make_cpu_backend();
  for (double rate : {0.0, 0.1, 0.5, 0.9})
    for (const Shape& shape : kShapes) {
      INFO("rate " << rate << " shape " << shape.to_string());
      Tensor a(*gpu, shape), b(*cpu32, shape);
      gpu->dropout_mask(key, rate, a);
      cpu32->dropout_mask(key, rate, b);
      const auto got = a.read(), want = b.read();
      CHECK(got == want);
      if (rate == 0.5 && shape.size() > 1000) {
        const auto zeros = std::count(got.begin(), got.end(), 0.0f);
        CHECK(zeros > 0);
        CHECK(zeros < long(got.size()));
      }
    }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: fill and copy, on views at offsets", "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const Shape& shape : kShapes) {
    INFO("shape " << shape.to_string());
    Twin x = random(shape, -2, 2, true), y = random(shape, -2, 2, true);
    gpu->copy(x.gpu, y.gpu);
    cpu->copy(x.cpu, y.cpu);
    CHECK(error(y) <= 0);
    gpu->fill(x.gpu, 0.375);
    cpu->fill(x.cpu, 0.375);
    CHECK(error(x) <= 0);
  }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: gemm with every transpose, alpha and beta, at offsets",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  const int sizes[][3] = {{1, 1, 1}, {7, 33, 5}, {33, 7, 1}, {65, 129, 33}};
  for (const auto& s : sizes)
    for (bool ta : {false, true})
      for (bool tb : {false, true})
        for (double beta : {0.0, -0.5}) {
          const int m = s[0], k = s[1], n = s[2];
          const bool offset = ta != tb;
          INFO(m << "x" << k << "x" << n << " trans " << ta << tb << " beta " << beta);
          Twin a = random(ta ? Shape{k, m} : Shape{m, k}, -1, 1, offset);
          Twin b = random(tb ? Shape{n, k} : Shape{k, n}, -1, 1, offset);
          Twin c = random({m, n}, -1, 1, offset);
          gpu->gemm(ta, tb, 1.25, a.gpu, b.gpu, beta, c.gpu);
          cpu->gemm(ta, tb, 1.25, a.cpu, b.cpu, beta, c.cpu);
          CHECK(error(c) <= kTolerance);
        }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: bias and its gradient, dense and NCHW", "[nn][vulkan]") {
  INFO("seed " << seed);
  const std::pair<Shape, int> cases[] = {{{1, 1}, 1}, {{7, 33}, 33}, {{65, 129}, 129}, {{3, 5, 4, 6}, 5}};
  for (const auto& [shape, channels] : cases)
    for (double beta : {0.0, 1.0}) {
      INFO("shape " << shape.to_string() << " beta " << beta);
      Twin y = random(shape, -2, 2, true), bias = random({channels}), db = random({channels});
      gpu->add_bias(y.gpu, bias.gpu);
      cpu->add_bias(y.cpu, bias.cpu);
      CHECK(error(y) <= kTolerance);
      gpu->bias_gradient(y.gpu, beta, db.gpu);
      cpu->bias_gradient(y.cpu, beta, db.cpu);
      CHECK(error(db) <= kTolerance);
    }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: softmax per row and its backward pass", "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const Shape& shape : {Shape{1, 1}, Shape{7, 1}, Shape{7, 33}, Shape{65, 129}}) {
    INFO("shape " << shape.to_string());
    Twin x = random(shape, -8, 8, true), y = random(shape), dy = random(shape), dx = random(shape, -1, 1, true);
    gpu->softmax(x.gpu, y.gpu);
    cpu->softmax(x.cpu, y.cpu);
    CHECK(error(y) <= kTolerance);
    gpu->softmax_backward(y.gpu, dy.gpu, dx.gpu);
    cpu->softmax_backward(y.cpu, dy.cpu, dx.cpu);
    CHECK(error(dx) <= kTolerance);
  }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: losses and weight penalties", "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const Shape& shape : {Shape{1, 1}, Shape{7, 1}, Shape{7, 33}, Shape{65, 129}}) {
    INFO("shape " << shape.to_string());
    Twin loss = random({1}), grad = random(shape, -1, 1, true);
    const Twin z = random(shape, -6, 6, true), probabilities = random(shape, 0, 1, true);
    {
      INFO("softmax cross-entropy");
      gpu->softmax_cross_entropy(z.gpu, probabilities.gpu, loss.gpu, grad.gpu);
      cpu->softmax_cross_entropy(z.cpu, probabilities.cpu, loss.cpu, grad.cpu);
      CHECK(error(loss) <= kTolerance);
      CHECK(error(grad) <= kTolerance);
    }
    {
      INFO("binary cross-entropy");
      gpu->binary_cross_entropy(z.gpu, probabilities.gpu, loss.gpu, grad.gpu);
      cpu->binary_cross_entropy(z.cpu, probabilities.cpu, loss.cpu, grad.cpu);
      CHECK(error(loss) <= kTolerance);
      CHECK(error(grad) <= kTolerance);
    }
    const Twin pred = random(shape, -3, 3, true), target = random(shape, -3, 3);
    {
      INFO("mean squared error");
      gpu->mean_squared_error(pred.gpu, target.gpu, loss.gpu, grad.gpu);
      cpu->mean_squared_error(pred.cpu, target.cpu, loss.cpu, grad.cpu);
      CHECK(error(loss) <= kTolerance);
      CHECK(error(grad) <= kTolerance);
    }
    {
      INFO("huber");
      gpu->huber(pred.gpu, target.gpu, 1.0, loss.gpu, grad.gpu);
      cpu->huber(pred.cpu, target.cpu, 1.0, loss.cpu, grad.cpu);
      CHECK(error(loss) <= kTolerance);
      CHECK(error(grad) <= kTolerance);
    }
    {
      INFO("weight penalty, adding to the loss and gradient");
      gpu->weight_penalty(0.01, 0.02, pred.gpu, grad.gpu, loss.gpu);
      cpu->weight_penalty(0.01, 0.02, pred.cpu, grad.cpu, loss.cpu);
      CHECK(error(loss) <= kTolerance);
      CHECK(error(grad) <= kTolerance);
    }
  }
}

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: sum of squares and clipping by the global norm",
                 "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const Shape& shape : kShapes) {
    INFO("shape " << shape.to_string());
    Twin g1 = random(shape, -1, 1, true), g2 = random(shape, -1, 1), norm2 = random({1}, 0, 1);
    gpu->sum_squares(g1.gpu, 0.0, norm2.gpu);
    cpu->sum_squares(g1.cpu, 0.0, norm2.cpu);
    CHECK(error(norm2) <= kTolerance);
    gpu->sum_squares(g2.gpu, 1.0, norm2.gpu);
    cpu->sum_squares(g2.cpu, 1.0, norm2.cpu);
    CHECK(error(norm2) <= kTolerance);
    // A bound below the norm clips, one above it leaves g alone.
    const double norm = std::sqrt(norm2.cpu.read_double()[0]);
    for (double bound : {0.5 * norm, 2 * norm}) {
      gpu->clip_by_norm(norm2.gpu, bound, g1.gpu);
      cpu->clip_by_norm(norm2.cpu, bound, g1.cpu);
      CHECK(error(g1) <= kTolerance);
    }
  }
}
