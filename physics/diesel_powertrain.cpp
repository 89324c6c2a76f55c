// Diesel powertrain; see diesel_powertrain.hpp for the equations.
//
// Note on the discrete state. The forced shifts (over rated speed, lugging) are root functions of the road
// speed. The rules for demand are asked at the decision times k * decision_interval_s (on_decision(), with
// the state the solver interpolates there), at the end of each shift and at the solver's own events (a
// change of grade, a stop: on_restart()); all of these are times the integrator does not choose, so the
// shift points do not depend on it.
#include "physics/diesel_powertrain.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace semitco::physics {

DieselPowertrain::DieselPowertrain(const DieselTruckParams& p, const Ambient& ambient)
    : engine_((p.check(), p.engine), p.fuel.lhv_J_per_kg),
      gearbox_(p.gearbox, p.chassis.wheel_radius_m),
      strategy_(
          p.shift, p.engine.min_speed_radps, p.engine.rated_speed_radps, p.gearbox.start_gear,
          std::max(1.0, (engine_.max_power_W() - p.aux.power_at_W(ambient.temperature_C)) *
                           gearbox_.efficiency(p.gearbox.gears()))),
      fuel_(p.fuel),
      aux_W_((ambient.check(), p.aux.power_at_W(ambient.temperature_C))),
      radius_(p.chassis.wheel_radius_m),
      lockout_s_(p.shift.reversal_lockout_s),
      decision_s_(p.shift.decision_interval_s),
      planning_margin_radps_(std::max(p.shift.margin_radps, 0.05 * p.engine.rated_speed_radps)) {
  const double wl = p.engine.launch_speed_radps;
  launch_ref_Nm_ = engine_.full_load_Nm(wl) - aux_W_ / wl;
  if (launch_ref_Nm_ <= 0.0) {
    throw ParameterError("engine.full_load at launch speed does not cover the aux load " +
                         std::to_string(aux_W_) + " W");
  }
  gear_ = target_ = p.gearbox.start_gear;
}

double DieselPowertrain::traction_in_gear(int g, double v) const {
  const double w = std::max(gearbox_.input_speed(g, v), engine_.params().launch_speed_radps);
  const double t_avail = engine_.full_load_Nm(w) - aux_W_ / w;
  return std::max(0.0, t_avail) * gearbox_.ratio(g) * gearbox_.efficiency(g) / radius_;
}

double DieselPowertrain::retard_in_gear(int g, double v) const {
  const double w_in = gearbox_.input_speed(g, v);
  const double wl = engine_.params().launch_speed_radps;
  const double engaged = std::clamp((w_in - wl) / (0.1 * wl), 0.0, 1.0);  // clutch opens near launch speed
  if (engaged <= 0.0) return 0.0;
  const double t_ret = engine_.motoring_Nm(w_in) + engine_.engine_brake_Nm(w_in) + aux_W_ / w_in;
  return engaged * t_ret * gearbox_.ratio(g) / (radius_ * gearbox_.efficiency(g));
}

WheelLimits DieselPowertrain::limits_in_gear(int g, double v) const {
  return WheelLimits{traction_in_gear(g, v), retard_in_gear(g, v)};
}

double DieselPowertrain::max_traction_N(double v, double /*store*/) const {
  return shifting_ ? 0.0 : traction_in_gear(gear_, v);
}

double DieselPowertrain::max_retard_N(double v, double /*store*/) const {
  return shifting_ ? 0.0 : retard_in_gear(gear_, v);
}

void DieselPowertrain::fill_fuel(double w, double t_e, PowerFlows& out) const {
  const double mf = engine_.fuel_kgps(w, t_e);
  out.fuel_rate_kgps = mf;
  out.def_rate_kgps = mf / fuel_.density_kg_per_m3 * fuel_.def_volume_frac * fuel_.def_density_kg_per_m3;
  out.source_out_W = mf * fuel_.lhv_J_per_kg;
  out.engine_brake_W = std::max(0.0, -t_e * w);
  out.engine_loss_W = out.source_out_W - t_e * w - out.engine_brake_W;
  out.aux_W = aux_W_;
  out.machine_speed_radps = w;
  out.machine_torque_Nm = t_e;
}

void DieselPowertrain::flows_in_gear(int g, double v, double force, PowerFlows& out) const {
  const auto& e = engine_.params();
  const double i = gearbox_.ratio(g), eta = gearbox_.efficiency(g);
  const double w_in = gearbox_.input_speed(g, v);
  const double wheel_W = force * std::max(v, 0.0);
  out = PowerFlows{};
  double w, t_e;
  if (force >= 0.0) {
    const double t_c = force * radius_ / (i * eta);
    const double s = std::min(1.0, t_c / launch_ref_Nm_);
    w = std::max(w_in, e.idle_speed_radps + (e.launch_speed_radps - e.idle_speed_radps) * s);
    out.driveline_loss_W = t_c * w - wheel_W;
    t_e = t_c + aux_W_ / w;
  } else {
    w = std::max(w_in, e.idle_speed_radps);
    const double absorbed_W = -wheel_W;
    out.driveline_loss_W = absorbed_W * (1.0 - eta);
    t_e = (aux_W_ - absorbed_W * eta) / w;
  }
  fill_fuel(w, t_e, out);
}

