// The road as the solver sees it: a RouteProfile turned into fast lookups along distance.
//
// Grade is piecewise constant over the profile's segments (the readers' convention: the grade of
// segment [i, i+1]); elevation is piecewise linear and consistent with it. Air density is evaluated
// per segment at the segment's mean altitude (ISO 2533 pressure, ambient temperature).
// Lookups keep a cursor so the forward-moving solver finds a segment in O(1); they are not
// thread-safe, so every simulation builds its own Road.
#pragma once

#include <cstddef>
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
  std::size_t locate(double at) const;
  double operator()(double at) const;
  [[nodiscard]] const std::vector<double>& x() const { return x_; }
  [[nodiscard]] const std::vector<double>& y() const { return y_; }

 private:
  std::vector<double> x_, y_;
  mutable std::size_t cursor_ = 0;
};

class Road {
 public:
  Road(const routes::RouteProfile& profile, const Ambient& ambient);

  struct Here {
    Slope slope;
    double grade_frac = 0.0;
    double rho_kgpm3 = 1.2;
    double elevation_m = 0.0;
  };
  [[nodiscard]] Here at(double distance_m) const;
  [[nodiscard]] double length_m() const { return d_.back(); }

 private:
  std::vector<double> d_, elev_, grade_, rho_;
  std::vector<Slope> slope_;
  mutable std::size_t cursor_ = 0;
};

}  // namespace semitco::physics
