// Road lookups; see road.hpp.
#include "physics/road.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace semitco::physics {

namespace {
// Moves the cursor to the segment containing `at`: the cursor's segment or its neighbour (the solver
// moves by small steps, forward and a little back when it interpolates), else a galloping search out
// from the cursor (1, 2, 4, ... segments) and a binary search in the last gap, so a jump of k segments
// costs O(log k) whether the table is an engine curve asked at twelve gears' speeds in turn or a road
// of 100,000 points. Finds the same segment as a binary search over the whole table.
std::size_t find_segment(const std::vector<double>& x, double at, std::size_t& cursor) {
  const std::size_t last = x.size() - 2;
  if (at <= x.front()) return cursor = 0;
  if (at >= x[last]) return cursor = last;
  // Here x[0] < at < x[last]: the segment i has x[i] <= at < x[i + 1] and i < last.
  std::size_t i = std::min(cursor, last);
  if (at >= x[i]) {
    if (at < x[i + 1]) return cursor = i;
    if (at < x[i + 2]) return cursor = i + 1;          // i + 1 < last here, since at < x[last]
    std::size_t lo = i + 2, step = 1, hi = lo + step;  // x[lo] <= at
    while (hi < last && x[hi] <= at) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    hi = std::min(hi, last);  // x[hi] > at
    const auto it = std::upper_bound(x.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                     x.begin() + static_cast<std::ptrdiff_t>(hi), at);
    return cursor = static_cast<std::size_t>(it - x.begin()) - 1;
  }
  // at < x[i], so i > 0 because at > x[0] (a NaN stays where it is).
  if (i == 0 || at >= x[i - 1]) return cursor = i == 0 ? 0 : i - 1;
  std::size_t hi = i - 1, step = 1;  // x[hi] > at
  std::size_t lo = hi > step ? hi - step : 0;
  while (lo > 0 && x[lo] > at) {
    hi = lo;
    step *= 2;
    lo = hi > step ? hi - step : 0;
  }
  // x[lo] <= at < x[hi]
  const auto it = std::upper_bound(x.begin() + static_cast<std::ptrdiff_t>(lo) + 1,
                                   x.begin() + static_cast<std::ptrdiff_t>(hi), at);
  return cursor = static_cast<std::size_t>(it - x.begin()) - 1;
}
}  // namespace

Table1D::Table1D(std::vector<double> x, std::vector<double> y) : x_(std::move(x)), y_(std::move(y)) {
  if (x_.size() < 2 || x_.size() != y_.size()) throw std::invalid_argument("Table1D needs >= 2 points");
}

std::size_t Table1D::locate_with(double at, std::size_t& cursor) const {
  return find_segment(x_, at, cursor);
}

double Table1D::at_with(double at, std::size_t& cursor) const {
  const std::size_t i = find_segment(x_, at, cursor);
  const double f = std::clamp((at - x_[i]) / (x_[i + 1] - x_[i]), 0.0, 1.0);
  return y_[i] + f * (y_[i + 1] - y_[i]);
}

Road::Road(const routes::RouteProfile& p, const Ambient& ambient)
    : d_(p.distance_m), elev_(p.elevation_m), seg_grade_(p.grade_frac) {
  const std::size_t n = d_.size();
  const auto& grade = p.grade_frac;
  if (n < 2 || elev_.size() != n || grade.size() != n) {
    throw std::invalid_argument("route '" + p.name + "': distance, elevation and grade need the same size >= 2");
  }
  for (std::size_t i = 1; i < n; ++i) {
    if (!(d_[i] > d_[i - 1])) {
      throw std::invalid_argument("route '" + p.name + "': distance must increase, point " + std::to_string(i) +
                                  " at " + std::to_string(d_[i]) + " m");
    }
  }
  base_altitude_m_ = p.elevation_is_absolute ? 0.0 : ambient.base_altitude_m;
  temperature_C_ = ambient.temperature_C;
  smooth_ = p.grade_is_smooth;
  // Air density at the points a trip reaches, when it first reaches them: a short trip on a long profile,
  // or a fast model taking few lookups, pays for those points only.
  rho_.assign(n, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i + 1 < n; ++i) {
    if (i == 0 || (!smooth_ && grade[i] != grade[i - 1])) {
      zone_start_.push_back(d_[i]);
      zone_grade_.push_back(grade[i]);
      zone_slope_.push_back(Slope::from_grade(grade[i]));
    }
  }
}

double Road::rho_at(std::size_t i) const {
  double& r = rho_[i];
  if (std::isnan(r)) {
    // Flat stretches (and speed traces, mostly at one elevation) repeat their altitude: one pow() each.
    const double altitude = base_altitude_m_ + elev_[i];
    if (altitude != last_altitude_) {
      last_altitude_ = altitude;
      last_rho_ = air_density_kgpm3(altitude, temperature_C_);
    }
    r = last_rho_;
  }
  return r;
}

