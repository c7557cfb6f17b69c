// Ridge regression's normal equations, solved with Eigen.
#include "experiments/ridge_regression.h"

#include <Eigen/Dense>
#include <fmt/format.h>

#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

RowMatrix as_matrix(std::span<const float> values, int columns, const char* what) {
  if (columns <= 0 || values.size() % size_t(columns) != 0)
    throw Error(fmt::format("ridge regression: {} has {} values, not a multiple of {} columns", what, values.size(),
                            columns));
  const Eigen::Index rows = Eigen::Index(values.size() / size_t(columns));
  return Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(values.data(), rows,
                                                                                                 columns)
      .cast<double>();
}

}  // namespace

RidgeRegression fit_ridge(std::span<const float> x, std::span<const float> y, int inputs, int outputs, double lambda) {
  if (!(lambda >= 0)) throw Error(fmt::format("ridge regression: lambda {} is negative", lambda));
  const RowMatrix features = as_matrix(x, inputs, "x");
  const RowMatrix targets = as_matrix(y, outputs, "y");
  if (features.rows() != targets.rows() || features.rows() == 0)
    throw Error(fmt::format("ridge regression: x has {} rows, y {}", features.rows(), targets.rows()));
  const Eigen::RowVectorXd x_mean = features.colwise().mean(), y_mean = targets.colwise().mean();
  const RowMatrix xc = features.rowwise() - x_mean, yc = targets.rowwise() - y_mean;
  Eigen::MatrixXd gram = xc.transpose() * xc;
  gram.diagonal().array() += lambda;
  const Eigen::MatrixXd w = gram.ldlt().solve(xc.transpose() * yc);
  const Eigen::RowVectorXd b = y_mean - x_mean * w;

  RidgeRegression model{.inputs = inputs, .outputs = outputs, .weights = {}, .bias = {b.data(), b.data() + outputs}};
  model.weights.resize(size_t(inputs) * size_t(outputs));
  Eigen::Map<RowMatrix>(model.weights.data(), inputs, outputs) = w;
  return model;
}

std::vector<float> RidgeRegression::predict(std::span<const float> x) const {
  const RowMatrix features = as_matrix(x, inputs, "x");
  const RowMatrix out = (features * Eigen::Map<const RowMatrix>(weights.data(), inputs, outputs)).rowwise() +
                        Eigen::Map<const Eigen::RowVectorXd>(bias.data(), outputs);
  std::vector<float> result(size_t(out.size()));
  Eigen::Map<Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(result.data(), out.rows(),
                                                                                     out.cols()) = out.cast<float>();
  return result;
}

}  // namespace vkrl::apps
