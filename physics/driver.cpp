// Driver speed targets; see driver.hpp for the method.
#include "physics/driver.hpp"

#include <algorithm>
#include <limits>
#include <cmath>
#include <stdexcept>

namespace semitco::physics {

namespace {

// Steps 1-3 of driver.hpp on the grid; the caller has checked the profile's sizes.
Table1D build_envelope(const routes::RouteProfile& p, const DriverParams& d, bool start_from_rest) {
  const std::size_t n = p.distance_m.size();
  // Grid: every profile point and stop, and intermediate points at most 10 m apart.
  std::vector<double> x;
  x.reserve(n * 2);
  std::size_t s = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double a = p.distance_m[i], b = p.distance_m[i + 1];
    const int pieces = std::max(1, static_cast<int>(std::ceil((b - a) / 10.0)));
    for (int k = 0; k < pieces; ++k) {
      const double xi = a + (b - a) * k / pieces;
      while (s < p.stops.size() && p.stops[s].distance_m < xi) {
        if (x.empty() || p.stops[s].distance_m > x.back()) x.push_back(p.stops[s].distance_m);
        ++s;
      }
      if (x.empty() || xi > x.back()) x.push_back(xi);
    }
  }
  for (; s < p.stops.size(); ++s) {
    if (p.stops[s].distance_m > x.back() && p.stops[s].distance_m < p.distance_m.back()) {
      x.push_back(p.stops[s].distance_m);
    }
  }
  if (p.distance_m.back() > x.back()) x.push_back(p.distance_m.back());

  // 1. caps
  std::vector<double> v(x.size());
  std::size_t seg = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    while (seg + 2 < n && p.distance_m[seg + 1] <= x[k]) ++seg;
    double cap = p.speed_limit_mps[seg];
    if (seg > 0 && x[k] == p.distance_m[seg]) cap = std::min(cap, p.speed_limit_mps[seg - 1]);
    v[k] = std::max(cap, 0.0);
  }
  const double v_stop = d.stop_approach_speed_mps;
  for (const auto& st : p.stops) {
    const auto it = std::lower_bound(x.begin(), x.end(), st.distance_m);
    if (it != x.end() && *it == st.distance_m) v[static_cast<std::size_t>(it - x.begin())] = v_stop;
  }
  if (start_from_rest) v.front() = std::min(v.front(), v_stop);
  for (auto& vk : v) vk = std::max(vk, v_stop);  // a zero limit would trap the truck

  // 2. look-ahead braking, 3. bounded acceleration
  // (v_k^2 is compared first: most points are not limited, and the square root is the costly part.)
  for (std::size_t k = x.size() - 1; k-- > 0;) {
    const double reach2 = v[k + 1] * v[k + 1] + 2.0 * d.comfort_decel_mps2 * (x[k + 1] - x[k]);
    if (v[k] * v[k] > reach2) v[k] = std::sqrt(reach2);
  }
  for (std::size_t k = 1; k < x.size(); ++k) {
    const double reach2 = v[k - 1] * v[k - 1] + 2.0 * d.max_accel_mps2 * (x[k] - x[k - 1]);
    if (v[k] * v[k] > reach2) v[k] = std::sqrt(reach2);
  }
  return Table1D(std::move(x), std::move(v));
}

// The envelope depends on the route's points, limits and stops and three of the driver's parameters
// only; a batch prices both trucks of a job, and often many jobs, on the same route with the same
// driver. Each thread keeps the last envelope it built with a copy of what it was built from, compared
// value by value (a route edited in place misses), and shares its table (each envelope reads it with a
// cursor of its own).
struct EnvelopeMemo {
  bool valid = false;
  std::vector<double> distance, limit, stops;
  double decel = 0.0, accel = 0.0, approach = 0.0;
  bool from_rest = false;
  std::shared_ptr<const SpeedEnvelope::Shared> table;
};

bool same_stops(const std::vector<routes::Stop>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].distance_m != b[i]) return false;
  }
  return true;
}

}  // namespace

