// Safe descent speed and regen headroom; the equations are in descent_planner.hpp.
#include "physics/descent_planner.hpp"

#include <algorithm>
#include <cmath>

#include "physics/road_load.hpp"

namespace semitco::physics {

DescentPlanner::DescentPlanner(const Chassis& chassis, const BrakeThermalParams& brakes, const Ambient& ambient,
                               const DriverParams& driver, const Road& road, const Powertrain& powertrain,
                               std::vector<Road::Descent> descents)
    : chassis_(chassis),
      brakes_(brakes),
      ambient_(ambient),
      driver_(driver),
      road_(road),
      pt_(powertrain),
      mass_(chassis.mass_kg()),
      descents_(std::move(descents)) {}

DescentPlanner::Hold DescentPlanner::hold_with(double v, double retard_N, double sin_down, double rho,
                                               double L) const {
  const Slope slope{-sin_down, std::sqrt(std::max(0.0, 1.0 - sin_down * sin_down))};
  const RoadForces rf =
      road_forces(mass_, chassis_.cda_m2, chassis_.crr, chassis_.crr_per_mps, rho, ambient_.headwind_mps, slope, v);
  const double brake_W = std::max(0.0, -rf.total_N() - retard_N) * v;
  const double k1 = (brakes_.k1_const_per_h + brakes_.k1_per_mph_per_h * v / 0.44704) / 3600.0;
  return Hold{ambient_.temperature_C + brake_W / (brakes_.heat_capacity_J_per_K * k1), std::exp(-k1 * L / v)};
}

DescentPlanner::Hold DescentPlanner::hold(double v, double sin_down, double rho, double L,
                                          double store) const {
  return hold_with(v, pt_.sustained_retard_N(v, store), sin_down, rho, L);
}

double DescentPlanner::end_temperature(double v, double sin_down, double rho, double L, double T_now,
                                       double store) const {
  return hold(v, sin_down, rho, L, store).end_temperature(T_now);
}

double DescentPlanner::safe_speed(double sin_down, double rho, double L, double T_now, double store,
                                  double cap) const {
  const double target = brakes_.fade_limit_C - driver_.brake_margin_C;
  const double lo = driver_.descent_min_speed_mps, hi = std::max(cap, lo);
  const double step = (hi - lo) / kScan;
  // The scan's speeds and what holding each does to the brakes do not depend on the brake temperature:
  // they are kept while the stretch, the retarder (the store's key) and the cap stay the same
  // (approaching a descent, every evaluation of the demand asks again with only T_now changed), and
  // computed as far as a scan needs. The retarder's force at the scan's speeds depends on neither the
  // stretch nor T_now: kept while the cap and the store's key stay the same (on a descent, where the rest
  // of the stretch changes at every evaluation).
  auto& c = scan_;
  const double store_key = pt_.sustained_retard_store_key(store);
  if (!(c.store_key == store_key && c.lo == lo && c.hi == hi)) {
    c.store_key = store_key;
    c.lo = lo;
    c.hi = hi;
    c.retard_filled = 0;
    c.filled = 0;
  }
  if (!(c.sin_down == sin_down && c.rho == rho && c.L == L)) {
    c.sin_down = sin_down;
    c.rho = rho;
    c.L = L;
    c.filled = 0;
  }
  auto grid = [&](int k) -> const Hold& {  // k = 0 .. kScan: v = hi - k step
    while (c.filled <= k) {
      const auto i = static_cast<std::size_t>(c.filled);
      const double v = hi - c.filled * step;
      if (c.retard_filled <= c.filled) {
        c.retard[i] = pt_.sustained_retard_N(v, store);
        c.retard_filled = c.filled + 1;
      }
      c.grid[i] = hold_with(v, c.retard[i], sin_down, rho, L);
      ++c.filled;
    }
    return c.grid[static_cast<std::size_t>(k)];
  };
  if (grid(0).end_temperature(T_now) <= target) return kUnlimited;
  // T_end(v) need not be monotonic (slower means longer on the grade, and a retarder weaker at low
  // engine speed), so scan down from the top for the highest safe speed, then refine in that cell.
  for (int k = 1; k <= kScan; ++k) {
    const double tv = grid(k).end_temperature(T_now);
    if (tv <= target)
      return refine(hi - k * step, tv - target, hi - (k - 1) * step,
                    grid(k - 1).end_temperature(T_now) - target, sin_down, rho, L, T_now, store, target);
  }
  // Nothing keeps the brakes under the limit: the least-bad speed.
  double best_v = lo, best_t = end_temperature(lo, sin_down, rho, L, T_now, store);
  for (int k = 1; k <= kScan; ++k) {
    const double tv = grid(k).end_temperature(T_now);
    if (tv < best_t) {
      best_t = tv;
      best_v = hi - k * step;
    }
  }
  return best_v;
}

double DescentPlanner::refine(double ok, double f_ok, double bad, double f_bad, double sin_down, double rho,
                              double L, double T_now, double store, double target) const {
  // The highest safe speed in [ok, bad] (f = T_end - target: f_ok <= 0 < f_bad) to 1e-9 m/s, so the demand
  // stays continuous: regula falsi with the Illinois modification (an end kept twice in a row counts
  // half), and a bisection whenever two trials in a row did not halve the bracket (T_end has kinks
  // where the retarder's gear or limit changes).
  int kept = 0;  // +1: the last trial moved `ok`, -1: it moved `bad`
  int slow = 0;  // trials in a row that did not halve the bracket
  for (int i = 0; i < 100 && bad - ok > 1e-9; ++i) {
    const double width = bad - ok;
    double mid = slow >= 2 ? 0.5 * (ok + bad) : ok - f_ok * (bad - ok) / (f_bad - f_ok);
    if (!(mid > ok && mid < bad)) mid = 0.5 * (ok + bad);
    const double fm = end_temperature(mid, sin_down, rho, L, T_now, store) - target;
    if (fm <= 0.0) {
      ok = mid;
      f_ok = fm;
      if (kept == +1) f_bad *= 0.5;
      kept = +1;
    } else {
      bad = mid;
      f_bad = fm;
      if (kept == -1) f_ok *= 0.5;
      kept = -1;
    }
    slow = bad - ok > 0.5 * width ? slow + 1 : 0;
  }
  return ok;
}

bool DescentPlanner::harmless(const Road::Descent& d, double T_now) const {
  // Down the rest of a descent the brakes take at most its potential energy: with a head wind or none,
  // the road load and the retarder only take from it, and cooling only lowers the temperature, so by the
  // equation in descent_planner.hpp T_end <= max(T_now, T_amb) + m g drop / C at every speed (from
  // (t_ss - T_now)(1 - exp(-z)) <= (t_ss - T_amb) z, z = K1 L / v). The elevation falls along a descent,
  // so the whole descent's drop bounds the rest's. Then safe_speed would find no cap: the answer without
  // the scan. (Most descents of a rolling route are this short.)
  if (ambient_.headwind_mps < 0.0) return false;
  const double drop = std::max(d.start_elevation_m - d.end_elevation_m, 0.0);
  const double bound =
      std::max(T_now, ambient_.temperature_C) + mass_ * kGravity_mps2 * drop / brakes_.heat_capacity_J_per_K;
  return bound < brakes_.fade_limit_C - driver_.brake_margin_C - 1e-6;
}

double DescentPlanner::safe_speed_ahead(double x, double T_now, double store, double v_limit,
                                        std::size_t zone) const {
  if (descents_.empty()) return kUnlimited;
  // The first descent that ends after x: the one found last or a later one (the truck moves forward, so
  // the walk is short), else a binary search (behind the last answer, as an integrator's trial step back).
  std::size_t k = next_descent_;
  if (k > 0 && !(descents_[k - 1].end_m <= x)) k = descents_.size();  // behind: search
  while (k < descents_.size() && descents_[k].end_m <= x) ++k;
  if (k == descents_.size() && !(descents_.back().end_m <= x)) {
    k = static_cast<std::size_t>(
        std::upper_bound(descents_.begin(), descents_.end(), x,
                         [](double at, const Road::Descent& d) { return at < d.end_m; }) -
        descents_.begin());
  }
  next_descent_ = k;
  if (k == descents_.size()) return kUnlimited;
  const auto it = descents_.begin() + static_cast<std::ptrdiff_t>(k);
  const double b = driver_.comfort_decel_mps2;
  const double from = std::max(x, it->start_m);
  const double approach = it->start_m - x;  // > 0 while still above the descent
  if (approach > (kMaxDescentSpeed * kMaxDescentSpeed) / (2.0 * b)) return kUnlimited;
  const double L = it->end_m - from;
  if (L <= 1.0) return kUnlimited;
  if (harmless(*it, T_now)) return kUnlimited;
  // Where the rest of the descent starts: its top while approaching (kept with the descent, so the road's
  // lookups stay where the truck is), here when on it.
  const double top = approach > 0.0 ? it->start_elevation_m : road_.elevation_at(from);
  const double sin_down = (top - it->end_elevation_m) / L;
  const double rho = approach > 0.0 ? it->start_rho_kgpm3 : road_.at(from, zone).rho_kgpm3;
  const double v = safe_speed(std::max(sin_down, 0.0), rho, L, T_now, store, std::min(v_limit, kMaxDescentSpeed));
  if (v >= kUnlimited) return kUnlimited;
  return approach > 0.0 ? std::sqrt(v * v + 2.0 * b * approach) : v;
}

double regen_energy_of_largest_descent_J(const routes::RouteProfile& route, const Chassis& chassis,
                                         const Ambient& ambient, double speed_mps, double chain_efficiency) {
  if (route.is_time_based()) return 0.0;
  const Road road(route, ambient);
  double best = 0.0;
  for (const auto& d : road.descents(0.01)) {
    const double L = d.end_m - d.start_m;
    const double drop = d.start_elevation_m - d.end_elevation_m;
    if (L <= 0.0 || drop <= 0.0) continue;
    const double sin_down = drop / L;
    const Slope slope{-sin_down, std::sqrt(std::max(0.0, 1.0 - sin_down * sin_down))};
    const RoadForces rf = road_forces(chassis.mass_kg(), chassis.cda_m2, chassis.crr, chassis.crr_per_mps,
                                      d.start_rho_kgpm3, ambient.headwind_mps, slope, speed_mps);
    // What is left for the retarder over the whole descent: the grade force less aero and rolling.
    const double retard_J = std::max(0.0, -rf.total_N()) * L;
    best = std::max(best, retard_J * chain_efficiency);
  }
  return best;
}

}  // namespace semitco::physics
