// Time-of-use tariff look-up and checks; see tariff.hpp.
#include "tco/tariff.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "tco/inputs.hpp"
#include "tco/parameters.hpp"

namespace semitco::tco {

namespace {

bool contains(const TouPeriod& p, double h) {
  if (p.start_h <= p.end_h) return h >= p.start_h && h < p.end_h;
  return h >= p.start_h || h < p.end_h;  // across midnight
}

[[noreturn]] void fail(const std::string& key, const std::string& value, const std::string& why) {
  throw TcoInputError(key + " = " + value + " (" + why + ")");
}

void check_day(const std::vector<TouPeriod>& day, const std::string& key) {
  if (day.empty()) fail(key, "[]", "needs at least one period covering the 24 h");
  // The periods as pieces of [0, 24), a period across midnight in two.
  std::vector<std::pair<double, double>> pieces;
  for (std::size_t i = 0; i < day.size(); ++i) {
    const TouPeriod& p = day[i];
    const std::string k = key + "[" + std::to_string(i) + "]";
    if (!(p.start_h >= 0.0 && p.start_h < 24.0))
      fail(k + ".start_h", format_value(p.start_h), "must be in [0, 24)");
    if (!(p.end_h > 0.0 && p.end_h <= 24.0)) fail(k + ".end_h", format_value(p.end_h), "must be in (0, 24]");
    if (p.start_h == p.end_h) fail(k + ".end_h", format_value(p.end_h), "equals start_h: an empty period");
    if (!(p.price_usd_per_kWh >= 0.0 && std::isfinite(p.price_usd_per_kWh))) {
      fail(k + ".price_usd_per_kWh", format_value(p.price_usd_per_kWh), "must be >= 0 and finite");
    }
    if (p.start_h < p.end_h) {
      pieces.emplace_back(p.start_h, p.end_h);
    } else {
      pieces.emplace_back(p.start_h, 24.0);
      pieces.emplace_back(0.0, p.end_h);
    }
  }
  std::sort(pieces.begin(), pieces.end());
  double at = 0.0;
  for (const auto& [a, b] : pieces) {
    if (a > at + 1e-9)
      fail(key, "no price from " + format_value(at) + " h to " + format_value(a) + " h",
           "periods must cover the day");
    if (a < at - 1e-9) fail(key, "two prices at " + format_value(a) + " h", "periods overlap");
    at = b;
  }
  if (at < 24.0 - 1e-9)
    fail(key, "no price from " + format_value(at) + " h to 24 h", "periods must cover the day");
}

}  // namespace

double energy_price_usd_per_kWh(const Tariff& t, double hour, bool weekend) {
  const auto& day = weekend && !t.weekend.empty() ? t.weekend : t.weekday;
  double h = std::fmod(hour, 24.0);
  if (h < 0.0) h += 24.0;
  for (const auto& p : day) {
    if (contains(p, h)) return p.price_usd_per_kWh;
  }
  return day.empty() ? 0.0 : day.front().price_usd_per_kWh;  // validate() refuses a gap; never reached then
}

void validate(const Tariff& t, const std::string& key) {
  check_day(t.weekday, key + ".weekday");
  if (!t.weekend.empty()) check_day(t.weekend, key + ".weekend");
  if (!(t.demand_charge_usd_per_kW_month >= 0.0 && std::isfinite(t.demand_charge_usd_per_kW_month))) {
    fail(key + ".demand_charge_usd_per_kW_month", format_value(t.demand_charge_usd_per_kW_month),
         "must be >= 0");
  }
  if (!(t.fixed_fees_usd_per_month >= 0.0 && std::isfinite(t.fixed_fees_usd_per_month))) {
    fail(key + ".fixed_fees_usd_per_month", format_value(t.fixed_fees_usd_per_month), "must be >= 0");
  }
}

}  // namespace semitco::tco
