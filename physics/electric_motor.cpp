// Electric motor limits and losses; see electric_motor.hpp.
#include "physics/electric_motor.hpp"

#include <algorithm>
#include <cmath>

namespace semitco::physics {

double ElectricMotor::loss_W(double w, double t) const {
  w = std::abs(w);
  return p_.loss_const_W + p_.loss_speed_W_per_radps * w + p_.loss_torque_W_per_Nm2 * t * t +
         p_.loss_speed2_W_per_radps2 * w * w;
}


double ElectricMotor::max_motoring_torque_Nm(double w, double max_elec_W) const {
  w = std::abs(w);
  if (w >= p_.max_speed_radps) return 0.0;
  double t = p_.peak_torque_Nm;
  if (w > 0.0) t = std::min(t, p_.peak_power_W / w);
  // Electrical limit: c_torque T^2 + w T + (losses without torque - max_elec) <= 0.
  const double rest = loss_W(w, 0.0) - max_elec_W;
  if (rest >= 0.0) return 0.0;
  //   rest < 0, so the positive root exists: T = (-w + sqrt(w^2 - 4 a rest)) / 2a.
  const double a = p_.loss_torque_W_per_Nm2;
  const double t_elec = a > 0.0 ? (-w + std::sqrt(w * w - 4.0 * a * rest)) / (2.0 * a)
                                : (w > 0.0 ? -rest / w : t);
  t = std::min(t, t_elec);
  return std::max(0.0, t);
}

double ElectricMotor::max_generating_torque_Nm(double w, double v_road, double max_charge_W) const {
  w = std::abs(w);
  if (w >= p_.max_speed_radps || w <= 0.0) return 0.0;
  double fade = 1.0;
  if (v_road <= p_.regen_fade_low_mps) {
    fade = 0.0;
  } else if (v_road < p_.regen_fade_high_mps) {
    fade = (v_road - p_.regen_fade_low_mps) / (p_.regen_fade_high_mps - p_.regen_fade_low_mps);
  }
  double t = std::min(p_.peak_torque_Nm, p_.peak_regen_power_W / w) * fade;
  // Electrical limit: P_elec = -T w + loss(T) >= -max_charge  (T here the magnitude)
  //   c_torque T^2 - w T + (loss0 + max_charge) >= 0, holds for T below the smaller root.
  const double a = p_.loss_torque_W_per_Nm2;
  const double c = loss_W(w, 0.0) + max_charge_W;
  double t_elec;
  if (a <= 0.0) {
    t_elec = c / w;
  } else {
    const double disc = w * w - 4.0 * a * c;
    t_elec = disc < 0.0 ? w / (2.0 * a) : (w - std::sqrt(disc)) / (2.0 * a);
  }
  return std::max(0.0, std::min(t, t_elec));
}

}  // namespace semitco::physics
