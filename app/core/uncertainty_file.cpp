// The scenario's "uncertainty" section; see uncertainty_file.hpp.
#include "app/core/uncertainty_file.hpp"

#include <algorithm>

#include "tco/parameters.hpp"

namespace semitco::core {

const std::vector<UncertainRange>& default_uncertain_ranges() {
  // Multipliers of the scenario's value (estimates; docs/tco.md, "Uncertainty").
  static const std::vector<UncertainRange> ranges = {
      {"prices.diesel_price_usd_per_gal", 0.75, 1.40, "estimate: EIA on-highway diesel swings 2015-2025"},
      {"prices.electricity_price_usd_per_kWh", 0.70, 1.50, "estimate: commercial tariffs by utility"},
      {"prices.demand_charge_usd_per_kW_month", 0.50, 2.00, "estimate: tariffs range $5-30/kW-month"},
      {"electric.economics.purchase_price_usd", 0.80, 1.10, "estimate: quotes and price trend"},
      {"electric.economics.residual_value_frac", 0.50, 1.50, "estimate: no used-EV-truck market yet"},
      {"electric.economics.maintenance_usd_per_mi", 0.70, 1.30, "estimate"},
      {"diesel.economics.maintenance_usd_per_mi", 0.85, 1.15, "estimate"},
  };
  return ranges;
}

std::vector<UncertainRange> read_uncertainty(JsonParams& section) {
  std::vector<UncertainRange> out;
  for (const auto& [key, value] : section.json().items()) {
    const tco::ParameterInfo* p = nullptr;
    for (const auto& info : tco::parameters()) {
      if (info.key == key && !info.informational) p = &info;
    }
    if (!p) {
      throw InputError(section.where(key) + ": not an economics input the costs use (keys as in docs/tco.md, "
                                            "e.g. prices.diesel_price_usd_per_gal)");
    }
    if (!value.is_object()) throw InputError(section.where(key) + ": must be an object {\"low_frac\": .., \"high_frac\": ..}");
    auto r = section.object(key);
    UncertainRange u;
    u.key = key;
    u.low_frac = r.number("low", Dim::Fraction, 0.0, 1.0);
    u.high_frac = r.number("high", Dim::Fraction, 1.0, 10.0);
    u.source = r.text_or("source", "");
    r.finish();
    out.push_back(std::move(u));
  }
  section.finish();
  return out;
}

nlohmann::ordered_json write_uncertainty(const std::vector<UncertainRange>& ranges) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  for (const auto& r : ranges) {
    auto& j = o[r.key] = nlohmann::ordered_json::object();
    j["low_frac"] = r.low_frac;
    j["high_frac"] = r.high_frac;
    if (!r.source.empty()) j["source"] = r.source;
  }
  return o;
}

std::vector<tco::UncertainInput> uncertain_inputs(const tco::TcoInputs& base, const std::vector<UncertainRange>& ranges) {
  std::vector<tco::UncertainInput> out;
  for (const auto& r : ranges) {
    const auto& p = tco::find_parameter(r.key);
    const double v = p.get(base);
    if (v <= 0.0) continue;
    const double lo = std::max(v * r.low_frac, p.min_value);
    const double hi = std::min(v * r.high_frac, p.max_value);
    if (hi <= lo) continue;
    out.push_back({r.key, tco::Distribution::triangular(lo, v, hi)});
  }
  return out;
}

}  // namespace semitco::core
