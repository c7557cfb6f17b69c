// electricity: the course's demand-forecasting study (REFERENCE.md section 9.4) on J. W. Taylor's half-hourly
// England-and-Wales demand of summer 2000, averaged to hours. Five models forecast the next 24 hours from the last 48
// and the calendar (electricity_samples.h): ridge regression (closed form, lambda chosen on validation), an RBF support
// vector regression per forecast hour (LIBSVM; C, gamma and epsilon chosen on validation), a feedforward net, an LSTM
// over the 48 hours and a 1-D convolutional net over the 48 hours. The nets train with Adam on the mean squared error
// and stop early on the validation loss, keeping their best weights. Every mean squared error is over all 24 forecast
// hours in the [0, 1] scaling of the training hours' range, reported x 1e-4 as the course's table is.
//
// The calendar reaches the nets as follows: the feedforward net gets it after the 48 hours in one input row; the LSTM
// gets it at every time step beside that hour's demand (sequence [48, 1 + 11]); the convolutional net gets it as 11
// constant channels beside the demand channel (channels-first [1 + 11, 48]), so that its single convolution, whose
// kernel spans the whole window, weighs each past hour once per filter: those weights are the course's "which hours
// matter" figure.
#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>

#include "experiments/electricity_samples.h"
#include "experiments/electricity_series.h"
#include "experiments/experiment.h"
#include "experiments/ridge_regression.h"
#include "experiments/svr_forecaster.h"
#include "vkrl/error.h"
#include "vkrl/nn/model_spec.h"
#include "vkrl/nn/trainer.h"
#include "vkrl/nn/vulkan_backend.h"

