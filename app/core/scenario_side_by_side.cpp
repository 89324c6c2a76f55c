// Scenarios side by side; see scenario_side_by_side.hpp.
#include "app/core/scenario_side_by_side.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>

#include "app/core/text.hpp"
#include "tco/charging_cost.hpp"
#include "tco/parameters.hpp"

namespace semitco::core {

namespace {

std::string f(const char* fmt, double a) {
  char buf[96];
  std::snprintf(buf, sizeof buf, fmt, a);
  return buf;
}

std::string grouped(double v, int decimals) {  // 1,234,567.8
  const double scale = std::pow(10.0, decimals);
  const long long n = std::llround(std::abs(v) * scale);
  const std::string digits = std::to_string(n / static_cast<long long>(scale));
  std::string out = v < 0 && n != 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  if (decimals > 0) {
    char frac[32];
    std::snprintf(frac, sizeof frac, ".%0*lld", decimals, n % static_cast<long long>(scale));
    out += frac;
  }
  return out;
}

bool costed(const ComparisonResult& r) { return r.electric.summary.feasible && r.diesel.summary.feasible; }

std::string tou_text(const std::vector<tco::TouPeriod>& list) {
  if (list.empty()) return "flat";
  std::string s;
  for (const auto& p : list) s += (s.empty() ? "" : ", ") + f("%g-", p.start_h) + f("%g h ", p.end_h) + f("$%.3f", p.price_usd_per_kWh);
  return s;
}

// An input's value in US units for a person, from its key's unit suffix (docs/tco.md lists the keys):
// 15,422 kg -> "34,000 lb", 21,600 s -> "6 h", a fraction -> "%", a price -> "$" with separators.
std::string for_people(const std::string& key, double v) {
  auto num = [](double x) { return std::abs(x) >= 1000.0 ? grouped(x, 0) : f("%.4g", x); };
  if (key.ends_with("_kg")) return grouped(v / 0.45359237, 0) + " lb";
  if (key.ends_with("_s")) return f("%.4g h", v / 3600.0);
  if (key.ends_with("_m")) return num(v / 1609.344) + " mi";
  if (key.ends_with("_frac") || key.ends_with("_frac_per_yr")) return f("%.4g %%", 100.0 * v);
  if (key.ends_with("_usd")) return (v < 0 ? "-$" : "$") + grouped(std::abs(v), 0);
  return num(v);
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> differing_inputs(const std::vector<ScenarioColumn>& cols) {
  std::vector<std::pair<std::string, std::vector<std::string>>> rows;
  auto add = [&](const std::string& key, auto value_of) {
    std::vector<std::string> v;
    for (const auto& c : cols) v.push_back(value_of(*c.scenario));
    for (const auto& x : v) {
      if (x != v.front()) {
        rows.emplace_back(key, v);
        return;
      }
    }
  };
  add("electric vehicle", [](const Scenario& s) { return s.electric_ref.empty() ? std::string("(inline)") : s.electric_ref; });
  add("diesel vehicle", [](const Scenario& s) { return s.diesel_ref.empty() ? std::string("(inline)") : s.diesel_ref; });
  add("route", [](const Scenario& s) { return s.route_ref; });
  for (const auto& p : tco::parameters()) {
    const std::string key(p.key);
    if (key.find(".trip.") != std::string::npos || key.ends_with(".tare_kg")) continue;
    add(key, [&p, key](const Scenario& s) { return for_people(key, p.get(s.economics)); });
  }
  add("charging.charger_capital",
      [](const Scenario& s) { return std::string(tco::charger_capital_key(s.economics.charging.charger_capital)); });
  add("charging.depot_charging",
      [](const Scenario& s) { return std::string(tco::depot_charging_key(s.economics.charging.depot_charging)); });
  add("charging.tou.weekday", [](const Scenario& s) { return tou_text(s.economics.charging.tou_weekday); });
  add("charging.tou.weekend", [](const Scenario& s) { return tou_text(s.economics.charging.tou_weekend); });
  return rows;
}

void print_side_by_side(std::ostream& out, const std::vector<ScenarioColumn>& cols) {
  constexpr int kLabel = 34, kCol = 22;
  auto row = [&](const std::string& label, auto cell) {
    out << "  " << std::left << std::setw(kLabel) << label << std::right;
    for (const auto& c : cols) out << std::setw(kCol) << cell(*c.result);
    out << "\n";
  };
  out << "scenarios side by side\n";
  row("", [&](const ComparisonResult& r) {
    for (const auto& c : cols)
      if (c.result == &r) return c.label.size() > kCol - 2 ? c.label.substr(0, kCol - 2) : c.label;
    return std::string();
  });
  auto money_or_dash = [](bool ok, double v, int dec) {
    return !ok ? std::string("-") : (v < 0 ? "-$" : "$") + grouped(std::abs(v), dec);
  };
  row("EV energy simulated [kWh/mi]", [](const ComparisonResult& r) { return f("%.2f", r.electric.energy_kWh_per_mi); });
  row("EV energy costed [kWh/mi, plug]",
      [](const ComparisonResult& r) { return f("%.2f", r.tco.electric.quantities.energy_kWh_per_mi); });
  row("EV energy source", [](const ComparisonResult& r) {
    return r.tco.electric.energy_basis.starts_with("simulated") ? std::string("simulated") : std::string("entered");
  });
  row("miles a year", [](const ComparisonResult& r) { return grouped(r.tco_inputs.operations.annual_miles, 0); });
  row("electric cost [$/mi]", [&](const ComparisonResult& r) { return money_or_dash(costed(r), r.tco.electric.usd_per_mi, 3); });
  row("diesel cost [$/mi]", [&](const ComparisonResult& r) { return money_or_dash(costed(r), r.tco.diesel.usd_per_mi, 3); });
  row("EV savings [$/mi]", [&](const ComparisonResult& r) { return money_or_dash(costed(r), r.tco.savings_usd_per_mi, 3); });
  row("EV savings, NPV", [&](const ComparisonResult& r) { return money_or_dash(costed(r), r.tco.savings_npv_usd, 0); });
  row("cheaper truck", [&](const ComparisonResult& r) {
    return !costed(r) ? std::string("-") : r.tco.savings_usd_per_mi > 0 ? std::string("electric") : std::string("diesel");
  });
  row("break-even diesel [$/gal]", [&](const ComparisonResult& r) {
    const auto& b = r.tco.break_even_diesel_price_usd_per_gal;
    return costed(r) && b ? f("$%.2f", *b) : std::string("-");
  });
  const auto part = [&](const char* label, double tco::DeliveredElectricity::*m) {
    row(label, [&](const ComparisonResult& r) { return costed(r) ? f("$%.3f", r.tco.electric.delivered.*m) : "-"; });
  };
  part("delivered electricity [$/kWh]", &tco::DeliveredElectricity::total_usd_per_kWh);
  part("  energy", &tco::DeliveredElectricity::energy_usd_per_kWh);
  part("  demand", &tco::DeliveredElectricity::demand_usd_per_kWh);
  part("  fixed fees", &tco::DeliveredElectricity::fixed_usd_per_kWh);
  part("  charger capital", &tco::DeliveredElectricity::capital_usd_per_kWh);
  const auto diff = differing_inputs(cols);
  if (diff.empty()) return;
  std::size_t width = 0;
  for (const auto& c : cols) width = std::max(width, c.label.size() + 2);
  out << "\nwhat differs between them (" << diff.size() << " inputs, in US units)\n";
  for (const auto& [key, values] : diff) {
    out << "  " << key << "\n";
    for (std::size_t i = 0; i < values.size(); ++i)
      out << "    " << std::left << std::setw(static_cast<int>(width)) << cols[i].label << std::right << printable(values[i]) << "\n";
  }
}

}  // namespace semitco::core
