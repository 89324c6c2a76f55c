// Inputs by year and measured energy (docs/tco.md, "Inputs by year" and "Measured energy").
//
//   by year:   value of year y = list[y - 1] when the list is given (nominal, no escalation), else
//              scalar * (1 + escalation)^(y - 1)
//   energy:    electric, at the plug  E_pack/mi = value * depot efficiency    (grid kWh/mi at the depot = value)
//              electric, at the pack  E_pack/mi = value
//              diesel, mpg            fuel L = miles / value * 3.785411784; DEF and CO2 scale with the fuel
//              calibrated             simulated energy (EV) or fuel, DEF, CO2 (diesel) * value
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tco/inputs.hpp"

namespace semitco::tco {

/// A scalar input that may also be given as one value per year of ownership.
struct YearListInfo {
  std::string_view key;                      ///< the scalar's key, e.g. "prices.diesel_price_usd_per_gal"
  std::vector<double>* (*field)(TcoInputs&);  ///< where the list lives
};

/// Every input that takes a list by year.
std::span<const YearListInfo> year_lists();

/// The list of `key`, or nullptr when the key takes no list.
const YearListInfo* find_year_list(std::string_view key);

/// Value of year y (1-based): list[y - 1] if the list is not empty, else scalar * (1 + escalation)^(y - 1).
double value_of_year(const std::vector<double>& list, double scalar, double escalation_frac, int year);

/// The trip with the truck's measured energy in place of the simulated (TruckEconomics::energy).
TripSummary effective_trip(const TruckCase& truck, const ChargingPlan& charging);

/// Plain words for the report: which energy the costs use ("simulated", "entered 1.9 kWh/mi at the plug
/// (electric.economics.energy_basis = measured_at_plug)", ...).
std::string energy_basis_text(const TruckEconomics& economics, bool electric);

}  // namespace semitco::tco
