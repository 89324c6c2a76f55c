// Position spikes of a timed GPS track (GPX with <time>, a lat/lon route CSV with time_s): point b between
// a and c is a spike when both legs a->b and b->c need more than 200 km/h (kMaxPlausibleSpeedMps, no truck
// drives that: the point jumped, the truck did not) and b's detour off the line a->c, |ab| + |bc| - |ac|,
// exceeds max_detour_m and twice |ac| (it went out and came back). Distances are WGS84 geodesics.
#pragma once

#include "routes/detail/profile_builder.hpp"
#include "routes/geodesy.hpp"

namespace semitco::routes::detail {

struct TimedPosition {
  double lat_deg = 0.0, lon_deg = 0.0, time_s = 0.0;
};

inline bool is_position_spike(const TimedPosition& a, const TimedPosition& b, const TimedPosition& c,
                              double max_detour_m) {
  const double dt_ab = b.time_s - a.time_s, dt_bc = c.time_s - b.time_s;
  if (!(dt_ab > 0.0) || !(dt_bc > 0.0)) return false;
  const double ab = geodesic_inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg).distance_m;
  const double bc = geodesic_inverse(b.lat_deg, b.lon_deg, c.lat_deg, c.lon_deg).distance_m;
  const double ac = geodesic_inverse(a.lat_deg, a.lon_deg, c.lat_deg, c.lon_deg).distance_m;
  const bool too_fast = ab / dt_ab > kMaxPlausibleSpeedMps && bc / dt_bc > kMaxPlausibleSpeedMps;
  const double detour = ab + bc - ac;
  return too_fast && detour > max_detour_m && detour > 2.0 * ac;
}

}  // namespace semitco::routes::detail
