// Conventions, inputs by year and measured energy; formulas in conventions.hpp and measured_inputs.hpp.
#include "tco/conventions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "tco/measured_inputs.hpp"
#include "tco/units.hpp"

namespace semitco::tco {

double operating_discount_factor(double rate_frac, int year, DiscountTiming timing) {
  if (year <= 0) return 1.0;
  double t = static_cast<double>(year);
  if (timing == DiscountTiming::kBeginningOfYear) t -= 1.0;
  else if (timing == DiscountTiming::kMidYear) t -= 0.5;
  return std::pow(1.0 + rate_frac, -t);
}

std::string_view energy_basis_key(EnergyBasis b) {
  switch (b) {
    case EnergyBasis::kSimulated:
      return "simulated";
    case EnergyBasis::kMeasuredAtPlug:
      return "measured_at_plug";
    case EnergyBasis::kMeasuredAtPack:
      return "measured_at_pack";
    case EnergyBasis::kMeasuredMpg:
      return "measured_mpg";
    case EnergyBasis::kCalibrated:
      return "calibrated";
  }
  return "simulated";
}

namespace {

// clang-format off
#define SEMITCO_LIST(key, path) YearListInfo { key, [](TcoInputs& x) -> std::vector<double>* { return &x.path; } }
const YearListInfo kLists[] = {
    SEMITCO_LIST("prices.diesel_price_usd_per_gal", prices.diesel_by_year_usd_per_gal),
    SEMITCO_LIST("prices.def_price_usd_per_gal", prices.def_by_year_usd_per_gal),
    SEMITCO_LIST("prices.electricity_price_usd_per_kWh", prices.electricity_by_year_usd_per_kWh),
    SEMITCO_LIST("prices.public_charging_usd_per_kWh", prices.public_charging_by_year_usd_per_kWh),
    SEMITCO_LIST("prices.demand_charge_usd_per_kW_month", prices.demand_charge_by_year_usd_per_kW_month),
    SEMITCO_LIST("prices.fixed_fees_usd_per_month", prices.fixed_fees_by_year_usd_per_month),
    SEMITCO_LIST("operations.annual_miles", operations.annual_miles_by_year),
    SEMITCO_LIST("electric.economics.maintenance_usd_per_mi", electric.economics.maintenance_by_year_usd_per_mi),
    SEMITCO_LIST("electric.economics.tyres_usd_per_mi", electric.economics.tyres_by_year_usd_per_mi),
    SEMITCO_LIST("electric.economics.insurance_frac_of_price_per_yr", electric.economics.insurance_by_year_frac),
    SEMITCO_LIST("diesel.economics.maintenance_usd_per_mi", diesel.economics.maintenance_by_year_usd_per_mi),
    SEMITCO_LIST("diesel.economics.tyres_usd_per_mi", diesel.economics.tyres_by_year_usd_per_mi),
    SEMITCO_LIST("diesel.economics.insurance_frac_of_price_per_yr", diesel.economics.insurance_by_year_frac),
};
#undef SEMITCO_LIST
// clang-format on

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

std::span<const YearListInfo> year_lists() { return kLists; }

const YearListInfo* find_year_list(std::string_view key) {
  for (const auto& l : kLists) {
    if (l.key == key) return &l;
  }
  return nullptr;
}

double value_of_year(const std::vector<double>& list, double scalar, double escalation_frac, int year) {
  if (!list.empty()) return list[static_cast<std::size_t>(std::clamp(year, 1, static_cast<int>(list.size())) - 1)];
  return scalar * std::pow(1.0 + escalation_frac, static_cast<double>(year - 1));
}

TripSummary effective_trip(const TruckCase& truck, const ChargingPlan& charging) {
  TripSummary t = truck.trip;
  const EnergyOverride& e = truck.economics.energy;
  const double miles = units::miles_from_m(t.distance_m);
  switch (e.basis) {
    case EnergyBasis::kSimulated:
      break;
    case EnergyBasis::kMeasuredAtPlug:
      t.energy_from_source_J = units::J_from_kWh(e.value * miles) * charging.depot_efficiency_frac;
      break;
    case EnergyBasis::kMeasuredAtPack:
      t.energy_from_source_J = units::J_from_kWh(e.value * miles);
      break;
    case EnergyBasis::kMeasuredMpg: {
      const double fuel_L = miles / e.value * units::kLitresPerGallon;
      const double scale = t.fuel_L > 0.0 ? fuel_L / t.fuel_L : 0.0;
      t.fuel_kg *= scale;
      t.def_L *= scale;
      t.co2_kg *= scale;
      t.fuel_L = fuel_L;
      break;
    }
    case EnergyBasis::kCalibrated:
      t.energy_from_source_J *= e.value;
      t.fuel_kg *= e.value;
      t.fuel_L *= e.value;
      t.def_L *= e.value;
      t.co2_kg *= e.value;
      break;
  }
  return t;
}

std::string energy_basis_text(const TruckEconomics& economics, bool electric) {
  const EnergyOverride& e = economics.energy;
  const std::string key = std::string(electric ? "electric" : "diesel") + ".economics.energy_basis = " +
                          std::string(energy_basis_key(e.basis));
  switch (e.basis) {
    case EnergyBasis::kSimulated:
      return "simulated";
    case EnergyBasis::kMeasuredAtPlug:
      return "entered " + num(e.value) + " kWh/mi at the depot plug, not the simulation (" + key + ")";
    case EnergyBasis::kMeasuredAtPack:
      return "entered " + num(e.value) + " kWh/mi out of the pack, not the simulation (" + key + ")";
    case EnergyBasis::kMeasuredMpg:
      return "entered " + num(e.value) + " mpg (US gallons of diesel), not the simulation (" + key + ")";
    case EnergyBasis::kCalibrated:
      return "simulated energy times a calibration factor of " + num(e.value) + " (" + key + ")";
  }
  return "simulated";
}

}  // namespace semitco::tco
