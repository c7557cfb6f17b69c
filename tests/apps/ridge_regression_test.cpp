// Ridge regression's closed form against a case solved by hand, and against the optimality conditions of its
// objective on random data: the gradient in the weights and in the intercepts must vanish at the solution.
#include <catch2/catch.hpp>

#include <random>

#include "experiments/ridge_regression.h"
#include "support/vulkan_fixture.h"
#include "vkrl/error.h"

using namespace vkrl::apps;

TEST_CASE("ridge regression: one input, solved by hand", "[apps][ridge]") {
  // x = 1, 2, 3 and y = 2, 4, 6 (and a second output y = 5 - x): centred x is -1, 0, 1, so w = sum(xc yc) /
  // (sum(xc^2) + lambda) = 4 / (2 + 2) = 1 for the first output, -2 / 4 = -0.5 for the second, with b = mean(y) -
  // w mean(x) = 4 - 2 = 2 and 3 + 1 = 4.
  const std::vector<float> x = {1, 2, 3}, y = {2, 4, 4, 3, 6, 2};
  const RidgeRegression model = fit_ridge(x, y, 1, 2, 2.0);
  CHECK(model.weights[0] == Approx(1.0));
  CHECK(model.weights[1] == Approx(-0.5));
  CHECK(model.bias[0] == Approx(2.0));
  CHECK(model.bias[1] == Approx(4.0));
  const std::vector<float> at_ten = model.predict(std::vector<float>{10});
  CHECK(at_ten[0] == Approx(12.0));
  CHECK(at_ten[1] == Approx(-1.0));

  CHECK_THROWS_WITH(fit_ridge(x, y, 1, 2, -1), Catch::Contains("lambda -1 is negative"));
  CHECK_THROWS_WITH(fit_ridge(x, y, 2, 2, 1), Catch::Contains("x has 3 values, not a multiple of 2 columns"));
}

TEST_CASE("ridge regression: the objective's gradient vanishes at the solution", "[apps][ridge]") {
  const uint64_t seed = vkrl::test::fresh_seed();
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  const int rows = 40, inputs = 6, outputs = 3;
  const std::vector<float> x = vkrl::test::random_floats(size_t(rows * inputs), rng);
  const std::vector<float> y = vkrl::test::random_floats(size_t(rows * outputs), rng, -3, 3);
  for (const double lambda : {0.0, 0.7, 25.0}) {
    INFO("lambda " << lambda);
    const RidgeRegression model = fit_ridge(x, y, inputs, outputs, lambda);
    // d/db: the residuals sum to zero; d/dW: X^T (X W + b - Y) + lambda W = 0. Residuals in double, from the weights.
    for (int o = 0; o < outputs; ++o) {
      std::vector<double> residual(rows);
      for (int r = 0; r < rows; ++r) {
        residual[size_t(r)] = model.bias[size_t(o)] - y[size_t(r * outputs + o)];
        for (int k = 0; k < inputs; ++k)
          residual[size_t(r)] += double(x[size_t(r * inputs + k)]) * model.weights[size_t(k * outputs + o)];
      }
      double residual_sum = 0;
      for (double e : residual) residual_sum += e;
      CHECK(residual_sum == Approx(0).margin(1e-9));
      for (int i = 0; i < inputs; ++i) {
        double gradient = lambda * model.weights[size_t(i * outputs + o)];
        for (int r = 0; r < rows; ++r) gradient += double(x[size_t(r * inputs + i)]) * residual[size_t(r)];
        CHECK(gradient == Approx(0).margin(1e-9));
      }
    }
    // The same model predicts through predict() as through its weights.
    const std::vector<float> prediction = model.predict(x);
    double fitted = model.bias[0];
    for (int k = 0; k < inputs; ++k) fitted += double(x[size_t(k)]) * model.weights[size_t(k * outputs)];
    CHECK(prediction[0] == Approx(fitted).margin(1e-5));
  }
}
