// semitco: the command-line front end. Parses arguments, calls app/core, prints. Exit codes:
// 0 success, 1 a run failed (bad input file, a trip that could not be completed), 2 usage error.
#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdlib>
#include <cstdint>
#include <deque>
#include <functional>
#include <iostream>
#include <optional>

#include "app/cli/depot_command.hpp"
#include "app/core/atomic_file.hpp"
#include "app/core/batch.hpp"
#include "app/core/comparison.hpp"
#include "app/core/comparison_report.hpp"
#include "app/core/ledger_output.hpp"
#include "app/core/scenario_side_by_side.hpp"
#include "app/core/ledger_report.hpp"
#include "app/core/diesel_file.hpp"
#include "app/core/fleet.hpp"
#include "app/core/scenario.hpp"
#include "app/core/text.hpp"
#include "app/core/trip_report.hpp"
#include "app/core/vehicle_file.hpp"
#include "app/core/vehicle_library.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"
#include "routes/route_stats.hpp"

namespace semitco {
const char* version();
}

using namespace semitco;

namespace {

core::UnitSystem units_of(bool metric) { return metric ? core::UnitSystem::Metric : core::UnitSystem::US; }

constexpr const char* kIntegratorHelp =
    "Integrator of the trips: rk (explicit Runge-Kutta, the default: several times faster, and it agrees with "
    "cvode within 0.1 % (electric) and 0.2 % (diesel) in energy on every shared cycle, tests/physics/"
    "test_integrators.cpp), cvode (SUNDIALS CVODE, the reference; named in every result that used it), or "
    "quasi-static (the screening model: the driver's law solved in closed form over steps of a second or more, "
    "one powertrain evaluation per step, no en-route charge stops; within 1 % of rk in energy on every shared cycle, tests/physics/"
    "test_quasi_static.cpp; named in every result that used it)";

// Whole-number options are taken as text and converted after parsing, so "1e7", "2.5", "-1" and
// 18446744073709551616 are refused with the real range in words, never rounded, wrapped or reported
// against a 309-digit bound.
struct WholeNumberOption {
  std::string name, text;
  std::uint64_t lo, hi;
  std::function<void(std::uint64_t)> store;
  CLI::Option* option = nullptr;
};
std::deque<WholeNumberOption> g_whole_numbers;  // stable addresses: CLI11 binds to `text`

std::string with_commas(std::uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && v >= 100000) out += ',';
    out += digits[i];
  }
  return out;
}

std::optional<std::uint64_t> parse_whole(const std::string& t) {
  if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || end != t.data() + t.size()) return std::nullopt;
  return v;
}

void add_whole_number_option(CLI::App* cmd, const std::string& name, std::uint64_t lo, std::uint64_t hi,
                             std::function<void(std::uint64_t)> store, const std::string& help,
                             const std::string& default_text = "") {
  auto& w = g_whole_numbers.emplace_back(WholeNumberOption{name, default_text, lo, hi, std::move(store)});
  w.option = cmd->add_option(name, w.text, help + " [whole number, " + with_commas(lo) + " to " + with_commas(hi) + "]");
  w.option->type_name("INT");
  if (!default_text.empty()) w.option->capture_default_str();
}

/// Converts the whole-number options given; prints the first bad one and returns false.
bool convert_whole_numbers() {
  for (auto& w : g_whole_numbers) {
    if (w.option->count() == 0) continue;
    const auto v = parse_whole(w.text);
    if (!v || *v < w.lo || *v > w.hi) {
      std::cerr << "semitco: " << w.name.substr(0, w.name.find(',')) << " must be a whole number from "
                << with_commas(w.lo) << " to " << with_commas(w.hi) << " (not '" << core::printable(w.text) << "')\n";
      return false;
    }
    w.store(*v);
  }
  return true;
}

// --strict and --dem, the same on every command that reads routes.
core::RouteInput g_route_input;

