// The scenario's "depot" section; see depot_file.hpp.
#include "app/core/depot_file.hpp"

#include <cmath>

namespace semitco::core {

namespace {

std::vector<double> number_list(JsonParams& p, const char* key) {
  const nlohmann::json& v = p.raw(key);
  if (!v.is_array()) throw InputError(p.where(key) + " = " + quote_json(v) + ": expected a list of numbers");
  std::vector<double> out;
  for (const auto& e : v) {
    if (!e.is_number())
      throw InputError(p.where(key) + " = " + quote_json(v) + ": expected a list of numbers");
    out.push_back(e.get<double>());
  }
  return out;
}

tco::ChargingCurve read_curve(JsonParams& p) {
  tco::ChargingCurve c;
  c.soc_frac = number_list(p, "soc_frac");
  c.power_kW = number_list(p, "power_kW");
  p.finish();
  return c;
}

}  // namespace

std::vector<tco::TouPeriod> read_periods(JsonParams& tariff, const char* key) {
  const nlohmann::json& v = tariff.raw(key);
  if (!v.is_array() || v.empty()) {
    throw InputError(tariff.where(key) + " = " + quote_json(v) +
                     ": expected a list of {\"start_h\", \"end_h\", \"price_usd_per_kWh\"} periods");
  }
  std::vector<tco::TouPeriod> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_object())
      throw InputError(tariff.where(key) + "[" + std::to_string(i) + "]: expected an object");
    JsonParams per(v[i], tariff.file(), tariff.path() + "." + key + "[" + std::to_string(i) + "]");
    tco::TouPeriod t;
    t.start_h = per.number("start", Dim::Time, 0.0, 86400.0) / 3600.0;
    t.end_h = per.number("end", Dim::Time, 0.0, 86400.0) / 3600.0;
    t.price_usd_per_kWh = per.number("price_usd_per_kWh", Dim::None, 0.0, 100.0);
    per.finish();
    out.push_back(t);
  }
  return out;
}

void validate_depot_site(const tco::DepotSite& site, const std::string& file) {
  try {
    tco::validate(site);
  } catch (const tco::TcoInputError& e) {
    throw InputError(file + ": " + e.what());
  }
}

