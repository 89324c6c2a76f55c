// Cost-model throughput: 10,000 Monte Carlo draws for one scenario (issue 5 goal: under 1 s), with 1
// thread and with all cores, and a tornado over every input.
#include <benchmark/benchmark.h>

#include <vector>

#include "tco/uncertainty.hpp"

namespace {
using namespace semitco;

std::vector<tco::UncertainInput> uncertain_inputs() {
  return {
      {"prices.diesel_price_usd_per_gal", tco::Distribution::triangular(3.0, 3.7, 5.5)},
      {"prices.electricity_price_usd_per_kWh", tco::Distribution::triangular(0.08, 0.12, 0.25)},
      {"prices.demand_charge_usd_per_kW_month", tco::Distribution::uniform(5.0, 30.0)},
      {"electric.economics.purchase_price_usd", tco::Distribution::normal(411200.0, 40000.0)},
      {"electric.economics.maintenance_usd_per_mi", tco::Distribution::uniform(0.10, 0.18)},
      {"electric.economics.residual_value_frac", tco::Distribution::uniform(0.05, 0.3)},
  };
}

void BM_MonteCarlo10k(benchmark::State& state) {
  const auto base = tco::default_inputs();
  const auto inputs = uncertain_inputs();
  tco::MonteCarloSettings s;
  s.draws = 10000;
  s.threads = static_cast<int>(state.range(0));
  double p = 0.0;
  for (auto _ : state) {
    const auto r = tco::monte_carlo(base, inputs, s);
    p = r.probability_electric_cheaper;
    benchmark::DoNotOptimize(r.savings_usd_per_mi.p50);
  }
  state.counters["draws_per_s"] = benchmark::Counter(10000.0 * static_cast<double>(state.iterations()),
                                                     benchmark::Counter::kIsRate);
  state.counters["p_ev_cheaper"] = p;
}
BENCHMARK(BM_MonteCarlo10k)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond);

void BM_TornadoAllInputs(benchmark::State& state) {
  const auto base = tco::default_inputs();
  const auto ranges = tco::default_sensitivity_ranges(base, 0.2);
  for (auto _ : state) {
    const auto t = tco::tornado(base, ranges);
    benchmark::DoNotOptimize(t.bars.size());
  }
  state.counters["inputs"] = static_cast<double>(ranges.size());
}
BENCHMARK(BM_TornadoAllInputs)->Unit(benchmark::kMillisecond);

}  // namespace
