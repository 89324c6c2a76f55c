// Road load on a tractor-trailer moving along a grade.
//
//   F_aero  = 1/2 * rho * CdA * v_air * |v_air|,   v_air = v + v_headwind                 [N]
//   F_roll  = m * g * cos(theta) * (Crr + Crr_v * v) * s(v)                              [N]
//   F_grade = m * g * sin(theta),                   theta = atan(grade)                   [N]
// s(v) ramps the rolling resistance from 0 at standstill to 1 above 0.1 m/s (and to -1 rolling
// backwards) so the force is continuous for the ODE solver; it equals 1 in any real motion.
//
// Air density from the ideal gas law with the ICAO standard atmosphere pressure at altitude h:
//   p = 101325 * (1 - 2.25577e-5 * h)^5.25588 Pa,  rho = p / (287.05 * T_K)   (ISO 2533)
#pragma once

#include <cmath>

namespace semitco::physics {

inline constexpr double kGravity_mps2 = 9.80665;  // standard gravity (CGPM 1901)

/// Air density [kg/m^3] at altitude [m] above sea level and air temperature [degC].
double air_density_kgpm3(double altitude_m, double temperature_C);

struct RoadForces {
  double aero_N = 0.0;
  double rolling_N = 0.0;
  double grade_N = 0.0;
  [[nodiscard]] double total_N() const { return aero_N + rolling_N + grade_N; }
};

/// The road's inclination as the solver uses it: theta = atan(grade), precomputed once per segment.
struct Slope {
  double sin = 0.0;
  double cos = 1.0;
  /// theta = atan(grade): sin = g / sqrt(1 + g^2), cos = 1 / sqrt(1 + g^2).
  static Slope from_grade(double grade_frac) {
    const double c = 1.0 / std::sqrt(1.0 + grade_frac * grade_frac);
    return {grade_frac * c, c};
  }
};

/// Forces resisting motion (positive = against travel) for mass m on a slope at speed v.
RoadForces road_forces(double mass_kg, double cda_m2, double crr, double crr_per_mps, double rho_kgpm3,
                       double headwind_mps, Slope slope, double speed_mps);

}  // namespace semitco::physics