DepotSpec read_depot(JsonParams& d, const tco::TcoInputs& econ) {
  DepotSpec spec;
  spec.file = d.file();
  tco::DepotSite& site = spec.site;
  spec.feed_into_tco = d.boolean_or("feed_into_tco", false);
  site.slot_s = d.number_or("slot", Dim::Time, 900.0, 60.0, 3600.0);
  site.site_limit_kW = d.number("site_limit", Dim::Power, 1.0, 1e12) / 1000.0;
  const double installed = d.number_or("chargers_installed", Dim::None, 0.0, 0.0, 100000.0);
  if (installed != std::floor(installed)) {
    throw InputError(d.where("chargers_installed") + " = " + std::to_string(installed) +
                     ": expected a whole number");
  }
  site.chargers_installed = static_cast<int>(installed);
  site.efficiency_frac = econ.charging.depot_efficiency_frac;
  site.discount_rate_frac = econ.discount_rate_frac;
  site.operating_days_per_yr = econ.operations.operating_days_per_yr >= 1.0
                                   ? econ.operations.operating_days_per_yr
                                   : 250.0;  // set from
                                             // the duty later
  // One charger model ("charger") or several to compare ("charger_options"); the cheapest managed
  // schedule is the one reported in full and fed into the cost.
  auto read_charger = [&](JsonParams& c) {
    tco::ChargerOption o;
    o.name = c.text_or("name", "depot charger");
    o.power_kW =
        c.number_or("power", Dim::Power, econ.charging.depot_charger_power_kW * 1000.0, 1.0, 1e10) / 1000.0;
    o.hardware_usd = c.number_or("hardware", Dim::Money, econ.charging.depot_hardware_usd, 0.0, 1e8);
    o.installation_usd =
        c.number_or("installation", Dim::Money, econ.charging.depot_installation_usd, 0.0, 1e8);
    o.life_yr = c.number_or("life_yr", Dim::None, 10.0, 0.5, 50.0);
    o.network_fees_usd_per_month =
        c.number_or("network_fees_usd_per_month", Dim::None, econ.prices.fixed_fees_usd_per_month, 0.0, 1e6);
    c.finish();
    return o;
  };
  if (d.has_key("charger") && d.has_key("charger_options")) {
    throw InputError(d.where("charger_options") + ": give one \"charger\" or a list of \"charger_options\", not both");
  }
  if (d.has_key("charger_options")) {
    const nlohmann::json& v = d.raw("charger_options");
    if (!v.is_array() || v.empty() || v.size() > 20) {
      throw InputError(d.where("charger_options") + " = " + quote_json(v) + ": expected a list of 1 to 20 chargers");
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_object()) throw InputError(d.where("charger_options") + "[" + std::to_string(i) + "]: expected an object");
      JsonParams c(v[i], d.file(), d.path() + ".charger_options[" + std::to_string(i) + "]");
      spec.charger_options.push_back(read_charger(c));
    }
  } else {
    auto c = d.object_or_empty("charger");
    spec.charger_options.push_back(read_charger(c));
  }
  site.charger = spec.charger_options.front();
  if (d.has_key("tariff")) {
    auto t = d.object("tariff");
    site.tariff.weekday = read_periods(t, "weekday");
    if (t.has_key("weekend")) site.tariff.weekend = read_periods(t, "weekend");
    site.tariff.demand_charge_usd_per_kW_month =
        t.number("demand_charge_usd_per_kW_month", Dim::None, 0.0, 1e4);
    site.tariff.fixed_fees_usd_per_month = t.number_or("fixed_fees_usd_per_month", Dim::None, 0.0, 0.0, 1e7);
    t.finish();
  } else {
    site.tariff.weekday = {{0.0, 24.0, econ.prices.electricity_price_usd_per_kWh}};
    site.tariff.demand_charge_usd_per_kW_month = econ.prices.demand_charge_usd_per_kW_month;
  }
  const bool listed = d.has_key("trucks"), generated = d.has_key("fleet_from_day_plan");
  if (listed == generated) {
    throw InputError(d.where(listed ? "trucks" : "fleet_from_day_plan") +
                     ": give the trucks either as a list (\"trucks\") or as copies of the scenario's day "
                     "(\"fleet_from_day_plan\"), " +
                     (listed ? "not both" : "one of them"));
  }
  if (listed) {
    const nlohmann::json& v = d.raw("trucks");
    if (!v.is_array() || v.empty())
      throw InputError(d.where("trucks") + " = " + quote_json(v) + ": expected a list of trucks");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_object())
        throw InputError(d.where("trucks") + "[" + std::to_string(i) + "]: expected an object");
      JsonParams tp(v[i], d.file(), d.path() + ".trucks[" + std::to_string(i) + "]");
      tco::DepotTruck t;
      t.name = tp.text_or("name", "truck " + std::to_string(i + 1));
      t.arrival_s = tp.number("arrival", Dim::Time, 0.0, 86400.0 - 1e-6);
      t.dwell_s = tp.number("dwell", Dim::Time, 1.0, 86400.0);
      t.arrival_soc_frac = tp.number("arrival_soc", Dim::Fraction, 0.0, 1.0);
      t.departure_soc_frac = tp.number("departure_soc", Dim::Fraction, 0.0, 1.0);
      t.usable_kWh = tp.number("usable", Dim::Energy, 1.0, 1e12) / 3.6e6;
      if (tp.has_key("acceptance")) {
        auto a = tp.object("acceptance");
        t.acceptance = read_curve(a);
      } else {
        t.acceptance = econ.charging.acceptance;
      }
      tp.finish();
      site.trucks.push_back(t);
    }
    validate_depot_site(site, d.file());
  } else {
    auto f = d.object("fleet_from_day_plan");
    DepotFleetRule rule;
    const double n = f.number("trucks", Dim::None, 1.0, 2000.0);
    if (n != std::floor(n))
      throw InputError(f.where("trucks") + " = " + std::to_string(n) + ": expected a whole number");
    rule.trucks = static_cast<int>(n);
    rule.first_arrival_s = f.number("first_arrival", Dim::Time, 0.0, 86400.0 - 1e-6);
    rule.arrival_spacing_s = f.number_or("arrival_spacing", Dim::Time, 0.0, 0.0, 86400.0);
    f.finish();
    spec.from_day_plan = rule;
  }
  d.finish();
  return spec;
}

}  // namespace semitco::core