namespace vkrl::apps {

namespace {

constexpr int kHistory = 48, kHorizon = 24;
constexpr double kReportScale = 1e4;  // the course's table is in units of 1e-4

struct Published {
  const char* model;
  double train, test;
};
// REFERENCE.md section 9.4: the thesis's own data set, training / test MSE x 1e-4.
constexpr Published kCourse[] = {{"feedforward", 6.88, 9.04},
                                 {"LSTM", 5.55, 5.99},
                                 {"convolutional", 5.90, 6.00},
                                 {"ridge regression", 29.83, 31.51},
                                 {"SVR, RBF kernel", 5.71, 7.58}};

// One model's forecasts of every part, and what was chosen for it.
struct Forecasts {
  std::string name, key, settings;
  std::vector<float> train, validation, test;
  double seconds = 0;
};

double mse(std::span<const float> prediction, std::span<const float> target) {
  double sum = 0;
  for (size_t i = 0; i < target.size(); ++i) sum += (double(prediction[i]) - target[i]) * (double(prediction[i]) - target[i]);
  return sum / double(target.size());
}

std::vector<double> number_list(const ExperimentOptions& options, const std::string& flag) {
  const std::string& text = options.text(flag);
  std::vector<double> values;
  for (size_t start = 0; start <= text.size();) {
    const size_t comma = std::min(text.find(',', start), text.size());
    double value = 0;
    const auto [end, error] = std::from_chars(text.data() + start, text.data() + comma, value);
    if (error != std::errc() || end != text.data() + comma || comma == start)
      throw UsageError("experiment: flag " + flag + "='" + text + "' is not a comma-separated list of numbers");
    values.push_back(value);
    start = comma + 1;
  }
  return values;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

Forecasts ridge(const ExperimentOptions& options, const ForecastSplit& data) {
  const auto start = std::chrono::steady_clock::now();
  const int inputs = kHistory + kCalendarFeatures;
  const std::vector<float> x = data.train.flat_inputs(), x_val = data.validation.flat_inputs();
  std::optional<RidgeRegression> best;
  double best_lambda = 0, best_loss = 0;
  for (const double lambda : number_list(options, "ridge_lambda")) {
    RidgeRegression model = fit_ridge(x, data.train.target, inputs, kHorizon, lambda);
    const double loss = mse(model.predict(x_val), data.validation.target);
    fmt::print("ridge   lambda {:<8g} validation MSE {:.2f}e-4\n", lambda, kReportScale * loss);
    if (!best || loss < best_loss) best = std::move(model), best_lambda = lambda, best_loss = loss;
  }
  return {.name = "ridge regression", .key = "ridge", .settings = fmt::format("lambda {:g}", best_lambda),
          .train = best->predict(x), .validation = best->predict(x_val),
          .test = best->predict(data.test.flat_inputs()), .seconds = seconds_since(start)};
}

Forecasts svr(const ExperimentOptions& options, const ForecastSplit& data) {
  const auto start = std::chrono::steady_clock::now();
  const int inputs = kHistory + kCalendarFeatures;
  const std::vector<float> x = data.train.flat_inputs(), x_val = data.validation.flat_inputs();
  std::unique_ptr<SvrForecaster> best;
  SvrSettings chosen;
  double best_loss = 0;
  for (const double c : number_list(options, "svr_c"))
    for (const double gamma : number_list(options, "svr_gamma"))
      for (const double epsilon : number_list(options, "svr_epsilon")) {
        const SvrSettings settings{.c = c, .gamma = gamma, .epsilon = epsilon};
        auto model = std::make_unique<SvrForecaster>(x, data.train.target, inputs, kHorizon, settings,
                                                     options.integer("threads"));
        const double loss = mse(model->predict(x_val), data.validation.target);
        fmt::print("SVR     C {:<5g} gamma {:<6g} epsilon {:<6g} validation MSE {:.2f}e-4 ({} support vectors)\n", c,
                   gamma, epsilon, kReportScale * loss, model->support_vectors());
        if (!best || loss < best_loss) best = std::move(model), chosen = settings, best_loss = loss;
      }
  return {.name = "SVR, RBF kernel", .key = "svr",
          .settings = fmt::format("C {:g}, gamma {:g}, epsilon {:g}", chosen.c, chosen.gamma, chosen.epsilon),
          .train = best->predict(x), .validation = best->predict(x_val),
          .test = best->predict(data.test.flat_inputs()), .seconds = seconds_since(start)};
}

// A net's inputs for each part, in the layout its first layer reads, and one sample's shape.
struct NetInputs {
  std::vector<float> train, validation, test;
  nn::Shape sample;  // {1, ...}: the batch dimension is set per batch
  int width = 0;     // values per sample
};

enum class Layout { flat, sequence, channels };

std::vector<float> arrange(const ForecastSet& set, Layout layout) {
  if (layout == Layout::flat) return set.flat_inputs();
  const int features = 1 + kCalendarFeatures;
  std::vector<float> out(size_t(set.count()) * size_t(features * kHistory));
  for (size_t i = 0; i < size_t(set.count()); ++i) {
    float* sample = out.data() + i * size_t(features * kHistory);
    for (int t = 0; t < kHistory; ++t)
      for (int f = 0; f < features; ++f) {
        const float value = f == 0 ? set.past[i * kHistory + size_t(t)]
                                   : set.calendar[i * kCalendarFeatures + size_t(f - 1)];
        // sequence: [time, feature]; channels: [channel, time]
        sample[layout == Layout::sequence ? t * features + f : f * kHistory + t] = value;
      }
  }
  return out;
}

NetInputs net_inputs(const ForecastSplit& data, Layout layout) {
  const int features = 1 + kCalendarFeatures;
  NetInputs inputs{.train = arrange(data.train, layout), .validation = arrange(data.validation, layout),
                   .test = arrange(data.test, layout), .sample = {}, .width = 0};
  switch (layout) {
    case Layout::flat: inputs.sample = {1, kHistory + kCalendarFeatures}; break;
    case Layout::sequence: inputs.sample = {1, kHistory, features}; break;
    case Layout::channels: inputs.sample = {1, features, kHistory}; break;
  }
  inputs.width = int(inputs.sample.size());
  return inputs;
}

struct NetResult {
  Forecasts forecasts;
  std::vector<nn::EpochMetrics> history;
  std::vector<std::pair<std::string, std::vector<float>>> weights;  // the trained model's tensors, by checkpoint name
};

NetResult train_net(const ExperimentOptions& options, nn::Backend& backend, const ForecastSplit& data,
                    const std::string& name, const std::string& key, const nlohmann::json& spec, Layout layout) {
  const auto start = std::chrono::steady_clock::now();
  const NetInputs inputs = net_inputs(data, layout);
  nn::Model model = nn::model_from_json(spec.dump(), "electricity " + key + " model spec");
  const int batch = options.integer("batch");
  model.build(backend, batch, options.seed);
  nn::OptimizerOptions adam = nn::optimizer_options("adam");
  adam.schedule = nn::LearningRateSchedule::constant(options.number("lr"));
  nn::Optimizer optimizer(backend, adam);
  nn::Trainer trainer(model.trunk(), backend, optimizer,
                      {.epochs = options.integer("epochs"), .batch_size = batch, .seed = options.seed,
                       .loss = nn::LossKind::mean_squared_error, .patience = options.integer("patience"),
                       .quiet = true});
  const auto dataset = [&](const std::vector<float>& x, const ForecastSet& set) {
    return nn::Dataset{.x = x, .y = set.target, .inputs = inputs.width, .outputs = kHorizon, .sample = inputs.sample};
  };
  const nn::Dataset train = dataset(inputs.train, data.train), validation = dataset(inputs.validation, data.validation);
  NetResult result;
  result.history = trainer.fit(train, &validation);
  const auto predict = [&](const std::vector<float>& x) { return trainer.predict(x, inputs.width, inputs.sample); };
  result.forecasts = {.name = name, .key = key,
                      .settings = fmt::format("{} epochs{}", trainer.epochs_done(),
                                              trainer.stopped_early() ? ", stopped early, best weights kept" : ""),
                      .train = predict(inputs.train), .validation = predict(inputs.validation),
                      .test = predict(inputs.test), .seconds = seconds_since(start)};
  for (auto& [tensor_name, tensor] : model.named_tensors()) result.weights.emplace_back(tensor_name, tensor.read());
  fmt::print("{:<7} {}; validation MSE {:.2f}e-4, {:.1f} s\n", key, result.forecasts.settings,
             kReportScale * mse(result.forecasts.validation, data.validation.target), result.forecasts.seconds);
  return result;
}

nlohmann::json feedforward_spec(const ExperimentOptions& options) {
  const int units = options.integer("ff_units");
  return {{"input", {kHistory + kCalendarFeatures}},
          {"layers",
           {{{"type", "dense"}, {"units", units}, {"activation", "relu"}},
            {{"type", "dense"}, {"units", units}, {"activation", "relu"}},
            {{"type", "dense"}, {"units", kHorizon}}}}};
}

}  // namespace

std::vector<ExperimentFlag> electricity_flags() {
  return {{"data", VKRL_ELECTRICITY_CSV, "the half-hourly demand series (timestamp,demand_mw)"},
          {"train_fraction", "0.7", "the first part of the samples, for training"},
          {"validation_fraction", "0.15", "the next part, for choosing settings and early stopping (the rest: test)"},
          {"ridge_lambda", "0.001,0.01,0.1,1,10", "ridge penalties tried (comma-separated)"},
          {"svr_c", "1,10", "SVR C values tried"},
          {"svr_gamma", "0.01,0.05", "SVR RBF gamma values tried (per squared input distance)"},
          {"svr_epsilon", "0.005,0.02", "SVR epsilon-tube widths tried (scaled demand)"},
          {"ff_units", "64", "units of each of the feedforward net's two hidden ReLU layers"},
          {"epochs", "300", "at most this many epochs per net"},
          {"patience", "20", "early stopping: epochs without a better validation loss"},
          {"batch", "32", "mini-batch size"},
          {"lr", "0.001", "Adam's learning rate"},
          {"threads", "2", "threads for the SVRs (one forecast hour per thread at a time)"}};
}

void run_electricity(const ExperimentOptions& options, RunDir& run) {
  const auto start = std::chrono::steady_clock::now();
  const HourlySeries series = hourly(load_half_hourly_demand(options.text("data")));
  const ForecastSplit data = split_forecast_samples(series, kHistory, kHorizon, options.number("train_fraction"),
                                                    options.number("validation_fraction"));
  fmt::print("{} hours; samples: {} training, {} validation, {} test; demand scaled by the training range {:.0f} to "
             "{:.0f} MW\n",
             series.demand.size(), data.train.count(), data.validation.count(), data.test.count(), data.scaling.min,
             data.scaling.max);
  auto backend = nn::make_backend(options.device);

  std::vector<Forecasts> models;
  const NetResult ff = train_net(options, *backend, data, "feedforward", "ff", feedforward_spec(options), Layout::flat);
  models.push_back(ff.forecasts);
  models.push_back(ridge(options, data));
  models.push_back(svr(options, data));

  std::string table = "| model | training | test | settings |\n| --- | --- | --- | --- |\n";
  nlohmann::json results = nlohmann::json::object();
  std::string csv = "model,train_mse,validation_mse,test_mse,seconds\n";
  fmt::print("\nMSE x 1e-4 in the [0, 1] scaling ({} training, {} test samples):\n{:<18} {:>9} {:>9}\n",
             data.train.count(), data.test.count(), "model", "training", "test");
  for (const Forecasts& m : models) {
    const double train = mse(m.train, data.train.target), validation = mse(m.validation, data.validation.target),
                 test = mse(m.test, data.test.target);
    fmt::print("{:<18} {:>9.2f} {:>9.2f}   ({})\n", m.name, kReportScale * train, kReportScale * test, m.settings);
    table += fmt::format("| {} | {:.2f} | {:.2f} | {} |\n", m.name, kReportScale * train, kReportScale * test,
                         m.settings);
    csv += fmt::format("{},{:.6g},{:.6g},{:.6g},{:.2f}\n", m.key, train, validation, test, m.seconds);
    results[m.key + "_train_mse"] = train;
    results[m.key + "_test_mse"] = test;
  }
  run.write_text("metrics.csv", csv);
  results["seconds"] = seconds_since(start);
  run.write_results(results);
  run.write_text("summary.md", "# electricity\n\n" + table);
}

}  // namespace vkrl::apps
