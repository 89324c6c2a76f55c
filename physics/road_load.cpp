// Road load formulas; see road_load.hpp for the equations and their sources.
#include "physics/road_load.hpp"

#include <algorithm>

namespace semitco::physics {

double air_density_kgpm3(double altitude_m, double temperature_C) {
  const double p_Pa = 101325.0 * std::pow(1.0 - 2.25577e-5 * altitude_m, 5.25588);
  return p_Pa / (287.05 * (temperature_C + 273.15));
}

RoadForces road_forces(double mass_kg, double cda_m2, double crr, double crr_per_mps, double rho_kgpm3,
                       double headwind_mps, Slope slope, double speed_mps) {
  const double v_air = speed_mps + headwind_mps;
  const double ramp = std::clamp(speed_mps / 0.1, -1.0, 1.0);
  RoadForces f;
  f.aero_N = 0.5 * rho_kgpm3 * cda_m2 * v_air * std::abs(v_air);
  f.rolling_N = mass_kg * kGravity_mps2 * slope.cos * (crr + crr_per_mps * std::abs(speed_mps)) * ramp;
  f.grade_N = mass_kg * kGravity_mps2 * slope.sin;
  return f;
}

}  // namespace semitco::physics
