#include "vkrl/nn/model.h"

#include <cctype>
#include <iomanip>
#include <map>
#include <sstream>

#include "vkrl/error.h"
#include "vkrl/nn/checkpoint.h"
#include "vkrl/splitmix64.h"

namespace vkrl::nn {

namespace {

Shape with_batch(int batch, const Shape& sample) {
  switch (sample.rank()) {
    case 1: return {batch, sample[0]};
    case 2: return {batch, sample[0], sample[1]};
    case 3: return {batch, sample[0], sample[1], sample[2]};
  }
  throw Error("Model: an input of 1 to 3 dims per sample, got " + sample.to_string());
}

size_t tensor_elements(const std::vector<Tensor>& tensors) {
  size_t n = 0;
  for (const auto& t : tensors) n += t.size();
  return n;
}

// 1234567 as "1,234,567".
std::string grouped(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// An output shape without its batch dimension, as Keras prints it: "(None, 16, 8, 8)".
std::string batchless(const Shape& s) {
  std::string out = "(None";
  for (int i = 1; i < s.rank(); ++i) out += ", " + std::to_string(s[i]);
  return out + ")";
}

}  // namespace

Model::Model(Shape input, Sequential trunk, std::vector<std::pair<std::string, Sequential>> heads,
             std::string spec_json)
    : input_(input), trunk_(std::move(trunk)), heads_(std::move(heads)), spec_json_(std::move(spec_json)) {
  if (heads_.empty()) throw Error("Model: needs at least one head");
  if (input_.rank() < 1 || input_.rank() > 3)
    throw Error("Model: an input of 1 to 3 dims per sample, got " + input_.to_string());
}

void Model::build(Backend& backend, int batch, uint64_t seed) {
  backend_ = &backend;
  Shape features;
  try {
    features = trunk_.build(backend, with_batch(batch, input_), seed);
  } catch (const Error& e) {
    throw Error(std::string("trunk ") + e.what());
  }
  for (size_t i = 0; i < heads_.size(); ++i) {
    try {
      heads_[i].second.build(backend, features, splitmix64(seed + i + 1));
    } catch (const Error& e) {
      throw Error("head '" + heads_[i].first + "' " + e.what());
    }
  }
  outputs_.assign(heads_.size(), Tensor());
}

const std::vector<Tensor>& Model::forward(const Tensor& x, bool training) {
  if (backend_ == nullptr) throw Error("Model: forward() before build()");
  const Tensor& features = trunk_.forward(x, training);
  for (size_t i = 0; i < heads_.size(); ++i) outputs_[i] = heads_[i].second.forward(features, training);
  return outputs_;
}

void Model::skip_input_gradient() {
  if (!trunk_.layers().empty()) {
    trunk_.layers().front()->set_input_gradient_needed(false);
    return;
  }
  for (auto& [name, head] : heads_)
    if (!head.layers().empty()) head.layers().front()->set_input_gradient_needed(false);
}

const Tensor& Model::backward(std::span<const Tensor> head_grads) {
  if (head_grads.size() != heads_.size())
    throw Error("Model: backward() takes " + std::to_string(heads_.size()) + " head gradients, got " +
                std::to_string(head_grads.size()));
  if (heads_.size() == 1) return trunk_.backward(heads_[0].second.backward(head_grads[0]));
  for (size_t i = 0; i < heads_.size(); ++i) {
    const Tensor& g = heads_[i].second.backward(head_grads[i]);
    if (i == 0) {
      ensure_shape(trunk_grad_, *backend_, g.shape());
      backend_->copy(g, trunk_grad_);
    } else {
      backend_->axpby(1.0, trunk_grad_, 1.0, g, trunk_grad_);
    }
  }
  return trunk_.backward(trunk_grad_);
}

std::vector<Tensor> Model::params() {
  std::vector<Tensor> all = trunk_.params();
  for (auto& [name, head] : heads_)
    for (auto& p : head.params()) all.push_back(p);
  return all;
}

std::vector<Tensor> Model::grads() {
  std::vector<Tensor> all = trunk_.grads();
  for (auto& [name, head] : heads_)
    for (auto& g : head.grads()) all.push_back(g);
  return all;
}

std::vector<std::pair<std::string, Tensor>> Model::named_tensors() {
  auto all = trunk_.named_tensors();
  for (auto& [name, head] : heads_)
    for (auto& [tensor_name, t] : head.named_tensors()) all.emplace_back(name + "." + tensor_name, t);
  return all;
}

std::vector<std::string> Model::parameter_names() {
  std::vector<std::string> names = nn::parameter_names(trunk_);
  for (auto& [name, head] : heads_)
    for (const auto& n : nn::parameter_names(head)) names.push_back(name + "." + n);
  return names;
}

std::vector<Layer*> Model::layers() {
  std::vector<Layer*> all;
  for (auto& layer : trunk_.layers()) all.push_back(layer.get());
  for (auto& [name, head] : heads_)
    for (auto& layer : head.layers()) all.push_back(layer.get());
  return all;
}

std::string Model::summary() const {
  if (backend_ == nullptr) throw Error("Model: summary() before build()");
  struct Row {
    std::string name, shape, params;
  };
  std::vector<Row> rows;
  std::map<std::string, int> seen;  // Keras-style unique names: dense, dense_1, ...
  size_t trainable = 0, fixed = 0;
  auto add_rows = [&](const Sequential& stack) {
    for (size_t i = 0; i < stack.layers().size(); ++i) {
      Layer& layer = *stack.layers()[i];
      std::string name;
      for (char c : layer.kind()) name += char(std::tolower(static_cast<unsigned char>(c)));
      const int n = seen[name]++;
      if (n > 0) name += '_' + std::to_string(n);
      size_t buffers = 0;
      for (auto& [buffer_name, t] : layer.buffers()) buffers += t.size();
      const size_t params = tensor_elements(layer.params());
      trainable += params;
      fixed += buffers;
      rows.push_back(
          {name + " (" + layer.kind() + ")", batchless(stack.output_shapes()[i]), grouped(params + buffers)});
    }
  };
  add_rows(trunk_);
  for (const auto& [name, head] : heads_) {
    if (heads_.size() > 1) rows.push_back({"head \"" + name + "\":", "", ""});
    add_rows(head);
  }
  size_t name_width = 12, shape_width = 12;
  for (const auto& r : rows) {
    name_width = std::max(name_width, r.name.size());
    shape_width = std::max(shape_width, r.shape.size());
  }
  std::ostringstream out;
  const std::string rule(name_width + shape_width + 14, '=');
  out << "Input: " << batchless(with_batch(1, input_)) << "\n";
  out << std::left << std::setw(int(name_width) + 2) << "Layer (type)" << std::setw(int(shape_width) + 2)
      << "Output Shape" << "Param #\n"
      << rule << "\n";
  for (const auto& r : rows)
    out << std::left << std::setw(int(name_width) + 2) << r.name << std::setw(int(shape_width) + 2) << r.shape
        << r.params << "\n";
  out << rule << "\n"
      << "Total params: " << grouped(trainable + fixed) << "\n"
      << "Trainable params: " << grouped(trainable) << "\n"
      << "Non-trainable params: " << grouped(fixed) << "\n";
  return out.str();
}

}  // namespace vkrl::nn
