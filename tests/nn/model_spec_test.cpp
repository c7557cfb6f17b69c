// Model specs in JSON and TOML: the layers, shapes and heads they build, the spec text a model keeps, and one error
// per kind of mistake, each naming the source, the key's path and the problem.
#include <catch2/catch.hpp>

#include "vkrl/error.h"
#include "vkrl/nn/model_spec.h"

using namespace vkrl::nn;

namespace {

std::vector<std::string> kinds(const Sequential& s) {
  std::vector<std::string> out;
  for (const auto& layer : s.layers()) out.push_back(layer->kind());
  return out;
}

std::string error_of(const std::string& json) {
  try {
    model_from_json(json);
  } catch (const vkrl::Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("model spec: a JSON stack with activations appended", "[nn][spec]") {
  const std::string text = R"({"input": [4, 10, 10], "layers": [
      {"type": "conv2d", "filters": 16, "kernel": 3, "activation": "relu"}, {"type": "flatten"},
      {"type": "dense", "units": 128, "activation": "relu", "initializer": "he_normal", "l2": 0.001},
      {"type": "dense", "units": 6}]})";
  Model model = model_from_json(text);
  REQUIRE(model.head_count() == 1);
  CHECK(model.head_name(0) == "output");
  CHECK(kinds(model.trunk()) == std::vector<std::string>{"Conv2D", "ReLU", "Flatten", "Dense", "ReLU", "Dense"});
  CHECK(model.trunk().layers()[3]->regularizer().l2 == 0.001);
  CHECK_FALSE(model.trunk().layers()[5]->regularizer().active());
  auto backend = make_cpu_backend();
  model.build(*backend, 5, 1);
  CHECK(model.trunk().output_shapes()[0] == Shape{5, 16, 8, 8});
  Tensor x(*backend, {5, 4, 10, 10});
  CHECK(model.forward(x, false)[0].shape() == Shape{5, 6});
  // The kept spec rebuilds the same model.
  Model again = model_from_json(model.spec_json());
  CHECK(kinds(again.trunk()) == kinds(model.trunk()));
  CHECK(model.named_tensors().size() == 6);
  CHECK(model.named_tensors()[0].first == "0.weight");
}

TEST_CASE("model spec: TOML with a trunk and named heads", "[nn][spec]") {
  const std::string text = R"(
input = [6]
[[trunk]]
type = "dense"
units = 8
activation = "tanh"
[[trunk]]
type = "batchnorm"
[[heads.value]]
type = "dense"
units = 1
[[heads.advantage]]
type = "dense"
units = 3
[[heads.advantage]]
type = "dropout"
rate = 0.5
)";
  Model model = model_from_toml(text, "dueling.toml");
  REQUIRE(model.head_count() == 2);
  CHECK(kinds(model.trunk()) == std::vector<std::string>{"Dense", "Tanh", "BatchNorm"});
  CHECK(kinds(model.head(0)).size() + kinds(model.head(1)).size() == 3);
  auto backend = make_cpu_backend();
  model.build(*backend, 4, 9);
  Tensor x(*backend, {4, 6});
  const auto& out = model.forward(x, true);
  for (size_t i = 0; i < model.head_count(); ++i)
    CHECK(out[i].shape() == Shape{4, model.head_name(i) == "value" ? 1 : 3});
  std::vector<std::string> names;
  for (auto& [name, t] : model.named_tensors()) names.push_back(name);
  CHECK(std::find(names.begin(), names.end(), "2.running_var") != names.end());
  CHECK(std::find(names.begin(), names.end(), "advantage.0.weight") != names.end());
  CHECK(model.summary().find("Non-trainable params: 16") != std::string::npos);
}

TEST_CASE("model spec: every kind of mistake is one line with the source, path and problem", "[nn][spec]") {
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "dense", "units": 2}, {"type": "dens", "units": 2}]})") ==
        "<string>: layers[1].type: unknown layer type 'dens'; did you mean 'dense'? valid: avgpool2d, batchnorm, conv1d, "
        "conv2d, conv_transpose2d, dense, dropout, embedding, flatten, gru, leaky_relu, lstm, maxpool2d, relu, reshape, "
        "residual, sigmoid, simple_rnn, softmax, tanh");
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "dense"}]})") == "<string>: layers[0]: missing 'units'");
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "dense", "units": "8"}]})") ==
        "<string>: layers[0].units: expected an integer, got a string");
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "dense", "units": -2}]})") ==
        "<string>: layers[0].units: must be at least 1, got -2");
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "dense", "units": 2, "activaton": "relu"}]})") ==
        "<string>: layers[0].activaton: unknown key 'activaton'; did you mean 'activation'? valid: units, initializer, "
        "l1, l2, type, activation");
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "dense", "units": 2, "zzzzzz": 1}]})") ==
        "<string>: layers[0].zzzzzz: unknown key 'zzzzzz'; valid: units, initializer, l1, l2, type, activation");
  CHECK(error_of(R"({"inputs": [4], "layers": []})") ==
        "<string>: inputs: unknown key 'inputs'; did you mean 'input'? valid: input, layers, trunk, heads");
  CHECK(error_of(R"({"input": [4]})") == "<string>: missing 'layers' (or 'heads' with an optional 'trunk')");
  CHECK(error_of(R"({"input": [1, 8, 8], "layers": [{"type": "conv2d", "filters": 2, "kernel": [3, 0]}]})") ==
        "<string>: layers[0].kernel[1]: must be at least 1, got 0");
  CHECK(error_of(R"({"input": [1, 8, 8], "layers": [{"type": "conv2d", "filters": 2, "kernel": 3,
        "padding": "full"}]})") == "<string>: layers[0].padding: unknown padding 'full'; valid: valid, same");
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "residual", "layers": [{"type": "dense", "units": "x"}]}]})") ==
        "<string>: layers[0].layers[0].units: expected an integer, got a string");
  CHECK(error_of(R"({"input": [4], "layers": [)") ==
        "<string>: not valid JSON at line 1, column 27: syntax error while parsing value - unexpected end of input; "
        "expected '[', '{', or a literal");
  // Shapes that do not fit are found by building the spec once.
  CHECK(error_of(R"({"input": [4], "layers": [{"type": "residual", "layers": [{"type": "dense", "units": 3}]}]})") ==
        "<string>: trunk layer 0 (Residual): Residual: the inner block maps [1, 4] to [1, 3]; the skip needs the same "
        "shape");
  CHECK_THROWS_WITH(model_from_toml("input = [4]\n[[layers]]\ntype = \"dense\"\nunits = 2.5\n", "m.toml"),
                    "m.toml: layers[0].units: expected an integer, got a number");
  CHECK_THROWS_WITH(model_from_toml("input = [4\n", "m.toml"), "m.toml:1:12: not valid TOML: Error while parsing array: encountered end-of-file");
  CHECK_THROWS_WITH(load_model_spec("/nonexistent/m.json"), "/nonexistent/m.json: cannot open the model spec");
}