void DieselPowertrain::flows(double v, double force, double /*store*/, PowerFlows& out) const {
  if (shifting_ && force == 0.0) {
    // Torque interruption: the engine synchronises to the new gear and runs the accessories.
    const auto& e = engine_.params();
    const double w = std::clamp(gearbox_.input_speed(target_, v), e.idle_speed_radps, e.rated_speed_radps);
    out = PowerFlows{};
    fill_fuel(w, aux_W_ / w, out);
    return;
  }
  flows_in_gear(shifting_ ? target_ : gear_, v, force, out);
}

// ---------------------------------------------------------------- discrete state

class DieselPowertrain::Options final : public GearOptions {
 public:
  Options(const DieselPowertrain& pt, double v) : pt_(pt), v_(v) {
    traction_.fill(kUnknown);
    retard_.fill(kUnknown);
  }
  double speed_radps(int g) const override { return pt_.gearbox_.input_speed(g, v_); }
  double traction_W(int g) const override {
    return cached(traction_, g, [&] { return pt_.traction_in_gear(g, v_); }) * v_;
  }
  double retard_W(int g) const override {
    return cached(retard_, g, [&] { return pt_.retard_in_gear(g, v_); }) * v_;
  }

 private:
  static constexpr double kUnknown = -1.0;  // limits are >= 0
  using Slots = std::array<double, kMaxGears>;
  template <class F>
  static double cached(Slots& slots, int g, F compute) {
    double& x = slots[static_cast<std::size_t>(g - 1)];
    if (x == kUnknown) x = compute();
    return x;
  }
  const DieselPowertrain& pt_;
  double v_;
  mutable Slots traction_, retard_;
};

double DieselPowertrain::sustained_retard_N(double v, double /*store*/) const {
  // The gear the strategy holds back with on a long descent: the most retard among gears that keep the
  // engine under rated speed (ShiftStrategy::choose downshifts for retard within that bound), with 5 %
  // headroom so a planned speed never sits on the line where an overspeed forces an upshift.
  double best = 0.0;
  for (int g = 1; g <= gearbox_.gears(); ++g) {
    if (gearbox_.input_speed(g, v) > engine_.params().rated_speed_radps - planning_margin_radps_) continue;
    best = std::max(best, retard_in_gear(g, v));
  }
  return best;
}

ShiftQuery DieselPowertrain::query(double t, double v, double demand_N, const Options& options) const {
  ShiftQuery q;
  q.gear = gear_;
  q.demand_W = demand_N * std::max(v, 0.0);
  q.up_allowed = t >= no_up_until_;
  q.down_allowed = t >= no_down_until_;
  q.options = &options;
  q.gears = gearbox_.gears();
  return q;
}

void DieselPowertrain::roots(double /*t*/, double v, double* g) const {
  if (shifting_) {
    std::fill(g, g + ShiftStrategy::kNumRoots, 1.0);
    return;
  }
  strategy_.roots(gear_, gearbox_.gears(), gearbox_.input_speed(gear_, v), g);
}

void DieselPowertrain::begin_shift(double t, int to) {
  const double lock = lockout_s_;
  log_.push_back({t, gear_, to});
  if (to > gear_) {
    no_down_until_ = t + lock;
  } else {
    no_up_until_ = t + lock;
  }
  target_ = to;
  shifting_ = true;
  shift_end_ = t + gearbox_.params().shift_time_s;
}

bool DieselPowertrain::consider_shift(double t, double v, double demand_N) {
  if (shifting_) return false;
  const Options options(*this, v);
  const int want = strategy_.choose(query(t, v, demand_N, options));
  if (want == gear_) return false;
  begin_shift(t, want);
  return true;
}

bool DieselPowertrain::on_root(int /*i*/, double t, double v, double demand_N) {
  return consider_shift(t, v, demand_N);
}

void DieselPowertrain::advance_decision_time(double t) {
  if (t >= next_decision_ - 1e-9) next_decision_ = (std::floor(t / decision_s_ + 1e-9) + 1.0) * decision_s_;
}

bool DieselPowertrain::on_restart(double t, double v, double demand_N) {
  advance_decision_time(t);  // decisions missed while standing are not due any more: this one covers them
  return consider_shift(t, v, demand_N);
}

double DieselPowertrain::next_event_time() const { return shifting_ ? shift_end_ : kNever; }

double DieselPowertrain::next_decision_time() const { return shifting_ ? kNever : next_decision_; }

bool DieselPowertrain::on_decision(double t, double v, double demand_N) {
  advance_decision_time(t);
  return consider_shift(t, v, demand_N);
}

bool DieselPowertrain::on_time_event(double t, double v, double demand_N) {
  bool changed = false;
  if (shifting_ && t >= shift_end_ - 1e-9) {
    gear_ = target_;
    shifting_ = false;
    shift_end_ = kNever;
    changed = true;
  }
  advance_decision_time(t);
  return consider_shift(t, v, demand_N) || changed;
}

void DieselPowertrain::reset(double v) {
  shifting_ = false;
  shift_end_ = kNever;
  no_up_until_ = no_down_until_ = -kNever;
  gear_ = target_ = strategy_.starting_gear(Options(*this, v), gearbox_.gears());
}

TripResult simulate_diesel(const routes::RouteProfile& route, const DieselTruckParams& truck,
                           const Ambient& ambient, const DriverParams& driver, const SolverOptions& solver,
                           bool record_series) {
  DieselPowertrain pt(truck, ambient);
  return simulate_with(route, truck.name, truck.chassis, truck.brakes, pt, ambient, driver, solver, record_series);
}

}  // namespace semitco::physics
