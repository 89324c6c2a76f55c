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

int hos_breaks_per_day(double driving_s, double limit_s) {
  if (driving_s <= limit_s || limit_s <= 0.0) return 0;
  // A tiny relative tolerance keeps exactly 16 h of driving at one break despite rounding.
  return static_cast<int>(std::ceil(driving_s / limit_s - 1e-12)) - 1;
}

DayChargingPlan plan_day_charging(const ChargingPlan& plan, const DayChargingDemand& d) {
  DayChargingPlan out;
  const double U = d.usable_J;
  const double r = plan.reserve_soc_frac;
  const double target = plan.enroute_target_soc_frac;
  const double runs = static_cast<double>(d.runs_per_day);
  const double day_m = runs * d.run_distance_m;
  const double e_per_m = d.run_energy_J / d.run_distance_m;
  const double day_J = runs * d.run_energy_J;
  LargestStops stops(d.hos_breaks_per_day);

  auto add_stop = [&](double soc_from, double soc_to) {
    const double t = charge_time_s(plan.acceptance, U, soc_from, soc_to, plan.enroute_charger_power_kW) +
                     plan.enroute_stop_overhead_s;
    out.enroute_stops += 1;
    out.enroute_pack_J += (soc_to - soc_from) * U;
    out.enroute_time_s += t;
    stops.add(t);
  };

  double avail_J = (d.start_soc_frac - r) * U;  // energy above reserve
  if (day_J > avail_J + kTolJ) {
    if (plan.enroute_charger_positions_m.empty()) {
      // A charger wherever needed: stop at reserve, charge to target; the last stop only what is left.
      const double window_J = (target - r) * U;
      double need_J = day_J - avail_J;
      while (need_J > kTolJ) {
        const double take_J = std::min(window_J, need_J);
        add_stop(r, r + take_J / U);
        need_J -= take_J;
      }
    } else {
      double x_prev = 0.0;
      const auto& pos = plan.enroute_charger_positions_m;
      for (int k = 0; k < d.runs_per_day; ++k) {
        for (std::size_t i = 0; i < pos.size(); ++i) {
          const double x = static_cast<double>(k) * d.run_distance_m + pos[i];
          avail_J -= e_per_m * (x - x_prev);
          x_prev = x;
          if (avail_J < -kTolJ) {  // could not reach this charger: cost the shortfall as an extra stop
            out.feasible = false;
            add_stop(r + avail_J / U, r);
            avail_J = 0.0;
          }
          // Next charger along the day, or the end of the day.
          double x_next = day_m;
          if (i + 1 < pos.size()) {
            x_next = static_cast<double>(k) * d.run_distance_m + pos[i + 1];
          } else if (k + 1 < d.runs_per_day) {
            x_next = static_cast<double>(k + 1) * d.run_distance_m + pos.front();
          }
          const double to_next_J = e_per_m * (x_next - x);
          if (avail_J + kTolJ >= to_next_J) continue;
          const double soc_now = r + avail_J / U;
          const double rest_of_day_J = e_per_m * (day_m - x) - avail_J;
          const double take_J = std::min((target - soc_now) * U, rest_of_day_J);
          if (take_J > kTolJ) {
            add_stop(soc_now, soc_now + take_J / U);
            avail_J += take_J;
          }
          if (avail_J + kTolJ < to_next_J) out.feasible = false;  // the gap is longer than the pack allows
        }
      }
      avail_J -= e_per_m * (day_m - x_prev);
      if (avail_J < -kTolJ) {
        out.feasible = false;
        add_stop(r + avail_J / U, r);
      }
    }
  }
  out.break_overlap_s = stops.overlap_s(d.hos_break_s);
  out.depot_pack_J = std::max(0.0, day_J - out.enroute_pack_J);
  const double end_soc = d.start_soc_frac - out.depot_pack_J / U;
  out.depot_time_s =
      charge_time_s(plan.acceptance, U, end_soc, d.start_soc_frac, plan.depot_charger_power_kW);
  return out;
}

}  // namespace semitco::tco
