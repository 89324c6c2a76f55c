// The operating day and year from the trip and the day plan; formulas in duty.hpp.
#include "tco/duty.hpp"

#include "tco/units.hpp"

namespace semitco::tco {

const char* utilisation_key(Utilisation u) {
  return u == Utilisation::kFromRoute ? "from_route" : "annual_miles";
}

DutyDay duty_day(const Operations& ops, const TripSummary& trip) {
  DutyDay d;
  d.depot_dwell_s = ops.day_plan.depot_dwell_s;
  const double run_mi = units::miles_from_m(trip.distance_m);
  if (ops.utilisation == Utilisation::kFromRoute) {
    const double routes = static_cast<double>(ops.routes_per_day);
    d.distance_m = routes * trip.distance_m;
    d.loads_per_day = routes;
    if (ops.annual_distance_override_mi > 0.0) {
      d.miles_per_yr = ops.annual_distance_override_mi;
      d.days_per_yr = ops.annual_distance_override_mi / (routes * run_mi);
    } else {
      d.days_per_yr = ops.operating_days_per_yr;
      d.miles_per_yr = d.days_per_yr * routes * run_mi;
    }
  } else if (ops.day_plan.legs.empty()) {
    d.days_per_yr = ops.operating_days_per_yr;
    d.miles_per_yr = ops.annual_miles;
    d.distance_m = d.days_per_yr > 0.0 ? units::m_from_miles(ops.annual_miles / d.days_per_yr) : 0.0;
    d.loads_per_day = 1.0;
  } else {
    for (const DayLeg& leg : ops.day_plan.legs) {
      d.distance_m += leg.distance_m;
      d.dwell_s += leg.dwell_after_s;
    }
    d.miles_per_yr = ops.annual_miles;
    d.days_per_yr = d.distance_m > 0.0 ? ops.annual_miles / units::miles_from_m(d.distance_m) : 0.0;
    d.loads_per_day = static_cast<double>(ops.day_plan.legs.size());
  }
  d.per_m = trip.distance_m > 0.0 ? d.distance_m / trip.distance_m : 0.0;
  d.driving_s = trip.driving_time_s * d.per_m;
  d.stops_s = (trip.duration_s - trip.driving_time_s) * d.per_m;
  return d;
}

}  // namespace semitco::tco
