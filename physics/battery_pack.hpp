// Battery pack as an open-circuit voltage source with internal resistance.
//
//   terminal power  P_t = V_oc(SOC) * I - I^2 * R          (I > 0 discharging)    [W]
//   current         I   = (V_oc - sqrt(V_oc^2 - 4 R P_t)) / (2 R)                [A]
//   chemical power  P_c = V_oc * I;   loss P_c - P_t = I^2 R                      [W]
//   charge          dQ/dt = -I,  SOC = Q / Q_nom                                 [C]
// Charge acceptance: full max_charge_power up to charge_taper_start_soc, then falling linearly to 0
// at soc_max, so regenerative braking is limited when the pack is nearly full (a CC-CV charger shows
// the same taper). Discharge power is limited by max_discharge_power_W and is 0 at soc_min.
#pragma once

#include "physics/params.hpp"

namespace semitco::physics {

class BatteryPack {
 public:
  explicit BatteryPack(const BatteryParams& p);

  [[nodiscard]] double ocv_V(double soc) const;
  [[nodiscard]] double capacity_C() const { return capacity_C_; }

  /// Largest terminal power the pack accepts at this SOC [W] (>= 0).
  [[nodiscard]] double charge_limit_W(double soc) const;
  /// Largest terminal power the pack delivers at this SOC [W] (>= 0).
  [[nodiscard]] double discharge_limit_W(double soc) const;

  struct Flow {
    double current_A = 0.0;        ///< positive discharging
    double chemical_W = 0.0;       ///< V_oc * I: power leaving (positive) or entering the cells
    double loss_W = 0.0;           ///< I^2 R, always >= 0
  };
  /// Currents and powers for a terminal power P_t (positive out of the pack), within the limits.
  [[nodiscard]] Flow flow(double soc, double terminal_W) const;

  /// Chemical energy between two SOC values (integral of V_oc dQ) [J].
  [[nodiscard]] double energy_between_J(double soc_lo, double soc_hi) const;

  [[nodiscard]] const BatteryParams& params() const { return p_; }

 private:
  BatteryParams p_;
  double capacity_C_;
};

}  // namespace semitco::physics