void add_route_input_options(CLI::App* cmd, core::RouteInput& in) {
  cmd->add_flag("--strict", in.strict,
                "Refuse route files that need a repair (repeated rows or timestamps, small backward steps, gaps, "
                "speed and GPS position spikes, millisecond or epoch time, semicolons, decimal commas, UTF-16 text), "
                "naming file and line; without it "
                "they are repaired and every repair is reported with its count and first line");
  cmd->add_option("--dem", in.dem_path,
                  "Terrain model for tracks with lat/lon (GPX, lat/lon CSV): an SRTM .hgt tile, a GeoTIFF, or a "
                  "directory of them; its elevation replaces the GPS one (the difference is reported)")
      ->check(CLI::ExistingPath);
  cmd->add_flag("--dem-check", in.dem_check_only,
                "With --dem: keep the GPS elevation and only report how far it is from the terrain model");
  cmd->add_flag("--gap-stop", in.gaps_as_stops,
                "A gap of more than 60 s in a speed trace is a halt (brake, stand, pull away at 0.5 m/s^2) instead "
                "of a linear interpolation of the speed across it");
  cmd->add_flag("--gap-split", in.gaps_split,
                "A gap of more than 60 s in a speed trace ends a trip and the rest is a new trip (semitco fleet runs "
                "each trip and counts them; route info lists them; the one-trip commands refuse such a file)");
}

void add_integrator_option(CLI::App* cmd, std::string& integrator) {
  cmd->add_option("--integrator", integrator, kIntegratorHelp)
      ->check(CLI::IsMember({"cvode", "rk", "quasi-static"}))
      ->capture_default_str();
}

int run_simulate(const std::string& route_path, const std::string& vehicle_path, const std::string& format,
                 const std::string& series_path, const std::string& integrator, bool metric) {
  const std::vector<std::string> inputs = {route_path, vehicle_path};
  if (!series_path.empty()) core::check_output_path(series_path, inputs);  // before minutes of simulation
  const auto route = core::read_route_file(route_path, format, g_route_input);
  const std::string type = core::vehicle_type(vehicle_path);
  std::string why_limit;
  core::RunOptions run;
  run.record_series = !series_path.empty();
  run.integrator = physics::integrator_from_name(integrator);
  const auto solver = core::trip_solver_options(route, run, &why_limit);
  physics::TripResult result;
  if (type == "electric") {
    result = physics::simulate_electric(route, core::load_electric_truck(vehicle_path), {}, {}, solver,
                                        !series_path.empty());
  } else if (type == "diesel") {
    result = physics::simulate_diesel(route, core::load_diesel_truck(vehicle_path), {}, {}, solver, !series_path.empty());
  } else {
    throw core::InputError(vehicle_path + ": type = \"" + type + "\": expected \"electric\" or \"diesel\"");
  }
  core::annotate_time_limit(result, why_limit);
  core::print_trip(std::cout, result, units_of(metric));
  if (!series_path.empty()) {
    core::write_file_atomically(series_path, [&](std::ostream& o) { core::write_series_csv(o, result); }, inputs);
    std::cout << "time series written to " << core::printable(series_path) << "\n";
  }
  return result.summary.completed ? 0 : 1;
}

// The scenario to run: the file given, or the default one with route/vehicles replaced.
core::Scenario scenario_for(const std::string& scenario_path, const std::string& route_path,
                            const std::string& ev_path, const std::string& diesel_path, const std::string& format) {
  core::Scenario s = core::load_scenario(scenario_path.empty() ? core::default_scenario_path() : scenario_path);
  const std::string cwd = std::filesystem::current_path().string();
  if (!route_path.empty()) {
    s.route_ref = std::filesystem::absolute(route_path).string();
    s.route_format = format;
    s.name = s.name + " (route " + std::filesystem::path(route_path).filename().string() + ")";
  }
  if (!ev_path.empty()) s.electric = core::load_electric_truck(ev_path);
  if (!diesel_path.empty()) s.diesel = core::load_diesel_truck(diesel_path);
  return s;
}

