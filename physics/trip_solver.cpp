// Trip simulation with SUNDIALS CVODE; the model is described in trip_solver.hpp.
#include "physics/trip_solver.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "physics/driver.hpp"
#include "physics/electric_powertrain.hpp"
#include "physics/road.hpp"
#include "physics/road_load.hpp"
#include "physics/stepper.hpp"

namespace semitco::physics {

double EnergyLedger::closure() const {
  const double scale = source_out_J + source_in_J;
  return scale > 0.0 ? std::abs(source_net_J() - sinks_J()) / scale : 0.0;
}

namespace {

// ---------------------------------------------------------------- state layout
enum State : int {
  kX,             // distance [m]
  kV,             // speed [m/s]
  kBrakeT,        // brake temperature [degC]
  kStore,         // energy store (battery charge [C])
  kSourceOut,     // ledger integrals [J] from here on
  kSourceIn,
  kAero,
  kRolling,
  kClimbing,
  kDescending,
  kInertia,
  kMotorLoss,
  kBatteryLoss,
  kDrivelineLoss,
  kEngineLoss,
  kAux,
  kFrictionBrake,
  kEngineBrake,
  kRegenWheel,
  kTractionWheel,
  kFuel,          // [kg]
  kDef,           // [kg]
  kMovingTime,    // [s]
  kNumStates
};
constexpr int kFirstLedger = kSourceOut;

enum Root : int { kReachPoint, kGradeBreak, kHalt, kRollBack, kStoreEmpty, kNumRoots };

enum class Mode { Drive, Dwell, Hold, Finished, Ended };

constexpr double kHaltSpeed = 0.02;    // [m/s] below this the truck counts as standing
constexpr double kTraceGoSpeed = 0.1;
constexpr double kMinPreviewSpeed = 2.0;  // [m/s]
constexpr double kMaxDescentSpeed = 40.0;  // [m/s] above any truck speed limit
constexpr double kUnlimited = 1e9;         // [m/s] no cap  // [m/s] a trace above this asks the truck to move
constexpr double kMph40 = 40.0 * 0.44704;

std::string km(double x_m) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f km", x_m / 1000.0);
  return buf;
}

// ---------------------------------------------------------------- the model
class TripModel final : public HybridOde {
 public:
  explicit TripModel(const TripInputs& in)
      : in_(in),
        route_(*in.route),
        road_(*in.route, in.ambient),
        pt_(*in.truck.powertrain),
        mass_(in.truck.chassis.mass_kg()),
        m_eff_(in.truck.chassis.inertial_mass_kg()),
        time_based_(in.route->is_time_based()) {
    if (time_based_) {
      trace_.emplace(*in.route);
    } else {
      const bool from_rest = in.solver.initial_speed_mps <= 0.0;
      envelope_.emplace(*in.route, in.driver, from_rest);
      if (in.driver.manage_brake_temperature) descents_ = road_.descents(in.driver.descent_min_grade_frac);
    }
  }

  // ---- safe descent speed (after the FHWA Grade Severity Rating System, FHWA-RD-81-185) ----
  // Holding speed v down a stretch of length L with average downhill slope sin_down, the brakes take
  // what the powertrain's retarder (regen or engine brake) and the road load leave:
  //   P_b(v) = max(0, m g sin_down - F_aero(v) - F_roll - F_retard_max(v)) * v,
  // and the lumped brake temperature (BrakeThermalParams) tends to T_ss = T_amb + P_b / (C K1), so after L:
  //   T_end(v) = T_ss + (T_now - T_ss) exp(-K1(v) L / v).
  // The safe speed is the largest v whose T_end stays `brake_margin_C` under the fade limit.
  double end_temperature(double v, double sin_down, double rho, double L, double T_now, double store) const {
    const auto& ch = in_.truck.chassis;
    const auto& bp = in_.truck.brakes;
    const Slope slope{-sin_down, std::sqrt(std::max(0.0, 1.0 - sin_down * sin_down))};
    const RoadForces rf = road_forces(mass_, ch.cda_m2, ch.crr, ch.crr_per_mps, rho, in_.ambient.headwind_mps, slope, v);
    const double retard = pt_.sustained_retard_N(v, store);
    const double brake_W = std::max(0.0, -rf.total_N() - retard) * v;
    const double k1 = (bp.k1_const_per_h + bp.k1_per_mph_per_h * v / 0.44704) / 3600.0;
    const double t_ss = in_.ambient.temperature_C + brake_W / (bp.heat_capacity_J_per_K * k1);
    return t_ss + (T_now - t_ss) * std::exp(-k1 * L / v);
  }

