// Route summary figures and the RouteProfile invariant check.
//
// stats(): length, climb and descent (sum of positive / negative elevation steps of the profile), the
// same for the raw source before smoothing (RouteProfile::source_climb_m / source_descent_m), grade
// range, stops and total dwell, and whether the profile is a time-based trace.
// check_profile(): throws RouteError naming the field and index when an invariant of route_profile.hpp
// is broken (sizes, strictly increasing distance from 0, finite values, elevation consistent with grade,
// stops sorted and within the route, trace time strictly increasing from 0, speeds >= 0).
#pragma once

#include <cstddef>

#include "routes/route_profile.hpp"

namespace semitco::routes {

struct RouteStats {
  double length_m = 0.0;
  double climb_m = 0.0;           ///< sum of rises of the profile as read (smoothed where smoothing applies)
  double descent_m = 0.0;         ///< sum of drops, positive number
  double source_climb_m = 0.0;    ///< same, of the raw source points before resampling/smoothing
  double source_descent_m = 0.0;
  double max_grade_frac = 0.0;
  double min_grade_frac = 0.0;
  double min_elevation_m = 0.0;
  double max_elevation_m = 0.0;
  std::size_t stop_count = 0;
  double total_dwell_s = 0.0;
  bool time_based = false;
  double trace_duration_s = 0.0;  ///< last trace time, 0 when not time-based
  std::size_t warning_count = 0;
};

[[nodiscard]] RouteStats stats(const RouteProfile& profile);

void check_profile(const RouteProfile& profile);

}  // namespace semitco::routes
