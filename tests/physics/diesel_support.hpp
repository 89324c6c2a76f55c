// The diesel tractor of resources/vehicles/diesel_tractor.json written out for physics tests (so they do
// not need the JSON loader): 80,000 lb GCW, FASTSim Line Haul Conv aero and tyres, default engine and AMT.
#pragma once

#include "physics/diesel_params.hpp"

namespace semitco::test {

inline physics::DieselTruckParams diesel_truck() {
  physics::DieselTruckParams t;
  t.name = "test-diesel";
  t.chassis.tractor_mass_kg = 18000.0 * 0.45359237;
  t.chassis.trailer_mass_kg = 15000.0 * 0.45359237;
  t.chassis.payload_kg = 47000.0 * 0.45359237;  // 80,000 lb GCW
  t.chassis.rotating_equiv_mass_kg = 1000.0;
  t.chassis.cda_m2 = 0.546 * 10.4;
  t.chassis.crr = 0.0061;
  t.chassis.wheel_radius_m = 0.49;
  t.aux.power_W = 5000.0;
  return t;
}

}  // namespace semitco::test
