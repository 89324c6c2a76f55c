// The road as the solver sees it: a RouteProfile turned into fast lookups along distance.
//
// Grade is piecewise constant over the profile's segments (the readers' convention: the grade of
// segment [i, i+1]). Runs of segments with the same grade form a grade zone; the zone the truck is in
// is a discrete state of the hybrid model (the solver moves to the next zone at a root of
// x - zone_end), so a step that overshoots a change of grade while the root is located still sees the
// old grade and the jump is not smeared into the integrals. Elevation (output) and air density
// (ISO 2533 pressure at the local altitude, ambient temperature) are continuous in x.
// Lookups keep a cursor so the forward-moving solver finds a segment in O(1); they are not
// thread-safe, so every simulation builds its own Road.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include "physics/params.hpp"
#include "physics/road_load.hpp"
#include "routes/route_profile.hpp"

namespace semitco::physics {

/// Piecewise-linear function of an increasing abscissa with a moving cursor.
class Table1D {
 public:
  Table1D() = default;
  Table1D(std::vector<double> x, std::vector<double> y);
  /// Index i with x[i] <= at < x[i+1] (clamped to the ends).
  std::size_t locate(double at) const { return locate_with(at, cursor_); }
  std::size_t locate_with(double at, std::size_t& cursor) const;
  double operator()(double at) const { return at_with(at, cursor_); }
  /// The same with a cursor of the caller's: one table can serve several readers.
  double at_with(double at, std::size_t& cursor) const;
  [[nodiscard]] const std::vector<double>& x() const { return x_; }
  [[nodiscard]] const std::vector<double>& y() const { return y_; }

 private:
  std::vector<double> x_, y_;
  mutable std::size_t cursor_ = 0;
};

class Road {
 public:
  /// Reads the profile's points in place: `profile` must outlive the road.
  Road(const routes::RouteProfile& profile, const Ambient& ambient);

  struct Here {
    Slope slope;
    double grade_frac = 0.0;
    double rho_kgpm3 = 1.2;
    double elevation_m = 0.0;
  };
  /// The road at x, with the grade of zone `zone` (see zone_of).
  [[nodiscard]] Here at(double distance_m, std::size_t zone) const;
  /// The road at x in the zone that contains x (for output and tests).
  [[nodiscard]] Here at(double distance_m) const { return at(distance_m, zone_of(distance_m)); }
  [[nodiscard]] double length_m() const { return d_.back(); }
  /// Grade zone containing x (x at a zone boundary belongs to the zone that starts there).
  [[nodiscard]] std::size_t zone_of(double x) const;
  /// Where zone k ends (infinity for the last zone).
  [[nodiscard]] double zone_end(std::size_t k) const;
  /// The least and the greatest grade over [x0, x1] of zone `zone` on (x0 in it) and the zones after.
  struct GradeRange {
    double lo = 0.0, hi = 0.0;
  };
  [[nodiscard]] GradeRange grade_range(double x0, double x1, std::size_t zone) const;
  /// The changes of grade of at least `min_step_frac` between consecutive zones, where they are (a
  /// smooth profile is one zone: none).
  [[nodiscard]] std::vector<double> grade_breaks(double min_step_frac) const;

  /// A stretch of consecutive zones at least `min_grade` steep downhill.
  struct Descent {
    double start_m = 0.0, end_m = 0.0;
    double start_elevation_m = 0.0, end_elevation_m = 0.0;
    double start_rho_kgpm3 = 1.2;  ///< air density at the top
  };
  /// The descents of the route for a minimum grade (computed once per trip).
  [[nodiscard]] std::vector<Descent> descents(double min_grade_frac) const;
  /// Elevation at x (continuous).
  [[nodiscard]] double elevation_at(double x) const;

 private:
  // The profile's own points, read in place: the profile outlives the road (TripInputs::route).
  const std::vector<double>& d_;
  const std::vector<double>& elev_;
  double base_altitude_m_ = 0.0, temperature_C_ = 15.0;
  mutable std::vector<double> rho_;  // per point, computed when first needed (NaN until then): a pow() each
  mutable double last_altitude_ = std::numeric_limits<double>::quiet_NaN(), last_rho_ = 0.0;
  std::vector<double> zone_start_, zone_grade_;  // zone k: [zone_start_[k], zone_start_[k+1])
  std::vector<Slope> zone_slope_;
  const std::vector<double>& seg_grade_;  // smooth profiles: the grade of each segment, interpolated between midpoints
  bool smooth_ = false;
  mutable std::size_t cursor_ = 0;
  [[nodiscard]] double smooth_grade(std::size_t i, double x) const;
  [[nodiscard]] double rho_at(std::size_t i) const;
};

}  // namespace semitco::physics
