// semitco: the command-line front end. Parses arguments, calls app/core, prints. Exit codes:
// 0 success, 1 a run failed (bad input file, a trip that could not be simulated), 2 usage error.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "app/core/atomic_file.hpp"
#include "app/core/json_params.hpp"
#include "app/core/trip_report.hpp"
#include "app/core/vehicle_file.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"

namespace semitco {
const char* version();
}

using namespace semitco;

namespace {

int run_simulate(const std::string& route_path, const std::string& vehicle_path, const std::string& format,
                 const std::string& series_path, bool metric) {
  const auto route = routes::read_route(route_path, routes::parse_format(format));
  const auto truck = core::load_electric_truck(vehicle_path);
  const auto result = physics::simulate_electric(route, truck, {}, {}, {}, !series_path.empty());
  core::print_trip(std::cout, result, metric ? core::UnitSystem::Metric : core::UnitSystem::US);
  if (!series_path.empty()) {
    core::write_file_atomically(series_path, [&](std::ostream& o) { core::write_series_csv(o, result); });
    std::cout << "time series written to " << series_path << "\n";
  }
  return result.summary.completed ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"semitco: electric vs diesel Class 8 trucks on your routes - energy, trip time and cost"};
  app.set_version_flag("--version", std::string("semitco ") + semitco::version());
  app.require_subcommand(1);
  app.footer("Example: semitco simulate --route resources/routes/i80_donner.csv "
             "--vehicle resources/vehicles/electric_semi.json");

  std::string route_path, vehicle_path, format = "auto", series_path;
  bool metric = false;
  auto* sim = app.add_subcommand("simulate", "Simulate one truck on one route; print summary and energy ledger");
  sim->add_option("--route,-r", route_path, "Route file: GPX, route CSV, VECTO .vdri or FASTSim/T3CO cycle")
      ->required()->check(CLI::ExistingFile);
  sim->add_option("--vehicle,-v", vehicle_path, "Vehicle JSON file (resources/vehicles/)")
      ->required()->check(CLI::ExistingFile);
  sim->add_option("--format", format, "Route format: auto, vdri, cycle, csv, gpx")->capture_default_str();
  sim->add_option("--series-csv", series_path, "Write the 1 Hz time series to this CSV file");
  sim->add_flag("--metric", metric, "Print metric units (default US: mi, mph, F)");
  sim->footer("Example: semitco simulate -r ../shared/data/cycles/LongHaul.vdri "
              "-v resources/vehicles/electric_semi.json --series-csv longhaul.csv");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    if (*sim) return run_simulate(route_path, vehicle_path, format, series_path, metric);
  } catch (const std::exception& e) {
    std::cerr << "semitco: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
