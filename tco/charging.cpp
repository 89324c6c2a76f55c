// Charge time from an acceptance curve, and the day's charge-stop plan. Equations in charging.hpp.
#include "tco/charging.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace semitco::tco {

namespace {

constexpr double kTolJ = 1e-6;  // energy tolerance [J] for "just enough"

// Time [s] over a piece where the power is linear from p0_kW to p1_kW.
double piece_time_s(double usable_J, double ds, double p0_kW, double p1_kW) {
  if (ds <= 0.0) return 0.0;
  const double p0 = p0_kW * 1000.0;
  const double p1 = p1_kW * 1000.0;
  if (std::abs(p1 - p0) <= 1e-12 * std::max(p0, p1)) return usable_J * ds / p0;
  return usable_J * ds * std::log(p1 / p0) / (p1 - p0);
}

// Time to charge between s0 < s1 where the uncapped curve is linear (within one curve segment or beyond
// the ends); split where the curve crosses the charger cap so each piece is linear.
double segment_time_s(const ChargingCurve& curve, double usable_J, double s0, double s1, double cap_kW) {
  const double p0 = acceptance_power_kW(curve, s0);
  const double p1 = acceptance_power_kW(curve, s1);
  if ((p0 - cap_kW) * (p1 - cap_kW) < 0.0) {
    const double sc = s0 + (cap_kW - p0) / (p1 - p0) * (s1 - s0);
    return piece_time_s(usable_J, sc - s0, std::min(p0, cap_kW), cap_kW) +
           piece_time_s(usable_J, s1 - sc, cap_kW, std::min(p1, cap_kW));
  }
  return piece_time_s(usable_J, s1 - s0, std::min(p0, cap_kW), std::min(p1, cap_kW));
}

// Keeps the k largest values seen (k <= kMax), allocation-free.
class LargestStops {
 public:
  static constexpr int kMax = 8;
  explicit LargestStops(int k) : k_(std::clamp(k, 0, kMax)) {}
  void add(double v) {
    if (k_ == 0) return;
    if (n_ < k_) {
      top_[static_cast<std::size_t>(n_++)] = v;
    } else {
      auto it = std::min_element(top_.begin(), top_.begin() + k_);
      if (v > *it) *it = v;
    }
  }
  double overlap_s(double break_s) const {
    double sum = 0.0;
    for (int i = 0; i < n_; ++i) sum += std::min(top_[static_cast<std::size_t>(i)], break_s);
    return sum;
  }

 private:
  int k_;
  int n_ = 0;
  std::array<double, kMax> top_{};
};

}  // namespace

double acceptance_power_kW(const ChargingCurve& c, double soc) {
  const std::size_t n = c.soc_frac.size();
  if (n == 0) return 0.0;
  if (soc <= c.soc_frac.front()) return c.power_kW.front();
  if (soc >= c.soc_frac.back()) return c.power_kW.back();
  const auto it = std::upper_bound(c.soc_frac.begin(), c.soc_frac.end(), soc);
  const std::size_t i =
      static_cast<std::size_t>(it - c.soc_frac.begin());  // soc_frac[i-1] <= soc < soc_frac[i]
  const double t = (soc - c.soc_frac[i - 1]) / (c.soc_frac[i] - c.soc_frac[i - 1]);
  return c.power_kW[i - 1] + t * (c.power_kW[i] - c.power_kW[i - 1]);
}

double charge_time_s(const ChargingCurve& curve, double usable_J, double soc_from, double soc_to,
                     double charger_power_kW) {
  if (soc_to <= soc_from) return 0.0;
  double time_s = 0.0;
  double s = soc_from;
  for (double bp : curve.soc_frac) {
    if (bp <= s) continue;
    if (bp >= soc_to) break;
    time_s += segment_time_s(curve, usable_J, s, bp, charger_power_kW);
    s = bp;
  }
  time_s += segment_time_s(curve, usable_J, s, soc_to, charger_power_kW);
  return time_s;
}

double soc_after_charging(const ChargingCurve& curve, double usable_J, double soc_from, double time_s,
                          double charger_power_kW) {
  if (time_s <= 0.0 || soc_from >= 1.0) return soc_from;
  if (charge_time_s(curve, usable_J, soc_from, 1.0, charger_power_kW) <= time_s) return 1.0;
  double lo = soc_from;
  double hi = 1.0;
  for (int i = 0; i < 60; ++i) {  // 2^-60 of the SOC range: exact for any purpose
    const double mid = 0.5 * (lo + hi);
    (charge_time_s(curve, usable_J, soc_from, mid, charger_power_kW) <= time_s ? lo : hi) = mid;
  }
  return lo;
}

