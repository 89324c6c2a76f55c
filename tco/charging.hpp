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
// the day's distance d, using energy uniformly along distance (e = E_day / d). Energy above the
// reserve r is A = (s0 - r) U. If the day needs more than A, en-route stops are inserted:
//  * no charger positions given: the truck stops when it reaches r and charges to the target SOC t,
//    the last stop only as much as the rest of the day needs (n = ceil((E_day - A) / ((t - r) U)) stops);
//  * charger positions given (metres along the route, repeated every route length over the day): greedy,
//    stop only at a charger from which the next charger (or the end of the day) is out of reach, charge
//    to t or to what the rest of the day needs, whichever is less. A gap the pack cannot bridge makes the
//    plan infeasible.
// Each stop costs its charging time plus a fixed overhead (detour, plug in/out). The depot puts back
// E_day - E_enroute overnight, within the depot window (see plan_day_charging). Stops are timed to coincide
// with the mandatory hours-of-service breaks: the overlap is the sum over the `breaks` longest stops of
// min(stop time, break length).
#pragma once

#include <array>
#include <limits>

#include "tco/hours_of_service.hpp"
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
  static constexpr int kMaxListedStops = 16;  ///< stops listed one by one (all are counted and costed)
  struct Stop {
    double at_m = 0.0;    ///< where, from the start of the day [m]
    double time_s = 0.0;  ///< charging plus overhead [s]
    double pack_J = 0.0;  ///< energy put into the pack [J]
  };
  int enroute_stops = 0;                      ///< en-route charge stops per day
  std::array<Stop, kMaxListedStops> stops{};  ///< the first min(enroute_stops, kMaxListedStops) stops
  double enroute_pack_J = 0.0;                ///< energy put into the pack en route per day [J]
  double enroute_time_s = 0.0;                ///< stop time per day, charging plus overhead [s]
  double break_overlap_s = 0.0;               ///< part of enroute_time_s inside mandatory HOS breaks [s]
  double depot_pack_J = 0.0;                  ///< energy the depot puts back per night [J]
  double depot_time_s = 0.0;                  ///< depot charging time per night [s]
  double start_soc_frac = 1.0;     ///< SOC the day leaves the depot with (lower than asked when the window
                                   ///< is short and en-route charging makes up for it)
  bool feasible = true;            ///< false: a gap between marked chargers is longer than the pack allows
                                   ///< (the shortfall is then costed as an extra stop)
  bool window_short = false;       ///< the depot window cannot put back the day at the asked start SOC
  bool window_infeasible = false;  ///< ... and en-route charging cannot make up for it
  double depot_shortfall_J = 0.0;  ///< what the window could not put back at the asked start SOC [J]
};

/// Inputs of plan_day_charging that change from year to year (pack fade, energy-use growth).
struct DayChargingDemand {
  double day_distance_m = 0.0;  ///< driven a day [m]
  double day_energy_J = 0.0;    ///< battery energy a day [J], used uniformly along the distance
  double run_distance_m = 0.0;  ///< the simulated route [m]: charger positions repeat every run
  double usable_J = 0.0;        ///< usable pack energy this year [J]
  double start_soc_frac = 1.0;  ///< SOC when leaving the depot
  double depot_window_s = std::numeric_limits<double>::infinity();  ///< depot charging time available
                                                                    ///< to this truck [s]
  int hos_breaks_per_day = 0;   ///< mandatory breaks the driver takes anyway
  double hos_break_s = 1800.0;  ///< length of each break [s]
};

/// Plans one day's charging. Allocation-free (Monte Carlo calls it for every draw and year). When the
/// depot window is too short to put back the day from the asked start SOC, the day starts at the SOC the
/// window reaches from the reserve (s_w: charge_time_s(r, s_w) = window) and en-route stops make up the
/// rest; when s_w <= r the day is window_infeasible.
DayChargingPlan plan_day_charging(const ChargingPlan& plan, const DayChargingDemand& demand);

/// State of charge reached from soc_from after charging for time_s on a charger of charger_power_kW
/// (inverse of charge_time_s, by bisection; at most 1).
double soc_after_charging(const ChargingCurve& curve, double usable_J, double soc_from, double time_s,
                          double charger_power_kW);

}  // namespace semitco::tco
