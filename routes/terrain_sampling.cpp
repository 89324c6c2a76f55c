// Elevation from a terrain model (ElevationSource, elevation_source.hpp) along a track with lat/lon.
// The track is sampled every resample_step_m (raised like the profile's step on very long routes), each
// sample placed by linear interpolation of lat/lon between the two track points around it (points are
// metres to a few hundred metres apart, where the chord and the geodesic agree to millimetres). The
// model is asked at every sample (it interpolates bilinearly between its posts). Where the track has its
// own elevation, the difference GPS - terrain at the track points is reported: mean, RMS and the largest
// with its place. A sample outside the model is refused with its position and distance along the route.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "routes/detail/profile_builder.hpp"
#include "routes/route_error.hpp"

namespace semitco::routes::detail {
namespace {

std::string place_text(double lat, double lon, double distance_m) {
  char buf[120];
  std::snprintf(buf, sizeof buf, "%.5f, %.5f (%.2f km along the route)", lat, lon, distance_m / 1000.0);
  return buf;
}

double terrain_at(const ElevationSource& terrain, const std::string& source, double lat, double lon, double d) {
  const auto z = terrain.elevation_m(lat, lon);
  if (!z)
    throw RouteError(source, 0, {},
                     "the track at " + place_text(lat, lon, d) + " is outside the terrain model " + terrain.describe() +
                         " (or on a void of it)",
                     place_text(lat, lon, d));
  return *z;
}

}  // namespace

ElevationPoints apply_terrain(RouteProfile& p, const ElevationPoints& pts, const ReadOptions& options) {
  const ElevationSource& terrain = *options.terrain;
  const std::size_t m = pts.distance_m.size();
  // GPS against terrain at the track's own points
  if (pts.has_elevation) {
    double sum = 0.0, sum2 = 0.0, worst = 0.0;
    std::size_t worst_i = 0;
    for (std::size_t i = 0; i < m; ++i) {
      const double diff = pts.elevation_m[i] - terrain_at(terrain, p.source, pts.lat_deg[i], pts.lon_deg[i], pts.distance_m[i]);
      sum += diff;
      sum2 += diff * diff;
      if (std::fabs(diff) > std::fabs(worst)) {
        worst = diff;
        worst_i = i;
      }
    }
    char buf[240];
    std::snprintf(buf, sizeof buf,
                  ": GPS elevation minus terrain model %s: mean %+.1f m, RMS %.1f m, largest %+.1f m at %s; %s", 
                  terrain.describe().c_str(), sum / static_cast<double>(m), std::sqrt(sum2 / static_cast<double>(m)), worst,
                  place_text(pts.lat_deg[worst_i], pts.lon_deg[worst_i], pts.distance_m[worst_i]).c_str(),
                  options.terrain_use == TerrainUse::Replace ? "the terrain model's elevation is used"
                                                              : "the GPS elevation is kept (check only)");
    p.warnings.push_back({p.source + buf});
    if (options.terrain_use == TerrainUse::Check) return pts;
  } else {
    p.warnings.push_back({p.source + ": elevation from the terrain model " + terrain.describe() + " (the track has none)"});
  }
  // the track sampled every step, elevation from the terrain model
  const double length = pts.distance_m.back();
  const double step = std::max(options.resample_step_m, length / static_cast<double>(kMaxResampledPoints));
  ElevationPoints out;
  out.has_elevation = true;
  const bool speeds = pts.speed_mps.size() == m;
  auto add = [&](std::size_t k, double t) {
    const double d = pts.distance_m[k] + t * (pts.distance_m[k + 1] - pts.distance_m[k]);
    const double lat = pts.lat_deg[k] + t * (pts.lat_deg[k + 1] - pts.lat_deg[k]);
    const double lon = std::remainder(pts.lon_deg[k] + t * std::remainder(pts.lon_deg[k + 1] - pts.lon_deg[k], 360.0), 360.0);
    out.distance_m.push_back(d);
    out.lat_deg.push_back(lat);
    out.lon_deg.push_back(lon);
    out.elevation_m.push_back(terrain_at(terrain, p.source, lat, lon, d));
    if (speeds) out.speed_mps.push_back(pts.speed_mps[k]);
  };
  for (std::size_t k = 0; k + 1 < m; ++k) {
    const double seg = pts.distance_m[k + 1] - pts.distance_m[k];
    const auto parts = static_cast<std::size_t>(std::max(1.0, std::ceil(seg / step)));
    for (std::size_t j = 0; j < parts; ++j) add(k, static_cast<double>(j) / static_cast<double>(parts));
  }
  add(m - 2, 1.0);
  return out;
}

}  // namespace semitco::routes::detail
