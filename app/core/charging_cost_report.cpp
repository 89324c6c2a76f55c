// Delivered electricity cost as text and figures; see charging_cost_report.hpp.
#include "app/core/charging_cost_report.hpp"

#include <cmath>
#include <cstdio>

#include "tco/charging_cost.hpp"

namespace semitco::core {

namespace {

std::string f(const char* fmt, double a) {
  char buf[160];
  std::snprintf(buf, sizeof buf, fmt, a);
  return buf;
}

std::string thousands(double v) {
  const long long n = std::llround(v < 0 ? -v : v);
  const std::string digits = std::to_string(n);
  std::string out = v < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string depot_charging_summary(const tco::TcoInputs& in) {
  const tco::ChargingPlan& ch = in.charging;
  const int minutes = static_cast<int>(std::lround(ch.depot_arrival_h * 60.0)) % (24 * 60);
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d", minutes / 60, minutes % 60);
  std::string s = std::string(tco::depot_charging_key(ch.depot_charging)) + " charging from " + clock + ", ";
  s += ch.tou_weekday.empty() ? "flat " + f("$%.3f/kWh", in.prices.electricity_price_usd_per_kWh)
                              : std::to_string(ch.tou_weekday.size()) + "-period time-of-use tariff" +
                                    (ch.tou_weekend.empty() ? "" : " (own weekend prices)");
  s += ", charger " + std::string(ch.charger_capital == tco::ChargerCapital::kCash ? "paid cash" : "capital recovered") +
       " over " + f("%.3g", tco::charger_life_yr(in)) + " years";
  if (ch.depot_share.enabled) s += ", depot schedule's share";
  else s += ", " + f("%.3g", ch.trucks_per_charger) + (ch.trucks_per_charger == 1.0 ? " truck" : " trucks") + " per charger";
  return s;
}

void print_delivered_electricity(std::ostream& out, const tco::TcoInputs& in, const tco::CostReport& ev) {
  const tco::DeliveredElectricity& d = ev.delivered;
  if (!(d.grid_kWh_per_yr > 0.0)) return;
  const tco::ChargingPlan& ch = in.charging;
  out << "delivered electricity at the depot (levelised, per grid kWh bought there)\n";
  out << "  " << depot_charging_summary(in) << "\n";
  auto line = [&](const char* what, double v, const std::string& why) {
    out << "  " << what << f("$%.4f/kWh", v) << (why.empty() ? "" : "  " + why) << "\n";
  };
  line("energy        ", d.energy_usd_per_kWh,
       ch.depot_charging == tco::DepotCharging::kManaged && !d.from_depot_schedule
           ? f("(charged as soon as plugged in: $%.4f/kWh)", d.unmanaged_energy_usd_per_kWh)
           : "");
  line("demand        ", d.demand_usd_per_kWh,
       d.from_depot_schedule ? "(the depot schedule's share)"
                             : "(peak " + f("%.0f kW", d.peak_grid_kW) + " from the grid at " +
                                   f("$%.2f/kW-month", in.prices.demand_charge_usd_per_kW_month) + ")");
  line("fixed fees    ", d.fixed_usd_per_kWh, "");
  line("charger       ", d.capital_usd_per_kWh,
       "($" + thousands(tco::charger_capital_per_truck_usd(in)) + " per truck, salvage " +
           f("%.0f %%", 100.0 * ch.charger_salvage_frac) + ")");
  line("total         ", d.total_usd_per_kWh, "(" + thousands(d.grid_kWh_per_yr) + " kWh a year)");
}

std::vector<std::pair<std::string, double>> delivered_electricity_figures(const tco::CostReport& ev) {
  const tco::DeliveredElectricity& d = ev.delivered;
  return {{"delivered_energy_usd_per_kWh", d.energy_usd_per_kWh},
          {"delivered_demand_usd_per_kWh", d.demand_usd_per_kWh},
          {"delivered_fixed_usd_per_kWh", d.fixed_usd_per_kWh},
          {"delivered_capital_usd_per_kWh", d.capital_usd_per_kWh},
          {"delivered_total_usd_per_kWh", d.total_usd_per_kWh},
          {"depot_peak_grid_kW", d.peak_grid_kW}};
}

}  // namespace semitco::core
