// Elevation -> grade for elevation-based inputs (GPX, lat/lon CSV, distance + elevation CSV).
//
// 1. Resample the raw (distance, elevation) points linearly onto a uniform grid of step h.
// 2. Smooth with a distance-domain local-linear regression with Gaussian weights (sigma, window +/- 3
//    sigma). In the interior of a uniform grid this is exactly a Gaussian low-pass; at the ends it fits a
//    line to the one-sided data instead of reflecting, so a constant grade is preserved up to the ends.
// 3. Grade of each segment from the smoothed elevation: grade = tan(asin(dh/ds)), so that the segment's
//    rise equals ds*sin(atan(grade)) (the route_profile.hpp convention). Grades beyond +/-max_grade are
//    clamped, the elevation re-integrated from the clamped grades, and a warning names the distance.
// Parameters and their reasons: docs/routes.md.
#pragma once

#include <string>
#include <vector>

#include "routes/route_profile.hpp"

namespace semitco::routes {

struct SmoothedElevation {
  std::vector<double> distance_m;   ///< uniform grid 0, h, 2h, ..., length (last step may be shorter)
  std::vector<double> elevation_m;  ///< smoothed, consistent with grade_frac
  std::vector<double> grade_frac;   ///< per segment, last entry repeats
  std::vector<RouteWarning> warnings;
};

/// distance_m strictly increasing from 0, same size as elevation_m, size >= 2 (checked by the callers).
[[nodiscard]] SmoothedElevation smooth_elevation(const std::vector<double>& distance_m,
                                                 const std::vector<double>& elevation_m, double step_m,
                                                 double sigma_m, double max_grade_frac);

/// Sum of positive and of negative elevation steps (descent returned positive).
void climb_and_descent(const std::vector<double>& elevation_m, double& climb_m, double& descent_m);

}  // namespace semitco::routes
