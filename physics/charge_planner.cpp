// Charge-stop planning and the second run's route; see charge_planner.hpp.
#include "physics/charge_planner.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "physics/params.hpp"

namespace semitco::physics {

void EnrouteCharging::check() const {
  require_in_range("charging.charger_power_W", charger_power_W, 1.0, 1e8);
  require_in_range("charging.efficiency", efficiency, 0.5, 1.0);
  require_in_range("charging.reserve_soc", reserve_soc, 0.0, 0.99);
  require_in_range("charging.target_soc", target_soc, reserve_soc + 1e-3, 1.0);
  require_in_range("charging.plug_time_s", plug_time_s, 0.0, 7200.0);
  require_in_range("charging.planning_margin_soc", planning_margin_soc, 0.0, 0.5);
  require_in_range("charging.max_charge_time_s", max_charge_time_s, 1.0, 1e6);
  double last = -1.0;
  for (const auto& c : chargers) {
    require_in_range("charging.chargers[].distance_m", c.distance_m, 0.0, 1e8);
    require_in_range("charging.chargers[].power_W", c.power_W, 0.0, 1e8);
    if (c.distance_m < last) throw ParameterError("charging.chargers: positions must be sorted by distance");
    last = c.distance_m;
  }
}

namespace {

// Linear interpolation of the consumption between two track points where the SOC crosses `level`.
double crossing(const SocPoint& a, const SocPoint& b, double soc_a, double soc_b, double level) {
  if (soc_a == soc_b) return b.at;
  const double f = std::clamp((soc_a - level) / (soc_a - soc_b), 0.0, 1.0);
  return a.at + f * (b.at - a.at);
}

}  // namespace

std::vector<PlannedCharge> plan_charge_stops(const std::vector<SocPoint>& track, const EnrouteCharging& opt,
                                             double soc_max, bool distance_based) {
  std::vector<PlannedCharge> plan;
  if (track.size() < 2) return plan;
  const double floor = opt.reserve_soc + opt.planning_margin_soc;
  // A charge never aims at the very top, where the taper makes the time unbounded.
  const double top = std::min(opt.target_soc, soc_max - 0.01);
  const double soc0 = track.front().soc;
  const double c_end = soc0 - track.back().soc;
  auto consumption = [&](std::size_t i) { return soc0 - track[i].soc; };
  // The most the trip has consumed from each point on: a route that climbs to a pass and comes down
  // again needs the charge for the pass, not its net energy to the end.
  std::vector<double> peak_after(track.size());
  for (std::size_t j = track.size(); j-- > 0;) {
    peak_after[j] = j + 1 < track.size() ? std::max(consumption(j), peak_after[j + 1]) : consumption(j);
  }

  double s = soc0;   // SOC at the last departure
  std::size_t i = 0; // track index at the last departure
  double c_dep = 0.0;
  double at_dep = track.front().at;
  constexpr int kMaxStops = 1000;
  while (static_cast<int>(plan.size()) < kMaxStops) {
    // First point where the SOC would reach the floor.
    double soc_prev = s - (consumption(i) - c_dep);
    double q = std::numeric_limits<double>::infinity();
    for (std::size_t j = i + 1; j < track.size(); ++j) {
      const double soc_j = s - (consumption(j) - c_dep);
      if (soc_j <= floor) {
        q = crossing(track[j - 1], track[j], soc_prev, soc_j, floor);
        break;
      }
      soc_prev = soc_j;
    }
    if (!std::isfinite(q)) break;  // reaches the end above the floor

    double stop_at = q;
    double power = opt.charger_power_W;
    if (distance_based && !opt.wherever_needed) {
      // The farthest charger after the last departure and at or before q.
      const ChargerSite* best = nullptr;
      for (const auto& c : opt.chargers) {
        if (c.distance_m > at_dep + 1.0 && c.distance_m <= q) best = &c;
      }
      if (best == nullptr) break;  // a gap the pack cannot bridge
      stop_at = best->distance_m;
      if (best->power_W > 0.0) power = best->power_W;
    }
    if (stop_at <= at_dep + 1.0) break;  // no progress: the target is too low to reach anything
    // Consumption at the stop (interpolated), and what the rest of the trip needs from there.
    std::size_t m = i;
    while (m + 1 < track.size() && track[m + 1].at <= stop_at) ++m;
    double c_stop = consumption(m);
    if (m + 1 < track.size() && track[m + 1].at > track[m].at) {
      const double f = (stop_at - track[m].at) / (track[m + 1].at - track[m].at);
      c_stop += f * (consumption(m + 1) - consumption(m));
    }
    const double arrive = s - (c_stop - c_dep);
    const double need = floor + ((m + 1 < track.size() ? peak_after[m + 1] : c_end) - c_stop);
    const double target = std::min(top, std::max(need, arrive));
    if (target <= arrive + 1e-6) break;  // charging here cannot help
    plan.push_back(PlannedCharge{stop_at, target, power});
    s = target;
    c_dep = c_stop;
    at_dep = stop_at;
    i = m;
  }
  return plan;
}

std::vector<std::size_t> insert_charge_stops(routes::RouteProfile& route, const std::vector<PlannedCharge>& plan,
                                             double decel_mps2, double accel_mps2) {
  std::vector<std::size_t> where;
  if (plan.empty()) return where;
  if (!route.is_time_based()) {
    // The index of each stop as it goes in; a later one inserted before it moves it on by one.
    for (const auto& p : plan) {
      routes::Stop st{p.at, 0.0, "charger"};
      // Keep a charge stop off an existing stop's exact position: one event per position.
      for (const auto& o : route.stops) {
        if (std::abs(o.distance_m - st.distance_m) < 1.0) st.distance_m = std::max(0.0, o.distance_m - 1.0);
      }
      const auto it = std::upper_bound(route.stops.begin(), route.stops.end(), st.distance_m,
                                       [](double d, const routes::Stop& s) { return d < s.distance_m; });
      const auto inserted = route.stops.insert(it, st);  // may reallocate: take begin() after it
      const auto at = static_cast<std::size_t>(inserted - route.stops.begin());
      for (auto& w : where) w += w >= at ? 1 : 0;
      where.push_back(at);
    }
    return where;
  }
  // Speed trace: v'(t) = min(v(t), notch(t)), notch = 0 within 5 s of t*, rising at the decel before and
  // the accel after. Sampled at 1 s (and at the notch's corners) across each notch.
  auto& ts = route.trace_time_s;
  auto& vs = route.trace_speed_mps;
  auto speed_at = [&](double t) {
    const auto it = std::upper_bound(ts.begin(), ts.end(), t);
    if (it == ts.begin()) return vs.front();
    if (it == ts.end()) return vs.back();
    const std::size_t j = static_cast<std::size_t>(it - ts.begin());
    const double f = (t - ts[j - 1]) / (ts[j] - ts[j - 1]);
    return vs[j - 1] + f * (vs[j] - vs[j - 1]);
  };
  constexpr double kHalf = 5.0;  // long enough for the driver, who looks response_time_s ahead, to halt in it
  double vmax = 0.0;
  for (double v : vs) vmax = std::max(vmax, v);
  std::vector<double> nt, nv;
  for (const auto& p : plan) {
    const double t0 = p.at - kHalf - vmax / decel_mps2, t1 = p.at + kHalf + vmax / accel_mps2;
    for (double t = std::ceil(t0); t <= t1; t += 1.0) nt.push_back(t);
    nt.push_back(p.at - kHalf);
    nt.push_back(p.at + kHalf);
  }
  std::vector<double> all(ts);
  for (double t : nt) {
    if (t > ts.front() && t < ts.back()) all.push_back(t);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end(), [](double a, double b) { return std::abs(a - b) < 1e-6; }),
            all.end());
  std::vector<double> out_v(all.size());
  for (std::size_t j = 0; j < all.size(); ++j) {
    double v = speed_at(all[j]);
    for (const auto& p : plan) {
      const double dt = all[j] - p.at;
      const double notch = std::abs(dt) <= kHalf ? 0.0 : (dt < 0 ? (-dt - kHalf) * decel_mps2 : (dt - kHalf) * accel_mps2);
      v = std::min(v, notch);
    }
    out_v[j] = v;
  }
  ts = std::move(all);
  vs = std::move(out_v);
  return where;
}

}  // namespace semitco::physics
