// What the desktop app computes for one scenario, split so that an economics-only edit re-runs only
// the cost model: PhysicsRun (both trucks simulated on the route; the expensive part, shared between
// analyses) and Analysis (cost comparison, tornado and Monte Carlo on top of a PhysicsRun).
// Plain C++: runs on a worker thread; no Qt.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"
#include "tco/uncertainty.hpp"

namespace semitco::ui {

struct PhysicsRun {
  std::shared_ptr<const routes::RouteProfile> route;
  core::ComparisonResult result;  ///< trips, summaries, payloads, tares (its tco part is not used)
  std::vector<double> trip_key;   ///< core::trip_inputs_key() of the scenario it was simulated for
  physics::Integrator integrator = physics::Integrator::RungeKutta;  ///< the trip model both trucks ran on
  double elapsed_ms = 0.0;
};

struct Analysis {
  std::shared_ptr<const PhysicsRun> physics;
  bool has_costs = false;           ///< false when a truck could not finish the route
  tco::TcoInputs tco_inputs;
  tco::Comparison tco;
  tco::TornadoResult tornado;
  tco::MonteCarloResult monte_carlo;
  std::vector<tco::UncertainInput> uncertain_inputs;  ///< what the Monte Carlo varied, and over what
  std::vector<std::string> warnings;
  bool physics_rerun = false;
  double physics_ms = 0.0;          ///< 0 when the trips were reused
  double costs_ms = 0.0;            ///< cost model + tornado + Monte Carlo
  double fade_limit_C = 260.0;      ///< brake fade limit of the trucks (for the plot's limit line)
  std::string scenario_name;
  /// The scenario's depot schedule (null without a "depot" section); depot_error when it could not run.
  std::shared_ptr<const core::DepotRun> depot;
  std::string depot_error;
};

/// How the app reads routes: --strict, --dem and --dem-check of its command line (set once at start-up,
/// before any run; the runs read it from their worker threads).
void set_route_input(const core::RouteInput& input);

/// Simulates both trucks (reads the route when `route` is null, with the route input above) with the trip
/// model `integrator` (the app's Run menu: Runge-Kutta by default, CVODE the reference, or quasi-static).
std::shared_ptr<const PhysicsRun> run_physics(const core::Scenario& s,
                                              std::shared_ptr<const routes::RouteProfile> route,
                                              physics::Integrator integrator = physics::Integrator::RungeKutta);
/// True when `physics` was simulated with the trip inputs this scenario's economics give (the payload each
/// truck carries, the electric truck's departure SOC and its charging: core::trip_inputs_key()).
bool physics_matches_trips(const core::Scenario& s, const PhysicsRun& physics);
/// The cost comparison, tornado and Monte Carlo for the scenario's economics on an existing run.
Analysis run_costs(const core::Scenario& s, std::shared_ptr<const PhysicsRun> physics);

inline constexpr int kMonteCarloDraws = 4000;

}  // namespace semitco::ui
