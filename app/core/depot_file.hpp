// The "depot" section of a scenario file <-> the depot charging inputs (tco/depot_schedule.hpp).
//
//   "depot": {
//     "feed_into_tco": true,           // optional: the trucks' cost of ownership takes the depot's
//                                      // per-truck bill instead of the single-truck charger lines
//     "slot_min": 15,                  // optional: slot length, any time unit (default 15 min)
//     "site_limit_kW": 2500,           // grid connection, any power unit
//     "chargers_installed": 0,         // optional: 0 = as many as the schedule needs
//     "charger": {"name": "150 kW DC", "power_kW": 150, "hardware_usd": 87500, "installation_usd": 33179,
//                 "life_yr": 10, "network_fees_usd_per_month": 60},   // optional: economics' charger
//     "charger_options": [{..}, {..}],  // instead of "charger": models to compare; the cheapest managed
//                                       // schedule (energy + demand + fixed + capital) is reported and fed
//                                       // into the cost
//     "tariff": {"weekday": [{"start_h": 21, "end_h": 6, "price_usd_per_kWh": 0.09}, ...],
//                "weekend": [...],                                   // optional
//                "demand_charge_usd_per_kW_month": 15, "fixed_fees_usd_per_month": 400},
//     // the trucks, either listed ...
//     "trucks": [{"name": "T1", "arrival_h": 18.5, "dwell_h": 10, "arrival_soc_frac": 0.25,
//                 "departure_soc_frac": 0.9, "usable_kWh": 600,
//                 "acceptance": {"soc_frac": [..], "power_kW": [..]}}],   // acceptance optional
//     // ... or N copies of the scenario's electric truck running its simulated day (arrival SOC from
//     // the day's energy after en-route charging, departure SOC the day's start, dwell from the day plan)
//     "fleet_from_day_plan": {"trucks": 20, "first_arrival_h": 16, "arrival_spacing_min": 12}
//   }
// Values may be {"value": .., "source": ".."}. The tariff, when absent, is the economics' flat
// electricity price and demand charge; efficiency, discount rate and operating days come from the
// economics. Errors name the file, the key and the value.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/core/json_params.hpp"
#include "tco/depot_schedule.hpp"
#include "tco/inputs.hpp"

namespace semitco::core {

struct DepotFleetRule {
  int trucks = 1;                  ///< [1, 2000]
  double first_arrival_s = 0.0;    ///< clock time of the first arrival [s], [0, 86400)
  double arrival_spacing_s = 0.0;  ///< between arrivals [s], >= 0; wraps past midnight
};

struct DepotSpec {
  tco::DepotSite site;                          ///< trucks filled in when listed
  std::optional<DepotFleetRule> from_day_plan;  ///< trucks built from the simulated day instead
  std::vector<tco::ChargerOption> charger_options;  ///< at least one; site.charger is the first
  bool feed_into_tco = false;
  std::string file;  ///< for messages
};

/// Reads the section; `economics` gives the defaults named above. Throws InputError.
DepotSpec read_depot(JsonParams& section, const tco::TcoInputs& economics);

/// Checks a site built from a spec, turning tco's message into one that names the file.
void validate_depot_site(const tco::DepotSite& site, const std::string& file);

/// A time-of-use list [{"start_h", "end_h", "price_usd_per_kWh"}, ...] (any time unit) at `key` of `section`.
std::vector<tco::TouPeriod> read_periods(JsonParams& section, const char* key);

}  // namespace semitco::core
