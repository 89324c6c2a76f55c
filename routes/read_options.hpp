// ReadOptions: what a reader may assume where the file says nothing, and how it turns noisy elevation
// into grade. Every field carries its unit; defaults are stated with their reason.
#pragma once

#include <cstddef>

#include "routes/elevation_source.hpp"

namespace semitco::routes {

struct ReadOptions {
  // ---- target speed where the file has none (GPX, lat/lon CSV, route CSV without a speed column) ----
  double cruise_speed_mps = 29.0576;   ///< 65 mph, a typical US line-haul cruise speed [m/s], > 0
  double legal_limit_mps = 31.2928;    ///< 70 mph cap on the cruise speed [m/s], > 0
  double lateral_accel_mps2 = 1.5;     ///< curve speed v = sqrt(a_lat * R) [m/s^2]; ~0.15 g, a
                                       ///< conservative rollover margin for a loaded tractor-trailer
  double min_curve_speed_mps = 5.0;    ///< floor for the curve speed (hairpins, GPS spikes) [m/s]
  double curvature_baseline_m = 100.0; ///< half chord of the three-point circle used for the radius [m]

  // ---- elevation -> grade (GPX, lat/lon CSV, distance + elevation CSV) ----
  double resample_step_m = 10.0;       ///< uniform distance step of the resampled profile [m], > 0
  double smoothing_sigma_m = 200.0;    ///< Gaussian standard deviation of the local-linear smoother [m]
  double max_grade_frac = 0.15;        ///< grades beyond +/- this are clamped with a warning (0.15 = 15 %)

  // ---- GPX ----
  double waypoint_radius_m = 100.0;    ///< a named <wpt> within this distance of the track marks a stop [m]
  double standstill_min_s = 30.0;      ///< timed points standing still at least this long become a stop [s]

  // ---- terrain model (tracks with lat/lon: GPX, lat/lon route CSV) ----
  /// Not owned; null: the file's own elevation. Sampled every resample_step_m along the track.
  const ElevationSource* terrain = nullptr;
  TerrainUse terrain_use = TerrainUse::Replace;

  // ---- repairs of telematics quirks (repairs.hpp) ----
  bool strict = false;                 ///< refuse every repair that changes a value (file, line, value)
  double max_backward_step_s = 2.0;    ///< a time step back by up to this is dropped; more is refused [s]
  double max_gap_s = 60.0;             ///< a time step longer than this is reported as a gap [s], > 0
  /// What a gap becomes: Interpolate (the speed runs linearly across it), Stop (the truck brakes at
  /// gap_decel_mps2 to a halt, stands, and pulls away at the same rate: a dropout while parked) or Split
  /// (the file is several trips: the trace before the gap ends one, the row after it starts the next;
  /// read_route_trips returns them, read_route refuses a file that splits).
  enum class GapRule { Interpolate, Stop, Split } gap_rule = GapRule::Interpolate;
  double gap_decel_mps2 = 0.5;         ///< braking and pulling away in a Stop gap [m/s^2], > 0
  double max_spike_accel_mps2 = 4.0;   ///< a one-sample speed jump out and back beyond this is a spike
                                       ///< [m/s^2]; ~0.4 g, above a loaded truck's braking in service
  double max_spike_detour_m = 200.0;   ///< a GPS point whose detour off its neighbours' line exceeds this
                                       ///< and twice their distance is a position spike [m]
};

}  // namespace semitco::routes
