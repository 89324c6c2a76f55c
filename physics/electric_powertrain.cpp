// Battery-electric powertrain; see electric_powertrain.hpp for the equations.
#include "physics/electric_powertrain.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace semitco::physics {

ElectricPowertrain::ElectricPowertrain(const ElectricTruckParams& p, bool never_empty, const Ambient& ambient)
    : battery_(p.battery),
      motor_(p.motor),
      gear_(p.driveline.gear_ratio),
      eta_(p.driveline.efficiency),
      radius_(p.chassis.wheel_radius_m),
      aux_W_((ambient.check(), p.aux.power_at_W(ambient.temperature_C))),
      initial_soc_(p.initial_soc),
      never_empty_(never_empty) {
  p.check();
}

double ElectricPowertrain::initial_store() const { return initial_soc_ * battery_.capacity_C(); }

double ElectricPowertrain::store_margin(double store) const {
  if (never_empty_) return 1.0;
  return state_of_charge(store) - battery_.params().soc_min;
}

double ElectricPowertrain::limit_soc(double store) const {
  const double soc = state_of_charge(store);
  return never_empty_ ? std::max(soc, battery_.params().soc_min + 1e-6) : soc;
}

double ElectricPowertrain::max_traction_N(double v, double store) const {
  const double elec_max = battery_.discharge_limit_W(limit_soc(store)) - aux_W_;
  if (elec_max <= 0.0) return 0.0;
  return motor_.max_motoring_torque_Nm(motor_speed(v), elec_max) * gear_ * eta_ / radius_;
}

double ElectricPowertrain::max_retard_N(double v, double store) const {
  const double charge_max = battery_.charge_limit_W(limit_soc(store)) + aux_W_;
  return motor_.max_generating_torque_Nm(motor_speed(v), v, charge_max) * gear_ / (radius_ * eta_);
}

double ElectricPowertrain::sustained_retard_store_key(double store) const {
  // max_retard_N reads the store only through charge_limit_W(limit_soc(store)), which is the pack's
  // rating at or below the start of the taper (and below soc_max).
  const auto& b = battery_.params();
  const double soc = limit_soc(store);
  return soc <= b.charge_taper_start_soc && soc < b.soc_max ? -std::numeric_limits<double>::infinity()
                                                            : store;
}

void ElectricPowertrain::flows(double v, double force, double store, PowerFlows& out) const {
  const double w = motor_speed(v);
  const double wheel_W = force * v;
  double torque;
  if (force >= 0.0) {
    torque = force * radius_ / (gear_ * eta_);
  } else {
    torque = force * radius_ * eta_ / gear_;
  }
  const double mech_W = torque * w;
  out = PowerFlows{};
  out.driveline_loss_W = std::abs(mech_W - wheel_W);
  out.motor_loss_W = motor_.loss_W(w, torque);
  out.aux_W = aux_W_;
  out.terminal_W = mech_W + out.motor_loss_W + aux_W_;
  const auto b = battery_.flow(state_of_charge(store), out.terminal_W);
  out.battery_loss_W = b.loss_W;
  out.source_out_W = std::max(b.chemical_W, 0.0);
  out.source_in_W = std::max(-b.chemical_W, 0.0);
  out.store_rate = -b.current_A;
  out.machine_speed_radps = w;
  out.machine_torque_Nm = torque;
}

double ElectricPowertrain::charge_acceptance_W(double store) const {
  return battery_.charge_limit_W(state_of_charge(store));
}

void ElectricPowertrain::charging_flows(double terminal_W, double store, PowerFlows& out) const {
  out = PowerFlows{};
  out.aux_W = aux_W_;  // run off the charger
  out.terminal_W = -terminal_W;
  const auto b = battery_.flow(state_of_charge(store), -terminal_W);
  out.battery_loss_W = b.loss_W;
  out.charge_in_W = std::max(-b.chemical_W, 0.0);
  out.store_rate = -b.current_A;
}

}  // namespace semitco::physics