  /// Highest speed up to `cap` that keeps the brakes under the limit (kUnlimited when `cap` does).
  double safe_speed(double sin_down, double rho, double L, double T_now, double store, double cap) const {
    const double target = in_.truck.brakes.fade_limit_C - in_.driver.brake_margin_C;
    const double lo = in_.driver.descent_min_speed_mps, hi = std::max(cap, lo);
    auto t_end = [&](double v) { return end_temperature(v, sin_down, rho, L, T_now, store); };
    if (t_end(hi) <= target) return kUnlimited;
    // T_end(v) need not be monotonic (slower means longer on the grade, and a retarder weaker at low
    // engine speed), so scan down from the top for the highest safe speed, then refine by bisection.
    constexpr int kScan = 72;
    const double step = (hi - lo) / kScan;
    double best_v = lo, best_t = t_end(lo);
    for (int k = 1; k <= kScan; ++k) {
      const double v = hi - k * step;
      const double tv = t_end(v);
      if (tv <= target) {
        double ok = v, bad = v + step;
        for (int i = 0; i < 40 && bad - ok > 1e-9; ++i) {  // to ~1e-9 m/s so the demand stays continuous
          const double mid = 0.5 * (ok + bad);
          (t_end(mid) <= target ? ok : bad) = mid;
        }
        return ok;
      }
      if (tv < best_t) {
        best_t = tv;
        best_v = v;
      }
    }
    return best_v;  // nothing keeps the brakes under the limit: the least-bad speed
  }

  /// Speed cap from the descent the truck is on or approaching (kUnlimited when none matters); `v_limit`
  /// is the speed the driver would otherwise go, so feasibility is judged at speeds it would really drive.
  double safe_speed_ahead(double x, double T_now, double store, double v_limit) const {
    if (descents_.empty()) return kUnlimited;
    const auto it = std::upper_bound(descents_.begin(), descents_.end(), x,
                                     [](double at, const Road::Descent& d) { return at < d.end_m; });
    if (it == descents_.end()) return kUnlimited;
    const double b = in_.driver.comfort_decel_mps2;
    const double from = std::max(x, it->start_m);
    const double approach = it->start_m - x;  // > 0 while still above the descent
    if (approach > (kMaxDescentSpeed * kMaxDescentSpeed) / (2.0 * b)) return kUnlimited;
    const double L = it->end_m - from;
    if (L <= 1.0) return kUnlimited;
    // Where the rest of the descent starts: its top while approaching (kept with the descent, so the road's
    // lookups stay where the truck is), here when on it.
    const double top = approach > 0.0 ? it->start_elevation_m : road_.elevation_at(from);
    const double sin_down = (top - it->end_elevation_m) / L;
    const double rho = approach > 0.0 ? it->start_rho_kgpm3 : road_.at(from, zone_).rho_kgpm3;
    const double v = safe_speed(std::max(sin_down, 0.0), rho, L, T_now, store, std::min(v_limit, kMaxDescentSpeed));
    if (v >= kUnlimited) return kUnlimited;
    return approach > 0.0 ? std::sqrt(v * v + 2.0 * b * approach) : v;
  }

  /// Everything the right-hand side computes, also used for output samples.
  struct Eval {
    Road::Here here;
    RoadForces road;
    double target_mps = 0.0;
    double wheel_force_N = 0.0;  // powertrain at the wheel
    double brake_force_N = 0.0;  // friction brakes (>= 0)
    double accel_mps2 = 0.0;
    PowerFlows flows;
  };

