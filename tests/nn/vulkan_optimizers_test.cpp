// The Vulkan backend's optimizer rules against the double-precision CPU backend: every OptimizerKind (with momentum,
// Nesterov and centered variants) over several steps with fresh gradients, the host rewriting the step tensor
// [lr, t, mu_product] before each; the parameter and every state tensor are compared after every step.
#include "vulkan_twins.h"

#include <cmath>

using namespace vkrl;
using namespace vkrl::nn;
using test::Twin;

namespace {
constexpr double kTolerance = 1e-4;  // relative, with an absolute floor of 1e-4 for values below 1

std::vector<std::pair<std::string, OptimizerRule>> rules() {
  auto rule = [](OptimizerKind kind) {
    OptimizerRule r;
    r.kind = kind;
    return r;
  };
  std::vector<std::pair<std::string, OptimizerRule>> all;
  all.emplace_back("sgd", rule(OptimizerKind::sgd));
  OptimizerRule r = rule(OptimizerKind::sgd);
  r.momentum = 0.9;
  all.emplace_back("sgd momentum", r);
  r.nesterov = true;
  all.emplace_back("sgd nesterov", r);
  r = rule(OptimizerKind::adagrad);
  r.initial_accumulator = 0.1;
  all.emplace_back("adagrad", r);
  all.emplace_back("adadelta", rule(OptimizerKind::adadelta));
  for (bool centered : {false, true})
    for (double momentum : {0.0, 0.5}) {
      r = rule(OptimizerKind::rmsprop);
      r.centered = centered;
      r.momentum = momentum;
      r.epsilon = 0.01;  // MinAtar's DQN value, outside the root
      all.emplace_back(std::string("rmsprop") + (centered ? " centered" : "") + (momentum ? " momentum" : ""), r);
    }
  all.emplace_back("adam", rule(OptimizerKind::adam));
  r = rule(OptimizerKind::adamw);
  r.weight_decay = 0.05;
  all.emplace_back("adamw", r);
  all.emplace_back("adamax", rule(OptimizerKind::adamax));
  all.emplace_back("nadam", rule(OptimizerKind::nadam));
  return all;
}
}  // namespace

TEST_CASE_METHOD(test::VulkanTwinsFixture, "vulkan ops: every optimizer rule over several steps", "[nn][vulkan]") {
  INFO("seed " << seed);
  for (const auto& [name, rule] : rules())
    for (const Shape& shape : {Shape{1}, Shape{65, 129}}) {
      INFO(name << " on " << shape.to_string());
      Twin param = random(shape, -1, 1, true), step = random({kOptimizerStepValues});
      std::vector<Twin> state;
      for (int i = 0; i < optimizer_state_count(rule); ++i)
        state.push_back(with_values(shape, std::vector<double>(shape.size(), i == 0 ? rule.initial_accumulator : 0)));
      double mu_product = 1;
      for (int t = 1; t <= 4; ++t) {
        INFO("step " << t);
        mu_product *= rule.beta1 * (1 - 0.5 * std::pow(0.96, t));
        const std::vector<double> scalars = {0.01 * t, double(t), mu_product};
        step.gpu.write(scalars);
        step.cpu.write(scalars);
        const Twin grad = random(shape, -1, 1, true);
        std::vector<Tensor> gpu_state, cpu_state;
        for (const Twin& s : state) {
          gpu_state.push_back(s.gpu);
          cpu_state.push_back(s.cpu);
        }
        gpu->optimizer_step(rule, step.gpu, param.gpu, grad.gpu, gpu_state);
        cpu->optimizer_step(rule, step.cpu, param.cpu, grad.cpu, cpu_state);
        CHECK(error(param) <= kTolerance);
        for (const Twin& s : state) CHECK(error(s) <= kTolerance);
      }
    }
}
