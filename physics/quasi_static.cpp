// The quasi-static screening model; the equations are in quasi_static.hpp.
#include "physics/quasi_static.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "physics/trip_model.hpp"
#include "physics/trip_run.hpp"

namespace semitco::physics::detail {
namespace {

// Step lengths, chosen by measurement against the forward model (docs/physics.md, "The quasi-static
// screening model"): 1 s steps along a route and 2 s on a trace agree within 0.5 % in energy on every
// shared cycle and bundled route; 2 s along a route were off by up to 1.3 % on the VECTO delivery cycles,
// 6 s at cruise without the envelope's check by 0.7 % on MunicipalUtility (a step ran over a short slower
// stretch), and 4 s while held to the traction limit by 1.1 % on I-80 Donner (the shifts on the climb).
constexpr double kTraceStep_s = 2.0;   // on a trace, the speed followed through its kinks inside the step
constexpr double kRouteStep_s = 1.0;   // along a route while the speed or the target changes
constexpr double kSteadyStep_s = 4.0;  // while both hold steady (and at most SolverOptions::quasi_static_step_m)
constexpr double kCruiseStep_s = 6.0;  // ... along a route at kCruise_mps or more (and at most 1.5 x that distance)
constexpr double kCruiseStepShare = 1.5;
constexpr double kCruise_mps = 20.0;
constexpr double kCruiseLimitShare = 0.9;   // ... on traction below this share of the traction limit
constexpr double kLimitedStep_s = 2.0;      // along a route while held to the traction limit below the target
constexpr double kHeldMinSpeed_mps = 10.0;  // ... at this speed or more
constexpr double kSteady_mps = 0.2;    // "steady": the speed within this of the target
constexpr double kGradeBreak = 0.0025; // a step ends at a change of grade of at least this much (VECTO rows)
constexpr double kEps = 1e-9;

/// exp(-z) for z >= 0; the brakes cool by z ~ 1e-3 in a step, where five terms of the series are far
/// cheaper than exp() and within z^5 / 120 < 1e-12 of it (z < 1e-2).
inline double decay(double z) {
  return z < 1e-2 ? 1.0 - z * (1.0 - z * (0.5 - z * (1.0 / 6.0 - z / 24.0))) : std::exp(-z);
}

class QuasiStaticRun {
 public:
  explicit QuasiStaticRun(const TripInputs& in)
      : in_(in), m_(in), pt_(m_.pt_), nr_(static_cast<std::size_t>(pt_.num_roots())), g0_(nr_), g1_(nr_) {}

  TripResult run();

 private:
  /// Forces and flows of one moving step of length dt with the speed going from v_ to v1 (both >= 0).
  struct Step {
    double dt = 0.0, dx = 0.0, v1 = 0.0, a = 0.0, vm = 0.0;
    double sin = 0.0, cos = 1.0, rho = 1.2, h1 = 0.0;
    RoadForces road;
    double need_N = 0.0, wheel_N = 0.0, brake_N = 0.0;
  };
  void geometry(Step& s) const;
  /// The road load at air density rho on the slope at speed v (the chassis, the mass, the wind).
  [[nodiscard]] RoadForces road_load(double rho, Slope slope, double v) const;
  void forces(Step& s) const;
  /// The driver's speed at the end of a step of dt: the tracking law dv/dt = (u - v) / tau solved exactly
  /// for a target u going linearly from u0 to u1 over the step, the mean acceleration within the
  /// driver's bounds.
  [[nodiscard]] double tracked_speed(double dt, double u0, double u1) { return tracked_from(v_, dt, u0, u1); }
  [[nodiscard]] double tracked_from(double v0, double dt, double u0, double u1);
  /// A moving step of dt to the speed v1 (and `dx` when the step is cut to reach a point): forces,
  /// gearbox, limits, the split with the brakes, then the step is applied.
  void drive(double dt, double v1, double target, double dx_cut = -1.0);
  /// Lowers the step's acceleration to what the powertrain's traction limit allows, keeping its time.
  void limit_traction(Step& s);
  void split(Step& s);                    // the demand between the powertrain and the friction brakes
  void book_flows(double v, double wheel_N, double dt);  // the powertrain's flows held for dt
  void apply(const Step& s);              // ledger, store, brakes, time and place
  void stand(double dt);                  // standing: auxiliaries, the store, the brakes cool
  /// The gearbox's timed events and decisions due at t (with the driver's demand toward the target u);
  /// returns the step length dt, shortened to end at the gearbox's next timed event.
  double gearbox_before(double t, double u, double dt);
  [[nodiscard]] double demand_now(double u) const;
  void gearbox_after(double t, double v, double demand_N);
  void watch(double dt, double target, const Step* s);  // flags, statistics and the series after a step
  void record(double target, const Step* s);
  void arrive();                          // at a stop or the end of the route
  void end_trip(const std::string& reason);
  void stand_still();                     // v := 0, the kinetic energy into the friction brakes
  [[nodiscard]] double route_target(double x, double v) const;  // the driver's previewed target
  [[nodiscard]] bool cruise_on_traction(double dt) const;       // a steady step of dt may be a long one
  void run_trace();
  void run_route();

