// The interface between the vehicle dynamics solver and a powertrain (electric or diesel).
//
// The solver decides a wheel force each instant (positive: traction, negative: retarding without the
// friction brakes: regenerative braking or engine brake) within the powertrain's limits, and asks the
// powertrain where the power came from and went. Each powertrain guarantees, instant by instant,
//   source_out - source_in = F_wheel * v + motor + battery + driveline + engine losses + aux + engine_brake
// so the trip's energy ledger closes whatever the integrator does.
#pragma once

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
  double store_rate = 0.0;        ///< d/dt of the powertrain's energy store state (battery charge, C/s)
  double machine_speed_radps = 0.0;  ///< motor or engine speed
  double machine_torque_Nm = 0.0;    ///< motor or engine torque
};

class Powertrain {
 public:
  virtual ~Powertrain() = default;

  /// Initial value of the energy store state (battery charge [C]; 0 for a fuel tank).
  [[nodiscard]] virtual double initial_store() const = 0;
  /// Limits at road speed v [m/s] with the store at `store`.
  [[nodiscard]] virtual WheelLimits limits(double speed_mps, double store) const = 0;
  /// Flows for a wheel force within the limits (also at standstill with F = 0).
  virtual void flows(double speed_mps, double wheel_force_N, double store, PowerFlows& out) const = 0;
  /// Positive while the store can still deliver; its zero crossing ends the trip (empty battery).
  [[nodiscard]] virtual double store_margin(double store) const = 0;
  /// State of charge for reports (1 for a fuel tank).
  [[nodiscard]] virtual double state_of_charge(double store) const = 0;
};

}  // namespace semitco::physics
