// Conventions of the cost of ownership that peers differ on, inputs given year by year, and energy entered
// from measurement instead of the simulation. Each is a scenario option (docs/tco.md, "Conventions", "Inputs
// by year", "Measured energy"); the defaults reproduce semitco's results before these options existed.
//
//   discount factor of a cash flow of operating year y = 1..N (year 0 = purchase, factor 1):
//     end of year       d_y = (1 + i)^-y            (default)
//     beginning of year d_y = (1 + i)^-(y - 1)      (NREL T3CO: year 1's costs are not discounted)
//     mid-year          d_y = (1 + i)^-(y - 1/2)
//   residual value: at the end of ownership, (1 + i)^-N (default), or with the last year, d_N (T3CO books it
//     in the last year of operation)
//   per-mile figure: levelised NPV / sum_y miles_y d_y (default), or NPV / sum_y miles_y (lifetime miles,
//     undiscounted, as T3CO and MIT quote); $/yr, $/ton-mi and $/ton alike
//   payload: a capacity cap (the truck carries less; $/ton-mi shows it; default), or the truck multiplier
//     m = payload offered / payload carried >= 1 applied to every cash flow (the extra trucks the freight needs,
//     T3CO's payload_cap_cost_multiplier and MIT's), ton figures then count the payload offered
#pragma once

#include <string_view>
#include <vector>

namespace semitco::tco {

enum class DiscountTiming { kEndOfYear, kBeginningOfYear, kMidYear };
enum class ResidualBooking { kEndOfOwnership, kWithLastYear };
enum class PerMileBasis { kLevelised, kLifetimeMiles };
enum class PayloadTreatment { kCapacityCap, kTruckMultiplier };

/// Scenario key "conventions": {"discount_timing": "end_of_year", ...}.
struct Conventions {
  DiscountTiming discount_timing = DiscountTiming::kEndOfYear;
  ResidualBooking residual_booking = ResidualBooking::kEndOfOwnership;
  PerMileBasis per_mile = PerMileBasis::kLevelised;
  PayloadTreatment payload = PayloadTreatment::kCapacityCap;
  bool hvut = true;  ///< heavy-vehicle use tax (IRS 2290) charged; false: left out (T3CO leaves it out)
};

/// Discount factor of a cash flow of operating year `year` (1..N) under `timing`; year 0 gives 1.
double operating_discount_factor(double rate_frac, int year, DiscountTiming timing);

/// Where each truck's energy per mile comes from (TruckEconomics::energy).
enum class EnergyBasis {
  kSimulated,       ///< the simulated trip (default)
  kMeasuredAtPlug,  ///< electric: entered kWh/mi drawn at the depot plug (pack energy = value * depot efficiency)
  kMeasuredAtPack,  ///< electric: entered kWh/mi out of the pack (net of regen)
  kMeasuredMpg,     ///< diesel: entered miles per US gallon of diesel (DEF and CO2 scale with the fuel)
  kCalibrated,      ///< either: the simulated energy (EV) or fuel, DEF and CO2 (diesel) times `value`
};

struct EnergyOverride {
  EnergyBasis basis = EnergyBasis::kSimulated;
  double value = 0.0;  ///< kWh/mi (plug, pack), mpg, or the calibration factor; > 0 unless kSimulated
};

/// Scenario values of the energy basis: "simulated", "measured_at_plug", "measured_at_pack", "measured_mpg",
/// "calibrated".
std::string_view energy_basis_key(EnergyBasis b);

}  // namespace semitco::tco