// `semitco tco -s A -s B ...`: each scenario's costs, then side by side with what differs.
int run_tco_side_by_side(const std::vector<std::string>& paths, const std::string& integrator) {
  std::vector<core::Scenario> scenarios;
  std::vector<core::ComparisonResult> results;
  scenarios.reserve(paths.size());
  results.reserve(paths.size());
  for (const auto& p : paths) {
    scenarios.push_back(core::load_scenario(p));
    const auto& s = scenarios.back();
    results.push_back(core::run_comparison(s, core::load_route(s, g_route_input),
                                           {false, physics::integrator_from_name(integrator)}));
  }
  std::vector<core::ScenarioColumn> cols;
  bool all_costed = true;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    cols.push_back({std::filesystem::path(paths[i]).stem().string(), &scenarios[i], &results[i]});
    all_costed = all_costed && results[i].electric.summary.feasible && results[i].diesel.summary.feasible;
    std::cout << "== " << core::printable(cols.back().label) << ": " << core::printable(scenarios[i].name) << "\n";
    core::print_cost_comparison(std::cout, results[i]);
    std::cout << "\n";
  }
  core::print_side_by_side(std::cout, cols);
  return all_costed ? 0 : 1;
}

int run_compare(const core::Scenario& s, bool metric, bool costs, const std::string& series_dir,
                physics::Integrator integrator, std::vector<std::string> inputs) {
  const auto own = s.input_files();
  inputs.insert(inputs.end(), own.begin(), own.end());
  if (!series_dir.empty()) {
    for (const char* name : {"/electric.csv", "/diesel.csv"}) core::check_output_path(series_dir + name, inputs);
  }
  const auto route = core::load_route(s, g_route_input);
  const auto r = core::run_comparison(s, route, {!series_dir.empty(), integrator});
  core::print_trip_comparison(std::cout, r, units_of(metric));
  if (costs) {
    std::cout << "\n";
    core::print_cost_comparison(std::cout, r);
  }
  std::cout << "\n";
  core::print_verdict(std::cout, r);
  if (!series_dir.empty()) {
    std::filesystem::create_directories(series_dir);
    for (const auto* t : {&r.electric.trip, &r.diesel.trip}) {
      const std::string path = series_dir + "/" + (t == &r.electric.trip ? "electric" : "diesel") + ".csv";
      core::write_file_atomically(path, [&](std::ostream& o) { core::write_series_csv(o, *t); }, inputs);
    }
    std::cout << "time series written to " << core::printable(series_dir) << "/electric.csv and diesel.csv\n";
  }
  return r.electric.trip.summary.completed && r.diesel.trip.summary.completed ? 0 : 1;
}

