// Running a scenario's depot (its "depot" section, depot_file.hpp): the site with its trucks -- listed, or
// copies of the electric truck's simulated day -- scheduled unmanaged and managed, the report, the load
// CSV, and the per-truck share the comparison feeds into the electric truck's cost of ownership.
// The CLI (`semitco depot`), the comparison (price_comparison) and the app's Depot view call this.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/core/comparison.hpp"
#include "app/core/fleet.hpp"
#include "app/core/scenario.hpp"
#include "tco/depot_schedule.hpp"

namespace semitco::core {

struct DepotRun {
  std::string scenario;
  tco::DepotSite site;      ///< with the chosen charger
  tco::DepotResult result;  ///< of the chosen charger
  /// Every charger option of the section with its schedule (one entry with a single "charger").
  struct Option {
    tco::ChargerOption charger;
    tco::DepotResult result;
  };
  std::vector<Option> options;
  std::size_t chosen = 0;  ///< the feasible option with the lowest managed bill a year (else the first)
  bool from_day_plan = false;  ///< trucks are copies of the simulated day
  /// The cost model's single-truck assumption that result.single_truck_demand_usd_per_yr prices (the
  /// economics' demand charge and depot charger, shared by trucks_per_charger).
  double single_truck_charger_kW = 0.0;
  double single_truck_trucks_per_charger = 1.0;
  std::string day_note;        ///< how the day's trucks were built (SOC, energy), when from_day_plan
  /// The model the trips it used were simulated with (none when it used no simulated trip).
  std::optional<physics::Integrator> trips_integrator;
};

/// The site of `s.depot` (which must be set). From the day plan the electric truck's trip in `r` gives
/// each copy: departure SOC = the day's start SOC, arrival SOC = start - (depot energy of the day) /
/// usable, dwell = operations.day_plan.depot_dwell_s, arrivals first_arrival + i * spacing (mod 24 h).
/// Throws InputError when the result has no usable electric trip.
DepotRun depot_run(const Scenario& s, const ComparisonResult* r);

/// The depot's trucks from a fleet's month (semitco fleet): one truck per vehicle with a day that ran, its
/// energy a day back into the pack its own mean (the scenario's electric truck, leaving at its departure
/// SOC), arriving as the depot's "fleet_from_day_plan" rule spaces them (else from 16:00, 12 minutes
/// apart) and parked the scenario's depot dwell. `semitco depot --fleet DIR`.
DepotRun depot_run_for_fleet(const Scenario& s, const FleetReport& fleet);

/// Whether the depot needs the simulated trips (fleet_from_day_plan).
bool depot_needs_trips(const Scenario& s);

/// The electric truck's share when the scenario asks for it (feed_into_tco), else disabled.
tco::DepotShare scenario_depot_share(const Scenario& s, const ComparisonResult& r);

/// Human-readable report: the inputs in brief, peak kW, chargers, $/kWh by part, per-truck shares, the
/// single-truck demand charge beside the depot's per-truck figure, and why an infeasible case fails.
void print_depot(std::ostream& o, const DepotRun& run);

/// The depot's load over the day, one row per slot: clock time, unmanaged and managed grid kW, site
/// limit, energy price.
void write_depot_load_csv(std::ostream& o, const DepotRun& run);

}  // namespace semitco::core
