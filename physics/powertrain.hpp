// The interface between the vehicle dynamics solver and a powertrain (electric or diesel).
//
// The solver decides a wheel force each instant (positive: traction, negative: retarding without the
// friction brakes: regenerative braking or engine brake) within the powertrain's limits, and asks the
// powertrain where the power came from and went. Each powertrain guarantees, instant by instant,
//   source_out - source_in = F_wheel * v + motor + battery + driveline + engine losses + aux + engine_brake
// so the trip's energy ledger closes whatever the integrator does.
#pragma once

#include <limits>

namespace semitco::physics {

/// What the powertrain can do at the wheel right now.
struct WheelLimits {
  double max_traction_N = 0.0;  ///< >= 0
  double max_retard_N = 0.0;    ///< >= 0, without friction brakes
};

/// Power flows at one instant [W]; every loss >= 0.
struct PowerFlows {
  double source_out_W = 0.0;      ///< chemical power leaving the battery, or fuel energy rate (LHV)
  double source_in_W = 0.0;       ///< chemical power entering the battery (regen)
  double motor_loss_W = 0.0;      ///< electric motor + inverter
  double battery_loss_W = 0.0;    ///< pack internal resistance
  double driveline_loss_W = 0.0;  ///< gear reduction / gearbox, shafts, axles
  double engine_loss_W = 0.0;     ///< fuel energy not turned into crankshaft work (diesel)
  double aux_W = 0.0;             ///< auxiliary loads
  double engine_brake_W = 0.0;    ///< absorbed by engine brake and motoring drag (diesel)
  double terminal_W = 0.0;        ///< battery terminal power, positive out (electric)
  double fuel_rate_kgps = 0.0;    ///< fuel mass flow (diesel)
  double def_rate_kgps = 0.0;     ///< diesel exhaust fluid mass flow (diesel)
  double charge_in_W = 0.0;       ///< chemical power a charger puts into the cells (charge stop)
  double store_rate = 0.0;        ///< d/dt of the powertrain's energy store state (battery charge, C/s)
  double machine_speed_radps = 0.0;  ///< motor or engine speed
  double machine_torque_Nm = 0.0;    ///< motor or engine torque
};

class Powertrain {
 public:
  virtual ~Powertrain() = default;

  /// Initial value of the energy store state (battery charge [C]; 0 for a fuel tank).
  [[nodiscard]] virtual double initial_store() const = 0;
  /// Limits at road speed v [m/s] with the store at `store`, each asked for on its own: the solver needs
  /// only the one in the direction of the demand, at every evaluation.
  [[nodiscard]] virtual double max_traction_N(double speed_mps, double store) const = 0;  ///< >= 0
  [[nodiscard]] virtual double max_retard_N(double speed_mps, double store) const = 0;    ///< >= 0, no friction brakes
  /// Retarding force the powertrain can hold for a long descent at speed v, looking through momentary
  /// states (a gearbox in the middle of a shift holds nothing now; on a descent it holds in its best
  /// gear for braking).
  /// Used by the driver's safe descent speed.
  [[nodiscard]] virtual double sustained_retard_N(double speed_mps, double store) const {
    return max_retard_N(speed_mps, store);
  }
  /// A value that is the same for two stores exactly when sustained_retard_N is the same at every speed for
  /// both (the descent planner keeps its scan while it stays the same); the store itself by default.
  [[nodiscard]] virtual double sustained_retard_store_key(double store) const { return store; }
  /// Flows for a wheel force within the limits (also at standstill with F = 0).
  virtual void flows(double speed_mps, double wheel_force_N, double store, PowerFlows& out) const = 0;
  /// Positive while the store can still deliver; its zero crossing ends the trip (empty battery).
  [[nodiscard]] virtual double store_margin(double store) const = 0;
  /// State of charge for reports (1 for a fuel tank).
  [[nodiscard]] virtual double state_of_charge(double store) const = 0;
  /// Store value at a state of charge (the inverse of state_of_charge; 0 for a fuel tank).
  [[nodiscard]] virtual double store_at_soc(double /*soc*/) const { return 0.0; }

