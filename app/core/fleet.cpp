// semitco fleet: vehicle-day files -> days -> vehicle and lane summaries (see fleet.hpp).
#include "app/core/fleet.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <regex>
#include <thread>

#include "app/core/batch.hpp"
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

/// The trips of one distinct file content (identical files share them).
struct Simulated {
  std::shared_ptr<const ComparisonResult> trips;
  std::vector<routes::Repair> repairs;
  std::string error;
};

double miles_of(const ComparisonResult& r) { return r.diesel.trip.summary.distance_m / kMetersPerMile; }

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
  const Scenario scenario = load_scenario(o.scenario.empty() ? default_scenario_path() : o.scenario);
  const auto files = expand_route_inputs({o.dir}, true);
  if (files.empty()) throw InputError(o.dir + ": no route files (.csv, .vdri, .gpx) in the folder or below");

  FleetReport report;
  report.days.resize(files.size());
  std::map<std::string, std::size_t> content_of_file;  // file -> index into contents
  std::vector<std::string> content_files;               // one file per distinct content
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
    if (fresh) content_files.push_back(files[i]);
    content_of_file[files[i]] = it->second;
  }

  // ---- simulate each distinct content once, in parallel ----
  std::vector<Simulated> sims(content_files.size());
  std::atomic<std::size_t> next{0}, done{0};
  std::mutex log_mutex;
  const RunOptions run{false, physics::integrator_from_name(o.integrator)};
  auto worker = [&] {
    for (std::size_t k; (k = next++) < content_files.size();) {
      Simulated& s = sims[k];
      try {
        const auto route = read_route_file(content_files[k], o.route_format, o.route_input);
        s.repairs = route.repairs;
        s.trips = std::make_shared<const ComparisonResult>(simulate_comparison(scenario, route, run));
      } catch (const std::exception& e) {
        s.error = e.what();
      }
      const std::size_t n = ++done;
      if (o.progress && (n % 25 == 0 || n == content_files.size())) {
        std::lock_guard<std::mutex> lock(log_mutex);
        log << "fleet: simulated " << n << "/" << content_files.size() << " distinct files\n";
      }
    }
  };
  const unsigned threads = std::max(1u, std::min<unsigned>(o.jobs ? o.jobs : std::thread::hardware_concurrency(),
                                                            static_cast<unsigned>(std::max<std::size_t>(1, content_files.size()))));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& t : pool) t.join();
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
    d.miles = miles_of(*s.trips);
    d.ev_energy_kWh = s.trips->electric.energy_kWh_per_mi * d.miles;
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
