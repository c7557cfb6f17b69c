#include "vkrl/nn/checkpoint.h"

#include <nlohmann/json.hpp>


#include <fstream>
#include <sstream>

#include "vkrl/atomic_file.h"
#include "vkrl/error.h"

namespace vkrl::nn {

namespace fs = std::filesystem;

namespace {

std::vector<int64_t> dims(const Shape& shape) {
  std::vector<int64_t> d;
  for (int i = 0; i < shape.rank(); ++i) d.push_back(shape[i]);
  return d;
}

std::string dims_text(const std::vector<int64_t>& d) {
  std::string s = "[";
  for (size_t i = 0; i < d.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(d[i]);
  }
  return s + "]";
}

std::vector<std::pair<std::string, Tensor>> optimizer_tensors(Sequential& model, Optimizer& optimizer) {
  const auto params = model.params();
  const auto names = parameter_names(model);
  const auto slots = optimizer_state_names(optimizer.options().rule);
  auto& state = optimizer.ensure_state(params);
  std::vector<std::pair<std::string, Tensor>> all;
  for (size_t i = 0; i < params.size(); ++i)
    for (size_t s = 0; s < slots.size(); ++s) all.emplace_back(names[i] + "." + slots[s], state[i][s]);
  return all;
}

}  // namespace

std::vector<std::string> parameter_names(Sequential& model) {
  std::vector<std::string> names;
  for (size_t i = 0; i < model.layers().size(); ++i)
    for (const auto& name : model.layers()[i]->param_names()) names.push_back(std::to_string(i) + "." + name);
  return names;
}

std::vector<io::NamedTensor> to_host(const std::vector<std::pair<std::string, Tensor>>& tensors) {
  std::vector<io::NamedTensor> host;
  for (const auto& [name, t] : tensors) host.push_back({name, dims(t.shape()), t.read()});
  return host;
}

void load_into(const std::vector<std::pair<std::string, Tensor>>& tensors, const io::SafetensorsFile& loaded,
               const std::string& file) {
  for (const auto& [name, t] : tensors) {
    const io::NamedTensor* found = nullptr;
    for (const auto& candidate : loaded.tensors)
      if (candidate.name == name) found = &candidate;
    if (!found) throw Error(file + ": no tensor '" + name + "', which the model needs");
    if (found->shape != dims(t.shape()))
      throw Error(file + ": tensor '" + name + "' has shape " + dims_text(found->shape) + ", the model needs " +
                  t.shape().to_string());
  }
  for (const auto& candidate : loaded.tensors) {
    bool known = false;
    for (const auto& named : tensors) known = known || named.first == candidate.name;
    if (!known) throw Error(file + ": tensor '" + candidate.name + "' is not part of the model");
  }
  for (const auto& [name, t] : tensors) {
    Tensor target = t;
    target.write(std::span<const float>(loaded.at(name).values));
  }
}

void save_checkpoint(const fs::path& dir, Sequential& model, Optimizer& optimizer, const CheckpointMeta& meta,
                     const std::map<std::string, std::vector<io::NamedTensor>>& extra) {
  const fs::path target = fs::absolute(dir).lexically_normal();
  const fs::path temporary = begin_directory_replacement(target);

  io::write_safetensors(temporary / "model.safetensors", to_host(model.named_tensors()));
  io::write_safetensors(temporary / "optimizer.safetensors", to_host(optimizer_tensors(model, optimizer)));
  for (const auto& [name, tensors] : extra) io::write_safetensors(temporary / name, tensors);
  nlohmann::ordered_json j;
  j["format"] = "vkrl-checkpoint";
  j["vkrl_version"] = VKRL_VERSION;
  j["model_spec"] = meta.model_spec;
  j["epoch"] = meta.epoch;
  j["step"] = meta.step;
  j["optimizer"] = optimizer_name(optimizer.options().rule);
  j["rng"] = meta.rng;
  j["trainer"] = meta.trainer.empty() ? nlohmann::ordered_json::object() : nlohmann::ordered_json::parse(meta.trainer);
  write_file_atomically(temporary / "meta.json", j.dump(2) + "\n");

  replace_directory_atomically(temporary, target);
}

bool checkpoint_exists(const fs::path& dir) { return fs::exists(dir / "meta.json"); }

CheckpointMeta read_checkpoint_meta(const fs::path& dir) {
  const fs::path path = dir / "meta.json";
  std::ifstream in(path);
  if (!in) throw Error(path.string() + ": cannot open");
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(path.string() + ": not valid JSON (" + e.what() + ")");
  }
  CheckpointMeta meta;
  try {
    if (j.at("format") != "vkrl-checkpoint") throw Error(path.string() + ": not a vkrl checkpoint");
    meta.model_spec = j.at("model_spec").get<std::string>();
    meta.epoch = j.at("epoch").get<int>();
    meta.step = j.at("step").get<int64_t>();
    meta.rng = j.at("rng").get<std::map<std::string, std::string>>();
    meta.trainer = j.at("trainer").dump();
    meta.optimizer = j.at("optimizer").get<std::string>();
    meta.vkrl_version = j.at("vkrl_version").get<std::string>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(path.string() + ": " + e.what());
  }
  return meta;
}

CheckpointMeta load_checkpoint(const fs::path& dir, Sequential& model, Optimizer& optimizer) {
  const CheckpointMeta meta = read_checkpoint_meta(dir);
  const std::string name = optimizer_name(optimizer.options().rule);
  if (meta.optimizer != name)
    throw Error((dir / "meta.json").string() + ": optimizer " + meta.optimizer + ", this run uses " + name);
  const fs::path model_file = dir / "model.safetensors", optimizer_file = dir / "optimizer.safetensors";
  load_into(model.named_tensors(), io::read_safetensors(model_file), model_file.string());
  load_into(optimizer_tensors(model, optimizer), io::read_safetensors(optimizer_file), optimizer_file.string());
  optimizer.set_step_count(meta.step);
  return meta;
}

}  // namespace vkrl::nn
