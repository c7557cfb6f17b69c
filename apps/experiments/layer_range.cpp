#include "experiments/layer_range.h"

#include <algorithm>

#include "vkrl/error.h"

namespace vkrl::apps {

std::vector<float> run_layers(nn::Backend& backend, nn::Sequential& model, size_t begin, size_t end,
                              std::span<const float> x, int inputs, int batch) {
  if (begin >= end || end > model.layers().size() || inputs < 1 || x.size() % size_t(inputs) != 0)
    throw Error("run_layers: layers [" + std::to_string(begin) + ", " + std::to_string(end) + ") of " +
                std::to_string(model.layers().size()) + " on rows of " + std::to_string(inputs));
  const int rows = int(x.size() / size_t(inputs));
  std::vector<float> out;
  for (int first = 0; first < rows; first += batch) {
    const int n = std::min(batch, rows - first);
    nn::Tensor t(backend, {n, inputs});
    t.write(x.subspan(size_t(first) * size_t(inputs), size_t(n) * size_t(inputs)));
    const nn::Tensor* y = &t;
    for (size_t i = begin; i < end; ++i) y = &model.layers()[i]->forward(*y, false);
    const std::vector<float> values = y->read();
    out.insert(out.end(), values.begin(), values.end());
  }
  return out;
}

}  // namespace vkrl::apps