namespace {

// The day's plan from a given start SOC, without the depot-window rule.
DayChargingPlan plan_from(const ChargingPlan& plan, const DayChargingDemand& d, double start_soc) {
  DayChargingPlan out;
  out.start_soc_frac = start_soc;
  const double U = d.usable_J;
  const double r = plan.reserve_soc_frac;
  const double target = plan.enroute_target_soc_frac;
  const double day_m = d.day_distance_m;
  const double day_J = d.day_energy_J;
  const double e_per_m = day_m > 0.0 ? day_J / day_m : 0.0;
  LargestStops stops(d.hos_breaks_per_day);

  auto add_stop = [&](double at_m, double soc_from, double soc_to) {
    const double t = charge_time_s(plan.acceptance, U, soc_from, soc_to, plan.enroute_charger_power_kW) +
                     plan.enroute_stop_overhead_s;
    if (out.enroute_stops < DayChargingPlan::kMaxListedStops) {
      out.stops[static_cast<std::size_t>(out.enroute_stops)] = {at_m, t, (soc_to - soc_from) * U};
    }
    out.enroute_stops += 1;
    out.enroute_pack_J += (soc_to - soc_from) * U;
    out.enroute_time_s += t;
    stops.add(t);
  };

  double avail_J = (start_soc - r) * U;  // energy above reserve
  if (day_J > avail_J + kTolJ && e_per_m > 0.0) {
    if (plan.enroute_charger_positions_m.empty()) {
      // A charger wherever needed: stop at reserve, charge to target; the last stop only what is left.
      const double window_J = (target - r) * U;
      double need_J = day_J - avail_J;
      double at_m = avail_J / e_per_m;
      while (need_J > kTolJ) {
        const double take_J = std::min(window_J, need_J);
        add_stop(at_m, r, r + take_J / U);
        need_J -= take_J;
        at_m += take_J / e_per_m;
      }
    } else {
      // Chargers at k L + pos[i] for every run k of length L that starts within the day.
      const auto& pos = plan.enroute_charger_positions_m;
      const std::size_t n = pos.size();
      const double L = d.run_distance_m > 0.0 ? d.run_distance_m : day_m;
      auto charger_m = [&](std::size_t j) { return static_cast<double>(j / n) * L + pos[j % n]; };
      double x_prev = 0.0;
      for (std::size_t j = 0; charger_m(j) < day_m; ++j) {
        const double x = charger_m(j);
        avail_J -= e_per_m * (x - x_prev);
        x_prev = x;
        if (avail_J < -kTolJ) {  // could not reach this charger: cost the shortfall as an extra stop
          out.feasible = false;
          add_stop(x, r + avail_J / U, r);
          avail_J = 0.0;
        }
        const double x_next = std::min(charger_m(j + 1), day_m);  // next charger or the end of the day
        const double to_next_J = e_per_m * (x_next - x);
        if (avail_J + kTolJ >= to_next_J) continue;
        const double soc_now = r + avail_J / U;
        const double rest_of_day_J = e_per_m * (day_m - x) - avail_J;
        const double take_J = std::min((target - soc_now) * U, rest_of_day_J);
        if (take_J > kTolJ) {
          add_stop(x, soc_now, soc_now + take_J / U);
          avail_J += take_J;
        }
        if (avail_J + kTolJ < to_next_J) out.feasible = false;  // the gap is longer than the pack allows
      }
      avail_J -= e_per_m * (day_m - x_prev);
      if (avail_J < -kTolJ) {
        out.feasible = false;
        add_stop(day_m, r + avail_J / U, r);
      }
    }
  }
  out.break_overlap_s = stops.overlap_s(d.hos_break_s);
  out.depot_pack_J = std::max(0.0, day_J - out.enroute_pack_J);
  const double end_soc = start_soc - out.depot_pack_J / U;
  out.depot_time_s = charge_time_s(plan.acceptance, U, end_soc, start_soc, plan.depot_charger_power_kW);
  return out;
}

}  // namespace

DayChargingPlan plan_day_charging(const ChargingPlan& plan, const DayChargingDemand& d) {
  DayChargingPlan out = plan_from(plan, d, d.start_soc_frac);
  const double window_s = d.depot_window_s;
  if (!(out.depot_time_s > window_s * (1.0 + 1e-9) + 1e-9)) return out;

  // The window is short: what it can put back from tonight's end SOC, and the SOC it reaches from the
  // reserve (the lowest the day can end at) — the day then leaves with that and charges en route.
  const double U = d.usable_J;
  const double r = plan.reserve_soc_frac;
  const double end_soc = d.start_soc_frac - out.depot_pack_J / U;
  const double reached =
      soc_after_charging(plan.acceptance, U, end_soc, window_s, plan.depot_charger_power_kW);
  const double shortfall_J = std::max(0.0, (d.start_soc_frac - reached) * U);
  const double s_w = soc_after_charging(plan.acceptance, U, r, window_s, plan.depot_charger_power_kW);
  if (s_w <= r + 1e-9) {
    out.window_short = true;
    out.window_infeasible = true;
    out.depot_shortfall_J = shortfall_J;
    return out;
  }
  DayChargingPlan again = plan_from(plan, d, std::min(s_w, d.start_soc_frac));
  again.window_short = true;
  again.depot_shortfall_J = shortfall_J;
  return again;
}

}  // namespace semitco::tco