  const TripInputs& in_;
  TripModel m_;  // the road, the envelope or trace, the descent planner and the powertrain
  Powertrain& pt_;
  std::size_t nr_;
  std::vector<double> g0_, g1_;
  TripResult r_;
  double t_ = 0.0, x_ = 0.0, v_ = 0.0, T_ = 0.0, q_ = 0.0, h_ = 0.0, moving_ = 0.0, max_time_ = 0.0;
  std::size_t zone_ = 0;
  bool done_ = false;
  bool braking_ = false;  // the last step used the friction brakes
  double sin_ = 0.0, cos_ = 1.0, rho_ = 1.2;  // the road of the last step
  double last_v0_ = 0.0, last_dt_ = 0.0;      // where and how long the last moving step started
  bool limited_ = false;                       // the last step was held to the traction limit
  double f_max_last_ = 0.0;                    // the traction limit where it was last found [N]
  double u_next_ = std::numeric_limits<double>::quiet_NaN();  // previewed target where the last step ended
  std::vector<double> breaks_;  // changes of grade a step does not run over (along a route)
  std::size_t next_break_ = 0;
  double tau_ = 2.0, a_lo_ = -3.0, a_hi_ = 1.0;
  double decay_dt_[2] = {-1.0, -1.0}, decay_[2] = {0.0, 0.0};  // exp(-dt / tau) for the last two dt
  PowerFlows last_flows_;
  long steps_ = 0, evals_ = 0;
};

void QuasiStaticRun::geometry(Step& s) const {
  // Mean slope from the elevation difference; air density at the step's end (it changes over kilometres).
  const double x1 = x_ + s.dx;
  std::size_t zone = zone_;
  while (x1 >= m_.road_.zone_end(zone)) ++zone;
  const auto here = m_.road_.at(x1, zone);
  s.h1 = here.elevation_m;
  s.rho = here.rho_kgpm3;
  if (s.dx > 1e-6) {
    s.sin = std::clamp((s.h1 - h_) / s.dx, -0.5, 0.5);
    s.cos = std::sqrt(1.0 - s.sin * s.sin);
  } else {
    s.sin = here.slope.sin;
    s.cos = here.slope.cos;
  }
}

RoadForces QuasiStaticRun::road_load(double rho, Slope slope, double v) const {
  const auto& ch = in_.truck.chassis;
  return road_forces(m_.mass_, ch.cda_m2, ch.crr, ch.crr_per_mps, rho, in_.ambient.headwind_mps, slope, v);
}

void QuasiStaticRun::forces(Step& s) const {
  s.road = road_load(s.rho, Slope{s.sin, s.cos}, s.vm);
  s.need_N = m_.m_eff_ * s.a + s.road.total_N();
}

double QuasiStaticRun::tracked_from(double v0, double dt, double u0, double u1) {
  // v(t) = u(t) - b tau + (v0 - u0 + b tau) exp(-t / tau),  b = (u1 - u0) / dt.
  // exp(-dt / tau) for the two step lengths seen last (a trace's pieces alternate between a few).
  double decay_now;
  if (dt == decay_dt_[0]) {
    decay_now = decay_[0];
  } else if (dt == decay_dt_[1]) {
    decay_now = decay_[1];
  } else {
    decay_now = std::exp(-dt / tau_);
    decay_dt_[1] = decay_dt_[0];
    decay_[1] = decay_[0];
    decay_dt_[0] = dt;
    decay_[0] = decay_now;
  }
  const double b = (u1 - u0) / dt;
  double v1 = u1 - b * tau_ + (v0 - u0 + b * tau_) * decay_now;
  // The law's demand is clamped to the driver's bounds: the speed can change no faster than they allow.
  v1 = std::clamp(v1, v0 + a_lo_ * dt, v0 + a_hi_ * dt);
  return std::max(v1, 0.0);
}

void QuasiStaticRun::limit_traction(Step& s) {
  // m_eff (v1 - v0) / dt = F_max(v_m) - F_road(v_m): a fixed point in v1 that contracts by about
  // dt (dF_road/dv + dF_max/dv) / (2 m_eff), ~1e-3 per pass for a truck's road load, so the passes stop
  // once v1 moves by less than 1e-4 m/s (a wheel force within ~4 N of the limit; two passes, mostly); at
  // most four where the limit is steep in the speed (a powertrain limited by its power at a crawl).
  double f_max = pt_.max_traction_N(s.vm, q_);
  ++evals_;
  f_max_last_ = f_max;
  if (s.need_N <= f_max) return;
  limited_ = true;
  // The passes keep the step's slope (the road where it ends is found once, after them).
  const double v0 = v_;
  for (int it = 0; it < 4; ++it) {
    const double before = s.v1;
    s.v1 = std::max(0.0, v0 + (f_max - s.road.total_N()) / m_.m_eff_ * s.dt);
    s.a = (s.v1 - v0) / s.dt;
    s.vm = 0.5 * (v0 + s.v1);
    forces(s);
    if (it > 0 && std::abs(s.v1 - before) < 1e-4) break;
    f_max = pt_.max_traction_N(s.vm, q_);
    ++evals_;
  }
  s.dx = s.vm * s.dt;
  geometry(s);
  forces(s);
}

void QuasiStaticRun::drive(double dt, double v1, double target, double dx_cut) {
  Step s;
  s.v1 = v1;
  s.vm = 0.5 * (v_ + v1);
  if (dx_cut >= 0.0 && s.vm > 0.0) {
    s.dx = dx_cut;
    s.dt = dx_cut / s.vm;
  } else {
    s.dt = dt;
    s.dx = s.vm * dt;
  }
  if (!(s.dt > 0.0)) return;
  s.a = (s.v1 - v_) / s.dt;
  last_v0_ = v_;
  limited_ = false;
  geometry(s);
  forces(s);
  if (s.need_N > 0.0) limit_traction(s);
  split(s);
  apply(s);
  last_dt_ = s.dt;
  braking_ = s.brake_N > 0.0;
  sin_ = s.sin;
  cos_ = s.cos;
  rho_ = s.rho;
  gearbox_after(t_, v_, s.need_N);
  watch(s.dt, target, &s);
}

void QuasiStaticRun::book_flows(double v, double wheel_N, double dt) {
  // The powertrain's flows at (v, F_wheel) held for dt: the store and the ledger's source and loss lines.
  PowerFlows& f = last_flows_;
  f = PowerFlows{};
  pt_.flows(v, wheel_N, q_, f);
  ++evals_;
  ++steps_;
  auto& L = r_.ledger;
  L.source_out_J += f.source_out_W * dt;
  L.source_in_J += f.source_in_W * dt;
  L.motor_loss_J += f.motor_loss_W * dt;
  L.battery_loss_J += f.battery_loss_W * dt;
  L.driveline_loss_J += f.driveline_loss_W * dt;
  L.engine_loss_J += f.engine_loss_W * dt;
  L.aux_J += f.aux_W * dt;
  L.engine_brake_J += f.engine_brake_W * dt;
  L.fuel_kg += f.fuel_rate_kgps * dt;
  L.def_kg += f.def_rate_kgps * dt;
  q_ += f.store_rate * dt;
}

void QuasiStaticRun::apply(const Step& s) {
  // The wheel force is what the kinematics need (within the limits by construction), so the ledger closes.
  book_flows(s.vm, s.wheel_N, s.dt);
  const double dt = s.dt, vm = s.vm;
  auto& L = r_.ledger;
  L.aero_J += s.road.aero_N * vm * dt;
  L.rolling_J += s.road.rolling_N * vm * dt;
  const double grade_J = s.road.grade_N * vm * dt;
  (grade_J >= 0.0 ? L.climbing_J : L.descending_J) += grade_J;
  L.inertia_J += m_.m_eff_ * s.a * vm * dt;
  const double brake_W = s.brake_N * vm;
  L.friction_brake_J += brake_W * dt;
  const double wheel_W = s.wheel_N * vm;
  L.regen_wheel_J += std::max(-wheel_W, 0.0) * dt;
  L.traction_wheel_J += std::max(wheel_W, 0.0) * dt;
  // Brake temperature: C dT/dt = P_b - C K1 (T - T_amb) with P_b and K1 held over the step, solved exactly.
  const auto& bp = in_.truck.brakes;
  const double k1 = (bp.k1_const_per_h + bp.k1_per_mph_per_h * vm / 0.44704) / 3600.0;
  if (k1 > 0.0) {
    const double t_ss = in_.ambient.temperature_C + brake_W / (bp.heat_capacity_J_per_K * k1);
    T_ = t_ss + (T_ - t_ss) * decay(k1 * dt);
  } else {
    T_ += brake_W * dt / bp.heat_capacity_J_per_K;
  }
  t_ += dt;
  x_ += s.dx;
  v_ = s.v1;
  h_ = s.h1;
  while (x_ >= m_.road_.zone_end(zone_)) ++zone_;
  moving_ += dt;
}

void QuasiStaticRun::split(Step& s) {
  if (s.need_N >= 0.0) {
    s.wheel_N = s.need_N;
    s.brake_N = 0.0;
    return;
  }
  const double retard = pt_.max_retard_N(s.vm, q_);
  ++evals_;
  s.wheel_N = -std::min(-s.need_N, retard);
  s.brake_N = s.vm > 0.0 ? s.wheel_N - s.need_N : 0.0;
}

void QuasiStaticRun::stand(double dt) {
  if (dt <= 0.0) return;
  book_flows(0.0, 0.0, dt);
  const auto& bp = in_.truck.brakes;
  T_ = in_.ambient.temperature_C + (T_ - in_.ambient.temperature_C) * decay(bp.k1_const_per_h / 3600.0 * dt);
  t_ += dt;
}

void QuasiStaticRun::stand_still() {
  const double ke = 0.5 * m_.m_eff_ * v_ * v_;
  r_.ledger.inertia_J -= ke;
  r_.ledger.friction_brake_J += ke;
  v_ = 0.0;
}

double QuasiStaticRun::demand_now(double u) const {
  // The driver's wheel-force demand before limits, as the forward model hands it to a gearbox.
  const double a = std::clamp((u - v_) / tau_, a_lo_, a_hi_);
  return m_.m_eff_ * a + road_load(rho_, Slope{sin_, cos_}, v_).total_N();
}

double QuasiStaticRun::gearbox_before(double t, double u, double dt) {
  // Timed events and decisions due now, then a step that ends where the next timed event is due (the
  // end of a shift's torque interruption).
  if (nr_ == 0) return dt;
  const double demand_N = demand_now(u);
  const double v = v_;
  for (int guard = 0; guard < 8 && t >= pt_.next_event_time() - kEps; ++guard) pt_.on_time_event(t, v, demand_N);
  if (t >= pt_.next_decision_time() - kEps) pt_.on_decision(t, v, demand_N);
  pt_.roots(t, v, g0_.data());
  const double event_in = pt_.next_event_time() - t;
  return event_in < dt ? std::max(event_in, 0.01) : dt;
}

void QuasiStaticRun::gearbox_after(double t, double v, double demand_N) {
  // A root function that changed sign over the step (an overspeed, lugging) fires at its end.
  if (nr_ == 0) return;
  pt_.roots(t, v, g1_.data());
  for (std::size_t i = 0; i < nr_; ++i) {
    if ((g0_[i] > 0.0) != (g1_[i] > 0.0)) {
      pt_.on_root(static_cast<int>(i), t, v, demand_N);
      break;  // the gear changed (or not): the other functions were of the old gear
    }
  }
}

bool QuasiStaticRun::cruise_on_traction(double dt) const {
  // A steady step averages the grades it runs over (those that change by less than kGradeBreak). The
  // powertrain's energy is convex in its demand (losses both ways), so an average over grades where the
  // demand changes sign, or reaches the traction limit, would book too little: a long step only where the
  // steady demand stays on traction, within the limit, on the least and the greatest grade ahead.
  const auto range = m_.road_.grade_range(x_, x_ + v_ * dt, zone_);
  auto demand = [&](double grade) { return road_load(rho_, Slope::from_grade(grade), v_).total_N(); };
  return demand(range.lo) > 0.0 && demand(range.hi) < kCruiseLimitShare * f_max_last_;
}

double QuasiStaticRun::route_target(double x, double v) const {
  // As the forward model's driver: tau ahead, at least at walking pace, never past the next stop.
  const double preview = std::min(x + std::max(v, kMinPreviewSpeed) * tau_, m_.next_point_m_);
  const double v_env = (*m_.envelope_)(preview);
  return std::min(v_env, m_.descent_.safe_speed_ahead(preview, T_, q_, v_env, zone_));
}

void QuasiStaticRun::end_trip(const std::string& reason) {
  done_ = true;
  r_.summary.reached_end = false;
  char buf[128];
  std::snprintf(buf, sizeof buf, " (t = %ld s)", std::lround(t_));
  r_.summary.end_reason = reason + " at " + km(x_) + buf;
}

void QuasiStaticRun::record(double target, const Step* s) {
  const auto& f = last_flows_;
  const double vm = s != nullptr ? s->vm : 0.0;
  const double wheel_W = s != nullptr ? s->wheel_N * vm : 0.0;
  const double grade = s != nullptr && s->cos > 0.0 ? s->sin / s->cos : m_.road_.at(x_, zone_).grade_frac;
  r_.series.push({t_, x_, v_, target, h_, grade, wheel_W, f.terminal_W != 0.0 ? f.terminal_W : f.source_out_W,
                  std::max(-wheel_W, 0.0), s != nullptr ? s->brake_N * vm : 0.0, pt_.state_of_charge(q_), T_,
                  r_.ledger.fuel_kg, static_cast<double>(pt_.gear()), f.machine_speed_radps * 60.0 / (2.0 * M_PI),
                  0.0});
}

void QuasiStaticRun::watch(double dt, double target, const Step* s) {
  auto& sm = r_.summary;
  sm.min_soc = std::min(sm.min_soc, pt_.state_of_charge(q_));
  if (T_ > sm.peak_brake_temperature_C) {
    sm.peak_brake_temperature_C = T_;
    sm.peak_brake_temperature_at_m = x_;
  }
  if (!sm.brake_fade && T_ >= in_.truck.brakes.fade_limit_C) {
    sm.brake_fade = true;
    sm.brake_fade_at_m = x_;
    sm.brake_fade_at_s = t_;
    sm.brake_fade_limit_C = in_.truck.brakes.fade_limit_C;
  }
  if (s != nullptr) {
    const double shortfall = target - v_;
    if (shortfall > sm.max_speed_shortfall_mps) {
      sm.max_speed_shortfall_mps = shortfall;
      sm.max_speed_shortfall_at_m = x_;
    }
    if (shortfall > in_.driver.trace_miss_tolerance_mps) sm.time_below_target_s += dt;
    const double grade = s->cos > 0.0 ? s->sin / s->cos : 0.0;
    if (v_ < kMph40 && grade >= 0.02 && target > kMph40) sm.time_below_40mph_climbing_s += dt;
  }
  if (in_.record_series) record(target, s);
  if (pt_.store_margin(q_) <= 0.0) end_trip("battery empty (state of charge at the bottom of its usable window)");
  const bool trace_over = m_.trace_ && t_ >= m_.trace_end_s() - kEps;  // the end of a trace comes first
  if (!done_ && !trace_over && t_ >= max_time_ - kEps) {
    end_trip("time limit of " + std::to_string(std::lround(max_time_)) + " s reached");
  }
}

void QuasiStaticRun::run_trace() {
  // The truck stands while the trace does (from the moment it has slowed to a halt until trace(t + tau)
  // asks it to move: the forward model's Hold), and otherwise tracks trace(t + tau) in steps that end
  // on the trace's kinks, at most kTraceStep_s long.
  const double t_end = m_.trace_end_s();
  bool standing = false;
  while (!done_) {
    if (t_ >= t_end - kEps) break;
    // (Right after standing the truck moves off: at the end of a standstill the trace is at the go speed.)
    if (!standing && v_ <= kHaltSpeed && m_.trace_at(t_ + tau_) < kTraceGoSpeed) {
      // The truck halted inside the last step, where its speed passed kHaltSpeed (linearly between the
      // step's ends): it stood from there.
      if (last_v0_ > kHaltSpeed) moving_ -= last_dt_ * (kHaltSpeed - v_) / (last_v0_ - v_);
      if (v_ > 0.0) stand_still();
      const double go = m_.trace_->first_reach(t_ + tau_, kTraceGoSpeed) - tau_;
      const double until = std::min(go, t_end);
      const double span = std::max(until - t_, 0.0);
      stand(span);
      watch(span, 0.0, nullptr);
      standing = true;
      u_next_ = std::numeric_limits<double>::quiet_NaN();
      continue;
    }
    if (standing) {
      pt_.reset(0.0);
      standing = false;
    }
    // Up to kSteadyStep_s over a straight stretch of the trace while the truck is on it and not braking;
    // otherwise up to kTraceStep_s, the speed followed through the trace's kinks inside the step piece by
    // piece (the law is exact for each linear piece of the target).
    const double u0 = std::isnan(u_next_) ? m_.trace_at(t_ + tau_) : u_next_;  // where the last step ended
    const bool steady = !braking_ && std::abs(u0 - v_) <= kSteady_mps;
    const double t_max = std::min(steady ? std::max(m_.next_kink(t_), t_ + kTraceStep_s) : t_ + kTraceStep_s,
                                  t_ + (steady ? kSteadyStep_s : kTraceStep_s));
    const double t1 = t_ + gearbox_before(t_, u0, std::min(t_max, t_end) - t_);
    const double dt = t1 - t_;
    if (!(dt > 0.0)) break;
    double v1 = v_, ta = t_, ua = u0;
    while (ta < t1) {
      const double tb = std::min(m_.next_kink(ta), t1);
      const double ub = m_.trace_at(tb + tau_);
      v1 = tracked_from(v1, tb - ta, ua, ub);
      ta = tb;
      ua = ub;
    }
    u_next_ = ua;
    drive(dt, v1, m_.trace_at(t1));
    // Held to a standstill by its traction limit while the trace asks it to move: it cannot go on.
    if (!done_ && limited_ && v_ <= kHaltSpeed && m_.trace_at(t_ + tau_) >= kTraceGoSpeed) {
      end_trip("cannot keep moving: speed fell to zero");
    }
  }
  if (!done_) {
    r_.summary.reached_end = true;
    done_ = true;
  }
}

void QuasiStaticRun::arrive() {
  const auto& stops = in_.route->stops;
  const double point = m_.next_point_m_;
  x_ = point;
  const bool at_end = point >= m_.road_.length_m() - 1e-6;
  const bool is_stop = m_.next_stop_ < stops.size() && stops[m_.next_stop_].distance_m <= point + 1e-6;
  u_next_ = std::numeric_limits<double>::quiet_NaN();
  if (is_stop) {
    stand_still();
    const double dwell = std::max(stops[m_.next_stop_].dwell_s, 0.0);
    r_.stops.push_back(StopRecord{point, t_, t_ + dwell});
    ++m_.next_stop_;
    stand(dwell);
    if (!at_end) pt_.reset(0.0);
    watch(dwell, 0.0, nullptr);
  }
  if (at_end) {
    if (!done_) r_.summary.reached_end = true;
    done_ = true;
    return;
  }
  m_.next_point_m_ = m_.road_.length_m();
  if (m_.next_stop_ < stops.size()) m_.next_point_m_ = std::min(m_.next_point_m_, stops[m_.next_stop_].distance_m);
}

void QuasiStaticRun::run_route() {
  const auto& stops = in_.route->stops;
  m_.next_point_m_ = m_.road_.length_m();
  if (!stops.empty() && stops.front().distance_m <= 0.0) {
    m_.next_point_m_ = 0.0;
    arrive();
  } else if (!stops.empty()) {
    m_.next_point_m_ = std::min(m_.next_point_m_, stops.front().distance_m);
  }
  breaks_ = m_.road_.grade_breaks(kGradeBreak);
  const double step_m = in_.solver.quasi_static_step_m;
  while (!done_) {
    const double remaining = m_.next_point_m_ - x_;
    if (remaining <= 1e-6) {
      arrive();
      continue;
    }
    // Long steps while the truck holds a steady target, short ones while it or its target changes.
    // (Friction braking is convex in the demand, so a step that averaged the demand over changes of grade
    // would book too little of it: short steps while the friction brakes work.)
    // The previewed target now: the one the last step ended on (computed there), or anew after a stop.
    const double u0 = std::isnan(u_next_) ? route_target(x_, v_) : u_next_;
    double dt = std::min(kSteadyStep_s, step_m / std::max(v_, 0.5));
    // Held to the traction limit below the target, the speed follows the powertrain, not the driver's law.
    // (Not at a crawl: there the limit changes fast with the speed, and a halt is found to a second.)
    const bool held = limited_ && !braking_ && u0 > v_ + kSteady_mps && v_ >= kHeldMinSpeed_mps;
    if (braking_ || std::abs(u0 - v_) > kSteady_mps) {
      dt = std::min(dt, held ? kLimitedStep_s : kRouteStep_s);
    } else if (v_ >= kCruise_mps &&
               m_.envelope_->flat_over(x_, std::min(x_ + v_ * (kCruiseStep_s + tau_), m_.next_point_m_)) &&
               cruise_on_traction(kCruiseStep_s)) {
      dt = std::min(kCruiseStep_s, kCruiseStepShare * step_m / v_);  // never shorter than the steady step
    }
    dt = gearbox_before(t_, u0, dt);
    // The target at the step's end depends on where the step ends: from a first guess of it.
    auto target_after = [&](double step_s) {
      const double guess = tracked_speed(step_s, u0, u0);
      return route_target(std::min(x_ + 0.5 * (v_ + guess) * step_s, m_.next_point_m_), guess);
    };
    double u1 = target_after(dt);
    if (dt > kRouteStep_s && std::abs(u1 - u0) > kSteady_mps) {
      dt = kRouteStep_s;
      u1 = target_after(dt);
    }
    double v1 = tracked_speed(dt, u0, u1);
    double dx = 0.5 * (v_ + v1) * dt;
    // A step ends at the next stop or the end, and at a change of grade: over one, the powertrain would
    // see the mean of a climb and a descent instead of each.
    while (next_break_ < breaks_.size() && breaks_[next_break_] <= x_ + 1e-6) ++next_break_;
    const double brk = next_break_ < breaks_.size() ? breaks_[next_break_] : m_.next_point_m_;
    double cut = -1.0;
    if (brk < m_.next_point_m_ && x_ + dx > brk - 0.5) {
      dt *= (brk - x_) / dx;  // the time to get there, and the speed then
      u1 = route_target(brk, v1);
      v1 = tracked_speed(dt, u0, u1);
      cut = brk - x_;
    } else if (dx >= remaining - 0.5) {
      cut = remaining;
    }
    u_next_ = u1;
    // The target here for the trace-miss statistics: the route's (the envelope without preview) or the
    // previewed one where that is lower (slowing for a stop, a lower limit or a descent ahead).
    const double x1 = cut >= 0.0 ? x_ + cut : x_ + dx;
    drive(dt, v1, std::min((*m_.envelope_)(x1), u1), cut);
    if (done_) break;
    if (x_ >= m_.next_point_m_ - 1e-6) {
      arrive();
    } else if (v_ <= kHaltSpeed) {
      end_trip("cannot keep moving: speed fell to zero");
    }
  }
}

TripResult QuasiStaticRun::run() {
  const auto& route = *in_.route;
  const auto& so = in_.solver;
  r_.vehicle = in_.truck.name;
  r_.route = route.name;
  r_.solver.integrator = Integrator::QuasiStatic;
  T_ = in_.truck.brakes.initial_temperature_C;
  q_ = pt_.initial_store();
  zone_ = m_.road_.zone_of(0.0);
  h_ = m_.road_.at(0.0, zone_).elevation_m;
  v_ = m_.trace_ ? std::max(so.initial_speed_mps, (*m_.trace_)(0.0)) : so.initial_speed_mps;
  tau_ = in_.driver.response_time_s;
  a_hi_ = in_.driver.max_accel_mps2;
  a_lo_ = -in_.driver.max_decel_mps2;
  if (m_.trace_) a_hi_ = std::max(a_hi_, in_.driver.max_decel_mps2);  // a trace may ask for more than the comfort value
  auto& sm = r_.summary;
  sm.initial_soc = sm.min_soc = pt_.state_of_charge(q_);
  sm.peak_brake_temperature_C = T_;
  double total_dwell = 0.0;
  for (const auto& st : route.stops) total_dwell += st.dwell_s;
  if (m_.trace_) {
    max_time_ = m_.trace_->end_time_s() + 1.0;
  } else {
    max_time_ = so.max_duration_s > 0.0 ? so.max_duration_s : route.length_m() / 0.5 + total_dwell + 3600.0;
  }
  if (so.max_duration_s > 0.0) max_time_ = std::min(max_time_, so.max_duration_s);
  pt_.reset(v_);
  if (T_ >= in_.truck.brakes.fade_limit_C) watch(0.0, 0.0, nullptr);
  if (in_.record_series) record(m_.trace_ ? (*m_.trace_)(0.0) : 0.0, nullptr);
  if (pt_.store_margin(q_) <= 0.0) {
    end_trip("battery empty at the start");
  } else if (m_.trace_) {
    run_trace();
  } else {
    run_route();
  }
  r_.solver.steps = steps_;
  r_.solver.rhs_evals = evals_;
  close_summary(r_, x_, t_, moving_, pt_.state_of_charge(q_), m_.trace_ ? &*m_.trace_ : nullptr);
  return std::move(r_);
}

}  // namespace

TripResult run_quasi_static(const TripInputs& in) {
  QuasiStaticRun run(in);
  return run.run();
}

}  // namespace semitco::physics::detail