int run_route_info(const std::vector<std::string>& files, const std::string& format, bool metric) {
  int status = 0;
  for (const auto& f : files) {
    try {
      const auto trips = core::read_route_trips_file(f, format, g_route_input);
      for (std::size_t k = 0; k < trips.size(); ++k) {
      const auto& p = trips[k];
      const auto st = routes::stats(p);
      const bool us = !metric;
      auto len = [&](double m) {
        char b[64];
        std::snprintf(b, sizeof b, us ? "%.2f mi" : "%.2f km", us ? m / 1609.344 : m / 1000.0);
        return std::string(b);
      };
      auto h = [&](double m) {
        char b[64];
        std::snprintf(b, sizeof b, us ? "%.0f ft" : "%.0f m", us ? m / 0.3048 : m);
        return std::string(b);
      };
      std::cout << core::printable(f);
      if (trips.size() > 1) std::cout << "  trip " << k + 1 << " of " << trips.size() << " (split at gaps)";
      std::cout << "\n";
      std::cout << "  length        " << len(st.length_m) << (st.time_based ? " (time-based speed trace)" : "") << "\n";
      std::cout << "  climb         " << h(st.climb_m) << " (source file: " << h(st.source_climb_m) << ")\n";
      std::cout << "  descent       " << h(st.descent_m) << " (source file: " << h(st.source_descent_m) << ")\n";
      char grades[64];
      std::snprintf(grades, sizeof grades, "%+.2f %% .. %+.2f %%", st.min_grade_frac * 100.0, st.max_grade_frac * 100.0);
      std::cout << "  grade         " << grades << "\n";
      std::cout << "  elevation     " << h(st.min_elevation_m) << " .. " << h(st.max_elevation_m) << "\n";
      std::cout << "  stops         " << st.stop_count << " (" << st.total_dwell_s << " s standing)\n";
      if (st.time_based) std::cout << "  duration      " << core::format_duration(st.trace_duration_s) << "\n";
      std::cout << "  warnings      " << p.warnings.size() << "\n";
      for (const auto& w : p.warnings) std::cout << "    " << core::printable(w.message) << "\n";
      std::size_t repaired = 0;
      for (const auto& r : p.repairs) repaired += r.count;
      std::cout << "  repairs       " << repaired << (p.repairs.empty() ? "" : " (--strict refuses them)") << "\n";
      for (const auto& r : p.repairs) std::cout << "    " << core::printable(routes::repair_text(r)) << "\n";
      }
    } catch (const std::exception& e) {
      std::cerr << "semitco: " << core::printable(e.what()) << "\n";
      status = 1;
    }
  }
  return status;
}


// ---- semitco batch: options and the call into app/core/batch ----
struct BatchArgs {
  core::BatchOptions options;
  std::string progress = "auto";
};

CLI::App* add_batch_command(CLI::App& app, BatchArgs& a) {
  auto* b = app.add_subcommand(
      "batch", "Many routes x scenarios x parameter sweeps, in parallel: one row per job to CSV, JSON lines or XLSX");
  auto& o = a.options;
  b->add_option("inputs", o.inputs,
                "Route files, directories (their .csv/.vdri/.gpx files) and glob patterns (quote them: 'runs/*.gpx')")
      ->required();
  b->add_option("--out,-o", o.out,
                "Result file; the extension picks the format: .csv (units in the column names), .jsonl (one JSON "
                "object per line) or .xlsx (results sheet + summary sheet ranking lanes by savings per mile)")
      ->required();
  b->add_option("--scenario,-s", o.scenarios,
                "Scenario file(s) giving vehicles and economics; repeat for several (default: the bundled "
                "default scenario). The scenario's own route is ignored: the inputs are the routes")
      ->check(CLI::ExistingFile);
  b->add_option("--sweep", o.sweeps,
                "Sweep an input: KEY=START:STOP:STEP or KEY=V1,V2,... ; KEY is an economics key of the scenario "
                "(prices.diesel_price_usd_per_gal, or just diesel_price_usd_per_gal), payload, "
                "ambient.temperature_C, ambient.headwind_mps or grid_co2_kg_per_kWh. Repeat for a cartesian product");
  add_whole_number_option(b, "--jobs,-j", 1, 256, [&o](std::uint64_t v) { o.jobs = static_cast<unsigned>(v); },
                          "Worker threads (default: all cores)");
  b->add_flag("--recursive,-R", o.recursive, "Also take route files from sub-directories of directory inputs");
  b->add_option("--format", o.route_format, "Route format of every input: auto, vdri, cycle, csv, gpx")
      ->capture_default_str();
  b->add_option("--series-dir", o.series_dir,
                "Also write each job's 1 Hz time series as <dir>/<job id>.electric.csv and .diesel.csv "
                "(slower, uses disk)");
  b->add_flag("--resume", o.resume,
              "Skip jobs already in the journal <out>.partial.jsonl of an interrupted run or in an existing "
              "--out .csv/.jsonl file; the result is the same as an uninterrupted run");
  add_integrator_option(b, o.integrator);
  add_route_input_options(b, o.route_input);
  add_whole_number_option(b, "--job-timeout", 1, 86400,
                          [&o](std::uint64_t v) { o.job_time_limit_s = static_cast<double>(v); },
                          "Wall time one job may take, in seconds; a job over it fails with the reason and the batch "
                          "goes on",
                          "600");
  b->add_option("--progress", a.progress,
                "Progress on stderr: auto (bar on a terminal, 'done k/n' lines otherwise), bar, lines, off")
      ->check(CLI::IsMember({"auto", "bar", "lines", "off"}))
      ->capture_default_str();
  b->footer(
      "Exit code: 0 all jobs ok, 1 some jobs failed (listed on stderr and in the error column), 2 usage error.\n"
      "Examples:\n"
      "  semitco batch ../shared/data/cycles --out results.xlsx\n"
      "  semitco batch 'telematics/*.gpx' -s fleet_a.json -s fleet_b.json --sweep diesel_price_usd_per_gal=3.0:5.0:0.25 "
      "--jobs 8 --out lanes.csv\n"
      "  semitco batch routes/ --sweep payload=15000:20000:2500 --out r.jsonl --resume\n"
      "  semitco batch fleet/ --recursive --format gpx --sweep ambient.temperature_C=-10,20,35 "
      "--series-dir series/ --progress lines --out r.csv\n"
      "  mpirun -np 8 --hostfile hosts semitco batch routes/ --out results.csv   (MPI builds; see docs/batch.md)");
  return b;
}

