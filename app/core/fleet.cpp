// semitco fleet: vehicle-day files -> days -> vehicle and lane summaries (see fleet.hpp).
#include "app/core/fleet.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <regex>
#include <thread>

#include "app/core/atomic_file.hpp"
#include "app/core/batch.hpp"
#include "app/core/batch_collector.hpp"
#include "app/core/fleet_journal.hpp"
#include "app/core/batch_rows.hpp"
#include "app/core/comparison.hpp"
#include "app/core/json_params.hpp"
#include "app/core/scenario.hpp"
#include "app/core/text.hpp"
#include "physics/stepper.hpp"
#include "tco/cost_model.hpp"

namespace semitco::core {
namespace fs = std::filesystem;

namespace {

using fleet_journal::Simulated;

/// The day's trips as one duty: distances, times, energies, fuel and CO2 added, the lowest state of charge
/// the lowest of any trip, feasible when every trip is; energy per mile and mpg the mile-weighted means.
ComparisonResult combine_trips(std::vector<ComparisonResult> trips) {
  ComparisonResult day = std::move(trips.front());
  if (trips.size() == 1) return day;
  for (TruckOutcome* o : {&day.electric, &day.diesel}) {
    const double mi = o->summary.distance_m / kMetersPerMile;
    o->energy_kWh_per_mi *= mi;  // summed, divided below
    o->mpg = o->mpg > 0 ? mi / o->mpg : 0.0;  // gallons
  }
  for (std::size_t k = 1; k < trips.size(); ++k) {
    for (auto [a, b] : {std::pair{&day.electric, &trips[k].electric}, std::pair{&day.diesel, &trips[k].diesel}}) {
      tco::TripSummary& s = a->summary;
      const tco::TripSummary& u = b->summary;
      const double mi = u.distance_m / kMetersPerMile;
      s.distance_m += u.distance_m;
      s.duration_s += u.duration_s;
      s.driving_time_s += u.driving_time_s;
      s.energy_from_source_J += u.energy_from_source_J;
      s.battery_energy_out_J += u.battery_energy_out_J;
      s.battery_energy_in_J += u.battery_energy_in_J;
      s.min_soc_frac = std::min(s.min_soc_frac, u.min_soc_frac);
      s.fuel_kg += u.fuel_kg;
      s.fuel_L += u.fuel_L;
      s.def_L += u.def_L;
      s.co2_kg += u.co2_kg;
      if (s.feasible && !u.feasible) {
        s.feasible = false;
        s.infeasible_reason = u.infeasible_reason;
      }
      a->co2_kg += b->co2_kg;
      a->trip.summary.distance_m += b->trip.summary.distance_m;
      a->energy_kWh_per_mi += b->energy_kWh_per_mi * mi;
      a->mpg += b->mpg > 0 ? mi / b->mpg : 0.0;
    }
  }
  for (TruckOutcome* o : {&day.electric, &day.diesel}) {
    const double mi = o->summary.distance_m / kMetersPerMile;
    o->energy_kWh_per_mi = mi > 0 ? o->energy_kWh_per_mi / mi : 0.0;
    o->mpg = o->mpg > 0 ? mi / o->mpg : 0.0;
  }
  return day;
}

double miles_of(const ComparisonResult& r) { return r.diesel.summary.distance_m / kMetersPerMile; }

/// Prices the day's trips with annual miles = miles_per_day x operating days; false when not costed.
bool price_at(const Scenario& base, const ComparisonResult& trips, double miles_per_day, ComparisonResult& out) {
  if (!trips.electric.summary.feasible || !trips.diesel.summary.feasible || !(miles_per_day > 0.0)) return false;
  Scenario s = base;
  s.economics.operations.annual_miles = miles_per_day * std::max(1.0, s.economics.operations.operating_days_per_yr);
  out = trips;
  price_comparison(s, out);
  return true;
}

void add_day(FleetGroup& g, const FleetDay& d) {
  ++g.days;
  if (!d.ok) {
    ++g.failed_days;
    return;
  }
  g.miles += d.miles;
  g.trips += d.trips;
  g.ev_energy_kWh += d.ev_energy_kWh;
  g.enroute_stops += d.enroute_stops;
  if (d.ev_day_status == "depot_only") ++g.depot_only_days;
  else if (d.ev_day_status == "needs_enroute") ++g.enroute_days;
  else ++g.infeasible_days;
}

}  // namespace

FleetReport run_fleet(const FleetOptions& o, std::ostream& log) {
  std::error_code ec;
  if (!fs::is_directory(o.dir, ec)) throw InputError(o.dir + ": not a folder of vehicle-day files");
  std::regex pattern;
  try {
    pattern = std::regex(o.pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    throw InputError("--pattern '" + o.pattern + "': not a regular expression (" + e.what() + ")");
  }
  const std::string scenario_path = o.scenario.empty() ? default_scenario_path() : o.scenario;
  const Scenario scenario = load_scenario(scenario_path);
  const auto files = expand_route_inputs({o.dir}, true);
  if (files.empty()) throw InputError(o.dir + ": no route files (.csv, .vdri, .gpx) in the folder or below");

  FleetReport report;
  report.integrator = physics::integrator_from_name(o.integrator);
  report.days.resize(files.size());
  std::map<std::string, std::size_t> content_of_file;  // file -> index into contents
  std::vector<std::string> content_files;               // one file per distinct content
  std::vector<std::string> content_hash;                // and its hash
  std::map<std::string, std::size_t> by_hash;
  for (std::size_t i = 0; i < files.size(); ++i) {
    FleetDay& d = report.days[i];
    d.file = files[i];
    const std::string rel = fs::relative(files[i], o.dir, ec).generic_string();
    std::smatch m;
    if (!std::regex_match(rel, m, pattern) || m.size() < 3 || m[1].str().empty() || m[2].str().empty()) {
      d.error = "'" + rel + "' does not match the vehicle-day pattern " + o.pattern + " (groups: vehicle, day, lane)";
      continue;
    }
    d.vehicle = m[1].str();
    d.day = m[2].str();
    d.lane = m.size() > 3 && m[3].matched ? m[3].str() : "-";
    const std::string hash = batch::content_hash_of_file(files[i]);
    auto [it, fresh] = by_hash.emplace(hash, content_files.size());
    if (fresh) {
      content_files.push_back(files[i]);
      content_hash.push_back(hash);
    }
    content_of_file[files[i]] = it->second;
  }

  // ---- the journal: what an interrupted run finished (--resume), and every file as it finishes ----
  std::vector<Simulated> sims(content_files.size());
  std::vector<std::size_t> pending;
  std::ofstream journal;
  if (o.resume && o.out.empty()) throw InputError("--resume needs --out (the journal is kept next to the workbook)");
  if (!o.out.empty()) {
    const std::string jpath = fleet_journal::path_for(o.out);
    const std::string head = fleet_journal::header(o, scenario_path);
    std::map<std::string, Simulated> done_before;
    if (o.resume) done_before = fleet_journal::read(jpath, head);
    std::string kept = head + "\n";
    for (std::size_t k = 0; k < content_files.size(); ++k) {
      auto it = done_before.find(content_hash[k]);
      if (it == done_before.end()) {
        pending.push_back(k);
        continue;
      }
      sims[k] = std::move(it->second);
      kept += fleet_journal::entry_line(content_hash[k], sims[k]) + "\n";
      ++report.resumed;
    }
    write_file_atomically(jpath, [&](std::ostream& out) { out << kept; });
    journal.open(jpath, std::ios::binary | std::ios::app);
    if (!journal) throw InputError(jpath + ": cannot append to the journal");
    if (o.resume) log << "fleet: resuming: " << report.resumed << " of " << content_files.size() << " distinct files already done\n";
  } else {
    for (std::size_t k = 0; k < content_files.size(); ++k) pending.push_back(k);
  }

  // ---- simulate each distinct content once, in parallel ----
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex log_mutex;
  batch::Progress progress(pending.size(), o.progress, log);
  const RunOptions run{false, physics::integrator_from_name(o.integrator)};
  auto worker = [&] {
    for (std::size_t n; (n = next++) < pending.size();) {
      const std::size_t k = pending[n];
      Simulated& s = sims[k];
      try {
        const auto routes = read_route_trips_file(content_files[k], o.route_format, o.route_input);
        s.repairs = routes.front().repairs;
        std::vector<ComparisonResult> trips;
        for (const auto& route : routes) trips.push_back(simulate_comparison(scenario, route, run));
        s.trip_count = trips.size();
        s.trips = std::make_shared<const ComparisonResult>(combine_trips(std::move(trips)));
      } catch (const std::exception& e) {
        s.error = e.what();
      }
      std::lock_guard<std::mutex> lock(log_mutex);
      if (journal.is_open()) journal << fleet_journal::entry_line(content_hash[k], s) << "\n" << std::flush;
      progress.update(++done);
    }
  };
  const unsigned threads = std::max(1u, std::min<unsigned>(o.jobs ? o.jobs : std::thread::hardware_concurrency(),
                                                            static_cast<unsigned>(std::max<std::size_t>(1, pending.size()))));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
  progress.finish();
  if (journal.is_open() && !journal) throw InputError(fleet_journal::path_for(o.out) + ": write failed (disk full?)");
  report.simulated = content_files.size();

  // ---- days: each priced as the whole day's duty ----
  for (FleetDay& d : report.days) {
    if (d.vehicle.empty()) continue;
    const Simulated& s = sims[content_of_file[d.file]];
    d.repairs = s.repairs;
    if (!s.trips) {
      d.error = s.error;
      continue;
    }
    d.ok = true;
    d.trips = s.trip_count;
    report.trips += d.trips;
    d.miles = miles_of(*s.trips);
    d.ev_energy_kWh = s.trips->electric.energy_kWh_per_mi * s.trips->electric.summary.distance_m / kMetersPerMile;  // its own miles
    ComparisonResult priced;
    if (price_at(scenario, *s.trips, d.miles, priced)) {
      d.ev_day_status = tco::day_status_key(priced.tco.electric.day.status);
      d.enroute_stops = priced.tco.electric.day.enroute_stops;
    } else {
      d.ev_day_status = "infeasible";
    }
  }
  std::stable_sort(report.days.begin(), report.days.end(), [](const FleetDay& a, const FleetDay& b) {
    return std::tie(a.vehicle, a.day, a.file) < std::tie(b.vehicle, b.day, b.file);
  });

  // ---- vehicles and lanes ----
  std::map<std::string, FleetGroup> vehicles, lanes;
  for (const FleetDay& d : report.days) {
    if (d.vehicle.empty()) {
      ++report.failed;
      continue;
    }
    if (!d.ok) ++report.failed;
    add_day(vehicles[d.vehicle], d);
    add_day(lanes[d.lane], d);
  }
  for (auto& [name, g] : vehicles) {
    g.name = name;
    const std::size_t ok_days = g.days - g.failed_days;
    const double per_day = ok_days ? g.miles / static_cast<double>(ok_days) : 0.0;
    g.annual_miles = per_day * std::max(1.0, scenario.economics.operations.operating_days_per_yr);
    double ev = 0.0, dsl = 0.0, miles = 0.0;
    bool all = ok_days > 0;
    for (const FleetDay& d : report.days) {
      if (d.vehicle != name || !d.ok) continue;
      ComparisonResult priced;
      if (!price_at(scenario, *sims[content_of_file[d.file]].trips, per_day, priced)) {
        all = false;
        continue;
      }
      ev += priced.tco.electric.usd_per_mi * d.miles;
      dsl += priced.tco.diesel.usd_per_mi * d.miles;
      miles += d.miles;
    }
    g.costed = all && miles > 0.0;
    if (miles > 0.0) {
      g.ev_usd_per_mi = ev / miles;
      g.diesel_usd_per_mi = dsl / miles;
      g.savings_usd_per_mi = g.diesel_usd_per_mi - g.ev_usd_per_mi;
      g.savings_usd_per_yr = g.savings_usd_per_mi * g.annual_miles;
    }
    report.vehicles.push_back(g);
  }
  for (auto& [name, g] : lanes) {
    g.name = name;
    report.lanes.push_back(g);
  }

  // ---- repairs over the folder (a file's repairs once per day file) ----
  for (const FleetDay& d : report.days) {
    for (const routes::Repair& r : d.repairs) {
      auto it = std::find_if(report.repairs.begin(), report.repairs.end(), [&](const FleetRepair& f) { return f.kind == r.kind; });
      if (it == report.repairs.end()) {
        report.repairs.push_back(FleetRepair{r.kind, 0, 0, d.file, r.first_line});
        it = report.repairs.end() - 1;
      }
      it->count += r.count;
      ++it->files;
    }
  }
  return report;
}

void remove_fleet_journal(const FleetOptions& o) {
  if (!o.out.empty()) std::remove(fleet_journal::path_for(o.out).c_str());
}

std::vector<const FleetGroup*> electrify_first(const FleetReport& report) {
  std::vector<const FleetGroup*> order;
  for (const auto& v : report.vehicles) order.push_back(&v);
  std::stable_sort(order.begin(), order.end(), [](const FleetGroup* a, const FleetGroup* b) {
    if (a->costed != b->costed) return a->costed;
    return a->savings_usd_per_yr > b->savings_usd_per_yr;
  });
  return order;
}

}  // namespace semitco::core
