// The depot-charging-cost keys of the economics section (tco/charging_cost.hpp; docs/tco.md
// "Delivered electricity"), read and written for app/core/economics_file.cpp:
//   "charging": {
//     "charger_capital": "capital_recovery",   // or "cash" (optional; default capital_recovery)
//     "charger_life_yr": 10, "charger_salvage_frac": 0,   // numeric, in tco::parameters() (optional)
//     "depot_charging": "unmanaged",           // or "managed" (optional; default unmanaged)
//     "depot_arrival_h": 18,                   // plug-in clock hour, any time unit (optional)
//     "tou": {"weekday": [{"start_h": 21, "end_h": 6, "price_usd_per_kWh": 0.09}, ...],
//             "weekend": [...]}                // optional; absent: the flat electricity price
//   }
// All optional, so older scenario files load with tco::default_inputs()' values.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/core/json_params.hpp"
#include "tco/inputs.hpp"

namespace semitco::core {

/// true for the numeric keys of tco::parameters() this file adds (optional in scenario files).
bool is_optional_charging_cost_key(const std::string& key);

/// Finds the section holding `key` (this file or its base) and the key's leaf name; nullptr if absent.
using LocateEconomicsKey = std::function<JsonParams*(const std::string& key, std::string* leaf)>;
/// Reads charger_capital, depot_charging and the time-of-use lists. Throws InputError naming the key.
void read_charging_cost_keys(tco::TcoInputs& in, const LocateEconomicsKey& locate);

/// Writes them back (the lists only when given).
using EconomicsSlot = std::function<nlohmann::ordered_json&(const std::string& key)>;
void write_charging_cost_keys(const tco::TcoInputs& in, const EconomicsSlot& slot);

}  // namespace semitco::core
