// Diesel powertrain: DieselEngine -> clutch -> automated manual Gearbox -> final drive -> wheels, with the
// mechanical accessories (aux) driven by the crank. Every flow in W; w engine speed [rad/s].
//
// Traction (F >= 0), gear g with overall ratio i and efficiency eta, w_in = v i / r:
//   clutch torque T_c = F r / (i eta); the clutch slips below the launch speed:
//   w = max(w_in, w_idle + (w_launch - w_idle) min(1, T_c / T_ref)),  T_ref = T_fl(w_launch) - P_aux /
//   w_launch driveline loss = T_c w - F v  (gear and axle losses F v (1/eta - 1) plus clutch slip T_c (w -
//   w_in)) engine brake torque T_e = T_c + P_aux / w
// Retarding (F < 0), clutch closed (w = w_in):
//   driveline loss = -F v (1 - eta);  crank input P_c = -F v eta;  T_e = (P_aux - P_c) / w
// Both: fuel m_f = fuel map(w, T_e) (fuel cut when T_e <= -T_motoring),
//   source_out = m_f LHV,  engine_brake = max(0, -T_e w),  engine_loss = source_out - T_e w - engine_brake
// so  source_out = F v + driveline + engine_loss + aux + engine_brake  exactly, every term >= 0.
// Limits in gear g: traction from the full-load curve, F_max = (T_fl(w) - P_aux / w) i eta / r at
// w = max(w_in, w_launch); retard from motoring drag + engine brake + aux,
// F_ret = (T_mot(w) + T_eb(w) + P_aux / w) i / (r eta), faded out as the clutch opens near the launch speed.
// Both are 0 during a shift (torque interruption); the engine then runs at the new gear's speed
// (at least idle) and burns fuel for the aux only.
// P_aux = AuxParams::power_at_W(T_amb) at the trip's ambient temperature, constant over the trip.
// DEF: m_def = m_f / rho_fuel * def_volume_frac * rho_def. Fuel tank never empties here.
//
// Gear changes happen only in the discrete-state hooks (root functions of ShiftStrategy, the end of a
// shift's torque interruption and the end of a reversal lockout as timed events). See docs/diesel.md.
#pragma once

#include <limits>
#include <vector>

#include "physics/diesel_engine.hpp"
#include "physics/diesel_params.hpp"
#include "physics/gearbox.hpp"
#include "physics/powertrain.hpp"
#include "physics/trip_result.hpp"
#include "physics/trip_solver.hpp"

namespace semitco::physics {

class DieselPowertrain final : public Powertrain {
 public:
  /// `ambient` sets the accessories' draw (AuxParams::power_at_W at its temperature: the A/C compressor in
  /// the heat; the cab is heated with the engine's waste heat).
  explicit DieselPowertrain(const DieselTruckParams& p, const Ambient& ambient = {});

  [[nodiscard]] double initial_store() const override { return 0.0; }
  [[nodiscard]] double max_traction_N(double speed_mps, double store) const override;
  [[nodiscard]] double max_retard_N(double speed_mps, double store) const override;
  void flows(double speed_mps, double wheel_force_N, double store, PowerFlows& out) const override;
  [[nodiscard]] double store_margin(double /*store*/) const override { return 1.0; }
  [[nodiscard]] double state_of_charge(double /*store*/) const override { return 1.0; }

  [[nodiscard]] int num_roots() const override { return ShiftStrategy::kNumRoots; }
  void roots(double t, double speed_mps, double* g) const override;
  bool on_root(int i, double t, double speed_mps, double demand_N) override;
  bool on_restart(double t, double speed_mps, double demand_N) override;
  [[nodiscard]] double sustained_retard_N(double speed_mps, double store) const override;
  /// The engine brake does not depend on the fuel used.
  [[nodiscard]] double sustained_retard_store_key(double /*store*/) const override { return 0.0; }
  [[nodiscard]] double next_event_time() const override;
  bool on_time_event(double t, double speed_mps, double demand_N) override;
  [[nodiscard]] double next_decision_time() const override;
  bool on_decision(double t, double speed_mps, double demand_N) override;
  void reset(double speed_mps) override;
  [[nodiscard]] int gear() const override { return shifting_ ? 0 : gear_; }

  /// One gear change: when it started, from which gear to which.
  struct ShiftRecord {
    double time_s = 0.0;
    int from = 0, to = 0;
  };
  [[nodiscard]] const std::vector<ShiftRecord>& shift_log() const { return log_; }

  // Building blocks, public for tests and reports.
  [[nodiscard]] WheelLimits limits_in_gear(int g, double speed_mps) const;
  [[nodiscard]] double traction_in_gear(int g, double speed_mps) const;
  [[nodiscard]] double retard_in_gear(int g, double speed_mps) const;
  void flows_in_gear(int g, double speed_mps, double wheel_force_N, PowerFlows& out) const;
  [[nodiscard]] const DieselEngine& engine() const { return engine_; }
  [[nodiscard]] const Gearbox& gearbox() const { return gearbox_; }
  [[nodiscard]] const ShiftStrategy& strategy() const { return strategy_; }
  [[nodiscard]] double aux_W() const { return aux_W_; }
  [[nodiscard]] int engaged_or_target_gear() const { return shifting_ ? target_ : gear_; }

 private:
  static constexpr int kMaxGears = 16;
  class Options;  // GearOptions at one road speed, each gear's limits computed when first asked for
  ShiftQuery query(double t, double v, double demand_N, const Options& options) const;
  bool consider_shift(double t, double v, double demand_N);
  void advance_decision_time(double t);  // next decision time after t
  void begin_shift(double t, int to);
  void fill_fuel(double w, double t_e, PowerFlows& out) const;

  DieselEngine engine_;
  Gearbox gearbox_;
  ShiftStrategy strategy_;
  FuelParams fuel_;
  double aux_W_, radius_;
  double lockout_s_;      // reversal lockout after a shift [s]
  double decision_s_;     // the rules for demand are evaluated this often [s]
  double planning_margin_radps_;  // descent planning keeps the engine this far under rated speed
  double launch_ref_Nm_;  // T_ref of the clutch-slip engine speed

  // Discrete state.
  static constexpr double kNever = std::numeric_limits<double>::infinity();
  int gear_ = 1, target_ = 1;
  bool shifting_ = false;
  double shift_end_ = kNever;
  double no_up_until_ = -kNever, no_down_until_ = -kNever;
  double next_decision_ = 0.0;   // next decision time, on the grid k * decision_s_
  std::vector<ShiftRecord> log_;
};

/// Convenience: the diesel truck on a route (mirrors simulate_electric).
TripResult simulate_diesel(const routes::RouteProfile& route, const DieselTruckParams& truck,
                           const Ambient& ambient = {}, const DriverParams& driver = {},
                           const SolverOptions& solver = {}, bool record_series = true);

}  // namespace semitco::physics
