// The trip's hybrid model; see trip_model.hpp and trip_solver.hpp.
#include "physics/trip_model.hpp"

#include <algorithm>
#include <cmath>

namespace semitco::physics::detail {

namespace {

std::vector<Road::Descent> descents_for(const TripInputs& in, const Road& road) {
  if (in.route->is_time_based() || !in.driver.manage_brake_temperature) return {};
  return road.descents(in.driver.descent_min_grade_frac);
}

}  // namespace

TripModel::TripModel(const TripInputs& in)
    : in_(in),
      route_(*in.route),
      road_(*in.route, in.ambient),
      pt_(*in.truck.powertrain),
      mass_(in.truck.chassis.mass_kg()),
      m_eff_(in.truck.chassis.inertial_mass_kg()),
      time_based_(in.route->is_time_based()),
      descent_(in.truck.chassis, in.truck.brakes, in.ambient, in.driver, road_, pt_, descents_for(in, road_)) {
  if (time_based_) {
    trace_.emplace(*in.route);
  } else {
    envelope_.emplace(*in.route, in.driver, in.solver.initial_speed_mps <= 0.0);
  }
}

void TripModel::demand(double t, const double* y, Eval& e, double& need_N) const {
  // The integrators ask for the root functions where they have just evaluated the right-hand side (the
  // end of a step, a restart): the same demand, computed once.
  auto& m = memo_;
  if (t == m.t && y[kX] == m.y[kX] && y[kV] == m.y[kV] && y[kBrakeT] == m.y[kBrakeT] && y[kStore] == m.y[kStore] &&
      zone_ == m.zone && next_point_m_ == m.next_point && trace_offset_s_ == m.trace_offset) {
    e.here = m.here;
    e.road = m.road;
    e.target_mps = m.target;
    need_N = m.need;
    return;
  }
  compute_demand(t, y, e, need_N);
  m.t = t;
  std::copy(y, y + kFirstLedger, m.y.begin());
  m.zone = zone_;
  m.next_point = next_point_m_;
  m.trace_offset = trace_offset_s_;
  m.here = e.here;
  m.road = e.road;
  m.target = e.target_mps;
  m.need = need_N;
}

void TripModel::compute_demand(double t, const double* y, Eval& e, double& need_N) const {
  const double x = y[kX];
  const double v = y[kV];
  const auto& ch = in_.truck.chassis;
  e.here = road_.at(x, zone_);
  e.road = road_forces(mass_, ch.cda_m2, ch.crr, ch.crr_per_mps, e.here.rho_kgpm3, in_.ambient.headwind_mps,
                       e.here.slope, v);
  const double tau = in_.driver.response_time_s;
  double a_lo = -in_.driver.max_decel_mps2, a_hi = in_.driver.max_accel_mps2;
  if (time_based_) {
    e.target_mps = trace_at(t + tau);
    a_hi = std::max(a_hi, in_.driver.max_decel_mps2);  // a trace may ask for more than the comfort value
  } else {
    // Look tau ahead, at least as far as at walking pace so a launch from rest sees the ramp ahead.
    const double preview = std::min(x + std::max(v, kMinPreviewSpeed) * tau, next_point_m_);
    const double v_env = (*envelope_)(preview);
    e.target_mps = std::min(v_env, descent_.safe_speed_ahead(preview, y[kBrakeT], y[kStore], v_env, zone_));
  }
  const double a_dem = std::clamp((e.target_mps - v) / tau, a_lo, a_hi);
  need_N = m_eff_ * a_dem + e.road.total_N();
}

double TripModel::target_here(double t, const double* y) const {
  if (mode_ != Mode::Drive) return 0.0;
  if (time_based_) return trace_at(t);
  const double x = y[kX];
  const double v_env = (*envelope_)(x);
  return std::min(v_env, descent_.safe_speed_ahead(x, y[kBrakeT], y[kStore], v_env, zone_));
}

double TripModel::charge_power_W(double store) const {
  const double avail = std::max(0.0, charger_W_ - pt_.standstill_aux_W());
  return std::min(pt_.charge_acceptance_W(store), avail);
}

void TripModel::evaluate(double t, const double* y, Eval& e) const {
  const double v = y[kV];
  if (mode_ != Mode::Drive) {
    e.here = road_.at(y[kX], zone_);
    e.road = RoadForces{};
    e.target_mps = 0.0;
    e.wheel_force_N = e.brake_force_N = e.accel_mps2 = 0.0;
    if (mode_ == Mode::Charge) {
      e.charge_W = charge_power_W(y[kStore]);
      pt_.charging_flows(e.charge_W, y[kStore], e.flows);
    } else {
      e.charge_W = 0.0;
      pt_.flows(0.0, 0.0, y[kStore], e.flows);
    }
    return;
  }
  double need = 0.0;
  demand(t, y, e, need);
  e.charge_W = 0.0;
  if (need >= 0.0) {
    e.wheel_force_N = std::min(need, pt_.max_traction_N(v, y[kStore]));
    e.brake_force_N = 0.0;
  } else {
    e.wheel_force_N = -std::min(-need, pt_.max_retard_N(v, y[kStore]));
    e.brake_force_N = v > 0.0 ? (e.wheel_force_N - need) : 0.0;
  }
  e.accel_mps2 = (e.wheel_force_N - e.brake_force_N - e.road.total_N()) / m_eff_;
  pt_.flows(v, e.wheel_force_N, y[kStore], e.flows);
}

void TripModel::rhs(double t, const double* y, double* dy) {
  Eval e;
  evaluate(t, y, e);
  const double v = mode_ == Mode::Drive ? y[kV] : 0.0;
  const auto& f = e.flows;
  const auto& bp = in_.truck.brakes;
  std::fill(dy, dy + kNumStates, 0.0);
  dy[kX] = v;
  dy[kV] = e.accel_mps2;
  const double brake_W = e.brake_force_N * v;
  const double k1 = (bp.k1_const_per_h + bp.k1_per_mph_per_h * v / 0.44704) / 3600.0;
  dy[kBrakeT] = brake_W / bp.heat_capacity_J_per_K - k1 * (y[kBrakeT] - in_.ambient.temperature_C);
  dy[kStore] = f.store_rate;
  dy[kSourceOut] = f.source_out_W;
  dy[kSourceIn] = f.source_in_W;
  dy[kAero] = e.road.aero_N * v;
  dy[kRolling] = e.road.rolling_N * v;
  const double grade_W = e.road.grade_N * v;
  dy[grade_W >= 0.0 ? kClimbing : kDescending] = grade_W;
  dy[kInertia] = m_eff_ * e.accel_mps2 * v;
  dy[kMotorLoss] = f.motor_loss_W;
  dy[kBatteryLoss] = f.battery_loss_W;
  dy[kDrivelineLoss] = f.driveline_loss_W;
  dy[kEngineLoss] = f.engine_loss_W;
  dy[kAux] = f.aux_W;
  dy[kFrictionBrake] = brake_W;
  dy[kEngineBrake] = f.engine_brake_W;
  const double wheel_W = e.wheel_force_N * v;
  dy[kRegenWheel] = std::max(-wheel_W, 0.0);
  dy[kTractionWheel] = std::max(wheel_W, 0.0);
  dy[kFuel] = f.fuel_rate_kgps;
  dy[kDef] = f.def_rate_kgps;
  dy[kMovingTime] = mode_ == Mode::Drive ? 1.0 : 0.0;
  if (mode_ == Mode::Charge) {
    // The charger delivers the pack's terminal power and the auxiliaries; the grid pays for its losses.
    const double delivered = e.charge_W + f.aux_W;
    const double grid = delivered / in_.charging.efficiency;
    dy[kGridIn] = grid;
    dy[kChargerLoss] = grid - delivered;
    dy[kChargeIn] = f.charge_in_W;
  }
}

void TripModel::roots(double t, const double* y, double* g) {
  std::fill(g, g + num_roots(), 1.0);
  g[kStoreEmpty] = pt_.store_margin(y[kStore]);
  if (std::isfinite(reserve_store_)) g[kReserve] = y[kStore] - reserve_store_;
  if (fade_armed_) g[kBrakeFade] = in_.truck.brakes.fade_limit_C - y[kBrakeT];
  if (mode_ == Mode::Charge) g[kChargeFull] = charge_target_store_ - y[kStore];
  if (mode_ == Mode::Drive) {
    g[kReachPoint] = y[kX] - next_point_m_;
    g[kGradeBreak] = y[kX] - road_.zone_end(zone_);
    g[kHalt] = y[kV] - kHaltSpeed;
    g[kRollBack] = y[kV] + kHaltSpeed;
    if (pt_.num_roots() > 0) pt_.roots(t, y[kV], g + kNumRoots);
  }
}

double TripModel::next_kink(double t) const {
  // The demand follows trace(t + tau), linear between samples: its kinks are where the samples are.
  if (!time_based_ || mode_ != Mode::Drive) return std::numeric_limits<double>::infinity();
  const double tau = in_.driver.response_time_s;
  return trace_->next_kink(t - trace_offset_s_ + tau) - tau + trace_offset_s_;
}

}  // namespace semitco::physics::detail
