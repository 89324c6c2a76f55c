// Battery pack equations; see battery_pack.hpp.
#include "physics/battery_pack.hpp"

#include <algorithm>
#include <cmath>

namespace semitco::physics {

BatteryPack::BatteryPack(const BatteryParams& p) : p_(p), capacity_C_(p.capacity_Ah * 3600.0) { p_.check(); }

double BatteryPack::ocv_V(double soc) const {
  const auto& c = p_.ocv;
  if (soc <= c.front().soc) return c.front().voltage_V;
  if (soc >= c.back().soc) return c.back().voltage_V;
  const auto hi = std::upper_bound(c.begin(), c.end(), soc,
                                   [](double s, const OcvPoint& pt) { return s < pt.soc; });
  const auto lo = hi - 1;
  const double f = (soc - lo->soc) / (hi->soc - lo->soc);
  return lo->voltage_V + f * (hi->voltage_V - lo->voltage_V);
}

double BatteryPack::charge_limit_W(double soc) const {
  if (soc >= p_.soc_max) return 0.0;
  if (soc <= p_.charge_taper_start_soc) return p_.max_charge_power_W;
  const double f = (p_.soc_max - soc) / (p_.soc_max - p_.charge_taper_start_soc);
  return p_.max_charge_power_W * f;
}

double BatteryPack::discharge_limit_W(double soc) const {
  if (soc <= p_.soc_min) return 0.0;
  const double v = ocv_V(soc);
  // The pack cannot deliver more than V^2/(4R) whatever the rating (matched-load limit).
  const double matched = p_.resistance_ohm > 0.0 ? v * v / (4.0 * p_.resistance_ohm) : p_.max_discharge_power_W;
  return std::min(p_.max_discharge_power_W, 0.999 * matched);
}

BatteryPack::Flow BatteryPack::flow(double soc, double terminal_W) const {
  const double v = ocv_V(soc);
  const double r = p_.resistance_ohm;
  Flow f;
  if (r <= 0.0) {
    f.current_A = terminal_W / v;
  } else {
    const double disc = std::max(0.0, v * v - 4.0 * r * terminal_W);
    // Numerically stable root of r I^2 - v I + P = 0: I = 2P / (v + sqrt(disc)).
    f.current_A = 2.0 * terminal_W / (v + std::sqrt(disc));
  }
  f.chemical_W = v * f.current_A;
  f.loss_W = f.current_A * f.current_A * r;
  return f;
}

double BatteryPack::energy_between_J(double soc_lo, double soc_hi) const {
  // Trapezoid over a fine grid: the OCV curve is piecewise linear, so 1000 steps are exact to ~1e-6.
  const int n = 1000;
  const double h = (soc_hi - soc_lo) / n;
  double e = 0.0;
  for (int i = 0; i < n; ++i) {
    e += 0.5 * (ocv_V(soc_lo + i * h) + ocv_V(soc_lo + (i + 1) * h)) * h;
  }
  return e * capacity_C_;
}

}  // namespace semitco::physics
