#include "vkrl/nn/trainer.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>
#include <sstream>

#include "progress_line.h"
#include "vkrl/atomic_file.h"
#include "vkrl/error.h"
#include "vkrl/nn/checkpoint.h"

namespace vkrl::nn {

namespace fs = std::filesystem;

namespace {

constexpr const char* kBestWeightsFile = "best.safetensors";

const char* loss_name(LossKind loss) {
  switch (loss) {
    case LossKind::softmax_cross_entropy: return "softmax_cross_entropy";
    case LossKind::binary_cross_entropy: return "binary_cross_entropy";
    case LossKind::mean_squared_error: return "mean_squared_error";
    case LossKind::huber: return "huber";
  }
  return "unknown";
}

bool is_classification(LossKind loss) {
  return loss == LossKind::softmax_cross_entropy || loss == LossKind::binary_cross_entropy;
}

std::string shuffle_text(const std::mt19937_64& rng) {
  std::ostringstream text;
  text << rng;
  return text.str();
}

size_t argmax(std::span<const float> row) { return size_t(std::max_element(row.begin(), row.end()) - row.begin()); }

// The rows [begin, begin + count) of a data set.
Dataset slice(const Dataset& d, size_t begin, size_t count) {
  return {d.x.subspan(begin * size_t(d.inputs), count * size_t(d.inputs)),
          d.y.subspan(begin * size_t(d.outputs), count * size_t(d.outputs)), d.inputs, d.outputs, d.sample};
}

// What decides the numbers a run produces; a checkpoint made under another configuration is refused.
nlohmann::ordered_json config_json(const TrainerOptions& o, const Optimizer& optimizer) {
  return {{"batch_size", o.batch_size},
          {"seed", o.seed},
          {"loss", loss_name(o.loss)},
          {"huber_delta", o.huber_delta},
          {"l1", o.l1},
          {"l2", o.l2},
          {"validation_split", o.validation_split},
          {"patience", o.patience},
          {"min_delta", o.min_delta},
          {"restore_best_weights", o.restore_best_weights},
          {"optimizer", optimizer_name(optimizer.options().rule)},
          {"schedule", optimizer.options().schedule.to_string()},
          {"clip_norm", optimizer.options().clip_norm}};
}

}  // namespace

size_t Dataset::count() const {
  if (inputs < 1 || x.size() % size_t(inputs) != 0)
    throw Error("data: " + std::to_string(x.size()) + " input values are not rows of " + std::to_string(inputs));
  const size_t rows = x.size() / size_t(inputs);
  if (outputs < 1 || y.size() != rows * size_t(outputs))
    throw Error("data: " + std::to_string(y.size()) + " targets for " + std::to_string(rows) + " rows of " +
                std::to_string(outputs));
  return rows;
}

// The tensors and host buffers of one mini-batch, reallocated only when the batch size changes.
struct Trainer::Batch {
  Tensor x, y, loss, dloss;
  std::vector<float> x_host, y_host, out_host;
  std::vector<double> loss_host = std::vector<double>(1);
};

Trainer::Trainer(Sequential& model, Backend& backend, Optimizer& optimizer, TrainerOptions options)
    : model_(model), backend_(backend), optimizer_(optimizer), options_(std::move(options)),
      params_(model.params()), grads_(model.grads()), batch_(std::make_unique<Batch>()),
      progress_(std::make_unique<ProgressLine>(options_.quiet)), shuffle_rng_(options_.seed) {
  if (options_.batch_size < 1) throw Error("trainer: the batch size must be positive");
  if (options_.validation_split < 0 || options_.validation_split >= 1)
    throw Error("trainer: validation_split must be in [0, 1)");
  if (options_.checkpoint_every > 0 && options_.checkpoint_dir.empty())
    throw Error("trainer: checkpoint_every needs a checkpoint directory");
  const auto names = parameter_names(model_);
  for (size_t i = 0; i < names.size(); ++i)
    if ((options_.l1 != 0 || options_.l2 != 0) && names[i].ends_with(".weight")) {
      penalized_params_.push_back(params_[i]);
      penalized_grads_.push_back(grads_[i]);
    }
  batch_->loss = Tensor(backend_, {1});
}

Trainer::~Trainer() = default;

double Trainer::run_batch(const Dataset& data, std::span<const size_t> rows_of, bool train, Evaluation* counts) {
  Batch& b = *batch_;
  const int rows = int(rows_of.size()), in = data.inputs, out = data.outputs;
  b.x_host.resize(size_t(rows * in));
  b.y_host.resize(size_t(rows * out));
  for (int r = 0; r < rows; ++r) {
    const size_t i = rows_of[size_t(r)];
    std::copy_n(data.x.begin() + ptrdiff_t(i * size_t(in)), in, b.x_host.begin() + ptrdiff_t(r * in));
    std::copy_n(data.y.begin() + ptrdiff_t(i * size_t(out)), out, b.y_host.begin() + ptrdiff_t(r * out));
  }
  ensure_shape(b.x, backend_, data.sample.rank() ? data.sample.with_rows(rows) : Shape{rows, in});
  ensure_shape(b.y, backend_, {rows, out});
  ensure_shape(b.dloss, backend_, {rows, out});
  b.x.write(std::span<const float>(b.x_host));
  b.y.write(std::span<const float>(b.y_host));
  const Tensor& prediction = model_.forward(b.x, train);
  switch (options_.loss) {
    case LossKind::softmax_cross_entropy: backend_.softmax_cross_entropy(prediction, b.y, b.loss, b.dloss); break;
    case LossKind::binary_cross_entropy: backend_.binary_cross_entropy(prediction, b.y, b.loss, b.dloss); break;
    case LossKind::mean_squared_error: backend_.mean_squared_error(prediction, b.y, b.loss, b.dloss); break;
    case LossKind::huber: backend_.huber(prediction, b.y, options_.huber_delta, b.loss, b.dloss); break;
  }
  if (train) model_.backward(b.dloss);
  // The penalties join the loss (as Keras reports it); outside training the gradients they touch are scratch.
  for (size_t i = 0; i < penalized_params_.size(); ++i)
    backend_.weight_penalty(options_.l1, options_.l2, penalized_params_[i], penalized_grads_[i], b.loss);
  if (train) optimizer_.step(params_, grads_);
  backend_.read(b.loss, b.loss_host);

  if (counts && is_classification(options_.loss)) {
    b.out_host.resize(prediction.size());
    backend_.read(prediction, b.out_host);
    const std::span<const float> predicted(b.out_host), truth(b.y_host);
    if (options_.loss == LossKind::softmax_cross_entropy) {
      for (int r = 0; r < rows; ++r) {
        const size_t t = argmax(truth.subspan(size_t(r * out), size_t(out)));
        const size_t p = argmax(predicted.subspan(size_t(r * out), size_t(out)));
        counts->confusion[t * size_t(out) + p] += 1;
      }
    } else {
      for (size_t i = 0; i < truth.size(); ++i) counts->confusion[size_t(2 * (truth[i] > 0.5f) + (predicted[i] > 0))] += 1;
    }
  }
  return b.loss_host[0];
}

Evaluation Trainer::evaluate(const Dataset& data) {
  const size_t count = data.count();
  Evaluation e;
  if (is_classification(options_.loss)) {
    e.classes = options_.loss == LossKind::softmax_cross_entropy ? data.outputs : 2;
    e.confusion.assign(size_t(e.classes * e.classes), 0);
  }
  std::vector<size_t> rows(count);
  std::iota(rows.begin(), rows.end(), size_t(0));
  double loss_sum = 0;
  for (size_t start = 0; start < count; start += size_t(options_.batch_size)) {
    const size_t n = std::min(count - start, size_t(options_.batch_size));
    loss_sum += run_batch(data, std::span<const size_t>(rows).subspan(start, n), false, &e) * double(n);
  }
  e.loss = count ? loss_sum / double(count) : 0;
  if (e.classes) {
    int64_t correct = 0, total = 0;
    for (int c = 0; c < e.classes; ++c) correct += e.at(c, c);
    for (int64_t n : e.confusion) total += n;
    e.accuracy = total ? double(correct) / double(total) : 0;
  }
  return e;
}

std::vector<EpochMetrics> Trainer::fit(const Dataset& all, const Dataset* validation) {
  const size_t count = all.count();
  Dataset train = all;
  std::optional<Dataset> split;
  if (!validation && options_.validation_split > 0) {
    const size_t kept = size_t(double(count) * (1 - options_.validation_split));
    if (kept == 0 || kept == count) throw Error("trainer: validation_split leaves no training or validation rows");
    train = slice(all, 0, kept);
    split = slice(all, kept, count - kept);
    validation = &*split;
  }
  const size_t train_count = train.count();
  if (train_count == 0) throw Error("trainer: no training rows");
  if (validation) validation->count();  // checks its arrays

  // Each epoch shuffles the previous epoch's order. After a resume the order is rebuilt by replaying the completed
  // epochs' shuffles from the seed, which must land on the generator state the checkpoint recorded.
  if (order_.size() != train_count) {
    order_.resize(train_count);
    std::iota(order_.begin(), order_.end(), size_t(0));
    shuffle_rng_.seed(options_.seed);
    for (int e = 0; e < epoch_; ++e) std::shuffle(order_.begin(), order_.end(), shuffle_rng_);
    if (!resumed_rng_.empty() && shuffle_text(shuffle_rng_) != resumed_rng_)
      throw Error("checkpoint: its shuffle state does not follow from the seed and " + std::to_string(epoch_) +
                  " epochs of " + std::to_string(train_count) + " rows");
  }
  std::vector<EpochMetrics> run;
  Evaluation counts;
  for (int epoch = epoch_ + 1; epoch <= options_.epochs && !stopped_; ++epoch) {
    std::shuffle(order_.begin(), order_.end(), shuffle_rng_);
    counts.classes = is_classification(options_.loss)
                         ? (options_.loss == LossKind::softmax_cross_entropy ? train.outputs : 2)
                         : 0;
    counts.confusion.assign(size_t(counts.classes * counts.classes), 0);
    progress_->start_epoch();
    double loss_sum = 0, learning_rate = optimizer_.learning_rate();
    for (size_t start = 0; start < train_count; start += size_t(options_.batch_size)) {
      const size_t n = std::min(train_count - start, size_t(options_.batch_size));
      learning_rate = optimizer_.learning_rate();
      loss_sum += run_batch(train, std::span<const size_t>(order_).subspan(start, n), true, &counts) * double(n);
      progress_->update(epoch, options_.epochs, start + n, train_count, loss_sum / double(start + n));
    }
    EpochMetrics m{.epoch = epoch, .loss = loss_sum / double(train_count)};
    if (counts.classes) {
      int64_t correct = 0, total = 0;
      for (int c = 0; c < counts.classes; ++c) correct += counts.at(c, c);
      for (int64_t n : counts.confusion) total += n;
      m.accuracy = double(correct) / double(total);
    }
    if (validation) {
      const Evaluation v = evaluate(*validation);
      m.val_loss = v.loss;
      if (v.classes) m.val_accuracy = v.accuracy;
    }
    m.learning_rate = learning_rate;
    m.seconds = progress_->epoch_seconds();
    end_of_epoch(m);
    run.push_back(m);
  }
  return run;
}

void Trainer::end_of_epoch(const EpochMetrics& m) {
  epoch_ = m.epoch;
  history_.push_back(m);
  const double monitored = m.val_loss.value_or(m.loss);
  if (!best_ || monitored < *best_ - options_.min_delta) {
    best_ = monitored;
    wait_ = 0;
    if (options_.patience > 0 && options_.restore_best_weights) {
      best_weights_.clear();
      for (const auto& [name, t] : model_.named_tensors()) best_weights_.push_back(t.read());
    }
  } else if (options_.patience > 0 && ++wait_ >= options_.patience) {
    stopped_ = true;
    if (options_.restore_best_weights && !best_weights_.empty()) {
      const auto tensors = model_.named_tensors();
      for (size_t i = 0; i < tensors.size(); ++i) {
        Tensor t = tensors[i].second;
        t.write(std::span<const float>(best_weights_[i]));
      }
    }
  }

  std::string line = fmt::format("epoch {}/{}  loss {:.4f}", m.epoch, options_.epochs, m.loss);
  if (is_classification(options_.loss)) line += fmt::format("  accuracy {:.4f}", m.accuracy);
  if (m.val_loss) line += fmt::format("  val_loss {:.4f}", *m.val_loss);
  if (m.val_accuracy) line += fmt::format("  val_accuracy {:.4f}", *m.val_accuracy);
  line += fmt::format("  lr {:.3g}  {:.2f} s", m.learning_rate, m.seconds);
  if (stopped_) line += fmt::format("  (early stop: no improvement in {} epochs)", options_.patience);
  progress_->finish(line);

  for (const auto& callback : callbacks_) callback(m);
  if (!options_.run_dir.empty()) write_metrics_csv();
  if (options_.checkpoint_every > 0 && (m.epoch % options_.checkpoint_every == 0 || stopped_))
    save_checkpoint(options_.checkpoint_dir);
}

void Trainer::write_metrics_csv() const {
  const bool classification = is_classification(options_.loss);
  const bool validation = !history_.empty() && history_.front().val_loss.has_value();
  std::string text = "epoch,loss";
  if (classification) text += ",accuracy";
  if (validation) text += classification ? ",val_loss,val_accuracy" : ",val_loss";
  text += ",learning_rate,seconds\n";
  for (const auto& m : history_) {
    text += fmt::format("{},{}", m.epoch, m.loss);
    if (classification) text += fmt::format(",{}", m.accuracy);
    if (validation) text += fmt::format(",{}", m.val_loss.value_or(0));
    if (validation && classification) text += fmt::format(",{}", m.val_accuracy.value_or(0));
    text += fmt::format(",{},{}\n", m.learning_rate, m.seconds);
  }
  fs::create_directories(options_.run_dir);
  write_file_atomically(options_.run_dir / "metrics.csv", text);
}

std::string Trainer::state_json() const {
  nlohmann::ordered_json j;
  j["config"] = config_json(options_, optimizer_);
  j["epochs"] = options_.epochs;
  j["stopped_early"] = stopped_;
  if (best_) j["best"] = *best_;
  j["wait"] = wait_;
  auto& history = j["history"] = nlohmann::ordered_json::array();
  for (const auto& m : history_) {
    nlohmann::ordered_json e = {{"epoch", m.epoch}, {"loss", m.loss}, {"accuracy", m.accuracy},
                                {"learning_rate", m.learning_rate}, {"seconds", m.seconds}};
    if (m.val_loss) e["val_loss"] = *m.val_loss;
    if (m.val_accuracy) e["val_accuracy"] = *m.val_accuracy;
    history.push_back(e);
  }
  return j.dump();
}

void Trainer::restore_state(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  const auto saved = j.at("config"), current = nlohmann::json(config_json(options_, optimizer_));
  for (const auto& [key, value] : current.items())
    if (!saved.contains(key) || saved[key] != value)
      throw Error("checkpoint: made with " + key + " = " + (saved.contains(key) ? saved[key].dump() : "nothing") +
                  ", this run has " + value.dump());
  stopped_ = j.at("stopped_early").get<bool>();
  best_.reset();
  if (j.contains("best")) best_ = j["best"].get<double>();
  wait_ = j.at("wait").get<int>();
  history_.clear();
  for (const auto& e : j.at("history")) {
    EpochMetrics m{.epoch = e.at("epoch").get<int>(), .loss = e.at("loss").get<double>(),
                   .accuracy = e.at("accuracy").get<double>()};
    if (e.contains("val_loss")) m.val_loss = e["val_loss"].get<double>();
    if (e.contains("val_accuracy")) m.val_accuracy = e["val_accuracy"].get<double>();
    m.learning_rate = e.at("learning_rate").get<double>();
    m.seconds = e.at("seconds").get<double>();
    history_.push_back(m);
  }
}

void Trainer::save_checkpoint(const fs::path& dir) {
  CheckpointMeta meta{.model_spec = options_.model_spec, .epoch = epoch_, .step = optimizer_.step_count()};
  meta.rng["shuffle"] = shuffle_text(shuffle_rng_);
  meta.trainer = state_json();
  std::map<std::string, std::vector<io::NamedTensor>> extra;
  if (!best_weights_.empty()) {
    auto& best = extra[kBestWeightsFile] = to_host(model_.named_tensors());
    for (size_t i = 0; i < best.size(); ++i) best[i].values = best_weights_[i];
  }
  nn::save_checkpoint(dir, model_, optimizer_, meta, extra);
}

int Trainer::resume() {
  const fs::path& dir = options_.checkpoint_dir;
  if (dir.empty() || !checkpoint_exists(dir)) return 0;
  restore_state(read_checkpoint_meta(dir).trainer);  // refuses another configuration before touching the model
  const CheckpointMeta meta = load_checkpoint(dir, model_, optimizer_);
  const auto rng = meta.rng.find("shuffle");
  if (rng == meta.rng.end()) throw Error((dir / "meta.json").string() + ": no shuffle RNG state");
  resumed_rng_ = rng->second;
  order_.clear();  // rebuilt by the next fit()
  best_weights_.clear();
  if (fs::exists(dir / kBestWeightsFile)) {
    const auto file = io::read_safetensors(dir / kBestWeightsFile);
    for (const auto& [name, t] : model_.named_tensors()) {
      const auto& stored = file.at(name);
      if (stored.values.size() != t.size())
        throw Error((dir / kBestWeightsFile).string() + ": tensor '" + name + "' does not fit the model");
      best_weights_.push_back(stored.values);
    }
  }
  epoch_ = meta.epoch;
  return epoch_;
}

std::vector<float> Trainer::predict(std::span<const float> x, int inputs, const Shape& sample) {
  if (inputs < 1 || x.size() % size_t(inputs) != 0)
    throw Error("predict: " + std::to_string(x.size()) + " input values are not rows of " + std::to_string(inputs));
  const size_t count = x.size() / size_t(inputs);
  std::vector<float> outputs;
  Tensor xb;
  for (size_t start = 0; start < count; start += size_t(options_.batch_size)) {
    const int rows = int(std::min(count - start, size_t(options_.batch_size)));
    ensure_shape(xb, backend_, sample.rank() ? sample.with_rows(rows) : Shape{rows, inputs});
    xb.write(x.subspan(start * size_t(inputs), size_t(rows) * size_t(inputs)));
    const auto out = model_.forward(xb, false).read();
    outputs.insert(outputs.end(), out.begin(), out.end());
  }
  return outputs;
}

}  // namespace vkrl::nn
