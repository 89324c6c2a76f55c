// Re-dealing the managed load to few chargers; see depot_dispatch.hpp.
#include "tco/depot_dispatch.hpp"

#include <algorithm>
#include <numeric>

namespace semitco::tco {

double slot_power_kW(const DepotWindows& w, std::size_t k, double e_kWh, double charger_kW) {
  double p = std::min(charger_kW, (w.need_kWh[k] - e_kWh) / w.dt_h);
  const double soc = w.soc0[k] + e_kWh / w.usable_kWh[k];
  for (const auto& c : w.cuts[k]) {
    const double at_start = c.a_kW + c.b_kW_per_soc * soc;
    // p <= a + b (soc + p dt / U): for b < 0 solve for p; for b >= 0 the start-of-slot value is enough.
    const double lim =
        c.b_kW_per_soc < 0.0 ? at_start / (1.0 - c.b_kW_per_soc * w.dt_h / w.usable_kWh[k]) : at_start;
    p = std::min(p, lim);
  }
  return std::max(0.0, p);
}

Dispatch dispatch_on_chargers(const DepotSite& site, const DepotWindows& w,
                              const std::vector<double>& pack_load_kW, int chargers) {
  const std::size_t K = site.trucks.size();
  const int S = w.day_slots;
  Dispatch out;
  auto& pack = out.pack_kW;
  pack.resize(K);
  out.plugged.resize(K);
  bool short_of_energy = false;
  std::vector<double> e(K, 0.0);
  std::vector<double> left = pack_load_kW;                      // [clock slot] what the profile still offers
  std::vector<int> plugged_at(static_cast<std::size_t>(S), 0);  // [clock slot] trucks on a charger
  enum class State { kWaiting, kPlugged, kDone };
  std::vector<State> state(K, State::kWaiting);
  int t_end = 0;
  for (std::size_t k = 0; k < K; ++k) {
    pack[k].assign(static_cast<std::size_t>(w.count[k]), 0.0);
    out.plugged[k].assign(static_cast<std::size_t>(w.count[k]), false);
    t_end = std::max(t_end, w.first[k] + w.count[k]);
    if (w.need_kWh[k] <= 1e-9 || w.count[k] == 0) state[k] = State::kDone;
  }
  std::vector<std::size_t> order(K);
  std::iota(order.begin(), order.end(), 0);
  auto departs = [&](std::size_t k) { return w.first[k] + w.count[k]; };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return departs(a) != departs(b) ? departs(a) < departs(b) : a < b;
  });
  // plugged_at[s] counts the trucks on a charger in clock slot s over every day walked: a stay past
  // midnight shares its clock slots with the next evening's arrivals.
  for (int t = 0; t < t_end; ++t) {
    const auto s = static_cast<std::size_t>(t % S);
    for (std::size_t k : order) {  // trucks already on a charger stay there
      if (state[k] != State::kPlugged) continue;
      if (t >= departs(k)) {  // left short
        state[k] = State::kDone;
        short_of_energy = true;
        continue;
      }
      ++plugged_at[s];
    }
    // Least slack first: slots left before departure less the slots the rest of its energy takes at the
    // charger's power (a truck that cannot wait comes before one that departs early with little to do).
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      auto slack = [&](std::size_t k) {
        return static_cast<double>(departs(k) - t) -
               (w.need_kWh[k] - e[k]) / (site.charger.power_kW * w.dt_h);
      };
      return slack(a) < slack(b);
    });
    for (std::size_t k : order) {  // free chargers take waiting trucks
      if (plugged_at[s] >= chargers) break;
      if (state[k] != State::kWaiting || t < w.first[k] || t >= departs(k)) continue;
      state[k] = State::kPlugged;
      ++plugged_at[s];
    }
    for (std::size_t k : order) {  // the slot's load, least slack first
      if (state[k] != State::kPlugged) continue;
      const auto j = static_cast<std::size_t>(t - w.first[k]);
      out.plugged[k][j] = true;
      const double p = std::min(slot_power_kW(w, k, e[k], site.charger.power_kW), std::max(0.0, left[s]));
      pack[k][j] = p;
      left[s] -= p;
      e[k] += p * w.dt_h;
      if (e[k] >= w.need_kWh[k] - 1e-6) state[k] = State::kDone;
    }
  }
  for (std::size_t k = 0; k < K; ++k) {
    if (e[k] < w.need_kWh[k] - 1e-6 && w.need_kWh[k] > 1e-9) short_of_energy = true;
  }
  out.complete = !short_of_energy;
  return out;
}

}  // namespace semitco::tco
