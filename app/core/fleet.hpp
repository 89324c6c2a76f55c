// semitco fleet: a folder of vehicle-day files (telematics exports, GPS tracks, cycles) run through the
// comparison, summarised per vehicle and per lane, and ranked for electrification.
//
// Which vehicle, day and lane a file is comes from its path relative to the folder, by a regular
// expression (ECMAScript) whose groups are 1 = vehicle, 2 = day, 3 = lane (optional). The default,
//   ^([^/_]+)[/_]([^/_]+)(?:_([^/]+))?\.[A-Za-z]+$
// takes both "T07/day03_denver.csv" (vehicle = sub-folder) and "T07_day03_denver.csv" (file name). A
// file that does not match is listed as failed, never skipped silently.
//
// Per day: both trucks on the file's route (repairs counted, --strict and --dem as everywhere), priced
// with the day as the whole day's duty (annual miles = the day's miles x operating days) so the day plan
// says whether the electric truck does it on depot charging alone. Per vehicle: days, miles, electric
// energy, the share of its days done on depot charging alone, the days and stops needing en-route
// charging, and the cost of ownership at the vehicle's own annual miles (its mean daily miles x the
// scenario's operating days), the cost per mile being the mile-weighted mean over its days. Identical
// files (same bytes) are simulated once. A file split into trips at gaps (--gap-split) is a day of those
// trips: their distances, times, energies and fuel added into one duty that the day plan judges.
// Progress and --resume as in the batch (fleet_journal.hpp).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "app/core/batch.hpp"
#include "app/core/route_input.hpp"
#include "app/core/trip_report.hpp"
#include "routes/repairs.hpp"

namespace semitco::core {

struct FleetOptions {
  std::string dir;
  std::string scenario;  ///< scenario file for vehicles and economics; "" = the bundled default
  std::string pattern = R"(^([^/_]+)[/_]([^/_]+)(?:_([^/]+))?\.[A-Za-z]+$)";
  std::string route_format = "auto";
  std::string integrator = "rk";  ///< the command line's default (fast; "cvode" the reference, "quasi-static" screening)
  RouteInput route_input;
  unsigned jobs = 0;  ///< worker threads; 0 = hardware concurrency
  ProgressMode progress = ProgressMode::Auto;  ///< on the log: a bar on a terminal, else a line every 5 s
  /// The report's workbook: with it, a journal "<out>.partial.jsonl" records every file simulated
  /// (fleet_journal.hpp); "" = no journal.
  std::string out;
  bool resume = false;  ///< skip the files the journal has (needs out; refuses a journal of another run)
};

struct FleetDay {
  std::string file, vehicle, day, lane;
  bool ok = false;
  std::string error;
  double miles = 0.0;
  double ev_energy_kWh = 0.0;  ///< battery energy of the trip (net)
  std::string ev_day_status;   ///< tco::day_status_key: depot_only, needs_enroute, infeasible
  int enroute_stops = 0;
  std::size_t trips = 0;       ///< trips of the file (more than 1 when --gap-split splits it at gaps)
  std::vector<routes::Repair> repairs;
};

struct FleetGroup {  ///< a vehicle or a lane
  std::string name;
  std::size_t days = 0, failed_days = 0, depot_only_days = 0, enroute_days = 0, infeasible_days = 0, trips = 0;
  int enroute_stops = 0;
  double miles = 0.0, ev_energy_kWh = 0.0;
  // vehicles only: cost of ownership at its own annual miles
  double annual_miles = 0.0;
  double ev_usd_per_mi = 0.0, diesel_usd_per_mi = 0.0, savings_usd_per_mi = 0.0, savings_usd_per_yr = 0.0;
  bool costed = false;  ///< every day of it priced (both trucks feasible)
  [[nodiscard]] double depot_only_share() const { return days ? static_cast<double>(depot_only_days) / static_cast<double>(days) : 0.0; }
};

/// A kind of repair over the whole folder: total count and how many files needed it.
struct FleetRepair {
  routes::RepairKind kind;
  std::size_t count = 0, files = 0;
  std::string first_file;
  std::size_t first_line = 0;
};

struct FleetReport {
  std::vector<FleetDay> days;        ///< sorted by vehicle, day, file
  std::vector<FleetGroup> vehicles;  ///< sorted by name
  std::vector<FleetGroup> lanes;
  std::vector<FleetRepair> repairs;
  std::size_t failed = 0, simulated = 0;  ///< failed files; distinct contents simulated (or resumed)
  std::size_t resumed = 0;                ///< distinct contents taken from the journal (--resume)
  std::size_t trips = 0;                  ///< trips over all files
  physics::Integrator integrator = physics::Integrator::RungeKutta;  ///< the trip model of every day
};

/// Throws InputError for a missing folder, a bad pattern, or --resume with a journal of another run; a
/// bad file is a failed day. Progress goes to `log`.
FleetReport run_fleet(const FleetOptions& options, std::ostream& log);
/// Removes the journal of options.out once the report is written (no-op without out).
void remove_fleet_journal(const FleetOptions& options);

/// Vehicles ranked by savings per year (largest first), those not costed last: the "electrify first" order.
std::vector<const FleetGroup*> electrify_first(const FleetReport& report);

void print_fleet(std::ostream& out, const FleetReport& report, UnitSystem units);
/// Sheets "electrify first" (the ranking), "vehicles", "lanes", "days", "repairs".
void write_fleet_xlsx(const FleetReport& report, const std::string& path);

}  // namespace semitco::core
