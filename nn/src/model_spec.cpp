// Model specs: TOML is converted to JSON, and one reader walks the JSON, checking every key against the layer's valid
// keys and every value's type and range, with the key's path at hand for the error message.
#include "vkrl/nn/model_spec.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "vkrl/error.h"
#include "vkrl/nearest_name.h"
#include "vkrl/nn/layers/activation_layer.h"
#include "vkrl/nn/layers/batch_norm.h"
#include "vkrl/nn/layers/conv1d.h"
#include "vkrl/nn/layers/conv2d.h"
#include "vkrl/nn/layers/conv_transpose2d.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/layers/dropout.h"
#include "vkrl/nn/layers/embedding.h"
#include "vkrl/nn/layers/gru.h"
#include "vkrl/nn/layers/lstm.h"
#include "vkrl/nn/layers/pool2d.h"
#include "vkrl/nn/layers/reshape.h"
#include "vkrl/nn/layers/residual.h"
#include "vkrl/nn/layers/simple_rnn.h"
#include "vkrl/nn/layers/softmax_layer.h"

namespace vkrl::nn {

namespace {

using Json = nlohmann::ordered_json;

std::string kind_of(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number_integer()) return "an integer";
  if (v.is_number()) return "a number";
  if (v.is_string()) return "a string";
  if (v.is_array()) return "an array";
  return "an object";
}

// One node of the spec and its path from the root ("layers[2].units").
class Node {
public:
  Node(const Json& value, std::string path, const std::string& source)
      : value_(value), path_(std::move(path)), source_(source) {}

  const Json& value() const { return value_; }
  [[noreturn]] void fail(const std::string& problem) const {
    throw Error(source_ + ": " + (path_.empty() ? "" : path_ + ": ") + problem);
  }
  bool has(const std::string& key) const { return value_.contains(key); }
  Node at(const std::string& key) const {
    if (!value_.contains(key)) fail("missing '" + key + "'");
    return {value_.at(key), path_.empty() ? key : path_ + "." + key, source_};
  }
  Node at(size_t i) const { return {value_.at(i), path_ + "[" + std::to_string(i) + "]", source_}; }

  void require_object() const {
    if (!value_.is_object()) fail("expected an object, got " + kind_of(value_));
  }
  void require_array() const {
    if (!value_.is_array()) fail("expected an array, got " + kind_of(value_));
  }
  // Rejects keys outside `valid`, suggesting the nearest one.
  void check_keys(const std::vector<std::string>& valid) const {
    for (const auto& [key, v] : value_.items())
      if (std::find(valid.begin(), valid.end(), key) == valid.end())
        Node{v, path_.empty() ? key : path_ + "." + key, source_}.fail(unknown_name_message("key", key, valid));
  }

