// The hybrid loop: one integrator step at a time, samples interpolated inside each step, and at every
// root or stop time the discrete change (trip_stops.cpp) followed by a restart.
#include "physics/trip_run.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace semitco::physics::detail {

std::string km(double x_m) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f km", x_m / 1000.0);
  return buf;
}

void TripRun::setup_stepper() {
  const auto& so = in_.solver;
  StepperSetup st;
  st.n = kNumStates;
  st.n_roots = model_.num_roots();
  st.rel_tol = so.rel_tol;
  st.abs_tol.assign(kNumStates, 10.0);
  st.abs_tol[kX] = so.abs_tol_distance_m;
  st.abs_tol[kV] = so.abs_tol_speed_mps;
  st.abs_tol[kBrakeT] = 1e-3;
  // The energy store and the ledger integrals are quadratures of the motion. They are in the error test
  // with small absolute tolerances (10 J; 0.01 C is ~10 J at pack voltage) so the integrals are as
  // accurate as the motion: the driver cancels grade changes in the acceleration, so x and v alone
  // would let one step run over power flows that x and v never see.
  st.abs_tol[kStore] = 0.01;
  st.root_states = kFirstLedger;  // roots() and demand() read x, v, brake temperature and the store only
  st.root_dir.assign(static_cast<std::size_t>(st.n_roots), 0);  // powertrain roots: both directions
  st.root_dir[kReachPoint] = +1;
  st.root_dir[kGradeBreak] = +1;
  st.root_dir[kHalt] = -1;
  st.root_dir[kRollBack] = -1;
  st.root_dir[kStoreEmpty] = -1;
  st.root_dir[kReserve] = -1;
  st.root_dir[kChargeFull] = -1;
  st.root_dir[kBrakeFade] = -1;
  stepper_ = so.integrator == Integrator::Cvode ? make_cvode_stepper(model_, st) : make_rk_stepper(model_, st);
  y_data_ = stepper_->state();
}

double TripRun::stop_time() const {
  double ts = max_time_s_;
  if (model_.mode_ == Mode::Dwell) ts = std::min(ts, dwell_end_s_);
  if (model_.mode_ == Mode::Hold) ts = std::min(ts, hold_end_s_);
  if (model_.mode_ == Mode::Charge) ts = std::min(ts, charge_start_s_ + in_.charging.max_charge_time_s);
  if (model_.trace_ && model_.mode_ != Mode::Charge) ts = std::min(ts, model_.trace_end_s());
  if (model_.mode_ == Mode::Drive) ts = std::min(ts, model_.pt_.next_event_time());
  return ts;
}

void TripRun::restart() {
  if (model_.mode_ == Mode::Drive) model_.pt_.on_restart(t_, y_data_[kV], demand_at(t_, y_data_));
  stepper_->restart(t_, stop_time());
  ++result_.solver.restarts;
}

std::string TripRun::place() const {
  std::ostringstream os;
  const auto here = model_.road_.at(y_data_[kX], model_.zone_);
  os << "at " << km(y_data_[kX]) << " (t = " << std::lround(t_) << " s, grade " << here.grade_frac * 100.0 << " %)";
  return os.str();
}

void TripRun::sample(double t, const double* y) {
  // The summary needs the road here; the time series also the forces and power flows.
  TripModel::Eval e;
  if (in_.record_series) {
    model_.evaluate(t, y, e);
  } else {
    e.here = model_.road_.at(y[kX], model_.zone_);
  }
  const double x = y[kX];
  const double v = model_.mode_ == Mode::Drive ? y[kV] : 0.0;
  auto& s = result_.summary;
  const double soc = model_.pt_.state_of_charge(y[kStore]);
  s.min_soc = std::min(s.min_soc, soc);
  if (y[kBrakeT] > s.peak_brake_temperature_C) {
    s.peak_brake_temperature_C = y[kBrakeT];
    s.peak_brake_temperature_at_m = x;
  }
  if (track_ != nullptr) track_->push_back(SocPoint{model_.time_based_ ? t - model_.trace_offset_s_ : x, soc});
  // Trace miss against what the driver wants here (no preview), only while driving.
  const double target = model_.target_here(t, y);
  if (model_.mode_ == Mode::Drive) {
    const double dt = have_sample_ ? t - last_sample_s_ : 0.0;
    const double shortfall = target - v;
    if (shortfall > s.max_speed_shortfall_mps) {
      s.max_speed_shortfall_mps = shortfall;
      s.max_speed_shortfall_at_m = x;
    }
    if (shortfall > in_.driver.trace_miss_tolerance_mps) s.time_below_target_s += dt;
    if (v < kMph40 && e.here.grade_frac >= 0.02 && target > kMph40) s.time_below_40mph_climbing_s += dt;
  }
  have_sample_ = true;
  last_sample_s_ = t;
  if (!in_.record_series) return;
  result_.series.push({t, x, v, target, e.here.elevation_m, e.here.grade_frac, e.wheel_force_N * v,
                        e.flows.terminal_W != 0.0 ? e.flows.terminal_W : e.flows.source_out_W,
                        std::max(-e.wheel_force_N * v, 0.0), e.brake_force_N * v, soc, y[kBrakeT], y[kFuel],
                        static_cast<double>(model_.pt_.gear()), e.flows.machine_speed_radps * 60.0 / (2.0 * M_PI),
                        e.charge_W});
}

