// Physics run and cost analysis of a scenario; see analysis.hpp.
#include "ui/analysis.hpp"

#include <chrono>

#include "app/core/comparison_report.hpp"

namespace semitco::ui {

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

namespace {
core::RouteInput g_route_input;  // written once by main() before the first run
}  // namespace

void set_route_input(const core::RouteInput& input) { g_route_input = input; }

std::shared_ptr<const PhysicsRun> run_physics(const core::Scenario& s,
                                              std::shared_ptr<const routes::RouteProfile> route,
                                              physics::Integrator integrator) {
  const auto t0 = std::chrono::steady_clock::now();
  auto run = std::make_shared<PhysicsRun>();
  run->route = route ? std::move(route) : std::make_shared<const routes::RouteProfile>(core::load_route(s, g_route_input));
  run->result = core::run_comparison(s, *run->route, core::RunOptions{true, integrator});
  run->integrator = integrator;
  run->trip_key = core::trip_inputs_key(s, *run->route);
  run->elapsed_ms = ms_since(t0);
  return run;
}

bool physics_matches_trips(const core::Scenario& s, const PhysicsRun& physics) {
  // Payloads, departure SOC and charging: an economics edit that changes any of them re-simulates.
  return core::trip_inputs_key(s, *physics.route) == physics.trip_key;
}

Analysis run_costs(const core::Scenario& s, std::shared_ptr<const PhysicsRun> physics) {
  const auto t0 = std::chrono::steady_clock::now();
  Analysis a;
  a.physics = physics;
  a.fade_limit_C = s.diesel.brakes.fade_limit_C;
  a.scenario_name = s.name;
  const auto& r = physics->result;
  for (const auto& w : physics->route->warnings) a.warnings.push_back(w.message);
  // What the comparison decided about the trips themselves (the departure SOC of a sample, regen headroom).
  for (const auto& w : physics->result.warnings) {
    if (w.starts_with("electric trip: ") || w.starts_with("diesel trip: ")) a.warnings.push_back(w);
  }

  // Re-price the existing trips with this scenario's economics (summaries only: the time series stay put).
  core::ComparisonResult priced;
  for (auto [to, from] : {std::pair{&priced.electric, &r.electric}, std::pair{&priced.diesel, &r.diesel}}) {
    to->summary = from->summary;
    to->tare_kg = from->tare_kg;
    to->payload_kg = from->payload_kg;
    to->trip.solver = from->trip.solver;  // the model the trips ran with, for what names it (the depot)
  }
  core::price_comparison(s, priced);
  const auto& in = priced.tco_inputs;
  a.tco_inputs = in;
  for (const auto& w : priced.warnings) {
    if (w.starts_with("no cost comparison") || w.starts_with("electric: ") || w.starts_with("diesel: ") ||
        w.starts_with("depot: "))
      a.warnings.push_back(w);
  }
  if (s.depot) {  // the Depot view: listed trucks need no trips; copies of the day need the electric one
    try {
      a.depot = std::make_shared<const core::DepotRun>(core::depot_run(s, &priced));
    } catch (const std::exception& e) {
      a.depot_error = e.what();
    }
  }
  if (!r.electric.summary.feasible || !r.diesel.summary.feasible) {
    a.costs_ms = ms_since(t0);
    return a;
  }
  a.tco = priced.tco;
  a.has_costs = true;

  const auto ranges = tco::default_sensitivity_ranges(in, 0.2);
  a.tornado = tco::tornado(in, ranges);
  a.uncertain_inputs = core::uncertain_inputs(in, s.uncertainty);
  a.monte_carlo = tco::monte_carlo(in, a.uncertain_inputs, tco::MonteCarloSettings{kMonteCarloDraws, 20250101, 1});
  a.costs_ms = ms_since(t0);
  return a;
}

}  // namespace semitco::ui
