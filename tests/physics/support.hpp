// Helpers for physics tests: synthetic routes and a test truck whose numbers are set here, in the test,
// so expected values can be worked out by hand from the same parameters.
#pragma once

#include <cmath>
#include <vector>

#include "physics/params.hpp"
#include "routes/route_profile.hpp"

namespace semitco::test {

/// A straight road of constant grade and speed limit, points every `step_m`, elevation consistent
/// with the grade (rise = ds * sin(atan(grade))).
inline routes::RouteProfile constant_road(double length_m, double grade_frac, double limit_mps,
                                          double step_m = 100.0) {
  routes::RouteProfile p;
  p.name = "synthetic";
  const int n = static_cast<int>(std::ceil(length_m / step_m));
  const double sin_t = std::sin(std::atan(grade_frac));
  for (int i = 0; i <= n; ++i) {
    const double d = std::min(length_m, i * step_m);
    p.distance_m.push_back(d);
    p.elevation_m.push_back(1000.0 + d * sin_t);
    p.grade_frac.push_back(grade_frac);
    p.speed_limit_mps.push_back(limit_mps);
  }
  p.elevation_is_absolute = true;
  return p;
}

/// A test truck with round numbers and a flat open-circuit voltage (so chain efficiencies are closed form).
inline physics::ElectricTruckParams test_truck() {
  physics::ElectricTruckParams t;
  t.name = "test-ev";
  t.chassis.tractor_mass_kg = 11000.0;
  t.chassis.trailer_mass_kg = 7000.0;
  t.chassis.payload_kg = 19000.0;
  t.chassis.rotating_equiv_mass_kg = 1200.0;
  t.chassis.cda_m2 = 4.5;
  t.chassis.crr = 0.0055;
  t.chassis.wheel_radius_m = 0.5;
  t.battery.capacity_Ah = 1000.0;
  t.battery.ocv = {{0.0, 900.0}, {1.0, 900.0}};
  t.battery.resistance_ohm = 0.05;
  t.battery.soc_min = 0.05;
  t.battery.soc_max = 0.95;
  t.battery.max_charge_power_W = 1.0e6;
  t.battery.max_discharge_power_W = 1.5e6;
  t.battery.charge_taper_start_soc = 0.8;
  t.aux.power_W = 0.0;
  t.initial_soc = 0.5;
  return t;
}

/// The shipped default electric truck (resources/vehicles/electric_semi.json), written out here so the
/// physics tests do not need the JSON loader: 82,000 lb, Semi-class aero, tyres, motor and pack.
inline physics::ElectricTruckParams default_like_truck() {
  auto t = test_truck();
  t.chassis.tractor_mass_kg = 10433.0;  // 23,000 lb
  t.chassis.trailer_mass_kg = 6804.0;   // 15,000 lb
  t.chassis.payload_kg = 19958.0;       // 44,000 lb -> 82,000 lb GCW
  t.chassis.cda_m2 = 3.74;
  t.chassis.crr = 0.0055;
  t.chassis.wheel_radius_m = 0.49;
  t.motor.peak_torque_Nm = 3400.0;
  t.battery.ocv = {{0.0, 720.0}, {0.05, 828.0}, {0.5, 907.2}, {1.0, 1008.0}};
  t.battery.resistance_ohm = 0.04;
  t.aux.power_W = 4000.0;
  t.initial_soc = 0.95;
  return t;
}

inline double air_density_at(double altitude_m, double temperature_C) {
  // ICAO standard atmosphere pressure and ideal gas, written out here independently.
  const double T0 = 288.15, L = 0.0065, g = 9.80665, M = 0.0289644, R = 8.3144598;
  const double p = 101325.0 * std::pow(1.0 - L * altitude_m / T0, g * M / (R * L));
  return p * M / (R * (temperature_C + 273.15));
}

}  // namespace semitco::test
