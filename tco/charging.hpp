// Charging time and charge-stop planning for the battery-electric truck.
//
// Charge time with a charge-acceptance curve P(s) (kW into the pack vs state of charge s of the usable
// pack energy U), capped by the charger output P_c:
//     t = integral_{s0}^{s1} U / min(P(s), P_c) ds
// P(s) is piecewise linear, so between breakpoints (including where P(s) crosses P_c) the power is
// linear, p(s) = p0 + (p1 - p0)(s - sa)/(sb - sa), and the piece integrates exactly:
//     t_piece = U (sb - sa) ln(p1 / p0) / (p1 - p0)        (= U (sb - sa) / p0 when p1 = p0)
//
// Day plan (docs/tco.md, "Charging"): the truck leaves the depot at the trip's start SOC s0 and drives
// `runs` runs of the route, using energy uniformly along distance (e = E_run / D). Energy above the
// reserve r is A = (s0 - r) U. If the day needs more than A, en-route stops are inserted:
//  * no charger positions given: the truck stops when it reaches r and charges to the target SOC t,
//    the last stop only as much as the rest of the day needs (n = ceil((E_day - A) / ((t - r) U)) stops);
//  * charger positions given (metres along each run): greedy, stop only at a charger from which the
//    next charger (or the end of the day) is out of reach, charge to t or to what the rest of the day
//    needs, whichever is less. A gap the pack cannot bridge makes the plan infeasible.
// Each stop costs its charging time plus a fixed overhead (detour, plug in/out). The depot puts back
// E_day - E_enroute overnight. Stops are timed to coincide with the mandatory hours-of-service breaks:
// the overlap is the sum over the `breaks` longest stops of min(stop time, break length).
#pragma once

#include "tco/inputs.hpp"

namespace semitco::tco {

/// Power the pack accepts at `soc_frac` [kW]: linear between curve points, constant beyond the ends.
double acceptance_power_kW(const ChargingCurve& curve, double soc_frac);

/// Time [s] to charge a pack of usable energy usable_J from soc_from to soc_to (fractions of usable) on a
/// charger whose output is charger_power_kW. Returns 0 when soc_to <= soc_from.
double charge_time_s(const ChargingCurve& curve, double usable_J, double soc_from, double soc_to,
                     double charger_power_kW);

/// What one operating day needs in charging, from the trip summary and the charging plan.
struct DayChargingPlan {
  int enroute_stops = 0;         ///< en-route charge stops per day
  double enroute_pack_J = 0.0;   ///< energy put into the pack en route per day [J]
  double enroute_time_s = 0.0;   ///< stop time per day, charging plus overhead [s]
  double break_overlap_s = 0.0;  ///< part of enroute_time_s inside mandatory HOS breaks [s]
  double depot_pack_J = 0.0;     ///< energy the depot puts back per night [J]
  double depot_time_s = 0.0;     ///< depot charging time per night [s]
  bool feasible = true;          ///< false: a gap between marked chargers is longer than the pack allows
                                 ///< (the shortfall is then costed as an extra stop)
};

/// Inputs of plan_day_charging that change from year to year (pack fade, energy-use growth).
struct DayChargingDemand {
  double run_distance_m = 0.0;  ///< one run [m]
  double run_energy_J = 0.0;    ///< battery energy per run [J]
  int runs_per_day = 1;
  double usable_J = 0.0;        ///< usable pack energy this year [J]
  double start_soc_frac = 1.0;  ///< SOC when leaving the depot
  int hos_breaks_per_day = 0;   ///< mandatory breaks the driver takes anyway
  double hos_break_s = 1800.0;  ///< length of each break [s]
};

/// Plans one day's charging. Allocation-free (Monte Carlo calls it for every draw and year).
DayChargingPlan plan_day_charging(const ChargingPlan& plan, const DayChargingDemand& demand);

/// Mandatory breaks per day for `driving_s` of driving: none up to the limit, then one more each time
/// the cumulative driving would exceed another multiple of the limit: ceil(driving / limit) - 1.
int hos_breaks_per_day(double driving_s, double driving_before_break_s);

}  // namespace semitco::tco
