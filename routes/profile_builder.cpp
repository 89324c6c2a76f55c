// Shared reader steps (see detail/profile_builder.hpp).
#include "routes/detail/profile_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "routes/grade_smoothing.hpp"
#include "routes/route_error.hpp"
#include "routes/route_stats.hpp"
#include "routes/target_speed.hpp"

namespace semitco::routes::detail {

std::string km_text(double m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f km", m / 1000.0);
  return buf;
}

std::string file_stem(const std::string& path) {
  return std::filesystem::path(path).stem().string();
}

void check_options(const ReadOptions& o) {
  auto need = [](bool ok, const char* field, double v) {
    if (!ok) throw RouteError("ReadOptions", 0, field, "out of range: " + std::to_string(v), std::to_string(v));
  };
  need(std::isfinite(o.cruise_speed_mps) && o.cruise_speed_mps > 0.0, "cruise_speed_mps", o.cruise_speed_mps);
  need(std::isfinite(o.legal_limit_mps) && o.legal_limit_mps > 0.0, "legal_limit_mps", o.legal_limit_mps);
  need(std::isfinite(o.lateral_accel_mps2) && o.lateral_accel_mps2 >= 0.0, "lateral_accel_mps2",
       o.lateral_accel_mps2);
  need(std::isfinite(o.min_curve_speed_mps) && o.min_curve_speed_mps > 0.0, "min_curve_speed_mps",
       o.min_curve_speed_mps);
  need(std::isfinite(o.curvature_baseline_m) && o.curvature_baseline_m > 0.0, "curvature_baseline_m",
       o.curvature_baseline_m);
  need(std::isfinite(o.resample_step_m) && o.resample_step_m >= 0.1, "resample_step_m", o.resample_step_m);
  need(std::isfinite(o.smoothing_sigma_m) && o.smoothing_sigma_m >= 0.0 && o.smoothing_sigma_m <= 1.0e4,
       "smoothing_sigma_m", o.smoothing_sigma_m);
  need(std::isfinite(o.max_grade_frac) && o.max_grade_frac > 0.0 && o.max_grade_frac <= 1.0, "max_grade_frac",
       o.max_grade_frac);
  need(std::isfinite(o.waypoint_radius_m) && o.waypoint_radius_m >= 0.0, "waypoint_radius_m", o.waypoint_radius_m);
  need(std::isfinite(o.standstill_min_s) && o.standstill_min_s > 0.0, "standstill_min_s", o.standstill_min_s);
  need(std::isfinite(o.max_backward_step_s) && o.max_backward_step_s >= 0.0, "max_backward_step_s",
       o.max_backward_step_s);
  need(std::isfinite(o.max_gap_s) && o.max_gap_s > 0.0, "max_gap_s", o.max_gap_s);
  need(std::isfinite(o.gap_decel_mps2) && o.gap_decel_mps2 > 0.0, "gap_decel_mps2", o.gap_decel_mps2);
  need(std::isfinite(o.max_spike_accel_mps2) && o.max_spike_accel_mps2 > 0.0, "max_spike_accel_mps2",
       o.max_spike_accel_mps2);
  need(std::isfinite(o.max_spike_detour_m) && o.max_spike_detour_m > 0.0, "max_spike_detour_m", o.max_spike_detour_m);
}

void integrate_elevation(RouteProfile& p, double z0) {
  const std::size_t n = p.distance_m.size();
  p.elevation_m.assign(n, z0);
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double ds = p.distance_m[i + 1] - p.distance_m[i];
    p.elevation_m[i + 1] = p.elevation_m[i] + rise_m(ds, p.grade_frac[i]);
  }
}

