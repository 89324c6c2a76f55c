// Why one truck costs less; see cost_why.hpp.
#include "app/core/cost_why.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace semitco::core {

const std::vector<CostGroup>& cost_difference_groups() {
  using L = tco::CostLine;
  static const std::vector<CostGroup> groups = {
      {"truck price & taxes", {L::kVehiclePrice, L::kExciseTax, L::kSalesTax, L::kIncentives},
       "each truck's price, federal excise tax 12 %, state sales tax, incentives (Economics)"},
      {"financing", {L::kFinancingInterest}, "loan share, rate and term (Economics)"},
      {"resale value", {L::kResidualValue}, "residual value at the end of ownership (Economics)"},
      {"depot charger", {L::kChargerCapital}, "charger hardware and installation, trucks per charger (Operations)"},
      {"energy", {L::kDieselFuel, L::kDef, L::kDepotElectricity, L::kPublicCharging, L::kEnrouteCharging},
       "fuel or kWh per run (simulated on the route) x runs; diesel and DEF prices; depot energy rate; public "
       "charging share and price; en-route stops' kWh x public price"},
      {"demand charge & fees", {L::kDemandCharge, L::kElectricityFixedFees},
       "demand charge $/kW-month x depot charger power, monthly fees, trucks per charger (Economics)"},
      {"maintenance & tyres", {L::kMaintenance, L::kTyres}, "maintenance and tyre cost per mile (Economics)"},
      {"insurance", {L::kInsurance}, "insurance rate x purchase price (Economics)"},
      {"road tax, registration & tolls", {L::kHvut, L::kRegistration, L::kTolls},
       "heavy vehicle use tax by gross weight, registration, tolls per mile (Economics)"},
      {"driver", {L::kDriverLabour, L::kRemoteSupervision},
       "paid hours (driving, en-route charging outside breaks) x wage and benefits (Operations)"},
      {"battery replacement", {L::kBatteryReplacement}, "pack replacement year and price per kWh (Economics)"},
      {"carbon cost & credits", {L::kCarbonCost, L::kLcfsCredit},
       "CO\xE2\x82\x82 per run x carbon price; low-carbon-fuel-standard (LCFS) credit price (Economics)"},
  };
  return groups;
}

std::vector<CostDifference> cost_differences(const tco::Comparison& c) {
  std::vector<CostDifference> out;
  for (const auto& g : cost_difference_groups()) {
    CostDifference d{g.name, g.lines, g.driven_by, 0.0, 0.0, 0.0};
    for (const auto l : g.lines) {
      const auto i = static_cast<std::size_t>(l);
      if (i < c.electric.lines.size()) d.electric_usd_per_mi += c.electric.lines[i].usd_per_mi;
      if (i < c.diesel.lines.size()) d.diesel_usd_per_mi += c.diesel.lines[i].usd_per_mi;
    }
    d.electric_minus_diesel_usd_per_mi = d.electric_usd_per_mi - d.diesel_usd_per_mi;
    if (std::abs(d.electric_minus_diesel_usd_per_mi) >= 5e-4) out.push_back(std::move(d));  // shown to 3 decimals
  }
  std::stable_sort(out.begin(), out.end(), [](const CostDifference& a, const CostDifference& b) {
    return std::abs(a.electric_minus_diesel_usd_per_mi) > std::abs(b.electric_minus_diesel_usd_per_mi);
  });
  return out;
}

std::string describe_why(const tco::Comparison& c, UnitSystem units, std::size_t n) {
  const auto diffs = cost_differences(c);
  const bool us = units == UnitSystem::US;
  std::string s;
  for (std::size_t i = 0; i < diffs.size() && i < n; ++i) {
    const double v = diffs[i].electric_minus_diesel_usd_per_mi / (us ? 1.0 : 1.609344);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s$%.3f/%s", v < 0 ? "\xE2\x88\x92" : "+", std::abs(v), us ? "mi" : "km");
    if (!s.empty()) s += ", ";
    s += diffs[i].name + " " + buf;
  }
  return s;
}

}  // namespace semitco::core