  // ---- charging at a stop (battery-electric only) ----
  // While a charger delivers power, the auxiliaries run off it and the pack takes the rest up to its
  // acceptance; the ledger books the cells' chemical intake as charge_in_W and the I^2 R loss as
  // battery_loss_W, so  terminal_W + aux = charge_in_W + battery_loss_W + aux_W.
  /// Top of the store's usable window as a state of charge (a charge never aims above it; 1 for a tank).
  [[nodiscard]] virtual double soc_window_top() const { return 1.0; }
  /// Terminal power the store accepts from a charger now [W] (0: it cannot be charged).
  [[nodiscard]] virtual double charge_acceptance_W(double /*store*/) const { return 0.0; }
  /// Flows while a charger puts terminal_W (<= charge_acceptance_W) into the store, at a standstill.
  virtual void charging_flows(double /*terminal_W*/, double /*store*/, PowerFlows& out) const { out = PowerFlows{}; }
  /// Auxiliary power while standing [W].
  [[nodiscard]] virtual double standstill_aux_W() const { return 0.0; }
  /// A planning run (en-route charging) drives on below the bottom of the window so the whole trip's
  /// consumption is known; a powertrain without an empty state ignores it.
  virtual void set_never_empty(bool /*on*/) {}
  [[nodiscard]] virtual bool never_empty() const { return false; }

  // ---- discrete state (gears), optional ----
  // A powertrain with discrete states (an automated manual gearbox) asks the solver for root functions of
  // the road speed and calls on_root() when one crosses zero; the powertrain changes its discrete state
  // there and the solver restarts the integrator. Timed events (the end of a gear shift's torque
  // interruption) are given by next_event_time() and reached exactly as the integrator's stop time;
  // decision times (next_decision_time()) are looked at inside the integrator's steps. The handlers get the driver's current wheel-force demand (`demand_N`,
  // before limits; positive traction, negative braking). Root functions must be continuous in v between
  // events, and the discrete state may change only inside on_root() / on_time_event() / on_restart() /
  // reset(), never inside the limits or flows().

  /// Number of root functions (0 for a single-speed electric drive).
  [[nodiscard]] virtual int num_roots() const { return 0; }
  /// Fills g[0 .. num_roots()-1]; an event fires when g[i] crosses zero in either direction.
  virtual void roots(double /*t*/, double /*speed_mps*/, double* /*g*/) const {}
  /// Root i fired at time t; returns true when the discrete state changed.
  virtual bool on_root(int /*i*/, double /*t*/, double /*speed_mps*/, double /*demand_N*/) { return false; }
  /// Next time at which the powertrain changes state by itself (infinity: none).
  [[nodiscard]] virtual double next_event_time() const { return std::numeric_limits<double>::infinity(); }
  /// The solver reached next_event_time(); returns true when the discrete state changed.
  virtual bool on_time_event(double /*t*/, double /*speed_mps*/, double /*demand_N*/) { return false; }
  /// The solver made a discrete change of its own (a change of grade, a stop, a mode switch) and is about to
  /// restart: the demand may have jumped without any root function crossing zero, so a powertrain whose
  /// rules depend on it re-evaluates them here. Returns true when the discrete state changed.
  virtual bool on_restart(double /*t*/, double /*speed_mps*/, double /*demand_N*/) { return false; }
  /// Next decision time (a controller's cycle; infinity: none). The solver hands the powertrain the state
  /// at a decision time from the integrator's interpolant, so the integrator's steps need not end there;
  /// when the decision changes the discrete state the solver goes back to that time and restarts.
  [[nodiscard]] virtual double next_decision_time() const { return std::numeric_limits<double>::infinity(); }
  /// At next_decision_time(): decide, and move on to the next decision time. Returns true when the
  /// discrete state changed.
  virtual bool on_decision(double /*t*/, double /*speed_mps*/, double /*demand_N*/) { return false; }
  /// Called once before a trip (and when the truck starts from rest): choose a starting gear etc.
  virtual void reset(double /*speed_mps*/) {}
  /// Engaged gear for reports (0: neutral, shifting, or single-speed).
  [[nodiscard]] virtual int gear() const { return 0; }
};

}  // namespace semitco::physics