Stepper::Outcome TripRun::step(double* t_reached) {
  try {
    return stepper_->step(t_reached);
  } catch (const SolverError& ex) {
    throw SolverError(std::string(ex.what()) + " " + place() + " with the next stop time at " +
                      std::to_string(stop_time()) + " s");
  }
}

void TripRun::sample_until(double t) {
  // Without a time series a sample reads only the motion, the brakes and the store (not the ledger).
  const int count = in_.record_series ? kNumStates : kFirstLedger;
  while (next_sample_s_ <= t) {
    sample(next_sample_s_, stepper_->interpolate(next_sample_s_, count));
    next_sample_s_ += dt_out_;
  }
}

// The hybrid loop: one internal integrator step at a time, samples interpolated inside each step, and
// at every root or stop time the discrete change followed by a restart.
void TripRun::integrate() {
  std::vector<int> found(static_cast<std::size_t>(model_.num_roots()), 0);
  int idle_stops = 0;  // stop times in a row at the same time that changed nothing
  double last_stop = -1.0;
  while (model_.mode_ != Mode::Finished && model_.mode_ != Mode::Ended) {
    double t = t_;
    Stepper::Outcome outcome = step(&t);
    bool changed = false;
    if (decide_within_step(&t, outcome == Stepper::Outcome::Root)) {  // a decision inside the step changed the gear
      changed = true;
      outcome = Stepper::Outcome::Step;
    }
    t_ = t;
    sample_until(t);
    if (outcome == Stepper::Outcome::Root) {
      stepper_->root_info(found.data());
      handle_roots(t, found);
      changed = true;
    }
    // A root may land on a timed event: serve whatever is due now either way.
    if (model_.mode_ != Mode::Finished && model_.mode_ != Mode::Ended) changed |= handle_timed_events(t);
    if (model_.mode_ == Mode::Finished || model_.mode_ == Mode::Ended) break;
    if (changed) {
      restart();
    } else if (outcome == Stepper::Outcome::StopTime) {
      // A timed event that changed nothing (a gearbox decision to stay in gear): go on without a restart.
      idle_stops = t > last_stop ? 0 : idle_stops + 1;
      if (idle_stops > 100) throw SolverError("no progress at a stop time " + place());
      last_stop = t;
      stepper_->set_stop_time(stop_time());
    }
  }
}

bool TripRun::decide_within_step(double* t_end, bool ended_at_root) {
  // A decision exactly at a root is left to the restart there (on_restart), so the root is not lost.
  auto& pt = model_.pt_;
  auto due = [&](double at) { return ended_at_root ? at < *t_end : at <= *t_end; };
  for (double at = pt.next_decision_time(); model_.mode_ == Mode::Drive && due(at); at = pt.next_decision_time()) {
    sample_until(at);  // samples up to the decision see the discrete state before it
    const double* y = stepper_->interpolate(at, kFirstLedger);  // what the demand and the gearbox read
    if (pt.on_decision(at, y[kV], demand_at(at, y))) {
      y = stepper_->interpolate(at, kNumStates);
      std::copy(y, y + kNumStates, y_data_);
      *t_end = at;
      return true;
    }
  }
  return false;
}

