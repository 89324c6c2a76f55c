// Lumped electric traction motor + inverter with physically based losses (see MotorParams):
//   P_loss(w, T) = c0 + c_speed*w + c_torque*T^2 + c_speed2*w^2
//   motoring:   P_elec = T*w + P_loss     (T > 0)
//   generating: P_elec = T*w + P_loss     (T < 0, so P_elec < 0 is power into the DC bus)
// Torque limits: |T| <= peak_torque, |T|*w <= peak_power (motoring) or peak_regen_power (generating),
// no torque above max_speed. Regenerative torque fades linearly to 0 between regen_fade_high_mps and
// regen_fade_low_mps of road speed (low-speed regen is blended out by every production truck).
// Given an electrical power limit, the torque follows from the quadratic c_torque*T^2 + w*T + rest = P.
#pragma once

#include "physics/params.hpp"

namespace semitco::physics {

class ElectricMotor {
 public:
  explicit ElectricMotor(const MotorParams& p) : p_(p) { p_.check(); }

  [[nodiscard]] double loss_W(double speed_radps, double torque_Nm) const;
  [[nodiscard]] double electric_power_W(double speed_radps, double torque_Nm) const {
    return torque_Nm * speed_radps + loss_W(speed_radps, torque_Nm);
  }
  /// Largest motoring torque at this shaft speed, also keeping P_elec <= max_elec_W.
  [[nodiscard]] double max_motoring_torque_Nm(double speed_radps, double max_elec_W) const;
  /// Largest generating torque magnitude at this speed and road speed, keeping -P_elec <= max_charge_W.
  [[nodiscard]] double max_generating_torque_Nm(double speed_radps, double road_speed_mps,
                                                double max_charge_W) const;

  [[nodiscard]] const MotorParams& params() const { return p_; }

 private:
  MotorParams p_;
};

}  // namespace semitco::physics
