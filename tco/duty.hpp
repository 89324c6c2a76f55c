// The duty: how the simulated trip becomes the operation's day and year (docs/tco.md, "Duty").
//
// The trip is a representative duty. With L its distance, its energy E, fuel F, driving time T_d and
// scheduled stops T_s are used per metre (E / L, ...) and applied to the operation's own distance:
//   utilisation = annual_miles, no legs:   days = operating_days_per_yr,  d = annual_miles / days
//   utilisation = annual_miles, legs:      d = sum of leg distances,      days = annual_miles / d
//   utilisation = from_route (old files): d = routes_per_day * L, days = operating_days_per_yr (or
//                                          annual_distance_override_mi / d)
//   day driving = T_d d / L,  day stops = T_s d / L (T_s = duration - driving),  day dwells = sum of the
//   legs' dwell_after,  day energy = E d / L,  year = day * days.
// With annual miles fixed nothing above depends on L, so neither does the cost per mile.
// Loads (payload_desired_kg each) per day: one per leg; one a day without legs; routes_per_day from route.
#pragma once

#include "tco/inputs.hpp"

namespace semitco::tco {

/// One truck's operating day and year.
struct DutyDay {
  double days_per_yr = 0.0;
  double miles_per_yr = 0.0;
  double distance_m = 0.0;     ///< driven a day [m]
  double loads_per_day = 0.0;  ///< payloads carried a day
  double driving_s = 0.0;      ///< driving a day [s]
  double stops_s = 0.0;        ///< the trip's scheduled stops scaled to the day [s] (on duty)
  double dwell_s = 0.0;        ///< dwells at the legs' ends [s] (on duty)
  double depot_dwell_s = 0.0;  ///< parked at the depot [s] (the depot charging window)
  double per_m = 0.0;          ///< day distance / trip distance: multiplies every per-trip quantity
};

/// The day and year of `trip` under `ops`. No validation (validate() checks the plan); allocation-free.
DutyDay duty_day(const Operations& ops, const TripSummary& trip);

/// "annual_miles" or "from_route" (scenario spelling).
const char* utilisation_key(Utilisation u);

}  // namespace semitco::tco