SpeedEnvelope::SpeedEnvelope(const routes::RouteProfile& p, const DriverParams& d, bool start_from_rest)
    : seg_d_(p.distance_m), seg_v_(p.speed_limit_mps) {
  const std::size_t n = p.distance_m.size();
  if (n < 2 || p.speed_limit_mps.size() != n) {
    throw std::invalid_argument("route '" + p.name + "': speed limits missing or of the wrong size");
  }
  thread_local EnvelopeMemo memo;
  if (memo.valid && memo.from_rest == start_from_rest && memo.decel == d.comfort_decel_mps2 &&
      memo.accel == d.max_accel_mps2 && memo.approach == d.stop_approach_speed_mps && memo.distance == p.distance_m &&
      memo.limit == p.speed_limit_mps && same_stops(p.stops, memo.stops)) {
    table_ = memo.table;
    return;
  }
  auto built = std::make_shared<Shared>();
  built->table = build_envelope(p, d, start_from_rest);
  // Where the speed held from each point on first changes (the point before the next different one).
  const auto& xs = built->table.x();
  const auto& ys = built->table.y();
  built->flat_until.assign(xs.size(), xs.back());
  for (std::size_t i = xs.size() - 1; i-- > 0;) {
    built->flat_until[i] = ys[i + 1] == ys[i] ? built->flat_until[i + 1] : xs[i];
  }
  table_ = std::move(built);
  memo.valid = false;  // stays invalid if a copy below throws
  memo.distance = p.distance_m;
  memo.limit = p.speed_limit_mps;
  memo.stops.clear();
  for (const auto& st : p.stops) memo.stops.push_back(st.distance_m);
  memo.decel = d.comfort_decel_mps2;
  memo.accel = d.max_accel_mps2;
  memo.approach = d.stop_approach_speed_mps;
  memo.from_rest = start_from_rest;
  memo.table = table_;
  memo.valid = true;
}

bool SpeedEnvelope::flat_over(double x0, double x1) const {
  return x1 <= table_->flat_until[table_->table.locate_with(x0, cursor_)];
}

double SpeedEnvelope::limit_at(double x) const {
  const auto it = std::upper_bound(seg_d_.begin(), seg_d_.end(), x);
  const std::size_t i = it == seg_d_.begin() ? 0 : static_cast<std::size_t>(it - seg_d_.begin()) - 1;
  return seg_v_[std::min(i, seg_v_.size() - 1)];
}

SpeedTrace::SpeedTrace(const routes::RouteProfile& p) : table_(p.trace_time_s, p.trace_speed_mps) {
  const auto& t = p.trace_time_s;
  const auto& v = p.trace_speed_mps;
  for (std::size_t i = 1; i < t.size(); ++i) distance_m_ += 0.5 * (v[i] + v[i - 1]) * (t[i] - t[i - 1]);
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    const double before = (v[i] - v[i - 1]) / (t[i] - t[i - 1]);
    const double after = (v[i + 1] - v[i]) / (t[i + 1] - t[i]);
    if (std::abs(after - before) > 1e-12) kinks_.push_back(t[i]);
  }
}

double SpeedTrace::first_reach(double t, double v) const {
  const auto& ts = table_.x();
  const auto& vs = table_.y();
  if (table_(t) >= v) return t;
  for (std::size_t k = table_.locate(t); k + 1 < ts.size(); ++k) {
    if (vs[k + 1] < v) continue;
    // Linear between samples: the crossing inside [ts[k], ts[k+1]], not before t.
    const double at = vs[k] >= v ? ts[k] : ts[k] + (v - vs[k]) / (vs[k + 1] - vs[k]) * (ts[k + 1] - ts[k]);
    return std::max(t, at);
  }
  return std::numeric_limits<double>::infinity();
}

double SpeedTrace::next_kink(double t) const {
  // Strictly after t, with a margin so a step that landed on a kink does not find the same one again.
  const double after = t + 1e-9 * std::max(1.0, std::abs(t));
  // The first kink > after, from the last answer: the solver's times mostly move forward a little.
  const std::size_t n = kinks_.size();
  std::size_t& k = kink_cursor_;
  const auto fits = [&](std::size_t i) { return (i == 0 || kinks_[i - 1] <= after) && (i == n || kinks_[i] > after); };
  if (!fits(k)) {
    if (k < n && fits(k + 1)) {
      ++k;
    } else {
      k = static_cast<std::size_t>(std::upper_bound(kinks_.begin(), kinks_.end(), after) - kinks_.begin());
    }
  }
  return k == n ? std::numeric_limits<double>::infinity() : kinks_[k];
}

}  // namespace semitco::physics