int run_batch_command(const BatchArgs& a) {
  core::BatchOptions o = a.options;
  o.progress = a.progress == "bar"     ? core::ProgressMode::Bar
               : a.progress == "lines" ? core::ProgressMode::Lines
               : a.progress == "off"   ? core::ProgressMode::Off
                                       : core::ProgressMode::Auto;
  try {
    const auto sum = core::run_batch(o, std::cerr);
    if (sum.abandoned > 0) {  // their threads still run: end here instead of unwinding under them
      std::cout.flush();
      std::cerr.flush();
      std::_Exit(sum.exit_code);
    }
    return sum.exit_code;
  } catch (const core::BatchUsageError& e) {
    std::cerr << "semitco batch: " << core::printable(e.what()) << "\n";
    return 2;
  }
}
// ---- end of semitco batch ----

}  // namespace

int main(int argc, char** argv) {
  core::install_temporary_cleanup_on_signals();
  CLI::App app{"semitco: electric vs diesel Class 8 trucks on your routes - energy, trip time and cost"};
  app.set_version_flag("--version", std::string("semitco ") + semitco::version());
  app.require_subcommand(1);
  app.footer("Examples:\n"
             "  semitco compare --scenario resources/scenarios/default.json\n"
             "  semitco compare --route ../shared/data/cycles/LongHaul.vdri\n"
             "  semitco tco --scenario resources/scenarios/default.json\n"
             "  semitco simulate --route resources/routes/i80_donner.csv --vehicle resources/vehicles/electric_semi.json\n"
             "  semitco route info resources/routes/*.csv\n"
             "  semitco vehicles list\n"
             "  semitco batch ../shared/data/cycles --sweep diesel_price_usd_per_gal=3:5:0.5 --out results.xlsx");

  bool metric = false;
  app.add_flag("--metric", metric, "Print metric units (default US: mi, mph, lb, F)");

  std::string route_path, vehicle_path, format = "auto", series_path, integrator = "rk";
  auto* sim = app.add_subcommand("simulate", "Simulate one truck on one route; print summary and energy ledger");
  sim->add_option("--route,-r", route_path, "Route file: GPX, route CSV, VECTO .vdri or FASTSim/T3CO cycle")
      ->required()->check(CLI::ExistingFile);
  sim->add_option("--vehicle,-v", vehicle_path, "Vehicle JSON file (resources/vehicles/), electric or diesel")
      ->required()->check(CLI::ExistingFile);
  sim->add_option("--format", format, "Route format: auto, vdri, cycle, csv, gpx")->capture_default_str();
  sim->add_option("--series-csv", series_path, "Write the 1 Hz time series to this CSV file");
  add_integrator_option(sim, integrator);
  add_route_input_options(sim, g_route_input);
  sim->footer("Example: semitco simulate -r ../shared/data/cycles/LongHaul.vdri "
              "-v resources/vehicles/diesel_tractor.json --series-csv longhaul.csv");

  std::string scenario_path, ev_path, diesel_path, series_dir;
  auto* cmp = app.add_subcommand("compare", "Both trucks on the same route: energy, time, brakes, CO2 and cost");
  cmp->add_option("--scenario,-s", scenario_path, "Scenario JSON file (default: the bundled default scenario)")
      ->check(CLI::ExistingFile);
  cmp->add_option("--route,-r", route_path, "Route file to use instead of the scenario's")->check(CLI::ExistingFile);
  cmp->add_option("--format", format, "Route format: auto, vdri, cycle, csv, gpx")->capture_default_str();
  cmp->add_option("--ev", ev_path, "Electric vehicle file instead of the scenario's")->check(CLI::ExistingFile);
  cmp->add_option("--diesel", diesel_path, "Diesel vehicle file instead of the scenario's")->check(CLI::ExistingFile);
  cmp->add_option("--series-dir", series_dir, "Write both time series as CSV into this folder");
  add_integrator_option(cmp, integrator);
  add_route_input_options(cmp, g_route_input);
  cmp->footer("Example: semitco compare --route resources/routes/i5_grapevine.csv --diesel my_tractor.json");

  auto* tco_cmd = app.add_subcommand("tco", "Cost of ownership of both trucks: per mile, per ton-mile, NPV, break-even");
  std::vector<std::string> tco_scenarios;
  tco_cmd->add_option("--scenario,-s", tco_scenarios,
                      "Scenario JSON file (default: the bundled default scenario); repeat it to put several side by "
                      "side with the inputs that differ (resources/scenarios/verdicts/)")
      ->check(CLI::ExistingFile);
  int mc_draws = 0;
  std::uint64_t mc_seed = 20250101;
  add_whole_number_option(tco_cmd, "--monte-carlo", 1, 10000000,
                          [&mc_draws](std::uint64_t v) { mc_draws = static_cast<int>(v); },
                          "Also print the sensitivity (tornado) and a Monte Carlo of this many draws over the "
                          "uncertain inputs (docs/tco.md)");
  add_whole_number_option(tco_cmd, "--seed", 0, UINT64_MAX, [&mc_seed](std::uint64_t v) { mc_seed = v; },
                          "Seed of the Monte Carlo draws (same seed, same result)", std::to_string(mc_seed));
  add_integrator_option(tco_cmd, integrator);
  add_route_input_options(tco_cmd, g_route_input);
  bool ledger = false;
  tco_cmd->add_flag("--ledger", ledger,
                    "Also print each truck's year-by-year ledger: every cost line by year, its NPV, each year's "
                    "discount factor (docs/tco.md)");
  std::string ledger_out;
  tco_cmd->add_option("--ledger-out", ledger_out,
                      "Write both trucks' year-by-year ledger and each line's NPV to FILE: .csv, .json or .xlsx by the "
                      "extension (docs/tco.md)");
  tco_cmd->footer("Examples:\n  semitco tco --scenario resources/scenarios/default.json --monte-carlo 10000\n"
                  "  semitco tco --scenario resources/scenarios/default.json --ledger\n"
                  "  semitco tco -s resources/scenarios/verdicts/market_medians_icct.json "
                  "-s resources/scenarios/verdicts/tesla_semi_maker_claims.json "
                  "-s resources/scenarios/verdicts/nacfe_run_on_less_measured.json");

  std::string out_path;
  auto* scen = app.add_subcommand("scenario", "Scenario files");
  scen->require_subcommand(1);
  auto* fmt = scen->add_subcommand("format", "Check a scenario file and write it in semitco's canonical form "
                                             "(fixed key order, every economics value spelled out)");
  fmt->add_option("file", scenario_path, "Scenario JSON file")->required()->check(CLI::ExistingFile);
  fmt->add_option("--out,-o", out_path, "Where to write (default: replace the file)");

  std::vector<std::string> route_files;
  auto* route_cmd = app.add_subcommand("route", "Route files");
  route_cmd->require_subcommand(1);
  auto* info = route_cmd->add_subcommand("info", "Length, climb, descent, grades, stops and warnings of route files");
  info->add_option("files", route_files, "Route files")->required()->check(CLI::ExistingFile);
  info->add_option("--format", format, "Route format: auto, vdri, cycle, csv, gpx")->capture_default_str();
  add_route_input_options(info, g_route_input);

  std::string vehicle_name;
  auto* veh_cmd = app.add_subcommand("vehicles", "The vehicle library (resources/vehicles/): models a buyer can order");
  veh_cmd->require_subcommand(1);
  auto* veh_list = veh_cmd->add_subcommand(
      "list", "Every model with its kind, usable battery or engine power, motor, curb weight, GCW rating, claimed "
              "range and the sources of those figures");
  auto* veh_show = veh_cmd->add_subcommand("show", "Every parameter of one model with its unit and source");
  veh_show->add_option("name", vehicle_name, "Model name: the file stem, as `semitco vehicles list` prints it")
      ->required();
  veh_cmd->footer("Examples:\n  semitco vehicles list\n  semitco --metric vehicles show tesla_semi_long_range");

  BatchArgs batch_args;
  auto* batch_cmd = add_batch_command(app, batch_args);

  core::FleetOptions fleet;
  auto* fleet_cmd = app.add_subcommand(
      "fleet", "A folder of vehicle-day files: per vehicle and per lane days, miles, energy, depot-only share, "
               "en-route charging and cost at the vehicle's own annual miles; --out an XLSX with the 'electrify first' "
               "ranking");
  fleet_cmd->add_option("dir", fleet.dir, "Folder of vehicle-day files (sub-folders per vehicle, or vehicle in the file name)")
      ->required()->check(CLI::ExistingDirectory);
  fleet_cmd->add_option("--scenario,-s", fleet.scenario, "Scenario file for vehicles and economics (default: bundled)")
      ->check(CLI::ExistingFile);
  fleet_cmd->add_option("--pattern", fleet.pattern,
                        "Regular expression on the path under the folder: group 1 vehicle, 2 day, 3 lane (optional)")
      ->capture_default_str();
  fleet_cmd->add_option("--out,-o", fleet.out, "Also write the report as an XLSX workbook (and, while running, the "
                                                "journal <out>.partial.jsonl that --resume reads)");
  fleet_cmd->add_flag("--resume", fleet.resume,
                      "Continue an interrupted run: the files in the journal of --out (same folder, scenario and "
                      "options, same bytes) are not simulated again");
  std::string fleet_progress = "auto";
  fleet_cmd->add_option("--progress", fleet_progress,
                        "Progress on stderr: auto (bar on a terminal, 'done k/n' lines otherwise), bar, lines, off")
      ->check(CLI::IsMember({"auto", "bar", "lines", "off"}))
      ->capture_default_str();
  fleet_cmd->add_option("--format", fleet.route_format, "Route format of every file: auto, vdri, cycle, csv, gpx")
      ->capture_default_str();
  add_whole_number_option(fleet_cmd, "--jobs,-j", 1, 256, [&fleet](std::uint64_t v) { fleet.jobs = static_cast<unsigned>(v); },
                          "Worker threads (default: all cores)");
  add_integrator_option(fleet_cmd, fleet.integrator);
  add_route_input_options(fleet_cmd, fleet.route_input);
  fleet_cmd->footer("Example: semitco fleet telematics/2024-05/ --out fleet.xlsx --integrator rk");
  DepotArgs depot_args;
  auto* depot_cmd = add_depot_command(app, depot_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (!convert_whole_numbers()) return 2;
  try {
    if (*sim) return run_simulate(route_path, vehicle_path, format, series_path, integrator, metric);
    if (*cmp) return run_compare(scenario_for(scenario_path, route_path, ev_path, diesel_path, format), metric, true,
                                 series_dir, physics::integrator_from_name(integrator), {ev_path, diesel_path});
    if (*tco_cmd && tco_scenarios.size() > 1) return run_tco_side_by_side(tco_scenarios, integrator);
    if (*tco_cmd) {
      const auto s = scenario_for(tco_scenarios.empty() ? "" : tco_scenarios.front(), "", "", "", format);
      const auto r = core::run_comparison(s, core::load_route(s, g_route_input), {false, physics::integrator_from_name(integrator)});
      core::print_cost_comparison(std::cout, r);
      if (ledger && r.electric.summary.feasible && r.diesel.summary.feasible) {
        std::cout << "\n";
        core::print_ledgers(std::cout, r.tco);
      }
      if (!ledger_out.empty() && r.electric.summary.feasible && r.diesel.summary.feasible) {
        core::write_ledger_file(r.tco, ledger_out, s.input_files());
        std::cout << "\nledger written to " << core::printable(ledger_out) << "\n";
      }
      if (mc_draws > 0) {
        std::cout << "\n";
        core::print_uncertainty(std::cout, r, mc_draws, mc_seed, s.uncertainty);
      }
      std::cout << "\n";
      core::print_verdict(std::cout, r);
      return r.electric.summary.feasible && r.diesel.summary.feasible ? 0 : 1;
    }
    if (*batch_cmd) return run_batch_command(batch_args);
    if (*fleet_cmd) {
      fleet.progress = fleet_progress == "bar"     ? core::ProgressMode::Bar
                       : fleet_progress == "lines" ? core::ProgressMode::Lines
                       : fleet_progress == "off"   ? core::ProgressMode::Off
                                                   : core::ProgressMode::Auto;
      if (!fleet.out.empty()) core::check_output_path(fleet.out, {});
      const auto report = core::run_fleet(fleet, std::cerr);
      core::print_fleet(std::cout, report, units_of(metric));
      if (!fleet.out.empty()) {
        core::write_fleet_xlsx(report, fleet.out);
        core::remove_fleet_journal(fleet);
        std::cout << "written " << core::printable(fleet.out) << "\n";
      }
      return report.failed == 0 ? 0 : 1;
    }
    if (*depot_cmd) return run_depot_command(depot_args);
    if (*info) return run_route_info(route_files, format, metric);
    if (*veh_list) {
      core::print_vehicle_list(std::cout, core::load_vehicle_library(), units_of(metric));
      return 0;
    }
    if (*veh_show) {
      core::print_vehicle_details(std::cout, core::load_library_vehicle(vehicle_name), units_of(metric));
      return 0;
    }
    if (*fmt) {
      auto s = core::load_scenario(scenario_path);
      if (out_path.empty() && core::json_has_comments(core::read_input_file(scenario_path, core::kMaxJsonBytes,
                                                                           "kMaxJsonBytes"))) {
        std::cerr << "semitco: " << core::printable(scenario_path)
                  << ": has // or /* */ comments, which the canonical form does not keep; the file is unchanged "
                     "(write the canonical form elsewhere with -o, or remove the comments first)\n";
        return 1;
      }
      s.economics_provenance.base.clear();  // spelled out in full
      core::save_scenario(s, out_path.empty() ? scenario_path : out_path);
      std::cout << "written " << core::printable(out_path.empty() ? scenario_path : out_path) << "\n";
      return 0;
    }
  } catch (const std::exception& e) {
    std::cerr << "semitco: " << core::printable(e.what()) << "\n";
    return 1;
  }
  return 0;
}
