// `semitco depot`; see depot_command.hpp.
#include "app/cli/depot_command.hpp"

#include <cstdio>
#include <iostream>

#include "app/core/atomic_file.hpp"
#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"
#include "app/core/fleet.hpp"
#include "app/core/scenario.hpp"
#include "app/core/text.hpp"
#include "physics/trip_solver.hpp"

using namespace semitco;

namespace {

double line_per_yr(const tco::CostReport& r, tco::CostLine l) {
  for (const auto& s : r.lines) {
    if (s.line == l) return s.usd_per_yr;
  }
  return 0.0;
}

}  // namespace

CLI::App* add_depot_command(CLI::App& app, DepotArgs& a) {
  auto* d = app.add_subcommand("depot",
                               "Depot charging for a fleet: unmanaged vs managed (LP) schedule, peak kW, "
                               "chargers, delivered $/kWh by part and the per-truck share");
  d->add_option("--scenario,-s", a.scenario, "Scenario JSON file with a \"depot\" section (docs/depot.md)")
      ->required()
      ->check(CLI::ExistingFile);
  d->add_option(
      "--load-csv", a.load_csv,
      "Write the depot's load over the day (unmanaged and managed kW per slot, site limit, price) to this "
      "CSV file");
  d->add_option("--integrator", a.integrator,
                "Integrator of the trips when the fleet is built from the day plan: rk (the default), cvode (the "
                "reference) or quasi-static (the screening model), as for compare")
      ->check(CLI::IsMember({"cvode", "rk", "quasi-static"}))
      ->capture_default_str();
  d->add_option("--fleet", a.fleet_dir,
                "The depot's trucks from a folder of vehicle-day files, as semitco fleet reads them: one truck per "
                "vehicle, its mean day's energy back into the pack")
      ->check(CLI::ExistingDirectory);
  d->add_option("--pattern", a.fleet_pattern, "With --fleet: the file-name pattern of semitco fleet");
  d->footer(
      "Examples:\n  semitco depot --scenario resources/scenarios/depot_20_trucks.json --load-csv depot_load.csv\n"
      "  semitco depot --scenario resources/scenarios/depot_20_trucks.json --fleet telematics/2024-05/");
  return d;
}

int run_depot_command(const DepotArgs& a) {
  const core::Scenario s = core::load_scenario(a.scenario);
  if (!s.depot) {
    std::cerr
        << "semitco depot: " << core::printable(a.scenario)
        << ": has no \"depot\" section (see docs/depot.md and resources/scenarios/depot_20_trucks.json)\n";
    return 1;
  }
  if (!a.load_csv.empty()) core::check_output_path(a.load_csv, s.input_files());
  if (!a.fleet_dir.empty()) {
    core::FleetOptions o;
    o.dir = a.fleet_dir;
    o.scenario = a.scenario;
    if (!a.fleet_pattern.empty()) o.pattern = a.fleet_pattern;
    o.integrator = a.integrator;
    const core::FleetReport fleet = core::run_fleet(o, std::cerr);
    const core::DepotRun run = core::depot_run_for_fleet(s, fleet);
    core::print_depot(std::cout, run);
    if (!a.load_csv.empty()) {
      core::write_file_atomically(a.load_csv, [&](std::ostream& out) { core::write_depot_load_csv(out, run); },
                                  s.input_files());
    }
    return run.result.managed.feasible ? 0 : 1;
  }
  const bool need_trips = core::depot_needs_trips(s) || s.depot->feed_into_tco;
  core::ComparisonResult r;
  if (need_trips) {
    r = core::run_comparison(s, core::load_route(s), {false, physics::integrator_from_name(a.integrator)});
  }
  const core::DepotRun run = core::depot_run(s, need_trips ? &r : nullptr);
  core::print_depot(std::cout, run);
  if (s.depot->feed_into_tco && run.result.managed.feasible && r.tco.electric.usd_per_mi > 0.0) {
    // The electric truck's cost of ownership with its depot share against the single-truck assumption.
    core::Scenario single = s;
    single.depot->feed_into_tco = false;
    core::ComparisonResult r1 = r;
    core::price_comparison(single, r1);
    const auto& with = r.tco.electric;
    const auto& without = r1.tco.electric;
    std::printf(
        "\n  Electric truck's cost of ownership (semitco tco):  single-truck assumption  depot share\n");
    std::printf("    cost per mile                                   %10.3f $/mi      %8.3f $/mi\n",
                without.usd_per_mi, with.usd_per_mi);
    std::printf("    demand charge a year                            %10.0f $         %8.0f $\n",
                line_per_yr(without, tco::CostLine::kDemandCharge),
                line_per_yr(with, tco::CostLine::kDemandCharge));
    std::printf("    depot electricity a year                        %10.0f $         %8.0f $\n",
                line_per_yr(without, tco::CostLine::kDepotElectricity),
                line_per_yr(with, tco::CostLine::kDepotElectricity));
    std::printf("    savings vs diesel per mile                      %10.3f $/mi      %8.3f $/mi\n",
                r1.tco.savings_usd_per_mi, r.tco.savings_usd_per_mi);
    std::fflush(stdout);
  }
  if (!a.load_csv.empty()) {
    core::write_file_atomically(
        a.load_csv, [&](std::ostream& o) { core::write_depot_load_csv(o, run); }, s.input_files());
    std::cout << "\ndepot load written to " << core::printable(a.load_csv) << "\n";
  }
  return run.result.managed.feasible ? 0 : 1;
}
