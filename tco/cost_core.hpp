// Internal to tco/: one truck's ledger in fixed-size storage (cash by year and line, quantities by year,
// discount factors, divisors), computed by compute_core (cost_core.cpp) and turned into a CostReport by
// cost_model.cpp. The core works in fixed-size arrays so Monte Carlo draws evaluate without allocating.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "tco/charging.hpp"
#include "tco/charging_cost.hpp"
#include "tco/cost_model.hpp"
#include "tco/duty.hpp"
#include "tco/hours_of_service.hpp"

namespace semitco::tco::detail {

constexpr std::size_t idx(CostLine l) { return static_cast<std::size_t>(l); }

using LineArray = std::array<double, kCostLineCount>;

struct YearQuantities {
  double miles = 0.0;
  double driver_hours = 0.0;
  double diesel_gal = 0.0;
  double grid_kWh = 0.0;
  double enroute_stops_per_day = 0.0;
  double paid_charging_h_per_day = 0.0;
  double depot_kWh = 0.0;  // bought at the depot (delivered electricity cost)
};

// Everything about one truck over its ownership, in fixed-size storage.
struct TruckLedgerCore {
  int years = 0;
  std::array<LineArray, kMaxOwnershipYears + 1> cash{};  // [year][line], nominal USD
  std::array<YearQuantities, kMaxOwnershipYears + 1> year_q{};
  LineArray pv{};
  double pv_total = 0.0;
  double annuity = 0.0;                                 // a_N
  std::array<double, kMaxOwnershipYears + 1> factor{};  // discount factor of each year's cash flows
  double residual_factor = 1.0;                         // of the residual value line
  // Divisors of the per-year, per-mile, per-ton-mile and per-ton figures (conventions.per_mile).
  double per_yr_div = 0.0, per_mi_div = 0.0, per_ton_mi_div = 0.0, per_ton_div = 0.0;
  OperatingQuantities q;
  DutyDay duty;
  DayChargingPlan plan1;           // year 1 (electric)
  DaySchedule schedule1;           // year 1
  bool feasible = true;            // no charger gap longer than the pack allows, in any year
  DeliveredElectricity delivered;  // year-1 day figures here; the $/kWh parts after discounting
};

// Year y (1-based) of a non-empty list by year (its length is checked by validate()).
double by_year(const std::vector<double>& list, int year);

const TruckCase& truck_of(const TcoInputs& in, Powertrain p);

// The truck's year-by-year cash flows, discounting and divisors (formulas in docs/tco.md).
void compute_core(const TcoInputs& in, Powertrain p, TruckLedgerCore& out);

}  // namespace semitco::tco::detail
