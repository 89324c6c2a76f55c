// Charging intervals to chargers on a daily circle; see charger_assignment.hpp.
#include "tco/charger_assignment.hpp"

#include <algorithm>
#include <numeric>

namespace semitco::tco {

ChargerAssignment assign_chargers(const std::vector<ChargingInterval>& intervals, int day_slots) {
  ChargerAssignment out;
  out.charger_of.assign(intervals.size(), -1);
  if (intervals.empty() || day_slots <= 0) return out;
  std::vector<int> active(static_cast<std::size_t>(day_slots), 0);
  for (const auto& iv : intervals) {
    for (int j = 0; j < iv.length; ++j) ++active[static_cast<std::size_t>((iv.start_slot + j) % day_slots)];
  }
  out.max_overlap = *std::max_element(active.begin(), active.end());
  const int cut = static_cast<int>(std::min_element(active.begin(), active.end()) - active.begin());

  struct Charger {
    int free_from = 0;   // unrolled slot from which it is free
    int free_until = 0;  // and until which (exclusive): day_slots, or the head of an interval across the cut
  };
  std::vector<Charger> chargers;
  std::vector<std::size_t> inside;  // intervals not across the cut
  for (std::size_t i = 0; i < intervals.size(); ++i) {
    const int x0 = (intervals[i].start_slot - cut + day_slots) % day_slots;  // unrolled start
    const int x1 = x0 + intervals[i].length;
    if (x1 > day_slots) {  // across the cut: occupies [0, x1 - day_slots) and [x0, day_slots)
      out.charger_of[i] = static_cast<int>(chargers.size());
      chargers.push_back({x1 - day_slots, x0});
    } else {
      inside.push_back(i);
    }
  }
  std::sort(inside.begin(), inside.end(), [&](std::size_t a, std::size_t b) {
    const int xa = (intervals[a].start_slot - cut + day_slots) % day_slots;
    const int xb = (intervals[b].start_slot - cut + day_slots) % day_slots;
    return xa != xb ? xa < xb : a < b;
  });
  for (std::size_t i : inside) {
    const int x0 = (intervals[i].start_slot - cut + day_slots) % day_slots;
    const int x1 = x0 + intervals[i].length;
    int best = -1;
    for (std::size_t c = 0; c < chargers.size(); ++c) {
      const Charger& ch = chargers[c];
      if (ch.free_from <= x0 && x1 <= ch.free_until &&
          (best < 0 || ch.free_from > chargers[static_cast<std::size_t>(best)].free_from)) {
        best = static_cast<int>(c);
      }
    }
    if (best < 0) {
      best = static_cast<int>(chargers.size());
      chargers.push_back({0, day_slots});
    }
    chargers[static_cast<std::size_t>(best)].free_from = x1;
    out.charger_of[i] = best;
  }
  out.chargers = static_cast<int>(chargers.size());
  return out;
}

}  // namespace semitco::tco
