// RouteStats and check_profile (see route_stats.hpp). check_profile enforces the invariants documented
// in route_profile.hpp; it stays on in Release and names the field, index and value.
#include "routes/route_stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "routes/grade_smoothing.hpp"
#include "routes/route_error.hpp"

namespace semitco::routes {

RouteStats stats(const RouteProfile& p) {
  RouteStats s;
  s.length_m = p.length_m();
  climb_and_descent(p.elevation_m, s.climb_m, s.descent_m);
  s.source_climb_m = p.source_climb_m;
  s.source_descent_m = p.source_descent_m;
  if (p.size() >= 2) {
    // the last grade entry only repeats the last segment's
    const auto [lo, hi] = std::minmax_element(p.grade_frac.begin(), p.grade_frac.end() - 1);
    s.min_grade_frac = *lo;
    s.max_grade_frac = *hi;
  }
  if (!p.elevation_m.empty()) {
    const auto [lo, hi] = std::minmax_element(p.elevation_m.begin(), p.elevation_m.end());
    s.min_elevation_m = *lo;
    s.max_elevation_m = *hi;
  }
  s.stop_count = p.stops.size();
  for (const Stop& st : p.stops) s.total_dwell_s += st.dwell_s;
  s.time_based = p.is_time_based();
  s.trace_duration_s = p.trace_time_s.empty() ? 0.0 : p.trace_time_s.back();
  s.warning_count = p.warnings.size();
  return s;
}

namespace {

[[noreturn]] void broken(const RouteProfile& p, const std::string& field, std::size_t i, const std::string& problem,
                         double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  throw RouteError(p.source.empty() ? p.name : p.source, 0, field + "[" + std::to_string(i) + "]",
                   problem + " (value " + buf + ")", buf);
}

void finite_all(const RouteProfile& p, const std::vector<double>& v, const char* field) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(v[i])) broken(p, field, i, "not a finite number", v[i]);
}

}  // namespace

void check_profile(const RouteProfile& p) {
  const std::size_t n = p.distance_m.size();
  if (n < 2) broken(p, "distance_m", 0, "a profile needs at least 2 points, has " + std::to_string(n), double(n));
  auto same_size = [&](const std::vector<double>& v, const char* field, bool optional) {
    if (optional && v.empty()) return;
    if (v.size() != n)
      broken(p, field, 0, "size " + std::to_string(v.size()) + " differs from distance_m size " + std::to_string(n),
             double(v.size()));
  };
  same_size(p.elevation_m, "elevation_m", false);
  same_size(p.grade_frac, "grade_frac", false);
  same_size(p.speed_limit_mps, "speed_limit_mps", false);
  same_size(p.lat_deg, "lat_deg", true);
  same_size(p.lon_deg, "lon_deg", true);
  if (p.lat_deg.size() != p.lon_deg.size()) broken(p, "lon_deg", 0, "lat_deg and lon_deg sizes differ", 0.0);
  finite_all(p, p.distance_m, "distance_m");
  finite_all(p, p.elevation_m, "elevation_m");
  finite_all(p, p.grade_frac, "grade_frac");
  finite_all(p, p.speed_limit_mps, "speed_limit_mps");
  finite_all(p, p.lat_deg, "lat_deg");
  finite_all(p, p.lon_deg, "lon_deg");
  if (p.distance_m[0] != 0.0) broken(p, "distance_m", 0, "must start at 0", p.distance_m[0]);
  for (std::size_t i = 1; i < n; ++i)
    if (!(p.distance_m[i] > p.distance_m[i - 1])) broken(p, "distance_m", i, "not strictly increasing", p.distance_m[i]);
  for (std::size_t i = 0; i < n; ++i) {
    if (p.speed_limit_mps[i] < 0.0) broken(p, "speed_limit_mps", i, "negative", p.speed_limit_mps[i]);
    if (!p.lat_deg.empty() && std::fabs(p.lat_deg[i]) > 90.0) broken(p, "lat_deg", i, "outside +/-90", p.lat_deg[i]);
    if (!p.lon_deg.empty() && std::fabs(p.lon_deg[i]) > 180.0) broken(p, "lon_deg", i, "outside +/-180", p.lon_deg[i]);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double ds = p.distance_m[i + 1] - p.distance_m[i];
    const double rise = rise_m(ds, p.grade_frac[i]);
    const double dh = p.elevation_m[i + 1] - p.elevation_m[i];
    const double tol = 1e-6 * (1.0 + std::fabs(p.elevation_m[i + 1]) + ds);
    if (std::fabs(dh - rise) > tol)
      broken(p, "elevation_m", i + 1, "inconsistent with grade_frac: rise should be " + std::to_string(rise) + " m", dh);
  }
  double previous = 0.0;
  for (std::size_t i = 0; i < p.stops.size(); ++i) {
    const Stop& s = p.stops[i];
    if (!std::isfinite(s.distance_m) || s.distance_m < 0.0 || s.distance_m > p.length_m())
      broken(p, "stops", i, "position outside [0, length]", s.distance_m);
    if (!std::isfinite(s.dwell_s) || s.dwell_s < 0.0) broken(p, "stops", i, "dwell must be >= 0", s.dwell_s);
    if (s.distance_m < previous) broken(p, "stops", i, "not sorted by distance", s.distance_m);
    previous = s.distance_m;
  }
  if (p.trace_time_s.size() != p.trace_speed_mps.size())
    broken(p, "trace_speed_mps", 0, "size differs from trace_time_s", double(p.trace_speed_mps.size()));
  finite_all(p, p.trace_time_s, "trace_time_s");
  finite_all(p, p.trace_speed_mps, "trace_speed_mps");
  if (!p.trace_time_s.empty()) {
    if (p.trace_time_s[0] != 0.0) broken(p, "trace_time_s", 0, "must start at 0", p.trace_time_s[0]);
    for (std::size_t i = 1; i < p.trace_time_s.size(); ++i)
      if (!(p.trace_time_s[i] > p.trace_time_s[i - 1]))
        broken(p, "trace_time_s", i, "not strictly increasing", p.trace_time_s[i]);
    for (std::size_t i = 0; i < p.trace_speed_mps.size(); ++i)
      if (p.trace_speed_mps[i] < 0.0) broken(p, "trace_speed_mps", i, "negative", p.trace_speed_mps[i]);
  }
}

}  // namespace semitco::routes
