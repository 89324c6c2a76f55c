// En-route charging inside a trip: where the truck stops to charge, and how long a charge takes.
//
// At a charge stop the charger delivers up to P_c; the auxiliaries run off it and the pack takes the
// rest up to its acceptance P_acc(SOC) (BatteryPack::charge_limit_W: flat, then a linear taper to 0 at
// the top of the window), so the pack's terminal power and the grid draw are
//   P_t = min(P_acc(SOC), P_c - P_aux),        P_grid = (P_t + P_aux) / eta_charger            [W]
// and the stop lasts until the SOC reaches its target (a root of the hybrid solver), which for a constant
// P_t is  t = (E_b - E_a) / P_t  with E the energy into the pack's terminals.
//
// Planning (fewest stops, then least time, keeping the reserve): a first run without charging gives the
// SOC the truck would have all along the trip, c(p) = SOC_0 - SOC(p) its consumption to position p
// (distance for a route, time for a speed trace). From p with SOC s the truck reaches the first q where
//   s - (c(q) - c(p)) <= reserve + margin;
// it stops at the farthest charger at or before q (any point when a charger is wherever needed) and charges
// to min(target, reserve + margin + max_{x > stop} c(x) - c(stop)), so the last stop adds only what the
// rest needs (the most it consumes on the way, e.g. up to a pass, not its net energy to the end).
// Greedy farthest-reach is the fewest stops for a given target; charging only what is needed is the
// least time at that count. The second run drives the plan; a reserve root ends the trip should the
// plan fall short (a gap between chargers the pack cannot bridge).
#pragma once

#include <string>
#include <vector>

#include "routes/route_profile.hpp"

namespace semitco::physics {

/// A charger along a distance-based route.
struct ChargerSite {
  double distance_m = 0.0;  ///< position along the road [m]
  double power_W = 0.0;     ///< charger output [W]; 0: EnrouteCharging::charger_power_W
  std::string name;
};

/// En-route charging inside the trip (battery-electric trucks). SOC values are of the whole pack, like
/// BatteryParams::soc_min / soc_max.
struct EnrouteCharging {
  bool enabled = false;
  bool wherever_needed = true;        ///< true: a charger wherever the planner wants one; false: only `chargers`
  std::vector<ChargerSite> chargers;  ///< sorted by distance (distance-based routes)
  double charger_power_W = 750e3;     ///< (0, 1e8]
  double efficiency = 0.94;           ///< grid to the vehicle, [0.5, 1]
  double reserve_soc = 0.1;           ///< the pack never goes below this, [0, 1)
  double target_soc = 0.8;            ///< charge to at most this, (reserve_soc, 1]
  double plug_time_s = 0.0;           ///< standing at each stop besides charging (plug in/out) [s], [0, 7200]
  double planning_margin_soc = 0.02;  ///< plan to arrive at each stop with reserve + this, [0, 0.5]
  double max_charge_time_s = 6.0 * 3600.0;  ///< a charge that takes longer ends there, (0, 1e6]
  void check() const;
};

/// A stop the planner chose.
struct PlannedCharge {
  double at = 0.0;          ///< distance [m] (route) or trace time [s] (speed trace)
  double target_soc = 0.0;  ///< charge until this SOC
  double power_W = 0.0;     ///< the charger's rating
};

/// One point of the first run: where the truck was and its state of charge.
struct SocPoint {
  double at = 0.0;  ///< distance [m] or time [s], non-decreasing
  double soc = 0.0;
};

/// Plans the stops on the first run's track (see the header comment). An empty result means no stop is
/// needed, or none can help (the second run then ends at the reserve, which names the place).
/// `distance_based`: chargers in `opt.chargers` apply; a speed trace takes a charger wherever needed.
std::vector<PlannedCharge> plan_charge_stops(const std::vector<SocPoint>& track, const EnrouteCharging& opt,
                                             double soc_max, bool distance_based);

/// The route the second run drives: for a distance-based route the planned stops become stops (dwell 0,
/// named "charger"); for a speed trace the trace is notched to a standstill at each planned time, at the
/// driver's comfort deceleration and back up at `accel_mps2`. Returns the index of each planned stop in
/// the new route's stops (distance-based) or nothing (trace).
std::vector<std::size_t> insert_charge_stops(routes::RouteProfile& route, const std::vector<PlannedCharge>& plan,
                                             double decel_mps2, double accel_mps2);

}  // namespace semitco::physics
