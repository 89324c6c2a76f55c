// RouteProfile: the clean, format-independent description of a route that the physics solver drives.
//
// Two ways to say what the driver should do, both on the same road:
//  * distance-based (route files, VECTO .vdri): a target speed along distance, piecewise constant
//    from point i to point i+1, with stops (position + dwell time);
//  * time-based (FASTSim/T3CO cycles, speed traces): a target speed along time that the driver follows.
//
// The road itself is always given along distance (metres travelled along the road, the odometer):
// elevation at each point, and the grade of each segment [i, i+1] as rise/run (a fraction, 0.01 = 1 %).
// Readers keep elevation and grade consistent: elevation[i+1] - elevation[i] equals the rise of the
// segment, (distance[i+1]-distance[i]) * sin(atan(grade[i])), so climbing energy m*g*dh closes.
//
// Units are SI throughout; conversion happens in the readers.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "routes/repairs.hpp"

namespace semitco::routes {

/// Rise over a run ds at a grade (rise/run): ds sin(atan(grade)), written without the trigonometry.
inline double rise_m(double ds_m, double grade_frac) {
  return ds_m * grade_frac / std::sqrt(1.0 + grade_frac * grade_frac);
}

/// A place where the truck comes to a halt and waits.
struct Stop {
  double distance_m = 0.0;  ///< position along the road [m], within [0, length]
  double dwell_s = 0.0;     ///< standing time [s], >= 0
  std::string name;         ///< optional label ("Truckee", "depot", ...)
};

/// A charger beside the road where an electric truck may stop to charge (route files may mark them).
struct Charger {
  double distance_m = 0.0;  ///< position along the road [m]
  double power_W = 0.0;     ///< charger output [W], > 0
  std::string name;
};

/// A named stretch of the route (for reports per leg); optional.
struct Leg {
  std::string name;
  double start_m = 0.0;
  double end_m = 0.0;
};

/// Where a profile came from and what the reader noticed on the way.
struct RouteWarning {
  std::string message;      ///< names the place (line, element or distance) and the value
};

struct RouteProfile {
  std::string name;    ///< human-readable name (file stem by default)
  std::string source;  ///< file path or description it was built from

  // ---- the road, along distance (all the same length n >= 2) ----
  std::vector<double> distance_m;       ///< strictly increasing, starts at 0
  std::vector<double> elevation_m;      ///< above sea level if known, else relative to the start
  std::vector<double> grade_frac;       ///< grade of segment [i, i+1] (rise/run); last entry repeats
  std::vector<double> speed_limit_mps;  ///< target speed of segment [i, i+1]; last entry repeats
  std::vector<double> lat_deg;          ///< optional: empty, or same size as distance_m
  std::vector<double> lon_deg;          ///< optional: empty, or same size as distance_m
  bool elevation_is_absolute = false;   ///< true when elevation is above sea level (affects air density)
  /// true when grade_frac samples a smoothly varying grade (elevation-based inputs after smoothing): the
  /// solver then interpolates it between segment midpoints instead of treating each segment's grade as a
  /// step (VECTO rows and cycle samples, whose grade holds until the next row, stay steps).
  bool grade_is_smooth = false;

  std::vector<Stop> stops;  ///< sorted by distance; a stop at the end makes the truck halt there
  std::vector<Leg> legs;    ///< optional
  std::vector<Charger> chargers;  ///< optional, sorted by distance (route CSV column charger_kW)

  // ---- optional speed trace, along time (time-based cycles) ----
  // When non-empty the driver follows this trace in time instead of speed_limit_mps along distance;
  // the road (grade, elevation) is still looked up by the distance actually travelled.
  std::vector<double> trace_time_s;     ///< strictly increasing, starts at 0
  std::vector<double> trace_speed_mps;  ///< >= 0, same size as trace_time_s

  std::vector<RouteWarning> warnings;
  /// What the reader repaired to read the file (repairs.hpp): kind, count, first place. Never silent.
  std::vector<Repair> repairs;

  // ---- added with the readers (issue 4): the raw source's climb before resampling/smoothing ----
  // Sum of positive (climb) and negative (descent, reported positive) elevation steps of the points the
  // file gave; equal to the profile's own climb/descent when the file gave grades, not elevations.
  double source_climb_m = 0.0;
  double source_descent_m = 0.0;

  [[nodiscard]] bool is_time_based() const { return !trace_time_s.empty(); }
  [[nodiscard]] double length_m() const { return distance_m.empty() ? 0.0 : distance_m.back(); }
  [[nodiscard]] std::size_t size() const { return distance_m.size(); }
};

}  // namespace semitco::routes
