// The delivered electricity cost at the depot, by part (tco/charging_cost.hpp), as text for the CLI and the
// app, and as named figures for the JSON/CSV/XLSX outputs.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "tco/cost_model.hpp"

namespace semitco::core {

/// "delivered electricity at the depot ..." block: energy, demand, fixed fees, charger capital, total
/// [$/kWh], with the assumptions behind each (printed by `semitco tco` and `compare`).
void print_delivered_electricity(std::ostream& out, const tco::TcoInputs& in, const tco::CostReport& electric);

/// The breakdown as (key, value) pairs in output order, keys with their unit:
/// delivered_energy_usd_per_kWh, ..., delivered_total_usd_per_kWh, depot_peak_grid_kW.
std::vector<std::pair<std::string, double>> delivered_electricity_figures(const tco::CostReport& electric);

/// One-line description of the depot charging assumptions ("unmanaged, flat $0.120/kWh, capital recovery
/// over 10 years, 1 truck per charger").
std::string depot_charging_summary(const tco::TcoInputs& in);

}  // namespace semitco::core