  int integer(int min) const {
    if (!value_.is_number_integer()) fail("expected an integer, got " + kind_of(value_));
    const auto v = value_.get<int64_t>();
    if (v < min || v > 1'000'000'000) fail("must be at least " + std::to_string(min) + ", got " + std::to_string(v));
    return int(v);
  }
  double number() const {
    if (!value_.is_number()) fail("expected a number, got " + kind_of(value_));
    return value_.get<double>();
  }
  bool boolean() const {
    if (!value_.is_boolean()) fail("expected true or false, got " + kind_of(value_));
    return value_.get<bool>();
  }
  std::string string() const {
    if (!value_.is_string()) fail("expected a string, got " + kind_of(value_));
    return value_.get<std::string>();
  }
  // One of `valid`, which name a `what` ("layer type", "padding").
  std::string choice(const std::string& what, const std::vector<std::string>& valid) const {
    const std::string s = string();
    if (std::find(valid.begin(), valid.end(), s) == valid.end()) fail(unknown_name_message(what, s, valid));
    return s;
  }
  // n or [h, w], each at least `min`.
  std::pair<int, int> pair(int min) const {
    if (value_.is_array()) {
      if (value_.size() != 2) fail("expected n or [h, w], got an array of " + std::to_string(value_.size()));
      return {at(0).integer(min), at(1).integer(min)};
    }
    if (!value_.is_number_integer()) fail("expected n or [h, w], got " + kind_of(value_));
    const int n = integer(min);
    return {n, n};
  }

private:
  const Json& value_;
  std::string path_;
  const std::string& source_;
};

void add_activation(Sequential& stack, const Node& node) {
  const std::string f = node.choice("activation", {"relu", "leaky_relu", "sigmoid", "tanh", "softmax", "linear"});
  if (f == "relu") stack.add(std::make_unique<ActivationLayer>(Activation::relu));
  if (f == "leaky_relu") stack.add(std::make_unique<ActivationLayer>(Activation::leaky_relu));
  if (f == "sigmoid") stack.add(std::make_unique<ActivationLayer>(Activation::sigmoid));
  if (f == "tanh") stack.add(std::make_unique<ActivationLayer>(Activation::tanh));
  if (f == "softmax") stack.add(std::make_unique<SoftmaxLayer>());
}

Initializer initializer_of(const Node& layer) {
  if (!layer.has("initializer")) return Initializer::glorot_uniform;
  return initializer_from_string(layer.at("initializer").choice("initializer", {"glorot_uniform", "he_uniform", "he_normal"}));
}

Regularizer regularizer_of(const Node& layer) {
  Regularizer r;
  for (auto [key, field] : {std::pair{"l1", &r.l1}, std::pair{"l2", &r.l2}})
    if (layer.has(key)) {
      *field = layer.at(key).number();
      if (*field < 0) layer.at(key).fail("must not be negative");
    }
  return r;
}

void add_layers(Sequential& stack, const Node& list);

// A recurrent layer returns the last state unless "return_sequences" is true.
bool return_sequences_of(const Node& layer) {
  return layer.has("return_sequences") && layer.at("return_sequences").boolean();
}

void add_pool(Sequential& s, const Node& n, PoolKind kind) {
  Pool2dOptions o;
  if (n.has("pool")) std::tie(o.pool_h, o.pool_w) = n.at("pool").pair(1);
  if (n.has("stride")) std::tie(o.stride_h, o.stride_w) = n.at("stride").pair(1);
  if (n.has("padding")) o.same_padding = n.at("padding").choice("padding", {"valid", "same"}) == "same";
  try {
    s.add(std::make_unique<Pool2D>(kind, o));
  } catch (const Error& e) {
    n.fail(e.what());
  }
}

// The keys every layer type takes besides "type" and "activation", and how it is added.
struct LayerType {
  std::vector<std::string> keys;
  std::function<void(Sequential&, const Node&)> add;
};

const std::map<std::string, LayerType>& layer_types() {
  static const std::map<std::string, LayerType> types = {
      {"dense",
       {{"units", "initializer", "l1", "l2"},
        [](Sequential& s, const Node& n) {
          s.add(std::make_unique<Dense>(n.at("units").integer(1), DenseOptions{initializer_of(n), regularizer_of(n)}));
        }}},
      {"conv2d",
       {{"filters", "kernel", "stride", "dilation", "padding", "bias", "initializer", "l1", "l2"},
        [](Sequential& s, const Node& n) {
          Conv2dOptions o;
          std::tie(o.kernel_h, o.kernel_w) = n.at("kernel").pair(1);
          if (n.has("stride")) std::tie(o.stride_h, o.stride_w) = n.at("stride").pair(1);
          if (n.has("dilation")) std::tie(o.dilation_h, o.dilation_w) = n.at("dilation").pair(1);
          if (n.has("padding")) {
            const Node p = n.at("padding");
            if (p.value().is_string())
              o.same_padding = p.choice("padding", {"valid", "same"}) == "same";
            else
              o.padding = p.integer(0);
          }
          if (n.has("bias")) o.bias = n.at("bias").boolean();
          o.init = initializer_of(n);
          o.regularizer = regularizer_of(n);
          const int filters = n.at("filters").integer(1);
          try {
            s.add(std::make_unique<Conv2D>(filters, o));
          } catch (const Error& e) {
            n.fail(e.what());
          }
        }}},
      {"conv1d",
       {{"filters", "kernel", "stride", "dilation", "padding", "bias", "initializer", "l1", "l2"},
        [](Sequential& s, const Node& n) {
          Conv1dOptions o;
          o.kernel = n.at("kernel").integer(1);
          if (n.has("stride")) o.stride = n.at("stride").integer(1);
          if (n.has("dilation")) o.dilation = n.at("dilation").integer(1);
          if (n.has("padding")) {
            const Node p = n.at("padding");
            if (p.value().is_string())
              o.same_padding = p.choice("padding", {"valid", "same"}) == "same";
            else
              o.padding = p.integer(0);
          }
          if (n.has("bias")) o.bias = n.at("bias").boolean();
          o.init = initializer_of(n);
          o.regularizer = regularizer_of(n);
          const int filters = n.at("filters").integer(1);
          try {
            s.add(std::make_unique<Conv1D>(filters, o));
          } catch (const Error& e) {
            n.fail(e.what());
          }
        }}},
      {"conv_transpose2d",
       {{"filters", "kernel", "stride", "dilation", "padding", "output_padding", "bias", "initializer", "l1", "l2"},
        [](Sequential& s, const Node& n) {
          ConvTranspose2dOptions o;
          std::tie(o.kernel_h, o.kernel_w) = n.at("kernel").pair(1);
          if (n.has("stride")) std::tie(o.stride_h, o.stride_w) = n.at("stride").pair(1);
          if (n.has("dilation")) std::tie(o.dilation_h, o.dilation_w) = n.at("dilation").pair(1);
          if (n.has("padding")) std::tie(o.padding_h, o.padding_w) = n.at("padding").pair(0);
          if (n.has("output_padding")) std::tie(o.output_padding_h, o.output_padding_w) = n.at("output_padding").pair(0);
          if (n.has("bias")) o.bias = n.at("bias").boolean();
          o.init = initializer_of(n);
          o.regularizer = regularizer_of(n);
          const int filters = n.at("filters").integer(1);
          try {
            s.add(std::make_unique<ConvTranspose2D>(filters, o));
          } catch (const Error& e) {
            n.fail(e.what());
          }
        }}},
      {"embedding",
       {{"vocab", "dim"},
        [](Sequential& s, const Node& n) {
          s.add(std::make_unique<Embedding>(n.at("vocab").integer(1), n.at("dim").integer(1)));
        }}},
      {"maxpool2d",
       {{"pool", "stride", "padding"}, [](Sequential& s, const Node& n) { add_pool(s, n, PoolKind::max); }}},
      {"avgpool2d",
       {{"pool", "stride", "padding"}, [](Sequential& s, const Node& n) { add_pool(s, n, PoolKind::average); }}},
      {"batchnorm",
       {{"momentum", "epsilon"},
        [](Sequential& s, const Node& n) {
          const double momentum = n.has("momentum") ? n.at("momentum").number() : 0.99;
          const double epsilon = n.has("epsilon") ? n.at("epsilon").number() : 1e-3;
          if (!(momentum >= 0 && momentum <= 1)) n.at("momentum").fail("must be in [0, 1]");
          if (!(epsilon > 0)) n.at("epsilon").fail("must be positive");
          s.add(std::make_unique<BatchNorm>(momentum, epsilon));
        }}},
      {"dropout",
       {{"rate"},
        [](Sequential& s, const Node& n) {
          const double rate = n.at("rate").number();
          if (!(rate >= 0 && rate < 1)) n.at("rate").fail("must be in [0, 1), got " + std::to_string(rate));
          s.add(std::make_unique<Dropout>(rate));
        }}},
      {"flatten", {{}, [](Sequential& s, const Node&) { s.add(Reshape::flatten()); }}},
      {"reshape",
       {{"shape"},
        [](Sequential& s, const Node& n) {
          const Node shape = n.at("shape");
          shape.require_array();
          if (shape.value().empty() || shape.value().size() > 3) shape.fail("expected 1 to 3 dims");
          std::vector<int> dims;
          for (size_t i = 0; i < shape.value().size(); ++i) dims.push_back(shape.at(i).integer(1));
          s.add(std::make_unique<Reshape>(dims));
        }}},
      {"softmax", {{}, [](Sequential& s, const Node&) { s.add(std::make_unique<SoftmaxLayer>()); }}},
      {"relu", {{}, [](Sequential& s, const Node&) { s.add(std::make_unique<ActivationLayer>(Activation::relu)); }}},
      {"leaky_relu",
       {{"slope"},
        [](Sequential& s, const Node& n) {
          const double slope = n.has("slope") ? n.at("slope").number() : 0.01;
          s.add(std::make_unique<ActivationLayer>(Activation::leaky_relu, slope));
        }}},
      {"sigmoid",
       {{}, [](Sequential& s, const Node&) { s.add(std::make_unique<ActivationLayer>(Activation::sigmoid)); }}},
      {"tanh", {{}, [](Sequential& s, const Node&) { s.add(std::make_unique<ActivationLayer>(Activation::tanh)); }}},
      {"lstm",
       {{"units", "return_sequences", "peephole"},
        [](Sequential& s, const Node& n) {
          s.add(std::make_unique<LSTM>(n.at("units").integer(1), return_sequences_of(n),
                                       n.has("peephole") && n.at("peephole").boolean()));
        }}},
      {"gru",
       {{"units", "return_sequences"},
        [](Sequential& s, const Node& n) {
          s.add(std::make_unique<GRU>(n.at("units").integer(1), return_sequences_of(n)));
        }}},
      {"simple_rnn",
       {{"units", "return_sequences"},
        [](Sequential& s, const Node& n) {
          s.add(std::make_unique<SimpleRNN>(n.at("units").integer(1), return_sequences_of(n)));
        }}},
      {"residual",
       {{"layers"},
        [](Sequential& s, const Node& n) {
          Sequential inner;
          add_layers(inner, n.at("layers"));
          s.add(std::make_unique<Residual>(std::move(inner)));
        }}},
  };
  return types;
}

void add_layer(Sequential& stack, const Node& layer) {
  layer.require_object();
  std::vector<std::string> type_names;
  for (const auto& [name, type] : layer_types()) type_names.push_back(name);
  const std::string type = layer.at("type").choice("layer type", type_names);
  const LayerType& info = layer_types().at(type);
  std::vector<std::string> keys = info.keys;
  keys.push_back("type");
  if (type != "residual") keys.push_back("activation");
  layer.check_keys(keys);
  info.add(stack, layer);
  if (layer.has("activation")) add_activation(stack, layer.at("activation"));
}

void add_layers(Sequential& stack, const Node& list) {
  list.require_array();
  for (size_t i = 0; i < list.value().size(); ++i) add_layer(stack, list.at(i));
}

Model model_from_spec(const Json& spec, const std::string& source) {
  const Node root(spec, "", source);
  root.require_object();
  root.check_keys({"input", "layers", "trunk", "heads"});
  const Node input = root.at("input");
  input.require_array();
  if (input.value().empty() || input.value().size() > 3) input.fail("expected 1 to 3 dims per sample");
  std::vector<int> dims;
  for (size_t i = 0; i < input.value().size(); ++i) dims.push_back(input.at(i).integer(1));
  const Shape sample = dims.size() == 1   ? Shape{dims[0]}
                       : dims.size() == 2 ? Shape{dims[0], dims[1]}
                                          : Shape{dims[0], dims[1], dims[2]};
  Sequential trunk;
  std::vector<std::pair<std::string, Sequential>> heads;
  if (root.has("layers")) {
    if (root.has("trunk") || root.has("heads")) root.fail("give either 'layers' or 'trunk' and 'heads', not both");
    add_layers(trunk, root.at("layers"));
    heads.emplace_back("output", Sequential());
  } else {
    if (!root.has("heads")) root.fail("missing 'layers' (or 'heads' with an optional 'trunk')");
    if (root.has("trunk")) add_layers(trunk, root.at("trunk"));
    const Node head_specs = root.at("heads");
    head_specs.require_object();
    if (head_specs.value().empty()) head_specs.fail("expected at least one head");
    for (const auto& [name, list] : head_specs.value().items()) {
      Sequential head;
      add_layers(head, head_specs.at(name));
      heads.emplace_back(name, std::move(head));
    }
  }
  return Model(sample, std::move(trunk), std::move(heads), spec.dump());
}

// Reads the spec and builds it once for one sample on the CPU, so that shapes that do not fit (a Dense layer on
// images, a residual block that changes the shape) are reported against the spec's source.
Model checked_model(const Json& spec, const std::string& source) {
  auto backend = make_cpu_backend();
  try {
    model_from_spec(spec, source).build(*backend, 1, 0);
  } catch (const Error& e) {
    const std::string what = e.what();
    if (what.rfind(source + ":", 0) == 0) throw;
    throw Error(source + ": " + what);
  }
  return model_from_spec(spec, source);
}

// TOML values as JSON; dates and times have no place in a spec.
Json to_json(const toml::node& node, const std::string& path, const std::string& source) {
  if (const auto* table = node.as_table()) {
    Json out = Json::object();
    for (const auto& [key, value] : *table) {
      const std::string name(key.str());
      out[name] = to_json(value, path.empty() ? name : path + "." + name, source);
    }
    return out;
  }
  if (const auto* array = node.as_array()) {
    Json out = Json::array();
    for (size_t i = 0; i < array->size(); ++i)
      out.push_back(to_json(*array->get(i), path + "[" + std::to_string(i) + "]", source));
    return out;
  }
  if (const auto* v = node.as_string()) return v->get();
  if (const auto* v = node.as_integer()) return v->get();
  if (const auto* v = node.as_floating_point()) return v->get();
  if (const auto* v = node.as_boolean()) return v->get();
  throw Error(source + ": " + path + ": dates and times have no meaning in a model spec");
}

}  // namespace

Model model_from_json(const std::string& text, const std::string& source) {
  Json spec;
  try {
    spec = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 5: ...".
    const std::string what = e.what();
    const size_t at = what.find(" at line ");
    throw Error(source + ": not valid JSON" + (at == std::string::npos ? ": " + what : what.substr(at)));
  }
  return checked_model(spec, source);
}

Model model_from_toml(const std::string& text, const std::string& source) {
  toml::table table;
  try {
    table = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    throw Error(source + ":" + std::to_string(e.source().begin.line) + ":" + std::to_string(e.source().begin.column) +
                ": not valid TOML: " + std::string(e.description()));
  }
  return checked_model(to_json(table, "", source), source);
}

Model load_model_spec(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open the model spec");
  std::stringstream text;
  text << in.rdbuf();
  auto ends_with = [&](const std::string& ext) {
    return path.size() >= ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends_with(".json")) return model_from_json(text.str(), path);
  if (ends_with(".toml")) return model_from_toml(text.str(), path);
  throw Error(path + ": a model spec is a .json or .toml file");
}

}  // namespace vkrl::nn
