// The rules of PowerGridEnv, in the step order of Grid2Op's BaseEnv.step and Backend.next_grid_state.
#include "vkrl/envs/powergrid/power_grid_env.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "vkrl/envs/powergrid/l2rpn_score.h"
#include "vkrl/error.h"

namespace vkrl::envs::powergrid {

PowerGridOptions read_power_grid_options(const EnvOptions& options) {
  options.expect_only({"solver", "seed", "scenario", "max_steps", "no_overflow_disconnection"});
  PowerGridOptions o;
  for (const auto& [key, value] : options.values()) {
    if (key == "solver") {
      if (value != "ac" && value != "dc") throw Error("powergrid: option solver=" + value + " is not ac or dc");
      o.flow = value == "ac" ? FlowModel::Ac : FlowModel::Dc;
    } else if (key == "seed") {
      const double seed = options.get_double("seed", 0);
      if (seed < 0 || seed != std::floor(seed)) throw Error("powergrid: option seed=" + value + " is not a whole number >= 0");
      o.scenario_seed = static_cast<uint64_t>(seed);
    } else if (key == "scenario") {
      o.scenario_csv = value;
    } else if (key == "max_steps") {
      const double steps = options.get_double("max_steps", 0);
      if (steps < 1 || steps != std::floor(steps)) throw Error("powergrid: option max_steps=" + value + " is not a whole number >= 1");
      o.max_steps = static_cast<int>(steps);
    } else if (key == "no_overflow_disconnection") {
      o.no_overflow_disconnection = options.get_bool(key, false);
    }
  }
  return o;
}

namespace {

// All-zero flows of the model's sizes: the observation of a grid that failed at the start of an episode.
GridFlows zero_flows(const GridModel& model) {
  GridFlows f;
  for (auto* v : {&f.p_or, &f.q_or, &f.v_or, &f.a_or, &f.p_ex, &f.q_ex, &f.v_ex, &f.a_ex}) v->assign(model.lines.size(), 0.0);
  for (auto* v : {&f.gen_p, &f.gen_q, &f.gen_v}) v->assign(model.gens.size(), 0.0);
  f.load_v.assign(model.loads.size(), 0.0);
  return f;
}

}  // namespace

PowerGridEnv::PowerGridEnv(std::string name, GridModel model, PowerGridOptions options)
    : name_(std::move(name)), model_(std::make_shared<const GridModel>(std::move(model))), options_(options),
      actions_(std::make_shared<const std::vector<GridAction>>(discrete_actions(*model_))), solver_(options.flow) {
  if (!options_.scenario_csv.empty())
    csv_scenario_ =
        std::make_shared<const Scenario>(read_scenario_csv(*model_, options_.scenario_csv, options_.max_steps + 1));
  reset(0);
}

ObservationSpec PowerGridEnv::observation_spec() const { return {{GridObservation::flat_size(*model_)}, false}; }

const GridAction& PowerGridEnv::discrete_action(int action) const {
  if (action < 0 || action >= action_count())
    throw Error(name_ + ": action " + std::to_string(action) + " is not in 0.." + std::to_string(action_count() - 1));
  return (*actions_)[action];
}

std::string PowerGridEnv::action_name(int action) const { return discrete_action(action).describe(*model_); }

void PowerGridEnv::reset(uint64_t seed) {
  if (csv_scenario_) return reset_with(csv_scenario_);
  reset_with(std::make_shared<const Scenario>(
      generate_scenario(*model_, options_.scenario_seed.value_or(seed), options_.max_steps + 1)));
}

void PowerGridEnv::reset_with(std::shared_ptr<const Scenario> scenario) {
  const GridModel& m = *model_;
  const size_t lines = m.lines.size();
  if (scenario->rows < options_.max_steps + 1 || scenario->loads != static_cast<int>(m.loads.size()) ||
      scenario->gens != static_cast<int>(m.gens.size()) ||
      (!scenario->maintenance.empty() &&
       (scenario->lines != static_cast<int>(lines) || scenario->maintenance.size() != scenario->rows * lines)))
    throw Error(name_ + ": a scenario needs " + std::to_string(options_.max_steps + 1) + " rows of " +
                std::to_string(m.loads.size()) + " loads, " + std::to_string(m.gens.size()) + " generators and " +
                std::to_string(lines) + " lines' maintenance; it has " + std::to_string(scenario->rows) + " rows, " +
                std::to_string(scenario->loads) + " loads, " + std::to_string(scenario->gens) + " generators and " +
                std::to_string(scenario->lines) + " lines");
  scenario_ = std::move(scenario);
  maintenance_.assign(lines, {});
  for (size_t l = 0; l < lines; ++l)
    for (int r = 0; r < scenario_->rows; ++r)
      if (scenario_->in_maintenance(r, static_cast<int>(l))) {
        if (r == 0 || !scenario_->in_maintenance(r - 1, static_cast<int>(l))) maintenance_[l].push_back({r, r});
        maintenance_[l].back().second = r + 1;
      }
  topology_ = GridTopology::all_on_busbar_1(m);
  overflow_steps_.assign(lines, 0);
  cooldown_.assign(lines, 0);
  target_dispatch_.assign(m.gens.size(), 0.0);
  actual_dispatch_.assign(m.gens.size(), 0.0);
  last_step_cost_ = episode_cost_ = 0;
  step_ = 0;
  last_illegal_ = false;
  game_over_reason_.clear();
  solver_.forget_start();
  start_maintenance();
  GridFlows flows;
  update_observation(solve(flows) ? flows : zero_flows(m));
}

Injections PowerGridEnv::injections_at(int row) const {
  Injections in;
  for (int l = 0; l < scenario_->loads; ++l)
    in.load_p_mw.push_back(scenario_->load_p_at(row, l)), in.load_q_mvar.push_back(scenario_->load_q_at(row, l));
  for (int g = 0; g < scenario_->gens; ++g) in.gen_p_mw.push_back(scenario_->gen_p_at(row, g) + actual_dispatch_[g]);
  return in;
}

void PowerGridEnv::start_maintenance() {
  for (size_t l = 0; l < maintenance_.size(); ++l)
    if (scenario_->in_maintenance(step_, static_cast<int>(l))) topology_.line_status[l] = false;
}

void PowerGridEnv::update_dispatch() {
  const GridModel& m = *model_;
  double others = 0;
  int slack = -1;
  for (size_t g = 0; g < m.gens.size(); ++g) {
    const ModelGen& gen = m.gens[g];
    if (gen.slack) slack = static_cast<int>(g);
    if (gen.slack || gen.renewable()) continue;
    // Without redispatch a unit follows its schedule as given, even a CSV schedule that breaks its ramp.
    if (target_dispatch_[g] == 0 && actual_dispatch_[g] == 0) continue;
    // From last step's output, at most one ramp toward the schedule plus the target, within Pmin and Pmax.
    const double scheduled = scenario_->gen_p_at(step_, static_cast<int>(g));
    const double previous = scenario_->gen_p_at(step_ - 1, static_cast<int>(g)) + actual_dispatch_[g];
    const double low = std::max(gen.p_min_mw, previous - gen.ramp_mw) - scheduled;
    const double high = std::min(gen.p_max_mw, previous + gen.ramp_mw) - scheduled;
    double actual = std::max(low, std::min(high, target_dispatch_[g]));
    actual = std::max(gen.p_min_mw - scheduled, std::min(gen.p_max_mw - scheduled, actual));
    actual_dispatch_[g] = actual;
    others += actual;
  }
  if (slack >= 0) actual_dispatch_[slack] = -others;
}

bool PowerGridEnv::solve(GridFlows& flows) {
  flows = solver_.solve(*model_, topology_, injections_at(step_));
  if (!flows.ok) game_over_reason_ = flows.failure;
  return flows.ok;
}

bool PowerGridEnv::legal(const GridAction& action) const {
  const GridModel& m = *model_;
  std::set<int> subs, lines;
  auto reconnectable = [&](int line) {
    return cooldown_[line] == 0 && !scenario_->in_maintenance(step_, line);
  };
  for (const auto& [pos, bus] : action.set_bus) {
    subs.insert(m.pos_sub[pos]);
    for (size_t l = 0; l < m.lines.size(); ++l)
      if (bus < 0 && topology_.line_status[l] && (m.line_or_pos[l] == pos || m.line_ex_pos[l] == pos))
        lines.insert(static_cast<int>(l));
  }
  for (int pos : action.change_bus) subs.insert(m.pos_sub[pos]);
  for (const auto& [line, status] : action.set_line_status) {
    if ((status > 0) != topology_.line_status[line]) lines.insert(line);
    if (status > 0 && !topology_.line_status[line] && !reconnectable(line)) return false;
  }
  for (int line : action.change_line_status) {
    lines.insert(line);
    if (!topology_.line_status[line] && !reconnectable(line)) return false;
  }
  std::vector<double> target = target_dispatch_;
  for (const auto& [gen, mw] : action.redispatch) {
    target[gen] += mw;
    if (std::abs(target[gen]) > m.gens[gen].p_max_mw - m.gens[gen].p_min_mw) return false;
  }
  return subs.size() <= 1 && lines.size() <= 1;
}

void PowerGridEnv::apply(const GridAction& action) {
  const GridModel& m = *model_;
  for (const auto& [pos, bus] : action.set_bus) {
    bool line_end = false;
    for (size_t l = 0; l < m.lines.size(); ++l)
      if (m.line_or_pos[l] == pos || m.line_ex_pos[l] == pos) {
        line_end = true;
        if (bus < 0) topology_.line_status[l] = false;
      }
    if (!line_end || bus > 0) topology_.bus[pos] = bus;
  }
  for (int pos : action.change_bus)
    if (topology_.bus[pos] > 0) topology_.bus[pos] = 3 - topology_.bus[pos];
  for (const auto& [line, status] : action.set_line_status) topology_.line_status[line] = status > 0;
  for (int line : action.change_line_status) topology_.line_status[line] = !topology_.line_status[line];
  for (const auto& [gen, mw] : action.redispatch) target_dispatch_[gen] += mw;
}

StepResult PowerGridEnv::step(int action) { return step(discrete_action(action)); }

StepResult PowerGridEnv::step(const GridAction& action) {
  action.validate(*model_);
  if (game_over() || step_ >= options_.max_steps) return {0.0f, game_over(), !game_over()};
  last_illegal_ = !legal(action);
  for (int& c : cooldown_) c = std::max(c - 1, 0);
  if (!last_illegal_) apply(action);
  ++step_;
  start_maintenance();
  update_dispatch();
  if (!run_flow_and_protections()) {
    last_step_cost_ = kGameOverStepCost;
    episode_cost_ += last_step_cost_;
    return {0.0f, true, false};
  }
  last_step_cost_ = l2rpn_step_cost(*model_, obs_);
  episode_cost_ += last_step_cost_;
  return {1.0f, false, step_ >= options_.max_steps};
}

GridSimulation PowerGridEnv::simulate(const GridAction& action) const {
  PowerGridEnv next(*this);
  const StepResult result = next.step(action);
  return {std::move(next.obs_), !next.last_illegal_, result.terminated, std::move(next.game_over_reason_),
          next.last_step_cost_};
}

bool PowerGridEnv::run_flow_and_protections() {
  GridFlows flows;
  if (!solve(flows)) return false;
  // Each pass counts overflowing lines again, as Grid2Op's loop does on a copy of the counters.
  std::vector<int> counted = overflow_steps_;
  const GridModel& m = *model_;
  for (;;) {
    if (options_.no_overflow_disconnection) break;
    bool tripped = false;
    for (size_t l = 0; l < m.lines.size(); ++l) {
      if (!topology_.line_status[l]) continue;
      const double limit = m.lines[l].thermal_limit_a;
      if (flows.a_or[l] >= limit) ++counted[l];
      if (flows.a_or[l] > kHardOverflow * limit || counted[l] > kOverflowStepsAllowed) {
        topology_.line_status[l] = false;
        cooldown_[l] = kReconnectionCooldown;
        tripped = true;
      }
    }
    if (!tripped) break;
    if (!solve(flows)) return false;
  }
  for (size_t l = 0; l < m.lines.size(); ++l)
    overflow_steps_[l] =
        topology_.line_status[l] && flows.a_or[l] > m.lines[l].thermal_limit_a ? overflow_steps_[l] + 1 : 0;
  update_observation(flows);
  return true;
}

void PowerGridEnv::update_observation(const GridFlows& flows) {
  const GridModel& m = *model_;
  const CalendarTime t = scenario_->time_at(step_);
  obs_.year = t.year, obs_.month = t.month, obs_.day = t.day;
  obs_.hour_of_day = t.hour_of_day, obs_.minute_of_hour = t.minute_of_hour, obs_.day_of_week = t.day_of_week;
  obs_.gen_p = flows.gen_p, obs_.gen_q = flows.gen_q, obs_.gen_v = flows.gen_v;
  const Injections in = injections_at(step_);
  obs_.load_p = in.load_p_mw, obs_.load_q = in.load_q_mvar, obs_.load_v = flows.load_v;
  obs_.p_or = flows.p_or, obs_.q_or = flows.q_or, obs_.v_or = flows.v_or, obs_.a_or = flows.a_or;
  obs_.p_ex = flows.p_ex, obs_.q_ex = flows.q_ex, obs_.v_ex = flows.v_ex, obs_.a_ex = flows.a_ex;
  obs_.rho.resize(m.lines.size());
  obs_.line_status.resize(m.lines.size());
  for (size_t l = 0; l < m.lines.size(); ++l) {
    obs_.rho[l] = flows.a_or[l] / m.lines[l].thermal_limit_a;
    obs_.line_status[l] = topology_.line_status[l] ? 1 : 0;
  }
  obs_.timestep_overflow = overflow_steps_;
  obs_.time_before_cooldown_line = cooldown_;
  obs_.topo_vect = topology_.topo_vect(m);
  obs_.target_dispatch = target_dispatch_;
  obs_.actual_dispatch = actual_dispatch_;
  obs_.time_next_maintenance.assign(m.lines.size(), -1);
  obs_.duration_next_maintenance.assign(m.lines.size(), 0);
  for (size_t l = 0; l < m.lines.size(); ++l)
    for (const auto& [start, end] : maintenance_[l])
      if (end > step_) {
        obs_.time_next_maintenance[l] = std::max(start - step_, 0);
        obs_.duration_next_maintenance[l] = end - std::max(start, step_);
        break;
      }
  obs_.current_step = step_;
  obs_.max_step = options_.max_steps;
}

void PowerGridEnv::observe(std::span<float> out) const { obs_.flatten(*model_, out); }

void PowerGridEnv::set_thermal_limits(std::span<const double> amperes) {
  if (amperes.size() != model_->lines.size())
    throw Error(name_ + ": set_thermal_limits got " + std::to_string(amperes.size()) + " limits for " +
                std::to_string(model_->lines.size()) + " lines");
  auto model = std::make_shared<GridModel>(*model_);  // copies made before keep their limits
  for (size_t l = 0; l < amperes.size(); ++l) {
    model->lines[l].thermal_limit_a = amperes[l];
    if (!obs_.a_or.empty()) obs_.rho[l] = obs_.a_or[l] / amperes[l];
  }
  model_ = std::move(model);
}

std::string PowerGridEnv::to_string() const {
  std::ostringstream out;
  out << name_ << " step " << step_ << "/" << options_.max_steps;
  if (game_over()) out << " game over: " << game_over_reason_;
  out << "\nrho:";
  for (size_t l = 0; l < obs_.rho.size(); ++l)
    out << ' ' << model_->lines[l].name << '='
        << (topology_.line_status[l] ? std::to_string(obs_.rho[l]).substr(0, 4) : "off");
  out << '\n';
  return out.str();
}

}  // namespace vkrl::envs::powergrid
