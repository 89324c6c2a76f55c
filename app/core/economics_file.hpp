// The "economics" section of scenario files <-> tco::TcoInputs.
//
// Keys are the TcoInputs field paths (see tco/parameters.hpp), nested as JSON objects:
//   "prices": {"diesel_price_usd_per_gal": 3.70, ...}, "electric": {"economics": {...}}, ...
// A key whose name ends in a unit (payload_desired_kg, hos_break_s, depot_charger_power_kW,
// discount_rate_frac) may be written in any unit of that kind (payload_desired_lb, hos_break_min,
// discount_rate_pct); the file keeps the unit it was written in when saved again. Trip figures
// (electric.trip.*, diesel.trip.*) and tare weights come from the simulation and the vehicle files,
// never from here. Every other input is required, unless the section names a "base" file whose
// values fill the gaps (resources/economics/defaults.json is such a file) -- except the operations keys
// added with the day plan (utilisation, annual_miles, day_plan, team_drivers, automation and its three
// figures), which older files lack: they default to tco::default_inputs(). The old
// charging.depot_window_s is read as operations.day_plan.depot_dwell_s. operations.day_plan.legs is a list
// of {"distance_mi": .., "dwell_after_min": ..} (any length and time unit).
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "app/core/json_params.hpp"
#include "tco/inputs.hpp"

namespace semitco::core {

/// How the economics were written: the unit each key used and each value's source.
struct EconomicsProvenance {
  std::map<std::string, std::string> unit_of;  ///< "operations.payload_desired" -> "lb"
  std::map<std::string, std::string> sources;  ///< full key path -> source text
  std::string base;                            ///< "base" file as written (relative), if any
  bool legacy_depot_window = false;            ///< the file named the old charging.depot_window_s (read as
                                               ///< operations.day_plan.depot_dwell_s, saved under that new name)
};

/// Reads the economics section. `dir` resolves a relative "base" path. Throws InputError naming the
/// file, key and value for anything missing, unknown, mistyped or out of range (tco::validate included).
tco::TcoInputs read_economics(JsonParams& section, const std::string& dir, EconomicsProvenance* prov = nullptr);

/// Writes the economics section (without trip figures and tares) in the units and with the sources of
/// `prov`; keys in a fixed order so a file written twice is byte-identical.
nlohmann::ordered_json write_economics(const tco::TcoInputs& in, const EconomicsProvenance& prov);

/// true for keys the scenario does not hold (trip figures, tares).
bool is_derived_economics_key(const std::string& key);

}  // namespace semitco::core