std::size_t Road::zone_of(double x) const {
  const auto it = std::upper_bound(zone_start_.begin(), zone_start_.end(), x);
  return it == zone_start_.begin() ? 0 : static_cast<std::size_t>(it - zone_start_.begin()) - 1;
}

double Road::zone_end(std::size_t k) const {
  return k + 1 < zone_start_.size() ? zone_start_[k + 1] : std::numeric_limits<double>::infinity();
}

Road::GradeRange Road::grade_range(double x0, double x1, std::size_t zone) const {
  GradeRange r;
  if (smooth_) {
    // The grade is linear between segment midpoints: its extremes are the segments' grades in between.
    std::size_t i = find_segment(d_, x0, cursor_);
    r.lo = r.hi = smooth_grade(i, x0);
    std::size_t ahead = cursor_;  // the road's cursor stays where the truck is
    const double g1 = smooth_grade(find_segment(d_, x1, ahead), x1);
    r.lo = std::min(r.lo, g1);
    r.hi = std::max(r.hi, g1);
    for (; i + 1 < d_.size() && d_[i] < x1; ++i) {
      if (0.5 * (d_[i] + d_[i + 1]) > x0 && 0.5 * (d_[i] + d_[i + 1]) < x1) {
        r.lo = std::min(r.lo, seg_grade_[i]);
        r.hi = std::max(r.hi, seg_grade_[i]);
      }
    }
    return r;
  }
  r.lo = r.hi = zone_grade_[zone];
  for (std::size_t k = zone + 1; k < zone_start_.size() && zone_start_[k] < x1; ++k) {
    r.lo = std::min(r.lo, zone_grade_[k]);
    r.hi = std::max(r.hi, zone_grade_[k]);
  }
  return r;
}

std::vector<double> Road::grade_breaks(double min_step) const {
  std::vector<double> out;
  for (std::size_t k = 1; k < zone_start_.size(); ++k) {
    if (std::abs(zone_grade_[k] - zone_grade_[k - 1]) >= min_step) out.push_back(zone_start_[k]);
  }
  return out;
}

std::vector<Road::Descent> Road::descents(double min_grade) const {
  std::vector<Descent> out;
  auto add = [&](double start, double end) {
    if (!out.empty() && out.back().end_m == start) {
      out.back().end_m = end;
    } else {
      out.push_back({start, end});
    }
  };
  if (smooth_) {
    for (std::size_t i = 0; i + 1 < d_.size(); ++i) {
      if (seg_grade_[i] <= -min_grade) add(d_[i], d_[i + 1]);
    }
  } else {
    for (std::size_t k = 0; k < zone_start_.size(); ++k) {
      if (zone_grade_[k] > -min_grade) continue;
      add(zone_start_[k], std::min(zone_end(k), length_m()));
    }
  }
  for (auto& d : out) {
    d.start_elevation_m = elevation_at(d.start_m);
    d.start_rho_kgpm3 = at(d.start_m).rho_kgpm3;
    d.end_elevation_m = elevation_at(d.end_m);
  }
  return out;
}

double Road::smooth_grade(std::size_t i, double x) const {
  // Segment grades sit at segment midpoints; linear in between, constant over the outer half segments.
  const std::size_t last = d_.size() - 2;
  const double mid_i = 0.5 * (d_[i] + d_[i + 1]);
  std::size_t a = i, b = i;
  if (x < mid_i && i > 0) {
    a = i - 1;
  } else if (x >= mid_i && i < last) {
    b = i + 1;
  }
  if (a == b) return seg_grade_[i];
  const double ma = 0.5 * (d_[a] + d_[a + 1]), mb = 0.5 * (d_[b] + d_[b + 1]);
  const double f = std::clamp((x - ma) / (mb - ma), 0.0, 1.0);
  return seg_grade_[a] + f * (seg_grade_[b] - seg_grade_[a]);
}

double Road::elevation_at(double x) const {
  const std::size_t i = find_segment(d_, x, cursor_);
  const double f = std::clamp((x - d_[i]) / (d_[i + 1] - d_[i]), 0.0, 1.0);
  return elev_[i] + f * (elev_[i + 1] - elev_[i]);
}

Road::Here Road::at(double x, std::size_t zone) const {
  const std::size_t i = find_segment(d_, x, cursor_);
  Here h;
  if (smooth_) {
    h.grade_frac = smooth_grade(i, x);
    h.slope = Slope::from_grade(h.grade_frac);
  } else {
    h.slope = zone_slope_[zone];
    h.grade_frac = zone_grade_[zone];
  }
  const double f = std::clamp((x - d_[i]) / (d_[i + 1] - d_[i]), 0.0, 1.0);
  h.elevation_m = elev_[i] + f * (elev_[i + 1] - elev_[i]);
  h.rho_kgpm3 = rho_at(i) + f * (rho_at(i + 1) - rho_at(i));
  return h;
}

}  // namespace semitco::physics
