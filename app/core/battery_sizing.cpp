// Cost per ton-mile against battery size; see battery_sizing.hpp.
#include "app/core/battery_sizing.hpp"

#include <cmath>

#include "app/core/vehicle_overrides.hpp"

namespace semitco::core {

std::vector<double> size_range(double from, double to, double step) {
  std::vector<double> v;
  if (!(step > 0.0) || to < from) return v;
  const double n = std::floor((to - from) / step + 1e-9);
  for (int i = 0; i <= static_cast<int>(n) && i < 1000; ++i) v.push_back(from + i * step);
  return v;
}

SizeCurve battery_size_curve(const Scenario& s, const routes::RouteProfile& route, const std::vector<double>& usable_kWh,
                             const RunOptions& opt) {
  SizeCurve c;
  for (double kWh : usable_kWh) {
    SizePoint p;
    p.usable_kWh = kWh;
    Scenario sized = s;
    try {
      set_vehicle_value(sized, "electric.battery.usable_kWh", kWh);
      const auto r = run_comparison(sized, route, opt);
      p.payload_kg = r.electric.payload_kg;
      p.price_usd = sized.economics.electric.economics.purchase_price_usd;
      if (r.electric.energy_kWh_per_mi > 0) p.range_mi = kWh / r.electric.energy_kWh_per_mi;
      p.costed = r.electric.summary.feasible && r.diesel.summary.feasible;
      if (p.costed) {
        p.usd_per_mi = r.tco.electric.usd_per_mi;
        p.usd_per_ton_mi = r.tco.electric.usd_per_ton_mi;
        p.enroute_stops = r.tco.electric.day.enroute_stops;
        p.day_feasible = r.tco.electric.feasible;
      } else {
        p.why_not = !r.electric.summary.feasible ? r.electric.summary.infeasible_reason : r.diesel.summary.infeasible_reason;
      }
    } catch (const std::exception& e) {
      p.why_not = e.what();
    }
    if (p.costed && p.day_feasible && (!c.best || p.usd_per_ton_mi < c.points[*c.best].usd_per_ton_mi)) c.best = c.points.size();
    c.points.push_back(std::move(p));
  }
  return c;
}

}  // namespace semitco::core
