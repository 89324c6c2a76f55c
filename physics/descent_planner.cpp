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

double DescentPlanner::end_temperature(double v, double sin_down, double rho, double L, double T_now,
                                       double store) const {
  const Slope slope{-sin_down, std::sqrt(std::max(0.0, 1.0 - sin_down * sin_down))};
  const RoadForces rf =
      road_forces(mass_, chassis_.cda_m2, chassis_.crr, chassis_.crr_per_mps, rho, ambient_.headwind_mps, slope, v);
  const double retard = pt_.sustained_retard_N(v, store);
  const double brake_W = std::max(0.0, -rf.total_N() - retard) * v;
  const double k1 = (brakes_.k1_const_per_h + brakes_.k1_per_mph_per_h * v / 0.44704) / 3600.0;
  const double t_ss = ambient_.temperature_C + brake_W / (brakes_.heat_capacity_J_per_K * k1);
  return t_ss + (T_now - t_ss) * std::exp(-k1 * L / v);
}

double DescentPlanner::safe_speed(double sin_down, double rho, double L, double T_now, double store,
                                  double cap) const {
  const double target = brakes_.fade_limit_C - driver_.brake_margin_C;
  const double lo = driver_.descent_min_speed_mps, hi = std::max(cap, lo);
  auto t_end = [&](double v) { return end_temperature(v, sin_down, rho, L, T_now, store); };
  if (t_end(hi) <= target) return kUnlimited;
  // T_end(v) need not be monotonic (slower means longer on the grade, and a retarder weaker at low
  // engine speed), so scan down from the top for the highest safe speed, then refine by bisection.
  constexpr int kScan = 72;
  const double step = (hi - lo) / kScan;
  double best_v = lo, best_t = t_end(lo);
  for (int k = 1; k <= kScan; ++k) {
    const double v = hi - k * step;
    const double tv = t_end(v);
    if (tv <= target) {
      double ok = v, bad = v + step;
      for (int i = 0; i < 40 && bad - ok > 1e-9; ++i) {  // to ~1e-9 m/s so the demand stays continuous
        const double mid = 0.5 * (ok + bad);
        (t_end(mid) <= target ? ok : bad) = mid;
      }
      return ok;
    }
    if (tv < best_t) {
      best_t = tv;
      best_v = v;
    }
  }
  return best_v;  // nothing keeps the brakes under the limit: the least-bad speed
}

double DescentPlanner::safe_speed_ahead(double x, double T_now, double store, double v_limit,
                                        std::size_t zone) const {
  if (descents_.empty()) return kUnlimited;
  const auto it = std::upper_bound(descents_.begin(), descents_.end(), x,
                                   [](double at, const Road::Descent& d) { return at < d.end_m; });
  if (it == descents_.end()) return kUnlimited;
  const double b = driver_.comfort_decel_mps2;
  const double from = std::max(x, it->start_m);
  const double approach = it->start_m - x;  // > 0 while still above the descent
  if (approach > (kMaxDescentSpeed * kMaxDescentSpeed) / (2.0 * b)) return kUnlimited;
  const double L = it->end_m - from;
  if (L <= 1.0) return kUnlimited;
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