void build_from_elevation(RouteProfile& p, const ElevationPoints& raw_pts, const ReadOptions& options) {
  const bool use_terrain = options.terrain && raw_pts.lat_deg.size() == raw_pts.distance_m.size();
  if (options.terrain && !use_terrain)
    p.warnings.push_back({p.source + ": a terrain model was given but the route has no lat/lon: not used"});
  ElevationPoints sampled;
  if (use_terrain) sampled = apply_terrain(p, raw_pts, options);
  const ElevationPoints& pts = use_terrain ? sampled : raw_pts;
  const double length = pts.distance_m.back();
  if (length > kMaxRouteLengthM) {
    char buf[120];
    std::snprintf(buf, sizeof buf, "route length %.0f km exceeds %.0f km", length / 1000.0, kMaxRouteLengthM / 1000.0);
    throw RouteError(p.source, 0, {}, buf);
  }
  // uniform grid of options.resample_step_m, ending exactly at the source's last point; very long routes
  // (> kMaxResampledPoints steps) get a longer step so the profile and the smoothing cost stay bounded
  double step = options.resample_step_m;
  if (length / step > static_cast<double>(kMaxResampledPoints)) {
    step = length / static_cast<double>(kMaxResampledPoints);
    char buf[160];
    std::snprintf(buf, sizeof buf, ": resample step raised from %.1f m to %.1f m to keep the profile at %zu points",
                  options.resample_step_m, step, kMaxResampledPoints);
    p.warnings.push_back({p.source + buf});
  }
  SmoothedElevation sm = smooth_elevation(pts.distance_m, pts.elevation_m, step, options.smoothing_sigma_m,
                                          options.max_grade_frac);
  p.distance_m = std::move(sm.distance_m);
  p.elevation_m = std::move(sm.elevation_m);
  p.grade_frac = std::move(sm.grade_frac);
  p.grade_is_smooth = true;
  for (auto& w : sm.warnings) p.warnings.push_back({p.source + ": " + w.message});
  climb_and_descent(pts.elevation_m, p.source_climb_m, p.source_descent_m);

  const std::size_t n = p.distance_m.size();
  const std::size_t m = pts.distance_m.size();
  if (pts.lat_deg.size() == m && pts.lon_deg.size() == m) {
    p.lat_deg.resize(n);
    p.lon_deg.resize(n);
    std::size_t k = 0;
    for (std::size_t j = 0; j < n; ++j) {
      const double s = p.distance_m[j];
      while (k + 2 < m && pts.distance_m[k + 1] < s) ++k;
      const double t = std::clamp((s - pts.distance_m[k]) / (pts.distance_m[k + 1] - pts.distance_m[k]), 0.0, 1.0);
      p.lat_deg[j] = pts.lat_deg[k] + t * (pts.lat_deg[k + 1] - pts.lat_deg[k]);
      // longitudes across the antimeridian: interpolate the short way round
      const double dlon = std::remainder(pts.lon_deg[k + 1] - pts.lon_deg[k], 360.0);
      p.lon_deg[j] = std::remainder(pts.lon_deg[k] + t * dlon, 360.0);
    }
  }
  if (pts.speed_mps.size() == m) {
    p.speed_limit_mps.assign(n, 0.0);
    std::size_t k = 0;
    for (std::size_t j = 0; j < n; ++j) {
      const double mid = j + 1 < n ? 0.5 * (p.distance_m[j] + p.distance_m[j + 1]) : p.distance_m[j];
      while (k + 2 < m && pts.distance_m[k + 1] <= mid) ++k;
      p.speed_limit_mps[j] = pts.speed_mps[k];
    }
    p.speed_limit_mps[n - 1] = p.speed_limit_mps[n - 2];
  } else {
    p.speed_limit_mps = target_speeds(p.distance_m, p.lat_deg, p.lon_deg, options);
  }
}

void finish_profile(RouteProfile& p, bool source_climb_from_profile) {
  std::stable_sort(p.stops.begin(), p.stops.end(),
                   [](const Stop& a, const Stop& b) { return a.distance_m < b.distance_m; });
  const double length = p.length_m();
  if (p.stops.empty() || p.stops.front().distance_m > 0.0) p.stops.insert(p.stops.begin(), Stop{0.0, 0.0, "start"});
  if (p.stops.back().distance_m < length) p.stops.push_back(Stop{length, 0.0, "end"});
  if (source_climb_from_profile) climb_and_descent(p.elevation_m, p.source_climb_m, p.source_descent_m);
  check_profile(p);
}

}  // namespace semitco::routes::detail