bool TripRun::handle_timed_events(double t) {
  constexpr double eps = 1e-9;
  bool changed = false;
  for (int guard = 0; guard < 8 && model_.mode_ == Mode::Drive && t >= model_.pt_.next_event_time() - eps; ++guard) {
    changed |= model_.pt_.on_time_event(t, y_data_[kV], demand_at(t, y_data_));
  }
  if (model_.mode_ == Mode::Charge && t >= charge_start_s_ + in_.charging.max_charge_time_s - eps) {
    end_charge(t);
    changed = true;
  }
  if (model_.mode_ == Mode::Dwell && t >= dwell_end_s_ - eps) {
    if (model_.next_point_m_ == std::numeric_limits<double>::infinity()) {
      finish(t);
      return true;
    }
    if (model_.time_based_) {
      begin_hold(t);  // after plugging out at a charge stop of a trace: back to the trace's standstill
    } else {
      model_.mode_ = Mode::Drive;
      model_.pt_.reset(0.0);
    }
    changed = true;
  }
  if (model_.mode_ == Mode::Hold && t >= hold_end_s_ - eps) {
    model_.mode_ = Mode::Drive;
    model_.pt_.reset(0.0);
    changed = true;
  }
  if (model_.trace_ && model_.mode_ != Mode::Charge && model_.mode_ != Mode::Dwell &&
      t >= model_.trace_end_s() - eps) {
    finish(t);
    return true;
  }
  if (t >= max_time_s_ - eps) {
    end_trip(t, "time limit of " + std::to_string(std::lround(max_time_s_)) + " s reached");
    return true;
  }
  return changed;
}

TripResult TripRun::run() {
  const auto& route = *in_.route;
  const auto& so = in_.solver;
  result_.vehicle = in_.truck.name;
  result_.solver.integrator = so.integrator;
  result_.route = route.name;

  // Initial state.
  setup_stepper();
  std::fill(y_data_, y_data_ + kNumStates, 0.0);
  // A trace that starts moving (the EPA 55/65 mph cycles) starts the truck at the trace's speed.
  y_data_[kV] = model_.trace_ ? std::max(so.initial_speed_mps, (*model_.trace_)(0.0)) : so.initial_speed_mps;
  y_data_[kBrakeT] = in_.truck.brakes.initial_temperature_C;
  y_data_[kStore] = model_.pt_.initial_store();
  const double soc0 = model_.pt_.state_of_charge(y_data_[kStore]);
  result_.summary.initial_soc = result_.summary.min_soc = soc0;
  if (charges_ != nullptr) {
    model_.reserve_store_ = model_.pt_.store_at_soc(in_.charging.reserve_soc);
    result_.summary.reserve_soc = in_.charging.reserve_soc;
  }

  double total_dwell = 0.0;
  for (const auto& st : route.stops) total_dwell += st.dwell_s;
  if (model_.time_based_) {
    max_time_s_ = model_.trace_->end_time_s();
  } else {
    max_time_s_ = so.max_duration_s > 0.0 ? so.max_duration_s : route.length_m() / 0.5 + total_dwell + 3600.0;
  }
  if (charges_ != nullptr && !model_.time_based_) {
    max_time_s_ += static_cast<double>(charges_->plan.size()) * (in_.charging.max_charge_time_s + in_.charging.plug_time_s);
  }
  if (so.max_duration_s > 0.0) max_time_s_ = std::min(max_time_s_, so.max_duration_s);

  // Initial mode.
  model_.next_point_m_ = route.length_m();
  model_.zone_ = model_.road_.zone_of(0.0);
  if (model_.time_based_) {
    const bool trace_moves = (*model_.trace_)(in_.driver.response_time_s) >= kTraceGoSpeed;
    model_.mode_ = Mode::Drive;
    if (y_data_[kV] <= 0.0 && !trace_moves) begin_hold(0.0);
  } else {
    model_.mode_ = Mode::Drive;
    auto& k = model_.next_stop_;
    if (!route.stops.empty() && route.stops.front().distance_m <= 0.0) {
      begin_dwell_or_drive(0.0, route.stops.front().dwell_s);
      k = 1;
    }
    if (k < route.stops.size()) model_.next_point_m_ = std::min(model_.next_point_m_, route.stops[k].distance_m);
  }
  model_.pt_.reset(y_data_[kV]);
  if (y_data_[kBrakeT] >= in_.truck.brakes.fade_limit_C) flag_brake_fade(0.0);
  if (model_.pt_.store_margin(y_data_[kStore]) <= 0.0) {
    end_trip(0.0, "battery empty at the start");
  }

  t_ = 0.0;
  restart();
  dt_out_ = so.sample_interval_s > 0.0 ? so.sample_interval_s : 1.0;
  sample(0.0, y_data_);
  next_sample_s_ = dt_out_;
  integrate();
  sample(t_, y_data_);
  stepper_->collect_stats(result_.solver);

  // Ledger and summary.
  auto& L = result_.ledger;
  L.source_out_J = y_data_[kSourceOut];
  L.source_in_J = y_data_[kSourceIn];
  L.aero_J = y_data_[kAero];
  L.rolling_J = y_data_[kRolling];
  L.climbing_J = y_data_[kClimbing];
  L.descending_J = y_data_[kDescending];
  L.inertia_J = y_data_[kInertia];
  L.motor_loss_J = y_data_[kMotorLoss];
  L.battery_loss_J = y_data_[kBatteryLoss];
  L.driveline_loss_J = y_data_[kDrivelineLoss];
  L.engine_loss_J = y_data_[kEngineLoss];
  L.aux_J = y_data_[kAux];
  L.friction_brake_J = y_data_[kFrictionBrake];
  L.engine_brake_J = y_data_[kEngineBrake];
  L.regen_wheel_J = y_data_[kRegenWheel];
  L.traction_wheel_J = y_data_[kTractionWheel];
  L.fuel_kg = y_data_[kFuel];
  L.def_kg = y_data_[kDef];
  L.grid_in_J = y_data_[kGridIn];
  L.charger_loss_J = y_data_[kChargerLoss];
  L.charge_in_J = y_data_[kChargeIn];

  close_summary(result_, y_data_[kX], t_, y_data_[kMovingTime], model_.pt_.state_of_charge(y_data_[kStore]),
                model_.trace_ ? &*model_.trace_ : nullptr);
  return std::move(result_);
}

