// Depot charging for a fleet (issue 16 goal: a 50-truck depot day schedules in under 1 s on one core):
// the whole schedule_depot() on 15-minute slots -- unmanaged schedule, the managed LP on COIN-OR Clp,
// the charger assignment and the bills. The trucks are the 20-truck bundled depot's kind, 50 of them:
// evening arrivals staggered over 4 h, 9-12 h stays, 500-900 kWh packs, the default acceptance curve, a
// three-period time-of-use tariff and a demand charge.
#include <benchmark/benchmark.h>

#include <string>

#include "tco/depot_schedule.hpp"

namespace {
using namespace semitco;

tco::DepotSite fifty_truck_depot(int trucks) {
  tco::DepotSite s;
  s.charger.power_kW = 150.0;
  s.site_limit_kW = 4000.0;
  s.tariff.weekday = {{16.0, 21.0, 0.32}, {21.0, 6.0, 0.09}, {6.0, 16.0, 0.15}};
  s.tariff.demand_charge_usd_per_kW_month = 15.0;
  s.tariff.fixed_fees_usd_per_month = 500.0;
  for (int k = 0; k < trucks; ++k) {
    tco::DepotTruck t;
    t.name = "truck " + std::to_string(k + 1);
    t.arrival_s = (16.0 + 4.0 * (k % 17) / 17.0) * 3600.0;
    t.dwell_s = (9.0 + 3.0 * (k % 7) / 7.0) * 3600.0;
    t.usable_kWh = 500.0 + 400.0 * (k % 5) / 5.0;
    t.arrival_soc_frac = 0.15 + 0.25 * (k % 3) / 3.0;
    t.departure_soc_frac = 0.9;
    t.acceptance = tco::default_acceptance_curve();
    s.trucks.push_back(t);
  }
  return s;
}

void BM_DepotDay(benchmark::State& state) {
  const auto site = fifty_truck_depot(static_cast<int>(state.range(0)));
  double peak = 0.0;
  int chargers = 0;
  for (auto _ : state) {
    const auto r = tco::schedule_depot(site);
    peak = r.managed.peak_kW;
    chargers = r.managed.chargers;
    benchmark::DoNotOptimize(r.managed_costs.energy_usd_per_yr);
  }
  state.counters["managed_peak_kW"] = peak;
  state.counters["chargers"] = chargers;
}
BENCHMARK(BM_DepotDay)->Arg(20)->Arg(50)->ArgName("trucks")->Unit(benchmark::kMillisecond);

}  // namespace
