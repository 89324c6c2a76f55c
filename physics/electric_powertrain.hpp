// Battery-electric powertrain: BatteryPack -> inverter/motor (ElectricMotor) -> fixed reduction and
// driveline -> wheels, plus auxiliary loads on the DC bus.
//
//   motoring  (F >= 0): T = F r / (G eta),  P_mech = T w,  driveline loss = P_mech - F v
//   generating (F < 0): T = F r eta / G,    P_mech = T w,  driveline loss = F v - P_mech
//   P_elec = T w + P_loss(w, T);   P_terminal = P_elec + P_aux(T_amb);   battery per BatteryPack
// P_aux(T_amb) is the auxiliary draw at the trip's ambient temperature (AuxParams::power_at_W), constant
// over the trip.
// with w = v G / r. The regenerative limit is the smallest of motor torque, motor generating power,
// low-speed fade and the pack's charge acceptance (aux loads take part of the regen, so they raise it).
#pragma once

#include "physics/battery_pack.hpp"
#include "physics/electric_motor.hpp"
#include "physics/params.hpp"
#include "physics/powertrain.hpp"

namespace semitco::physics {

class ElectricPowertrain final : public Powertrain {
 public:
  /// `never_empty`: for trips on which charging is planned elsewhere (the TCO plans en-route charge
  /// stops from the energy per mile), the pack keeps delivering below the bottom of its window at the
  /// limits and voltage it has there, and the trip does not end for an empty battery.
  /// `ambient` sets the auxiliary draw (AuxParams::power_at_W at its temperature).
  explicit ElectricPowertrain(const ElectricTruckParams& p, bool never_empty = false, const Ambient& ambient = {});

  [[nodiscard]] double initial_store() const override;
  [[nodiscard]] double max_traction_N(double speed_mps, double store) const override;
  [[nodiscard]] double max_retard_N(double speed_mps, double store) const override;
  /// Below the charge taper the regen limit does not depend on the state of charge.
  [[nodiscard]] double sustained_retard_store_key(double store) const override;
  void flows(double speed_mps, double wheel_force_N, double store, PowerFlows& out) const override;
  [[nodiscard]] double store_margin(double store) const override;
  [[nodiscard]] double state_of_charge(double store) const override { return store / battery_.capacity_C(); }
  [[nodiscard]] double store_at_soc(double soc) const override { return soc * battery_.capacity_C(); }
  [[nodiscard]] double soc_window_top() const override { return battery_.params().soc_max; }
  [[nodiscard]] double charge_acceptance_W(double store) const override;
  void charging_flows(double terminal_W, double store, PowerFlows& out) const override;
  [[nodiscard]] double standstill_aux_W() const override { return aux_W_; }
  void set_never_empty(bool on) override { never_empty_ = on; }
  [[nodiscard]] bool never_empty() const override { return never_empty_; }

  [[nodiscard]] const BatteryPack& battery() const { return battery_; }
  [[nodiscard]] const ElectricMotor& motor() const { return motor_; }
  /// The auxiliary draw of this trip [W].
  [[nodiscard]] double aux_W() const { return aux_W_; }

 private:
  [[nodiscard]] double motor_speed(double v) const { return std::abs(v) * gear_ / radius_; }
  /// State of charge for the limits (held at the bottom of the window when the pack never runs empty).
  [[nodiscard]] double limit_soc(double store) const;

  BatteryPack battery_;
  ElectricMotor motor_;
  double gear_, eta_, radius_, aux_W_, initial_soc_;
  bool never_empty_;
};

}  // namespace semitco::physics
