// One LIBSVM epsilon-SVR per output.
#include "experiments/svr_forecaster.h"

#include <fmt/format.h>
#include <libsvm/svm.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

// Each row as LIBSVM's sparse nodes (1-based indices), every feature present, ended by index -1.
std::vector<svm_node> dense_nodes(std::span<const float> x, int inputs) {
  const size_t rows = x.size() / size_t(inputs);
  std::vector<svm_node> nodes;
  nodes.reserve(rows * size_t(inputs + 1));
  for (size_t r = 0; r < rows; ++r) {
    for (int i = 0; i < inputs; ++i) nodes.push_back({i + 1, double(x[r * size_t(inputs) + size_t(i)])});
    nodes.push_back({-1, 0.0});
  }
  return nodes;
}

void silent(const char*) {}

}  // namespace

SvrForecaster::SvrForecaster(std::span<const float> x, std::span<const float> y, int inputs, int outputs,
                             SvrSettings settings, int threads)
    : inputs_(inputs), outputs_(outputs) {
  if (inputs <= 0 || outputs <= 0 || x.size() % size_t(inputs) != 0 ||
      x.size() / size_t(inputs) * size_t(outputs) != y.size() || x.empty())
    throw Error(fmt::format("SVR: {} input values of {} columns do not match {} targets of {} columns", x.size(),
                            inputs, y.size(), outputs));
  svm_set_print_string_function(silent);
  const size_t rows = x.size() / size_t(inputs), columns = size_t(outputs);
  training_nodes_ = dense_nodes(x, inputs);
  std::vector<svm_node*> row_starts(rows);
  for (size_t r = 0; r < rows; ++r) row_starts[r] = &training_nodes_[r * size_t(inputs + 1)];

  svm_parameter parameter{};
  parameter.svm_type = EPSILON_SVR;
  parameter.kernel_type = RBF;
  parameter.gamma = settings.gamma;
  parameter.C = settings.c;
  parameter.p = settings.epsilon;
  parameter.cache_size = 100;
  parameter.eps = 1e-3;
  parameter.shrinking = 1;

  // One problem per output: the same rows, that output's column as the labels.
  std::vector<std::vector<double>> labels(columns, std::vector<double>(rows));
  std::vector<svm_problem> problems(columns);
  for (size_t o = 0; o < columns; ++o) {
    for (size_t r = 0; r < rows; ++r) labels[o][r] = y[r * columns + o];
    problems[o] = {int(rows), labels[o].data(), row_starts.data()};
    if (const char* problem = svm_check_parameter(&problems[o], &parameter))
      throw Error(fmt::format("SVR: LIBSVM rejects C={} gamma={} epsilon={}: {}", settings.c, settings.gamma,
                              settings.epsilon, problem));
  }
  models_.assign(size_t(outputs), nullptr);
  std::atomic<int> next{0};
  const auto work = [&] {
    for (int o = next++; o < outputs; o = next++) models_[size_t(o)] = svm_train(&problems[size_t(o)], &parameter);
  };
  std::vector<std::jthread> workers;
  for (int t = 1; t < std::clamp(threads, 1, outputs); ++t) workers.emplace_back(work);
  work();
}

SvrForecaster::~SvrForecaster() {
  for (svm_model*& model : models_) svm_free_and_destroy_model(&model);
}

std::vector<float> SvrForecaster::predict(std::span<const float> x) const {
  const std::vector<svm_node> nodes = dense_nodes(x, inputs_);
  const size_t rows = x.size() / size_t(inputs_);
  std::vector<float> out(rows * size_t(outputs_));
  for (size_t r = 0; r < rows; ++r)
    for (int o = 0; o < outputs_; ++o)
      out[r * size_t(outputs_) + size_t(o)] = float(svm_predict(models_[size_t(o)], &nodes[r * size_t(inputs_ + 1)]));
  return out;
}

int SvrForecaster::support_vectors() const {
  int count = 0;
  for (const svm_model* model : models_) count += svm_get_nr_sv(model);
  return count;
}

}  // namespace vkrl::apps
