// Target speed from cruise speed, legal limit and curve radius (see target_speed.hpp):
// v_curve = sqrt(a_lat * R), R = circumradius of the points +/- baseline along the track.
#include "routes/target_speed.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "routes/geodesy.hpp"

namespace semitco::routes {

double circumradius(double x1, double y1, double x2, double y2, double x3, double y3) {
  const double a = std::hypot(x2 - x1, y2 - y1);
  const double b = std::hypot(x3 - x2, y3 - y2);
  const double c = std::hypot(x3 - x1, y3 - y1);
  const double twice_area = std::fabs((x2 - x1) * (y3 - y1) - (x3 - x1) * (y2 - y1));
  if (twice_area <= 1e-12 * (a * b + 1e-300)) return std::numeric_limits<double>::infinity();
  return a * b * c / (2.0 * twice_area);
}

std::vector<double> target_speeds(const std::vector<double>& distance_m, const std::vector<double>& lat_deg,
                                  const std::vector<double>& lon_deg, const ReadOptions& options) {
  const std::size_t n = distance_m.size();
  const double cap = std::min(options.cruise_speed_mps, options.legal_limit_mps);
  std::vector<double> point_speed(n, cap);
  if (n >= 3 && lat_deg.size() == n && lon_deg.size() == n && options.lateral_accel_mps2 > 0.0) {
    const double b = options.curvature_baseline_m;
    // position (lat, lon) at distance s by linear interpolation; k is a monotone cursor
    auto at = [&](double s, std::size_t& k, double& lat, double& lon) {
      s = std::clamp(s, distance_m.front(), distance_m.back());
      while (k + 2 < n && distance_m[k + 1] < s) ++k;
      const double t = std::clamp((s - distance_m[k]) / (distance_m[k + 1] - distance_m[k]), 0.0, 1.0);
      lat = lat_deg[k] + t * (lat_deg[k + 1] - lat_deg[k]);
      lon = lon_deg[k] + t * (lon_deg[k + 1] - lon_deg[k]);
    };
    std::size_t kb = 0, ka = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (distance_m[i] - b < distance_m.front() || distance_m[i] + b > distance_m.back()) continue;
      double la1 = 0, lo1 = 0, la3 = 0, lo3 = 0;
      at(distance_m[i] - b, kb, la1, lo1);
      at(distance_m[i] + b, ka, la3, lo3);
      const LocalXY p1 = local_xy(lat_deg[i], lon_deg[i], la1, lo1);
      const LocalXY p3 = local_xy(lat_deg[i], lon_deg[i], la3, lo3);
      const double r = circumradius(p1.east_m, p1.north_m, 0.0, 0.0, p3.east_m, p3.north_m);
      if (std::isfinite(r)) {
        const double v = std::max(options.min_curve_speed_mps, std::sqrt(options.lateral_accel_mps2 * r));
        point_speed[i] = std::min(cap, v);
      }
    }
  }
  std::vector<double> seg(n, cap);
  for (std::size_t i = 0; i + 1 < n; ++i) seg[i] = std::min(point_speed[i], point_speed[i + 1]);
  if (n >= 2) seg[n - 1] = seg[n - 2];
  return seg;
}

}  // namespace semitco::routes
