// Automated manual gearbox and shift strategy; see gearbox.hpp for the rules.
#include "physics/gearbox.hpp"

#include <algorithm>
#include <cmath>

namespace semitco::physics {

Gearbox::Gearbox(const GearboxParams& p, double wheel_radius_m) : p_(p), radius_(wheel_radius_m) {
  p_.check();
  require_in_range("wheel_radius_m", radius_, 0.2, 1.0);
}

ShiftStrategy::ShiftStrategy(const ShiftStrategyParams& p, double min_speed_radps, double rated_speed_radps,
                             int start_gear, double reference_power_W)
    : p_(p),
      w_min_(min_speed_radps),
      w_rated_(rated_speed_radps),
      start_gear_(start_gear),
      p_ref_(reference_power_W) {
  require_in_range("shift reference power [W]", p_ref_, 1.0, 1e8);
}

double ShiftStrategy::effort(double demand_W) const {
  return std::clamp(std::abs(demand_W) / p_ref_, 0.0, 1.0);
}

double ShiftStrategy::upshift_speed(double e) const {
  return p_.upshift_low_radps + (p_.upshift_high_radps - p_.upshift_low_radps) * e;
}

double ShiftStrategy::downshift_speed(double e) const {
  return p_.downshift_low_radps + (p_.downshift_high_radps - p_.downshift_low_radps) * e * e;
}

namespace {
double capability(const GearOptions& o, int g, double demand_W) {
  return demand_W >= 0.0 ? o.traction_W(g) : o.retard_W(g);
}
}  // namespace

int ShiftStrategy::choose(const ShiftQuery& q) const {
  const int k = q.gear, n = q.gears;
  const auto w = [&](int g) { return q.options->speed_radps(g); };
  const auto cap = [&](int g) { return capability(*q.options, g, q.demand_W); };
  const double need = std::abs(q.demand_W);
  const double e = effort(q.demand_W);
  const double up = upshift_speed(e), dn = downshift_speed(e), d = p_.margin_radps;
  const double w_top = w_rated_ - d;  // a lower gear must leave the engine below rated speed

  // Forced: over rated speed, or lugging below the minimum speed.
  if (k < n && w(k) >= w_rated_) {
    int j = k + 1;
    while (j < n && w(j) > up) ++j;
    return j;
  }
  if (k > start_gear_ && w(k) < w_min_) {
    for (int j = k - 1; j >= 1 && w(j) <= w_top; --j) {
      if (w(j) >= dn + d) return j;
    }
    for (int j = k - 1; j >= 1 && w(j) <= w_top; --j) {
      if (w(j) >= w_min_) return j;
    }
    return std::min(start_gear_, k - 1);  // too slow for any gear: the clutch slips in the start gear
  }
  // Demand: downshift below the downshift line, or for capability on a grade (traction) or descent.
  if (q.down_allowed && k > 1) {
    bool lower_better = false;
    if (need > cap(k)) {
      for (int j = k - 1; j >= 1 && w(j) <= w_top; --j) lower_better = lower_better || cap(j) > 1.01 * cap(k);
    }
    const bool below_line = w(k) < dn && k > start_gear_;  // at or below the start gear the clutch slips
    if (below_line || lower_better) {
      int best = 0;
      double best_cap = cap(k);
      for (int j = k - 1; j >= 1 && w(j) <= w_top; --j) {
        if (w(j) >= dn + d && cap(j) >= need) return j;  // the highest lower gear that does the job
        if (cap(j) > 1.01 * best_cap) {
          best = j;
          best_cap = cap(j);
        }
      }
      if (best > 0) return best;
      if (below_line && w(k - 1) <= w_top) return k - 1;
    }
  }
  // Upshift (skip up to three gears) where the engine lands inside the band with the capability kept.
  if (q.up_allowed && k < n && w(k) >= up) {
    for (int j = std::min(n, k + 3); j > k; --j) {
      if (w(j) >= dn + d && w(j) >= w_min_ + d && cap(j) >= 0.99 * std::min(need, cap(k))) return j;
    }
  }
  return k;
}

void ShiftStrategy::roots(int k, int n, double w, double* g) const {
  g[0] = k < n ? w - w_rated_ : 1.0;
  g[1] = k > start_gear_ ? w - w_min_ : 1.0;
}

int ShiftStrategy::starting_gear(const GearOptions& o, int n) const {
  // The highest gear that runs the engine at least halfway between the light-load down- and upshift
  // speeds; from rest (or too slow for any gear) the start gear.
  const double w_mid = 0.5 * (p_.downshift_low_radps + p_.upshift_low_radps);
  for (int g = n; g > start_gear_; --g) {
    if (o.speed_radps(g) >= w_mid && o.speed_radps(g) < w_rated_) return g;
  }
  return start_gear_;
}

}  // namespace semitco::physics
