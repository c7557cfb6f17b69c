// charlstm: the course's character-level LSTM (REFERENCE.md 9.5), which writes Spanish poetry after 1000 and 10000
// epochs, here trained on the Spanish quotations of Debian's fortunes-es. Characters go in one-hot; a stack of LSTMs
// returns every step's state and a dense layer predicts the next character at every step (softmax cross-entropy).
// Training takes random windows of `seq` characters from the first 95 % of the text, each from a zero state
// (truncated backpropagation through time over the window), with Adam and global-norm clipping. The held-out last
// 5 % gives the perplexity, exp(mean cross-entropy per character), as training goes; samples at temperatures 0.5 and
// 1 are printed at several points, each character drawn from the model run over the last `seq` characters (the
// context it was trained on). Writes metrics.csv, perplexity.png and summary.md with the samples.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <set>
#include <span>

#include "experiments/experiment.h"
#include "experiments/text_corpus.h"
#include "media/png.h"
#include "plot/line_chart.h"
#include "vkrl/error.h"
#include "vkrl/nn/layers/dense.h"
#include "vkrl/nn/layers/lstm.h"
#include "vkrl/nn/optimizer.h"
#include "vkrl/nn/sequential.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

// The LSTM stack over one-hot characters and the dense layer that reads each step's state.
class CharModel {
public:
  CharModel(nn::Backend& backend, int vocabulary, int layers, int units, int batch, int seq, uint64_t seed) {
    for (int i = 0; i < layers; ++i) trunk_.add(std::make_unique<nn::LSTM>(units, true));
    head_.add(std::make_unique<nn::Dense>(vocabulary));
    trunk_.build(backend, {batch, seq, vocabulary}, seed);
    head_.build(backend, {batch * seq, units}, seed + 1);
    trunk_.layers().front()->set_input_gradient_needed(false);  // the one-hot input needs none
  }

  // Logits [N T, vocabulary] for one-hot x [N, T, vocabulary].
  const nn::Tensor& forward(const nn::Tensor& x) {
    const nn::Tensor& states = trunk_.forward(x, true);
    const nn::Shape& s = states.shape();
    return head_.forward(states.reshaped({s[0] * s[1], s[2]}), true);
  }
  void backward(const nn::Tensor& dlogits, const nn::Shape& states) {
    trunk_.backward(head_.backward(dlogits).reshaped(states));
  }
  std::vector<nn::Tensor> params() { return joined(trunk_.params(), head_.params()); }
  std::vector<nn::Tensor> grads() { return joined(trunk_.grads(), head_.grads()); }
  size_t parameter_count() {
    size_t n = 0;
    for (const auto& p : params()) n += p.size();
    return n;
  }

private:
  static std::vector<nn::Tensor> joined(std::vector<nn::Tensor> a, const std::vector<nn::Tensor>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  }
  nn::Sequential trunk_, head_;
};

// One-hot rows for vocabulary indices: x[i, text[i]] = 1.
void one_hot(std::span<const int> text, int vocabulary, std::vector<float>& out) {
  out.assign(text.size() * size_t(vocabulary), 0.0f);
  for (size_t i = 0; i < text.size(); ++i) out[i * size_t(vocabulary) + size_t(text[i])] = 1.0f;
}

// A draw from softmax(logits / temperature).
int sample_character(const std::vector<float>& logits, double temperature, std::mt19937_64& rng) {
  const float top = *std::max_element(logits.begin(), logits.end());
  std::vector<double> weights(logits.size());
  for (size_t i = 0; i < logits.size(); ++i) weights[i] = std::exp((double(logits[i]) - top) / temperature);
  std::discrete_distribution<int> pick(weights.begin(), weights.end());
  return pick(rng);
}

