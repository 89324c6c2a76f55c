// The depot-charging-cost keys of the economics section; see charging_cost_file.hpp.
#include "app/core/charging_cost_file.hpp"

#include "app/core/depot_file.hpp"
#include "tco/charging_cost.hpp"

namespace semitco::core {

namespace {

template <typename Enum>
Enum read_choice(JsonParams& sec, const std::string& leaf, const char* a, Enum ea, const char* b, Enum eb) {
  const nlohmann::json& v = sec.raw(leaf);
  if (v.is_string() && v.get<std::string>() == a) return ea;
  if (v.is_string() && v.get<std::string>() == b) return eb;
  throw InputError(sec.where(leaf) + " = " + quote_json(v) + ": expected \"" + a + "\" or \"" + b + "\"");
}

}  // namespace

bool is_optional_charging_cost_key(const std::string& key) {
  return key == "charging.charger_life_yr" || key == "charging.charger_salvage_frac" ||
         key == "charging.depot_arrival_h";
}

void read_charging_cost_keys(tco::TcoInputs& in, const LocateEconomicsKey& locate) {
  std::string leaf;
  if (JsonParams* sec = locate("charging.charger_capital", &leaf)) {
    in.charging.charger_capital = read_choice(*sec, leaf, "capital_recovery", tco::ChargerCapital::kCapitalRecovery,
                                              "cash", tco::ChargerCapital::kCash);
  }
  if (JsonParams* sec = locate("charging.depot_charging", &leaf)) {
    in.charging.depot_charging = read_choice(*sec, leaf, "unmanaged", tco::DepotCharging::kUnmanaged, "managed",
                                             tco::DepotCharging::kManaged);
  }
  if (JsonParams* sec = locate("charging.tou.weekday", &leaf)) in.charging.tou_weekday = read_periods(*sec, "weekday");
  if (JsonParams* sec = locate("charging.tou.weekend", &leaf)) in.charging.tou_weekend = read_periods(*sec, "weekend");
}

void write_charging_cost_keys(const tco::TcoInputs& in, const EconomicsSlot& slot) {
  slot("charging.charger_capital") = tco::charger_capital_key(in.charging.charger_capital);
  slot("charging.depot_charging") = tco::depot_charging_key(in.charging.depot_charging);
  auto periods = [](const std::vector<tco::TouPeriod>& list) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& p : list) {
      nlohmann::ordered_json o;
      o["start_h"] = p.start_h;
      o["end_h"] = p.end_h;
      o["price_usd_per_kWh"] = p.price_usd_per_kWh;
      a.push_back(o);
    }
    return a;
  };
  if (!in.charging.tou_weekday.empty()) slot("charging.tou.weekday") = periods(in.charging.tou_weekday);
  if (!in.charging.tou_weekend.empty()) slot("charging.tou.weekend") = periods(in.charging.tou_weekend);
}

}  // namespace semitco::core
