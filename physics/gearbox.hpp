// Automated manual gearbox (AMT) with final drive, and its shift strategy.
//
// Gearbox: input (engine-side) speed w_in = v i_g i_fd / r; wheel-to-crank efficiency eta_g eta_fd in
// both directions (direct drive higher). A shift takes shift_time_s with no torque at the wheels (torque
// interruption: no traction and no engine brake).
//
// Shift strategy (automated manual, decided on engine speed and power demand, with hysteresis):
//   effort e = clamp(|F_dem v| / P_ref, 0, 1), P_ref = rated power through the top gear
//   upshift speed   w_up(e) = up_low + (up_high - up_low) e        (rises with demand)
//   downshift speed w_dn(e) = dn_low + (dn_high - dn_low) e^2      (rises with demand, mostly near full
//                                                                   demand: part-load cruising stays in
//                                                                   a high gear at low engine speed)
//   capability cap_k = traction power (F_dem >= 0) or retard power (F_dem < 0) available in gear k.
//   forced: upshift when w >= rated speed; downshift when w < minimum (lugging) speed, above the start gear.
//   downshift when w < w_dn(e), or when cap_k < |F_dem v| and a lower gear (engine below rated) offers
//     more: to the highest lower gear that lands at or above w_dn + margin and covers the demand,
//     otherwise to the lower gear with the most capability (skip shifts allowed).
//   upshift when w >= w_up(e): to the highest of the next three gears that lands at or above
//     w_dn(e) + margin and above the minimum speed and keeps the capability for the demand.
//   no hunting: a shift against the previous one's direction waits reversal_lockout_s (forced shifts
//     excepted), and the landing rules above leave a band between the up- and downshift lines.
//   when: the forced rules act at once (root functions on the engine speed, below); the rules for demand
//     are evaluated at the controller's decision times, every decision_interval_s, and at the trip
//     solver's own events (DieselPowertrain).
#pragma once

#include <vector>

#include "physics/diesel_params.hpp"

namespace semitco::physics {

class Gearbox {
 public:
  Gearbox(const GearboxParams& p, double wheel_radius_m);
  [[nodiscard]] int gears() const { return p_.gears(); }
  /// Overall ratio (gearbox x axle) of gear g in [1, gears()].
  [[nodiscard]] double ratio(int g) const { return p_.ratios[idx(g)] * p_.final_drive_ratio; }
  /// Overall efficiency (gearbox x axle) of gear g.
  [[nodiscard]] double efficiency(int g) const { return p_.efficiencies[idx(g)] * p_.final_drive_efficiency; }
  /// Gearbox input speed [rad/s] in gear g at road speed v [m/s].
  [[nodiscard]] double input_speed(int g, double v) const { return (v > 0.0 ? v : 0.0) * ratio(g) / radius_; }
  [[nodiscard]] double wheel_radius_m() const { return radius_; }
  [[nodiscard]] const GearboxParams& params() const { return p_; }

 private:
  static std::size_t idx(int g) { return static_cast<std::size_t>(g - 1); }
  GearboxParams p_;
  double radius_;
};

/// What the gears offer at the current road speed. The powertrain computes a gear's limits when the
/// strategy first asks for them: a decision seldom needs more than three gears.
class GearOptions {
 public:
  virtual ~GearOptions() = default;
  /// Engine speed with the clutch closed in gear g.
  [[nodiscard]] virtual double speed_radps(int g) const = 0;
  /// Largest traction power at the wheel in gear g.
  [[nodiscard]] virtual double traction_W(int g) const = 0;
  /// Largest retarding power at the wheel in gear g (engine brake + motoring + aux).
  [[nodiscard]] virtual double retard_W(int g) const = 0;
};

/// The question put to the strategy: current gear, demand and what every gear offers.
struct ShiftQuery {
  int gear = 1;                         ///< engaged gear, 1..n
  double demand_W = 0.0;                ///< F_dem v: + traction, - retarding
  bool up_allowed = true;               ///< false during the reversal lockout after a downshift
  bool down_allowed = true;             ///< false during the reversal lockout after an upshift
  const GearOptions* options = nullptr;
  int gears = 0;
};

class ShiftStrategy {
 public:
  static constexpr int kNumRoots = 2;

  ShiftStrategy(const ShiftStrategyParams& p, double min_speed_radps, double rated_speed_radps,
                int start_gear, double reference_power_W);

  [[nodiscard]] double effort(double demand_W) const;
  [[nodiscard]] double upshift_speed(double effort) const;
  [[nodiscard]] double downshift_speed(double effort) const;
  /// The gear the strategy wants now (== q.gear: stay).
  [[nodiscard]] int choose(const ShiftQuery& q) const;
  /// Root functions of the forced rules for the engaged gear at engine speed w (continuous in road speed):
  /// g[0] = w - rated speed (below the top gear), g[1] = w - minimum speed (above the start gear).
  void roots(int gear, int gears, double w, double* g) const;
  /// Gear to engage when (re)starting at road speed.
  [[nodiscard]] int starting_gear(const GearOptions& options, int gears) const;

 private:
  ShiftStrategyParams p_;
  double w_min_, w_rated_;
  int start_gear_;
  double p_ref_;
};

}  // namespace semitco::physics
