// Target speed where the route file has none.
//
// speed = min(cruise, legal limit, curve speed), the curve speed v = sqrt(a_lat * R) from the radius R
// of the circle through the track points curvature_baseline_m behind and ahead of each point (a long
// baseline so GPS jitter of a few metres does not look like a curve), floored at min_curve_speed_mps.
// Without lat/lon the target is min(cruise, legal limit) everywhere.
#pragma once

#include <vector>

#include "routes/read_options.hpp"

namespace semitco::routes {

/// Radius [m] of the circle through three points in a plane; +infinity when they are collinear.
[[nodiscard]] double circumradius(double x1, double y1, double x2, double y2, double x3, double y3);

/// Target speed per segment [i, i+1] (last entry repeats) on the given distance grid.
/// lat_deg/lon_deg: empty or the same size as distance_m.
[[nodiscard]] std::vector<double> target_speeds(const std::vector<double>& distance_m,
                                                const std::vector<double>& lat_deg,
                                                const std::vector<double>& lon_deg, const ReadOptions& options);

}  // namespace semitco::routes
