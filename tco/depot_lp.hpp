// The managed depot schedule as a linear programme, solved with COIN-OR Clp (docs/depot.md).
//
// Slots j = 0 .. n_k - 1 of truck k's stay (clock slot s(k, j) = (first_k + j) mod S), slot length dt [h].
// Variables: p[k][j] power into the pack [kW], e[k][j] pack energy put back by the end of slot j [kWh],
// P the depot's peak grid power [kW].
//   minimise   sum_k,j price(s) dt / eta p[k][j]  +  D * 12 / days_per_yr * P        (one day's bill)
//   subject to e[k][j] = e[k][j-1] + dt p[k][j]           (e[k][-1] = 0)
//              e[k][n_k - 1] = E_k                         (departure state of charge)
//              0 <= p[k][j] <= charger kW
//              p[k][j] <= a_c + b_c (soc0_k + e[k][j] / U_k)   for each line c of the acceptance curve
//              sum over trucks in slot s of p / eta <= P   (each clock slot s)
//              sum over trucks in slot s of p <= C * charger kW   (only when C chargers are installed)
//              0 <= P <= site limit
// The acceptance curve P(soc) is taken as the lower envelope of the lines through its points, which is
// the curve itself when it is concave (flat, then tapering, as charge curves are); a non-concave curve is
// replaced by its concave hull, which can only let the pack take more. The state of charge in the cut is
// the one at the end of the slot, the lowest acceptance of the slot when the curve falls with SOC.
// A tie-break of 1e-6 $/kWh per slot of delay makes equal-cost schedules charge as early as they can,
// which keeps each truck's charging in one block (fewer chargers in the assignment).
#pragma once

#include <vector>

#include "tco/depot_schedule.hpp"

namespace semitco::tco {

/// p <= a_kW + b_kW_per_soc * soc: one line under the acceptance curve.
struct AcceptanceCut {
  double a_kW = 0.0;
  double b_kW_per_soc = 0.0;
};

/// The lines of the concave hull of `curve` over SOC in [0, 1] (constant beyond its end points); empty
/// when the curve is empty.
std::vector<AcceptanceCut> acceptance_cuts(const ChargingCurve& curve);
/// How far the hull rises above a non-concave curve at most [kW] (0 for a concave curve): the schedule
/// may ask the pack for this much more than it takes.
double acceptance_hull_excess_kW(const ChargingCurve& curve);

/// The site reduced to what the schedules need: each truck's slots, energy and acceptance lines, and
/// the price of each clock slot.
struct DepotWindows {
  int day_slots = 96;              ///< slots per day
  double dt_h = 0.25;              ///< slot length [h]
  std::vector<int> first;          ///< [truck] clock slot of its first whole slot
  std::vector<int> count;          ///< [truck] whole slots of its stay
  std::vector<double> need_kWh;    ///< [truck] energy into the pack, (departure - arrival SOC) * usable, >= 0
  std::vector<double> soc0;        ///< [truck] arrival SOC
  std::vector<double> usable_kWh;  ///< [truck]
  std::vector<std::vector<AcceptanceCut>> cuts;  ///< [truck]
  std::vector<double> price_usd_per_kWh;         ///< [clock slot], at the slot's middle
};

DepotWindows depot_windows(const DepotSite& site);

enum class DepotLpGoal {
  kMinimumCost,  ///< energy plus the day's share of the demand charge
  kMinimumPeak,  ///< the lowest peak any schedule reaches (to say what site limit would do)
};

struct DepotLpSolution {
  bool optimal = false;
  bool infeasible = false;                   ///< proven infeasible (otherwise a solver failure when !optimal)
  std::vector<std::vector<double>> pack_kW;  ///< [truck][j]
  double peak_kW = 0.0;
  double objective = 0.0;  ///< as minimised (USD per day for kMinimumCost, kW for kMinimumPeak)
};

/// Builds and solves the LP. `use_site_limit` false drops P's upper bound; the charger row is present
/// when site.chargers_installed > 0. `plugged` ([truck][j], optional) allows power only in the slots
/// marked true (a truck on a charger).
DepotLpSolution solve_depot_lp(const DepotSite& site, const DepotWindows& w, DepotLpGoal goal,
                               bool use_site_limit, const std::vector<std::vector<bool>>* plugged = nullptr);

}  // namespace semitco::tco
