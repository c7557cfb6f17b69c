// Ridge regression in closed form, for several outputs at once: the weights W and intercepts b that minimise
// ||X W + 1 b^T - Y||^2 + lambda ||W||^2 over the rows of X and Y. The intercepts are not penalised: X and Y are
// centred on their column means, W = (Xc^T Xc + lambda I)^-1 Xc^T Yc (Eigen's LDLT), and b = mean(Y) - mean(X) W.
#pragma once

#include <span>
#include <vector>

namespace vkrl::apps {

struct RidgeRegression {
  int inputs = 0, outputs = 0;
  std::vector<double> weights;  // inputs x outputs, row-major
  std::vector<double> bias;     // outputs

  // One row of outputs per row of x (inputs values each).
  std::vector<float> predict(std::span<const float> x) const;
};

// x: rows x inputs, y: rows x outputs, row-major. Throws vkrl::Error on mismatched sizes or lambda < 0.
RidgeRegression fit_ridge(std::span<const float> x, std::span<const float> y, int inputs, int outputs, double lambda);

}  // namespace vkrl::apps
