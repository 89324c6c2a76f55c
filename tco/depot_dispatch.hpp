// Fewer chargers for the same managed load: the LP (depot_lp.hpp) says how much the depot draws in each
// slot, not which trucks share a plug, and its optimum often spreads each truck thinly over the whole
// cheap period, one charger per truck. This dispatch keeps the LP's load profile L(s) (pack power per
// clock slot) and re-deals it to at most C plugged trucks at a time:
//   walk the stays in time order; free chargers take waiting trucks, least slack first (slots left
//   before departure less the slots its remaining energy takes at full power); a truck
//   stays plugged until it has its departure energy (no swapping half-way); in each slot the plugged
//   trucks, least slack first, take the most they may (charger, acceptance, what they still need)
//   until the slot's L(s) is used up.
// It fails for C when a truck would leave short. Every slot delivers at most L(s) and, when it
// succeeds, the total equals the LP's, so every slot delivers exactly L(s): the same peak and energy
// bill as the LP, on fewer chargers. Tried from the power bound ceil(max L / charger kW) upwards.
#pragma once

#include <vector>

#include "tco/depot_lp.hpp"

namespace semitco::tco {

struct Dispatch {
  bool complete = false;  ///< every truck got its energy (then pack_kW has exactly the LP's load)
  std::vector<std::vector<double>> pack_kW;  ///< [truck][j] as in DepotPlan
  std::vector<std::vector<bool>> plugged;    ///< [truck][j] on a charger (to its departure when left short)
};

/// The LP's profile re-dealt to at most `chargers` plugged trucks. When it falls short the plug times
/// still serve: the caller solves the LP again with power only while plugged (solve_depot_lp `plugged`).
Dispatch dispatch_on_chargers(const DepotSite& site, const DepotWindows& w,
                              const std::vector<double>& pack_load_kW, int chargers);

/// Most the pack of truck k may take in one slot with e_kWh already put back: the charger, what is still
/// needed, and every acceptance line at the end of the slot.
double slot_power_kW(const DepotWindows& w, std::size_t k, double e_kWh, double charger_kW);

}  // namespace semitco::tco
