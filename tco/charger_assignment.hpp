// How many chargers a charging schedule needs: each truck's charging interval (from its first to its last
// slot with power, plugged in throughout) goes to one charger; two intervals on one charger must not
// overlap. The day is a circle (the schedule repeats daily), so this is circular-arc colouring.
//
// Heuristic: cut the circle at the slot where the fewest intervals are active. The m intervals across
// the cut get a charger each; the others, by start, go to a charger that is free by their start and, for a
// charger holding an interval across the cut, free again before that interval's other end begins
// (best fit: the charger that became free last); else a new charger. With no interval across the cut
// (m = 0) this is greedy interval colouring, which is optimal: chargers = the most intervals at once.
// Otherwise the count is at most max overlap + m (the gap to the bound is reported, never hidden).
#pragma once

#include <vector>

namespace semitco::tco {

struct ChargingInterval {
  int start_slot = 0;  ///< clock slot [0, slots)
  int length = 1;      ///< slots, [1, slots]
};

struct ChargerAssignment {
  int chargers = 0;             ///< chargers used
  std::vector<int> charger_of;  ///< [interval] which charger, 0-based
  int max_overlap = 0;          ///< most intervals active in one slot: no assignment needs fewer chargers
};

ChargerAssignment assign_chargers(const std::vector<ChargingInterval>& intervals, int day_slots);

}  // namespace semitco::tco