void close_summary(TripResult& r, double distance_m, double duration_s, double moving_s, double final_soc,
                   const SpeedTrace* trace) {
  auto& s = r.summary;
  const auto& L = r.ledger;
  s.distance_m = distance_m;
  s.duration_s = duration_s;
  s.moving_time_s = moving_s;
  s.average_speed_mps = duration_s > 0.0 ? s.distance_m / duration_s : 0.0;
  s.stops_made = static_cast<double>(r.stops.size());
  s.final_soc = final_soc;
  s.charge_stops = static_cast<int>(r.charge_stops.size());
  for (const auto& c : r.charge_stops) {
    s.charging_time_s += c.departure_s - c.arrival_s;
    s.charge_pack_J += c.pack_J;
    s.charge_grid_J += c.grid_J;
  }
  // Energy per mile is the duty's: what the truck's own store delivered for driving, charging not netted.
  if (s.distance_m > 0.0) {
    s.energy_kWh_per_km = L.source_net_J() / 3.6e6 / (s.distance_m / 1000.0);
    s.energy_kWh_per_mi = L.source_net_J() / 3.6e6 / (s.distance_m / 1609.344);
  }
  if (trace != nullptr) s.trace_distance_shortfall_m = std::max(0.0, trace->distance_m() - s.distance_m);
  // The outcome: ended, flagged, or done.
  if (!s.reached_end) {
    s.outcome = TripOutcome::kEnded;
  } else if (s.brake_fade) {
    s.outcome = TripOutcome::kBrakeFade;
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "brake fade: the brakes passed their fade limit of %.0f C at %.3f km (t = %.0f s) and peaked at "
                  "%.0f C at %.3f km",
                  s.brake_fade_limit_C, s.brake_fade_at_m / 1000.0, s.brake_fade_at_s, s.peak_brake_temperature_C,
                  s.peak_brake_temperature_at_m / 1000.0);
    s.end_reason = buf;
  } else {
    s.outcome = TripOutcome::kCompleted;
    s.end_reason = "completed";
  }
  s.completed = s.outcome == TripOutcome::kCompleted;
}

TripResult run_once(const TripInputs& in, const ChargeRun* charges, std::vector<SocPoint>* track) {
  TripRun run(in, charges, track);
  return run.run();
}

}  // namespace semitco::physics::detail