  /// The driver's demand: target speed, wanted acceleration and the wheel force that needs
  /// (before powertrain and brake limits), with the road forces it was computed from.
  void demand(double t, const double* y, Eval& e, double& need_N) const {
    // The integrators ask for the root functions where they have just evaluated the right-hand side (the
    // end of a step, a restart): the same demand, computed once.
    auto& m = memo_;
    if (t == m.t && y[kX] == m.y[kX] && y[kV] == m.y[kV] && y[kBrakeT] == m.y[kBrakeT] && y[kStore] == m.y[kStore] &&
        zone_ == m.zone && next_point_m_ == m.next_point) {
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
    m.here = e.here;
    m.road = e.road;
    m.target = e.target_mps;
    m.need = need_N;
  }

  void compute_demand(double t, const double* y, Eval& e, double& need_N) const {
    const double x = y[kX];
    const double v = y[kV];
    const auto& ch = in_.truck.chassis;
    e.here = road_.at(x, zone_);
    e.road = road_forces(mass_, ch.cda_m2, ch.crr, ch.crr_per_mps, e.here.rho_kgpm3, in_.ambient.headwind_mps,
                         e.here.slope, v);
    const double tau = in_.driver.response_time_s;
    double a_lo = -in_.driver.max_decel_mps2, a_hi = in_.driver.max_accel_mps2;
    if (time_based_) {
      e.target_mps = (*trace_)(t + tau);
      a_hi = std::max(a_hi, in_.driver.max_decel_mps2);  // a trace may ask for more than the comfort value
    } else {
      // Look tau ahead, at least as far as at walking pace so a launch from rest sees the ramp ahead.
      const double preview = std::min(x + std::max(v, kMinPreviewSpeed) * tau, next_point_m_);
      const double v_env = (*envelope_)(preview);
      e.target_mps = std::min(v_env, safe_speed_ahead(preview, y[kBrakeT], y[kStore], v_env));
    }
    const double a_dem = std::clamp((e.target_mps - v) / tau, a_lo, a_hi);
    need_N = m_eff_ * a_dem + e.road.total_N();
  }

  void evaluate(double t, const double* y, Eval& e) const {
    const double v = y[kV];
    if (mode_ != Mode::Drive) {
      e.here = road_.at(y[kX], zone_);
      e.road = RoadForces{};
      e.target_mps = 0.0;
      e.wheel_force_N = e.brake_force_N = e.accel_mps2 = 0.0;
      pt_.flows(0.0, 0.0, y[kStore], e.flows);
      return;
    }
    double need = 0.0;
    demand(t, y, e, need);
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

  /// dy/dt; pure apart from the road's lookup cursor.
  void rhs(double t, const double* y, double* dy) override {
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
  }

  [[nodiscard]] int num_roots() const { return kNumRoots + pt_.num_roots(); }

  void roots(double t, const double* y, double* g) override {
    std::fill(g, g + num_roots(), 1.0);
    g[kStoreEmpty] = pt_.store_margin(y[kStore]);
    if (mode_ == Mode::Drive) {
      g[kReachPoint] = y[kX] - next_point_m_;
      g[kGradeBreak] = y[kX] - road_.zone_end(zone_);
      g[kHalt] = y[kV] - kHaltSpeed;
      g[kRollBack] = y[kV] + kHaltSpeed;
      if (pt_.num_roots() > 0) pt_.roots(t, y[kV], g + kNumRoots);
    }
  }

  /// The demand follows trace(t + tau), linear between samples: its kinks are where the samples are.
  [[nodiscard]] double next_kink(double t) const override {
    if (!time_based_ || mode_ != Mode::Drive) return std::numeric_limits<double>::infinity();
    const double tau = in_.driver.response_time_s;
    return trace_->next_kink(t + tau) - tau;
  }

  // Mode and event bookkeeping, used by the integration loop.
  Mode mode_ = Mode::Drive;
  double next_point_m_ = 0.0;     // next stop or the end of the road
  std::size_t zone_ = 0;          // grade zone the truck is in (a discrete state)
  std::size_t next_stop_ = 0;     // index into route_.stops of the next stop ahead

  const TripInputs& in_;
  const routes::RouteProfile& route_;
  Road road_;
  Powertrain& pt_;
  double mass_, m_eff_;
  bool time_based_;
  std::optional<SpeedEnvelope> envelope_;
  std::vector<Road::Descent> descents_;
  std::optional<SpeedTrace> trace_;

  struct DemandMemo {
    double t = std::numeric_limits<double>::quiet_NaN();  // never equal: the memo starts empty
    std::array<double, kFirstLedger> y{};
    std::size_t zone = 0;
    double next_point = 0.0;
    Road::Here here;
    RoadForces road;
    double target = 0.0, need = 0.0;
  };
  mutable DemandMemo memo_;
};

// ---------------------------------------------------------------- the integration loop
class TripRun {
 public:
  explicit TripRun(const TripInputs& in) : in_(in), model_(in) {}

  TripResult run();

 private:
  void setup_stepper();
  void restart();               // restart the integrator after a discrete change
  void sample(double t, const double* y);  // time series and running statistics
  void sample_until(double t);             // every sample time in (last sample, t], interpolated
  void integrate();                        // the hybrid loop
  bool handle_timed_events(double t);      // dwell end, powertrain timers, end of trace, time limit
  bool decide_within_step(double* t_end, bool ended_at_root);  // the powertrain's decision times in the last step
  Stepper::Outcome step(double* t_reached);  // one integrator step; errors name the place
  void stand_still();  // v := 0, its kinetic energy booked as friction-brake heat
  void begin_dwell_or_drive(double t, double dwell_s);
  void begin_hold(double t);
  void handle_roots(double t, const std::vector<int>& found);
  double demand_at(double t, const double* y) const;  // the driver's wheel-force demand (0 unless driving)
  void finish(double t);
  void end_trip(double t, const std::string& reason);
  double stop_time() const;
  std::string place() const;

  const TripInputs& in_;
  TripModel model_;
  std::unique_ptr<Stepper> stepper_;
  double* y_data_ = nullptr;
  TripResult result_;
  double t_ = 0.0;
  double dwell_end_s_ = 0.0;
  double hold_end_s_ = 0.0;
  double max_time_s_ = 0.0;
  double next_sample_s_ = 0.0;
  double dt_out_ = 1.0;
  double last_sample_s_ = 0.0;
  bool have_sample_ = false;
  double min_store_margin_soc_ = 1.0;
};

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
  stepper_ = so.integrator == Integrator::Cvode ? make_cvode_stepper(model_, st) : make_rk_stepper(model_, st);
  y_data_ = stepper_->state();
}

double TripRun::stop_time() const {
  double ts = max_time_s_;
  if (model_.mode_ == Mode::Dwell) ts = std::min(ts, dwell_end_s_);
  if (model_.mode_ == Mode::Hold) ts = std::min(ts, hold_end_s_);
  if (model_.trace_) ts = std::min(ts, model_.trace_->end_time_s());
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

void TripRun::stand_still() {
  const double v = y_data_[kV];
  const double ke = 0.5 * model_.m_eff_ * v * v;
  y_data_[kInertia] -= ke;
  y_data_[kFrictionBrake] += ke;
  y_data_[kV] = 0.0;
}

void TripRun::begin_dwell_or_drive(double t, double dwell_s) {
  result_.stops.push_back(StopRecord{y_data_[kX], t, t + std::max(dwell_s, 0.0)});
  if (dwell_s > 0.0) {
    model_.mode_ = Mode::Dwell;
    dwell_end_s_ = t + dwell_s;
  } else {
    model_.mode_ = Mode::Drive;
    model_.pt_.reset(0.0);
  }
}

void TripRun::finish(double t) {
  model_.mode_ = Mode::Finished;
  result_.summary.completed = true;
  result_.summary.end_reason = "completed";
  t_ = t;
}

void TripRun::end_trip(double t, const std::string& reason) {
  t_ = t;
  model_.mode_ = Mode::Ended;
  result_.summary.completed = false;
  result_.summary.end_reason = reason + " " + place();
}

double TripRun::demand_at(double t, const double* y) const {
  if (model_.mode_ != Mode::Drive) return 0.0;
  TripModel::Eval e;
  double need = 0.0;
  model_.demand(t, y, e, need);
  return need;
}

void TripRun::handle_roots(double t, const std::vector<int>& found) {
  t_ = t;
  for (int i = kNumRoots; i < model_.num_roots(); ++i) {
    if (found[static_cast<std::size_t>(i)] != 0 && model_.mode_ == Mode::Drive) {
      model_.pt_.on_root(i - kNumRoots, t, y_data_[kV], demand_at(t, y_data_));
    }
  }
  if (found[kGradeBreak] != 0 && model_.mode_ == Mode::Drive) {
    // A known discontinuity of the road: the power flows jump here while x and v stay smooth, so the
    // integration restarts on the new segment instead of smearing the jump over one long step.
    ++model_.zone_;
  }
  if (found[kStoreEmpty] != 0) {
    end_trip(t, "battery empty (state of charge at the bottom of its usable window)");
    return;
  }
  if (found[kReachPoint] != 0 && model_.mode_ == Mode::Drive) {
    const auto& stops = model_.route_.stops;
    const double point = model_.next_point_m_;
    y_data_[kX] = point;  // the root is located to solver precision; put the truck exactly there
    const bool is_stop = !model_.time_based_ && model_.next_stop_ < stops.size() &&
                         stops[model_.next_stop_].distance_m <= point;
    const bool at_end = point >= model_.road_.length_m();
    if (is_stop) {
      stand_still();
      const double dwell = stops[model_.next_stop_].dwell_s;
      ++model_.next_stop_;
      if (at_end) {
        // Wait out a final dwell as part of the trip, then finish.
        result_.stops.push_back(StopRecord{point, t, t + dwell});
        if (dwell > 0.0) {
          model_.mode_ = Mode::Dwell;
          dwell_end_s_ = t + dwell;
          model_.next_point_m_ = std::numeric_limits<double>::infinity();
          return;
        }
        finish(t);
        return;
      }
      begin_dwell_or_drive(t, dwell);
    } else if (at_end) {
      finish(t);
      return;
    }
    model_.next_point_m_ = model_.road_.length_m();
    if (!model_.time_based_ && model_.next_stop_ < stops.size()) {
      model_.next_point_m_ = std::min(model_.next_point_m_, stops[model_.next_stop_].distance_m);
    }
    return;
  }
  if (found[kRollBack] != 0 && model_.mode_ == Mode::Drive) {
    end_trip(t, "cannot climb: rolling backwards");
    return;
  }
  if (found[kHalt] != 0 && model_.mode_ == Mode::Drive) {
    const bool trace_says_stop =
        model_.time_based_ && (*model_.trace_)(t + in_.driver.response_time_s) < kTraceGoSpeed;
    if (trace_says_stop) {
      stand_still();
      begin_hold(t);
      return;
    }
    end_trip(t, "cannot keep moving: speed fell to zero");
    return;
  }
}

void TripRun::begin_hold(double t) {
  // The trace is known in advance: the hold ends when trace(t + tau) next reaches the go speed, a timed
  // event, so no integrator can step over a short move of the trace while the truck stands.
  const double tau = in_.driver.response_time_s;
  model_.mode_ = Mode::Hold;
  hold_end_s_ = model_.trace_->first_reach(t + tau, kTraceGoSpeed) - tau;
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
  // Trace miss against what the driver wants here (no preview), only while driving.
  double target = 0.0;
  if (model_.mode_ == Mode::Drive) {
    target = model_.time_based_ ? (*model_.trace_)(t)
                                : std::min((*model_.envelope_)(x),
                                           model_.safe_speed_ahead(x, y[kBrakeT], y[kStore], (*model_.envelope_)(x)));
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
  auto& ts = result_.series;
  ts.time_s.push_back(t);
  ts.distance_m.push_back(x);
  ts.speed_mps.push_back(v);
  ts.target_speed_mps.push_back(target);
  ts.elevation_m.push_back(e.here.elevation_m);
  ts.grade_frac.push_back(e.here.grade_frac);
  ts.wheel_power_W.push_back(e.wheel_force_N * v);
  ts.source_power_W.push_back(e.flows.terminal_W != 0.0 ? e.flows.terminal_W : e.flows.source_out_W);
  ts.regen_power_W.push_back(std::max(-e.wheel_force_N * v, 0.0));
  ts.friction_brake_power_W.push_back(e.brake_force_N * v);
  ts.soc.push_back(soc);
  ts.brake_temperature_C.push_back(y[kBrakeT]);
  ts.fuel_used_kg.push_back(y[kFuel]);
  ts.gear.push_back(model_.pt_.gear());
  ts.machine_speed_rpm.push_back(e.flows.machine_speed_radps * 60.0 / (2.0 * M_PI));
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
  while (next_sample_s_ <= t) {
    sample(next_sample_s_, stepper_->interpolate(next_sample_s_, kNumStates));
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
  if (model_.mode_ == Mode::Dwell && t >= dwell_end_s_ - eps) {
    if (model_.next_point_m_ == std::numeric_limits<double>::infinity()) {
      finish(t);
      return true;
    }
    model_.mode_ = Mode::Drive;
    model_.pt_.reset(0.0);
    changed = true;
  }
  if (model_.mode_ == Mode::Hold && t >= hold_end_s_ - eps) {
    model_.mode_ = Mode::Drive;
    model_.pt_.reset(0.0);
    changed = true;
  }
  if (model_.trace_ && t >= model_.trace_->end_time_s() - eps) {
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

  double total_dwell = 0.0;
  for (const auto& st : route.stops) total_dwell += st.dwell_s;
  if (model_.time_based_) {
    max_time_s_ = model_.trace_->end_time_s();
  } else {
    max_time_s_ = so.max_duration_s > 0.0 ? so.max_duration_s : route.length_m() / 0.5 + total_dwell + 3600.0;
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

  auto& s = result_.summary;
  s.distance_m = y_data_[kX];
  s.duration_s = t_;
  s.moving_time_s = y_data_[kMovingTime];
  s.average_speed_mps = t_ > 0.0 ? s.distance_m / t_ : 0.0;
  s.stops_made = static_cast<double>(result_.stops.size());
  s.final_soc = model_.pt_.state_of_charge(y_data_[kStore]);
  if (s.distance_m > 0.0) {
    s.energy_kWh_per_km = L.source_net_J() / 3.6e6 / (s.distance_m / 1000.0);
    s.energy_kWh_per_mi = L.source_net_J() / 3.6e6 / (s.distance_m / 1609.344);
  }
  if (model_.trace_) s.trace_distance_shortfall_m = std::max(0.0, model_.trace_->distance_m() - s.distance_m);
  return std::move(result_);
}

}  // namespace

TripResult simulate_trip(const TripInputs& in) {
  if (in.route == nullptr) throw ParameterError("simulate_trip: no route given");
  if (in.truck.powertrain == nullptr) throw ParameterError("simulate_trip: no powertrain given");
  in.truck.chassis.check();
  in.truck.brakes.check();
  in.ambient.check();
  in.driver.check();
  in.solver.check();
  TripRun run(in);
  return run.run();
}

TripResult simulate_with(const routes::RouteProfile& route, const std::string& name, const Chassis& chassis,
                         const BrakeThermalParams& brakes, Powertrain& powertrain, const Ambient& ambient,
                         const DriverParams& driver, const SolverOptions& solver, bool record_series) {
  TripInputs in;
  in.route = &route;
  in.truck = TruckModel{name, chassis, brakes, &powertrain};
  in.ambient = ambient;
  in.driver = driver;
  in.solver = solver;
  in.record_series = record_series;
  return simulate_trip(in);
}

TripResult simulate_electric(const routes::RouteProfile& route, const ElectricTruckParams& truck,
                             const Ambient& ambient, const DriverParams& driver, const SolverOptions& solver,
                             bool record_series, bool never_empty) {
  ElectricPowertrain pt(truck, never_empty);
  return simulate_with(route, truck.name, truck.chassis, truck.brakes, pt, ambient, driver, solver, record_series);
}

}  // namespace semitco::physics