std::vector<double> parse_temperatures(const std::string& text) {
  std::vector<double> out;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    try {
      size_t used = 0;
      out.push_back(std::stod(item, &used));
      if (used != item.size() || !(out.back() > 0)) throw std::invalid_argument(item);
    } catch (const std::exception&) {
      throw UsageError("charlstm: temperatures: '" + item + "' is not a positive number");
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<ExperimentFlag> charlstm_flags() {
  return {{"corpus", "/usr/share/games/fortunes/es", "a UTF-8 text file, or a folder whose *.u8 files are read"},
          {"layers", "1", "stacked LSTM layers"},
          {"units", "128", "units per LSTM layer"},
          {"seq", "64", "characters per training window (truncated backpropagation through time)"},
          {"batch", "32", "windows per update"},
          {"updates", "3000", "Adam updates"},
          {"lr", "0.003", "Adam's learning rate"},
          {"clip", "5", "global gradient-norm clip"},
          {"eval_every", "150", "updates between held-out perplexity measurements"},
          {"eval_chars", "16384", "held-out characters scored each time (at most the held-out 5 %)"},
          {"samples", "4", "points at which samples are printed, spread geometrically up to the end"},
          {"sample_length", "240", "characters per sample"},
          {"temperatures", "0.5,1.0", "sampling temperatures"},
          {"prime", "La vida ", "the text each sample starts from"}};
}

void run_charlstm(const ExperimentOptions& options, RunDir& run) {
  const TextCorpus corpus = read_text_corpus(options.text("corpus"));
  const int vocab = int(corpus.vocabulary.size());
  const int layers = options.integer("layers"), units = options.integer("units"), seq = options.integer("seq");
  const int batch = options.integer("batch"), updates = options.integer("updates");
  const int eval_every = std::max(1, options.integer("eval_every")), sample_points = options.integer("samples");
  const std::vector<double> temperatures = parse_temperatures(options.text("temperatures"));
  if (layers < 1 || units < 1 || seq < 1 || batch < 1 || updates < 1)
    throw UsageError("charlstm: layers, units, seq, batch and updates must be positive");
  const size_t split = corpus.text.size() * 95 / 100;
  const std::span<const int> train(corpus.text.data(), split);
  const std::span<const int> heldout(corpus.text.data() + split, corpus.text.size() - split);
  const size_t heldout_windows =
      std::min<size_t>(size_t(options.integer("eval_chars")), heldout.size() - 1) / size_t(seq) / size_t(batch) *
      size_t(batch);
  if (train.size() < size_t(seq) + 2 || heldout_windows == 0)
    throw Error("charlstm: the corpus (" + std::to_string(corpus.text.size()) + " characters) is too short for " +
                std::to_string(batch) + " windows of " + std::to_string(seq) + " held out and one to train on");
  std::vector<int> prime = corpus.encode(options.text("prime"));
  if (prime.empty()) prime.push_back(corpus.text.front());

  auto backend = nn::make_backend(options.device);
  CharModel model(*backend, vocab, layers, units, batch, seq, options.seed);
  nn::OptimizerOptions adam = nn::optimizer_options("adam");
  adam.schedule = nn::LearningRateSchedule::constant(options.number("lr"));
  adam.clip_norm = options.number("clip");
  nn::Optimizer optimizer(*backend, adam);
  const auto params = model.params(), grads = model.grads();

  // A model that knows only the training text's character frequencies, for scale.
  std::vector<double> counts(size_t(vocab), 0.0);
  for (int c : train) counts[size_t(c)] += 1;
  double unigram_loss = 0;
  for (int c : heldout) unigram_loss -= std::log(std::max(counts[size_t(c)], 0.5) / double(train.size()));
  const double unigram_perplexity = std::exp(unigram_loss / double(heldout.size()));

  fmt::print("charlstm: {} files, {} characters ({} distinct), {} to train on, {} held out; {} LSTM layer(s) of {} "
             "units, {} parameters, {}; unigram perplexity {:.1f}\n",
             corpus.files.size(), corpus.text.size(), vocab, train.size(), heldout.size(), layers, units,
             model.parameter_count(), backend->name(), unigram_perplexity);

  const nn::Shape input{batch, seq, vocab}, states{batch, seq, units};
  nn::Tensor x(*backend, input), targets(*backend, {batch * seq, vocab}), loss(*backend, {1});
  nn::Tensor dlogits(*backend, {batch * seq, vocab});
  std::vector<int> window_in(size_t(batch * seq)), window_out(size_t(batch * seq));
  std::vector<float> host;
  const auto load = [&](const auto& start_of) {  // windows starting at start_of(b) into x and targets
    for (int b = 0; b < batch; ++b) {
      const size_t s = start_of(b);
      for (int t = 0; t < seq; ++t) {
        window_in[size_t(b * seq + t)] = corpus.text[s + size_t(t)];
        window_out[size_t(b * seq + t)] = corpus.text[s + size_t(t) + 1];
      }
    }
    one_hot(window_in, vocab, host);
    x.write(std::span<const float>(host));
    one_hot(window_out, vocab, host);
    targets.write(std::span<const float>(host));
  };
  const auto heldout_loss = [&] {
    double sum = 0;
    for (size_t first = 0; first < heldout_windows; first += size_t(batch)) {
      load([&](int b) { return split + (first + size_t(b)) * size_t(seq); });
      backend->softmax_cross_entropy(model.forward(x), targets, loss, dlogits);
      sum += loss.read_double()[0];
    }
    return sum / double(heldout_windows / size_t(batch));
  };

  std::mt19937_64 rng(options.seed ^ 0x636861726c73746dull);
  const auto sample = [&](double temperature) {
    std::vector<int> text = prime;
    std::vector<float> host_x, logits = std::vector<float>(size_t(vocab));
    for (int i = 0; i < options.integer("sample_length"); ++i) {
      const size_t context = std::min(text.size(), size_t(seq));
      one_hot(std::span<const int>(text).last(context), vocab, host_x);
      nn::Tensor in(*backend, {1, int(context), vocab});
      in.write(std::span<const float>(host_x));
      const nn::Tensor& out = model.forward(in);
      backend->read(out.rows(int(context) - 1, 1), std::span<float>(logits));
      text.push_back(sample_character(logits, temperature, rng));
    }
    return corpus.decode(text);
  };
  std::set<int> sample_at;  // geometric: updates / 3^(k-1) for k = samples .. 1
  for (int k = 0; k < sample_points; ++k) sample_at.insert(std::max(1, int(double(updates) / std::pow(3.0, k))));

  MetricsCsv metrics(run.file("metrics.csv"),
                     {"update", "seconds", "train_loss", "heldout_loss", "heldout_perplexity"});
  plot::Series heldout_curve{.name = "held-out"}, train_curve{.name = "training (mean since the last point)"};
  std::string samples_md, table = "| update | seconds | training perplexity | held-out perplexity |\n"
                                   "| --- | --- | --- | --- |\n";
  double train_sum = 0, first_perplexity = 0, last_perplexity = 0, best_perplexity = INFINITY;
  int train_count = 0;
  std::uniform_int_distribution<size_t> start_of(0, train.size() - size_t(seq) - 1);
  const auto begin = std::chrono::steady_clock::now();
  const auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count(); };
  const auto record = [&](int update) {
    const double held = heldout_loss(), perplexity = std::exp(held);
    const double train_loss = train_count > 0 ? train_sum / train_count : held;
    if (update == 0) first_perplexity = perplexity;
    last_perplexity = perplexity;
    best_perplexity = std::min(best_perplexity, perplexity);
    metrics.add({double(update), seconds(), train_loss, held, perplexity});
    if (update > 0)  // the untrained model's perplexity (about the vocabulary's size) would flatten the curve
      heldout_curve.x.push_back(update), heldout_curve.y.push_back(perplexity);
    if (train_count > 0) train_curve.x.push_back(update), train_curve.y.push_back(std::exp(train_loss));
    table += fmt::format("| {} | {:.0f} | {:.2f} | {:.2f} |\n", update, seconds(), std::exp(train_loss), perplexity);
    fmt::print("update {:>5}/{}  training loss {:.3f}  held-out perplexity {:.2f}  ({:.0f} s)\n", update, updates,
               train_loss, perplexity, seconds());
    train_sum = 0, train_count = 0;
  };
  record(0);
  for (int update = 1; update <= updates; ++update) {
    load([&](int) { return start_of(rng); });
    backend->softmax_cross_entropy(model.forward(x), targets, loss, dlogits);
    model.backward(dlogits, states);
    optimizer.step(params, grads);
    train_sum += loss.read_double()[0];
    ++train_count;
    if (update % eval_every == 0 || update == updates || sample_at.count(update)) record(update);
    if (sample_at.count(update)) {
      samples_md += fmt::format("### After {} updates (held-out perplexity {:.2f})\n\n", update, last_perplexity);
      for (double temperature : temperatures) {
        const std::string text = sample(temperature);
        fmt::print("--- sample after {} updates, temperature {:g} ---\n{}\n---\n", update, temperature, text);
        samples_md += fmt::format("Temperature {:g}:\n\n```\n{}\n```\n\n", temperature, text);
      }
      std::fflush(stdout);
    }
  }

  plot::LineChart chart{.title = "charlstm: perplexity per character (fortunes-es)", .x_label = "update",
                        .y_label = "perplexity", .series = {heldout_curve, train_curve}, .width = 900, .height = 500};
  write_png(run.file("perplexity.png"), plot::draw_line_chart(chart));
  run.write_results({{"first_heldout_perplexity", first_perplexity},
                     {"final_heldout_perplexity", last_perplexity},
                     {"best_heldout_perplexity", best_perplexity},
                     {"unigram_perplexity", unigram_perplexity},
                     {"updates", updates},
                     {"seconds", seconds()}});
  std::string flags;
  for (const auto& [k, v] : options.flags) flags += fmt::format("{}{}={}", flags.empty() ? "" : ", ", k, v);
  run.write_text(
      "summary.md",
      fmt::format("# charlstm: a character-level LSTM on Spanish quotations (REFERENCE.md 9.5)\n\n"
                  "The course shows the Spanish poetry a character LSTM writes after 1000 and after 10000 epochs, "
                  "the later closer to real verse. Here the same kind of model learns the {} characters of Debian's "
                  "fortunes-es ({} files, {} distinct characters): {} LSTM layer(s) of {} units and a dense softmax "
                  "over the characters, {} parameters, trained on random {}-character windows of the first 95 % "
                  "with Adam ({} updates of {} windows, {:.0f} s on {}). Flags: {}; seed {}.\n\n"
                  "Held-out perplexity (the last 5 % of the text, {} characters scored) went from {:.2f} before "
                  "training to {:.2f} at the end (best {:.2f}); a model that knows only the character frequencies "
                  "scores {:.2f}.\n\n![perplexity](perplexity.png)\n\n{}\n## Samples\n\nEach starts from \"{}\"; "
                  "every character is drawn from the model's softmax divided by the temperature.\n\n{}",
                  corpus.text.size(), corpus.files.size(), vocab, layers, units, model.parameter_count(), seq,
                  updates, batch, seconds(), backend->name(), flags, options.seed, heldout_windows * size_t(seq),
                  first_perplexity, last_perplexity, best_perplexity, unigram_perplexity, table,
                  options.text("prime"), samples_md));
}

}  // namespace vkrl::apps
