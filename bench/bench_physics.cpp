// Throughput of the trip solver: simulated seconds per wall-clock second on a 10-hour 1 Hz trace
// built from the shared public cycles (issue 2 goal: >= 1,000,000 on one core).
#include <benchmark/benchmark.h>

#include "long_trace.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"

namespace {
using namespace semitco;

physics::ElectricTruckParams bench_truck() {
  physics::ElectricTruckParams t;  // neutral defaults from params.hpp plus an OCV curve
  t.battery.ocv = {{0.0, 720.0}, {0.05, 828.0}, {0.5, 907.2}, {1.0, 1008.0}};
  t.battery.capacity_Ah = 1000.0;
  t.initial_soc = 0.95;
  return t;
}

void BM_ElectricTenHourTrace(benchmark::State& state) {
  const auto route = bench::long_trace(SEMITCO_CYCLES_DIR, 36000.0);
  const auto truck = bench_truck();
  const bool series = state.range(0) != 0;
  double simulated = 0.0;
  physics::SolverStats stats;
  for (auto _ : state) {
    const auto r = physics::simulate_electric(route, truck, {}, {}, {}, series);
    simulated += r.summary.duration_s;
    stats = r.solver;
    benchmark::DoNotOptimize(r.ledger.source_out_J);
  }
  state.counters["sim_s_per_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
  state.counters["steps"] = static_cast<double>(stats.steps);
  state.counters["rhs"] = static_cast<double>(stats.rhs_evals);
  state.counters["restarts"] = static_cast<double>(stats.restarts);
}
BENCHMARK(BM_ElectricTenHourTrace)->Arg(0)->Arg(1)->ArgName("series")->Unit(benchmark::kMillisecond);

void BM_ElectricLongHaul(benchmark::State& state) {
  const auto route = routes::read_route(std::string(SEMITCO_CYCLES_DIR) + "/LongHaul.vdri");
  const auto truck = bench_truck();
  double simulated = 0.0;
  for (auto _ : state) {
    const auto r = physics::simulate_electric(route, truck, {}, {}, {}, false);
    simulated += r.summary.duration_s;
  }
  state.counters["sim_s_per_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ElectricLongHaul)->Unit(benchmark::kMillisecond);

physics::DieselTruckParams bench_diesel() {
  physics::DieselTruckParams t;  // defaults: 15 L / 450 hp, 12-speed AMT
  t.chassis.tractor_mass_kg = 8165.0;
  t.chassis.trailer_mass_kg = 6804.0;
  t.chassis.payload_kg = 21319.0;  // 80,000 lb
  return t;
}

void BM_DieselTenHourTrace(benchmark::State& state) {
  const auto route = bench::long_trace(SEMITCO_CYCLES_DIR, 36000.0);
  const auto truck = bench_diesel();
  double simulated = 0.0;
  physics::SolverStats stats;
  for (auto _ : state) {
    const auto r = physics::simulate_diesel(route, truck, {}, {}, {}, false);
    simulated += r.summary.duration_s;
    stats = r.solver;
  }
  state.counters["sim_s_per_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
  state.counters["steps"] = static_cast<double>(stats.steps);
  state.counters["restarts"] = static_cast<double>(stats.restarts);
}
BENCHMARK(BM_DieselTenHourTrace)->Unit(benchmark::kMillisecond);

void BM_DieselLongHaul(benchmark::State& state) {
  const auto route = routes::read_route(std::string(SEMITCO_CYCLES_DIR) + "/LongHaul.vdri");
  const auto truck = bench_diesel();
  double simulated = 0.0;
  for (auto _ : state) {
    const auto r = physics::simulate_diesel(route, truck, {}, {}, {}, false);
    simulated += r.summary.duration_s;
  }
  state.counters["sim_s_per_s"] = benchmark::Counter(simulated, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DieselLongHaul)->Unit(benchmark::kMillisecond);

}  // namespace
