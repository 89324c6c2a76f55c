// Physics run and cost analysis of a scenario; see analysis.hpp.
#include "ui/analysis.hpp"

#include <chrono>

#include "tco/parameters.hpp"

namespace semitco::ui {

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

std::shared_ptr<const PhysicsRun> run_physics(const core::Scenario& s,
                                              std::shared_ptr<const routes::RouteProfile> route) {
  const auto t0 = std::chrono::steady_clock::now();
  auto run = std::make_shared<PhysicsRun>();
  run->route = route ? std::move(route) : std::make_shared<const routes::RouteProfile>(core::load_route(s));
  run->result = core::run_comparison(s, *run->route, core::RunOptions{true});
  run->elapsed_ms = ms_since(t0);
  return run;
}

bool physics_matches_payloads(const core::Scenario& s, const PhysicsRun& physics) {
  tco::TcoInputs in = s.economics;
  in.electric.economics.tare_kg = physics.result.electric.tare_kg;
  in.diesel.economics.tare_kg = physics.result.diesel.tare_kg;
  return tco::payload_kg(in, tco::Powertrain::kBatteryElectric) == physics.result.electric.payload_kg &&
         tco::payload_kg(in, tco::Powertrain::kDiesel) == physics.result.diesel.payload_kg;
}

std::vector<tco::UncertainInput> default_uncertain_inputs(const tco::TcoInputs& base) {
  using tco::Distribution;
  struct Spec {
    const char* key;
    double low, high;  // multipliers of the base value (triangular with the base as mode)
  };
  static const Spec specs[] = {
      {"prices.diesel_price_usd_per_gal", 0.75, 1.40},
      {"prices.electricity_price_usd_per_kWh", 0.70, 1.50},
      {"prices.demand_charge_usd_per_kW_month", 0.50, 2.00},
      {"electric.economics.purchase_price_usd", 0.80, 1.10},
      {"electric.economics.residual_value_frac", 0.50, 1.50},
      {"electric.economics.maintenance_usd_per_mi", 0.70, 1.30},
      {"diesel.economics.maintenance_usd_per_mi", 0.85, 1.15},
  };
  std::vector<tco::UncertainInput> out;
  for (const auto& sp : specs) {
    const double v = tco::find_parameter(sp.key).get(base);
    if (v <= 0.0) continue;
    out.push_back({sp.key, Distribution::triangular(v * sp.low, v, v * sp.high)});
  }
  return out;
}

Analysis run_costs(const core::Scenario& s, std::shared_ptr<const PhysicsRun> physics) {
  const auto t0 = std::chrono::steady_clock::now();
  Analysis a;
  a.physics = physics;
  a.fade_limit_C = s.diesel.brakes.fade_limit_C;
  a.scenario_name = s.name;
  const auto& r = physics->result;
  for (const auto& w : physics->route->warnings) a.warnings.push_back(w.message);

  // The cost-model inputs exactly as core::run_comparison builds them, from this scenario's economics.
  tco::TcoInputs in = s.economics;
  in.electric.economics.tare_kg = r.electric.tare_kg;
  in.diesel.economics.tare_kg = r.diesel.tare_kg;
  in.electric.trip = r.electric.summary;
  in.diesel.trip = r.diesel.summary;
  const double grid_kWh = in.electric.trip.energy_from_source_J / 3.6e6 / in.charging.depot_efficiency_frac;
  in.electric.trip.co2_kg = grid_kWh * s.grid_co2_kg_per_kWh;
  a.tco_inputs = in;

  if (!r.electric.summary.feasible || !r.diesel.summary.feasible) {
    a.warnings.push_back("no cost comparison: " + (!r.electric.summary.feasible
                                                       ? "electric truck: " + r.electric.summary.infeasible_reason
                                                       : "diesel truck: " + r.diesel.summary.infeasible_reason));
    a.costs_ms = ms_since(t0);
    return a;
  }
  a.tco = tco::compare(in);
  a.has_costs = true;
  for (const auto& n : a.tco.electric.notes) a.warnings.push_back("electric: " + n);
  for (const auto& n : a.tco.diesel.notes) a.warnings.push_back("diesel: " + n);

  const auto ranges = tco::default_sensitivity_ranges(in, 0.2);
  a.tornado = tco::tornado(in, ranges);
  const auto inputs = default_uncertain_inputs(in);
  a.monte_carlo = tco::monte_carlo(in, inputs, tco::MonteCarloSettings{kMonteCarloDraws, 20250101, 1});
  a.costs_ms = ms_since(t0);
  return a;
}

}  // namespace semitco::ui
