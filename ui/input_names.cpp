// Display names of input keys; see input_names.hpp.
#include "ui/input_names.hpp"

#include <map>

#include "ui/input_values.hpp"
#include "ui/scenario_fields.hpp"

namespace semitco::ui {

QString input_display_name(const std::string& key) {
  static const std::map<std::string, const char*> special = {
      {"electric.trip.energy_from_source_J", "EV energy per run (simulated)"},
      {"electric.trip.usable_battery_J", "EV usable battery"},
      {"electric.trip.start_soc_frac", "EV start state of charge"},
      {"electric.trip.co2_kg", "EV grid CO\xE2\x82\x82 per run"},
      {"diesel.trip.fuel_L", "Diesel fuel per run (simulated)"},
      {"diesel.trip.def_L", "DEF per run"},
      {"diesel.trip.co2_kg", "Diesel CO\xE2\x82\x82 per run"},
      {"charging.depot_efficiency_frac", "Depot charging efficiency"},
      {"charging.enroute_efficiency_frac", "En-route charging efficiency"},
      {"electric.economics.fet_rate_frac", "EV federal excise tax"},
      {"diesel.economics.fet_rate_frac", "Diesel federal excise tax"},
  };
  if (auto it = special.find(key); it != special.end()) return QString::fromUtf8(it->second);
  if (const FieldSpec* f = find_field("economics." + key)) {
    QString who;
    if (key.rfind("electric.", 0) == 0) who = "EV ";
    if (key.rfind("diesel.", 0) == 0) who = "Diesel ";
    QString label = QString::fromUtf8(f->label);
    if (!who.isEmpty()) label = who + label.left(1).toLower() + label.mid(1);
    return label;
  }
  QString k = QString::fromStdString(key).section('.', -1);
  for (const char* unit : {"_usd_per_gal", "_usd_per_kWh", "_usd_per_mi", "_usd", "_frac_per_yr", "_frac", "_kg", "_J", "_L", "_s", "_kW"}) {
    if (k.endsWith(QLatin1String(unit))) {
      k.chop(static_cast<int>(qstrlen(unit)));
      break;
    }
  }
  k.replace('_', ' ');
  k[0] = k[0].toUpper();
  if (key.rfind("electric.", 0) == 0) k = "EV " + k.toLower();
  if (key.rfind("diesel.", 0) == 0) k = "Diesel " + k.toLower();
  return k;
}

QString input_value_text(const std::string& key, double v) {
  const auto ends = [&](const char* s) {
    const std::string t(s);
    return key.size() >= t.size() && key.compare(key.size() - t.size(), t.size(), t) == 0;
  };
  if (ends("_frac")) return format_quantity(v * 100.0, 3) + QStringLiteral(" %");
  if (ends("_usd_per_gal")) return format_money(v, 2) + QStringLiteral("/gal");
  if (ends("_usd_per_kWh")) return format_money(v, 3) + QStringLiteral("/kWh");
  if (ends("_usd_per_kW_month")) return format_money(v, 2) + QStringLiteral("/kW-month");
  if (ends("_usd_per_mi")) return format_money(v, 3) + QStringLiteral("/mi");
  if (ends("_usd")) return format_money(v);
  return format_quantity(v, 4);
}

}  // namespace semitco::ui
