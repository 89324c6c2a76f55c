// Shared steps of every reader: plausibility limits, elevation integration from grade, start/end stops,
// the elevation-based pipeline (resample, smooth, grade, target speed) and the final invariant check.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "routes/read_options.hpp"
#include "routes/route_profile.hpp"

namespace semitco::routes::detail {

inline constexpr double kMaxPlausibleSpeedMps = 200.0 / 3.6;  ///< above 200 km/h a file has the wrong unit
inline constexpr double kMaxPlausibleGradeFrac = 0.5;         ///< above 50 % a file has the wrong unit
inline constexpr double kMaxRouteLengthM = 2.0e7;             ///< half the Earth's circumference
inline constexpr std::size_t kMaxResampledPoints = 200000;     ///< 2,000 km at the default 10 m step
/// Consecutive GPS points further apart than this are not a road but an error (swapped lat/lon, a lost
/// sign, a jump in a recording): a grade between them would mean nothing.
inline constexpr double kMaxPointGapM = 100e3;

/// "123.4 km" for messages.
std::string km_text(double m);

/// File name without directories and extension ("LongHaul" for ".../LongHaul.vdri").
std::string file_stem(const std::string& path);

/// Throws RouteError naming the option when a ReadOptions field is out of range.
void check_options(const ReadOptions& options);

/// elevation[0] = z0, elevation[i+1] = elevation[i] + ds * sin(atan(grade[i])).
void integrate_elevation(RouteProfile& p, double z0);

struct ElevationPoints {
  std::vector<double> distance_m;  ///< strictly increasing from 0
  std::vector<double> elevation_m;
  std::vector<double> lat_deg;     ///< empty or same size
  std::vector<double> lon_deg;
  std::vector<double> speed_mps;   ///< empty (use options) or per point, holding until the next point
  bool has_elevation = true;       ///< false: elevation_m is a placeholder (a terrain model must give it)
};

/// Fills distance, elevation, grade, speed, lat/lon, warnings and source climb of p from raw points. With
/// options.terrain and lat/lon, the elevation comes from (or is checked against) the terrain model first
/// (terrain_sampling.cpp).
void build_from_elevation(RouteProfile& p, const ElevationPoints& pts, const ReadOptions& options);

/// Terrain model step of build_from_elevation: returns the points to smooth (the track sampled every
/// resample_step_m with the model's elevation, or pts itself under TerrainUse::Check) and reports the
/// GPS-versus-terrain difference in p.warnings. Throws RouteError naming the place of a point outside
/// the model.
ElevationPoints apply_terrain(RouteProfile& p, const ElevationPoints& pts, const ReadOptions& options);

/// Adds a dwell-0 stop at the start and at the end where none is, sorts stops, sets source climb for
/// grade-based inputs when unset, then check_profile().
void finish_profile(RouteProfile& p, bool source_climb_from_profile);

}  // namespace semitco::routes::detail
