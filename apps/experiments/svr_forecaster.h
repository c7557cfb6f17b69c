// Support vector regression for several outputs, through LIBSVM (Debian's libsvm-dev; Chang and Lin, "LIBSVM: a
// library for support vector machines", 2011): one epsilon-SVR with the RBF kernel exp(-gamma ||x - x'||^2) per
// output column, all with the same C, gamma and epsilon, trained on the same input rows. Models train one output at a
// time on up to `threads` threads; LIBSVM's own messages are silenced.
#pragma once

#include <memory>
#include <span>
#include <vector>

struct svm_model;
struct svm_node;

namespace vkrl::apps {

struct SvrSettings {
  double c = 1, gamma = 0.1, epsilon = 0.01;
};

class SvrForecaster {
public:
  // x: rows x inputs, y: rows x outputs, row-major. Throws vkrl::Error on mismatched sizes or settings LIBSVM rejects.
  SvrForecaster(std::span<const float> x, std::span<const float> y, int inputs, int outputs, SvrSettings settings,
                int threads = 1);
  ~SvrForecaster();
  SvrForecaster(const SvrForecaster&) = delete;
  SvrForecaster& operator=(const SvrForecaster&) = delete;

  std::vector<float> predict(std::span<const float> x) const;
  // The support vectors of every output's model together.
  int support_vectors() const;

private:
  int inputs_, outputs_;
  // LIBSVM's models point into the training rows' nodes, so those live as long as the models.
  std::vector<svm_node> training_nodes_;
  std::vector<svm_model*> models_;
};

}  // namespace vkrl::apps
