// Batch jobs: inputs -> route files, sweep specs -> axes, the job plan, and running one job.
#include <fnmatch.h>
#include <glob.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "app/core/batch_rows.hpp"
#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"
#include "app/core/trip_report.hpp"
#include "app/core/trip_verdict.hpp"
#include "app/core/atomic_file.hpp"
#include "app/core/text.hpp"
#include "app/core/vehicle_overrides.hpp"
#include "routes/readers.hpp"
#include "tco/measured_inputs.hpp"
#include "tco/parameters.hpp"

namespace semitco::core {

namespace fs = std::filesystem;

namespace {

// Physics inputs a sweep may set besides the economics table.
struct PhysicsKey {
  const char* key;
  double lo, hi;
};
constexpr PhysicsKey kPhysicsKeys[] = {
    {"ambient.temperature_C", -50.0, 60.0},
    {"ambient.headwind_mps", -40.0, 40.0},
    {"grid_co2_kg_per_kWh", 0.0, 10.0},
};

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// The canonical key for what the user typed.
std::string resolve_key(const std::string& typed, const std::string& spec) {
  if (typed == "payload" || typed == "payload_kg") return "operations.payload_desired_kg";
  if (is_vehicle_key(typed)) return typed;  // checked against each scenario's vehicle (check_vehicle_sweeps)
  for (const auto& p : kPhysicsKeys) {
    if (typed == p.key || ends_with(p.key, "." + typed)) return p.key;
  }
  std::vector<std::string> hits;
  for (const auto& p : tco::parameters()) {
    if (p.key == typed) return std::string(p.key);
    if (ends_with(p.key, "." + typed)) hits.emplace_back(p.key);
  }
  if (hits.size() == 1) return hits.front();
  if (hits.empty()) {
    throw BatchUsageError("--sweep " + spec + ": unknown key '" + typed +
                          "' (use a scenario economics key such as prices.diesel_price_usd_per_gal, "
                          "payload, ambient.temperature_C, ambient.headwind_mps, grid_co2_kg_per_kWh, or a "
                          "vehicle key such as electric.battery.usable_kWh)");
  }
  std::string list;
  for (const auto& h : hits) list += " " + h;
  throw BatchUsageError("--sweep " + spec + ": key '" + typed + "' is ambiguous, say which:" + list);
}

double parse_number(const std::string& text, const std::string& spec) {
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno != 0 || !std::isfinite(v)) {
    throw BatchUsageError("--sweep " + spec + ": '" + text + "' is not a number");
  }
  return v;
}

void check_range(const std::string& key, double v, const std::string& spec) {
  if (is_vehicle_key(key)) return;
  for (const auto& p : kPhysicsKeys) {
    if (key == p.key) {
      if (v < p.lo || v > p.hi) {
        throw BatchUsageError("--sweep " + spec + ": " + key + " = " + tco::format_value(v) + " is outside [" +
                              tco::format_value(p.lo) + ", " + tco::format_value(p.hi) + "]");
      }
      return;
    }
  }
  const auto& p = tco::find_parameter(key);
  if (!p.in_range(v)) {
    throw BatchUsageError("--sweep " + spec + ": " + key + " = " + tco::format_value(v) + " (" + p.range_text() +
                          ")");
  }
}

bool is_route_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".csv" || ext == ".vdri" || ext == ".gpx";
}

}  // namespace

SweepAxis parse_sweep(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
    throw BatchUsageError("--sweep " + spec + ": expected key=start:stop:step or key=v1,v2,...");
  }
  SweepAxis axis;
  axis.key = resolve_key(spec.substr(0, eq), spec);
  if (axis.key.find(".trip.") != std::string::npos || ends_with(axis.key, ".tare_kg")) {
    throw BatchUsageError("--sweep " + spec + ": " + axis.key + " comes from the simulation, it cannot be swept");
  }
  const std::string rhs = spec.substr(eq + 1);
  if (rhs.find(':') != std::string::npos) {
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (;;) {
      const auto c = rhs.find(':', from);
      parts.push_back(rhs.substr(from, c == std::string::npos ? std::string::npos : c - from));
      if (c == std::string::npos) break;
      from = c + 1;
    }
    if (parts.size() != 3) throw BatchUsageError("--sweep " + spec + ": expected start:stop:step");
    const double start = parse_number(parts[0], spec), stop = parse_number(parts[1], spec),
                 step = parse_number(parts[2], spec);
    if (!(step > 0.0)) throw BatchUsageError("--sweep " + spec + ": step must be > 0");
    if (stop < start) throw BatchUsageError("--sweep " + spec + ": stop must be >= start");
    const double n = std::floor((stop - start) / step + 1e-9);
    if (n >= 1e6) throw BatchUsageError("--sweep " + spec + ": more than a million points");
    for (std::size_t i = 0; i <= static_cast<std::size_t>(n); ++i) {
      // Computed from the index (no accumulated error), rounded like the output prints it.
      axis.values.push_back(batch::round_for_output(start + static_cast<double>(i) * step));
    }
  } else {
    std::size_t from = 0;
    for (;;) {
      const auto c = rhs.find(',', from);
      axis.values.push_back(
          batch::round_for_output(parse_number(rhs.substr(from, c == std::string::npos ? std::string::npos : c - from), spec)));
      if (c == std::string::npos) break;
      from = c + 1;
    }
  }
  for (double v : axis.values) check_range(axis.key, v, spec);
  return axis;
}

std::vector<std::string> expand_route_inputs(const std::vector<std::string>& inputs, bool recursive) {
  std::vector<std::string> out;
  for (const auto& in : inputs) {
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      const std::size_t before = out.size();
      auto take = [&](const fs::directory_entry& e) {
        std::error_code ec2;
        if (e.is_regular_file(ec2) && is_route_extension(e.path())) out.push_back(e.path().lexically_normal().string());
      };
      if (recursive) {
        for (const auto& e : fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec))
          take(e);
      } else {
        for (const auto& e : fs::directory_iterator(in, ec)) take(e);
      }
      if (out.size() == before) throw BatchUsageError(in + ": no .csv, .vdri or .gpx files in this directory");
    } else if (in.find_first_of("*?[") != std::string::npos && !fs::exists(in, ec)) {
      glob_t g{};
      const int rc = ::glob(in.c_str(), 0, nullptr, &g);
      const std::size_t before = out.size();
      if (rc == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) {
          const fs::path p(g.gl_pathv[i]);
          if (fs::is_regular_file(p, ec) && is_route_extension(p)) out.push_back(p.lexically_normal().string());
        }
      }
      ::globfree(&g);
      if (out.size() == before) throw BatchUsageError(in + ": no .csv, .vdri or .gpx files match this pattern");
    } else {
      // A path that names nothing is a typo on the command line: refuse it before any job runs. A file
      // that exists but cannot be read or parsed becomes a failed row, and the batch goes on.
      if (!fs::exists(in, ec)) throw BatchUsageError(in + ": no such file or directory");
      out.push_back(fs::path(in).lexically_normal().string());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace batch {

const std::array<TextColumn, kTextCount> kTextColumns = {{
    {"electric_trip", "EV trip"},
    {"diesel_trip", "Diesel trip"},
    {"electric_day", "EV day"},
    {"diesel_day", "Diesel day"},
    {"route_repairs", "Route repairs"},
    {"integrator", "Integrator"},
}};

namespace {

// The folder a path lies in, made absolute with symlinks resolved as far as the path exists.
fs::path folder_of(const std::string& path) {
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(path), ec);
  return (ec ? fs::absolute(path).lexically_normal() : abs).parent_path();
}

fs::path canonical_dir(const std::string& dir) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::absolute(dir), ec);
  return ec ? fs::absolute(dir).lexically_normal() : p;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

void check_outputs_apart_from_inputs(const BatchOptions& opt, const Plan& plan) {
  struct Output {
    const char* option;
    std::string path;
    bool is_dir;
  };
  std::vector<Output> outputs = {{"--out", opt.out, false}};
  if (!opt.series_dir.empty()) outputs.push_back({"--series-dir", opt.series_dir, true});
  for (const auto& o : outputs) {
    const fs::path where = o.is_dir ? canonical_dir(o.path) : folder_of(o.path);
    for (const auto& in : opt.inputs) {
      std::error_code ec;
      if (fs::is_directory(in, ec)) {
        const fs::path dir = canonical_dir(in);
        if (where == dir || (opt.recursive && is_within(where, dir))) {
          throw BatchUsageError(std::string(o.option) + " " + o.path + ": lies in the input folder " + in +
                                ", where the batch reads routes; a later run would read the results as routes "
                                "(choose a folder outside it)");
        }
      } else if (!o.is_dir && in.find_first_of("*?[") != std::string::npos &&
                 ::fnmatch(in.c_str(), fs::path(o.path).lexically_normal().c_str(), FNM_PATHNAME) == 0) {
        throw BatchUsageError(std::string(o.option) + " " + o.path + ": matches the input pattern " + in +
                              "; a later run would read the results as routes (choose another name)");
      }
    }
  }
  try {
    check_output_path(opt.out, input_files(plan));
    check_output_path(journal_path(opt.out), input_files(plan));
  } catch (const OutputRefused& e) {
    throw BatchUsageError(std::string("--out: ") + e.what());
  }
}

}  // namespace

const std::array<FigureColumn, kFigureCount> kFigureColumns = {{
    {"distance_mi", "Distance [mi]", "#,##0.0"},
    {"ev_energy_kWh_per_mi", "EV energy [kWh/mi]", "0.000"},
    {"ev_mpge", "EV [mi per diesel gal eq.]", "0.00"},
    {"diesel_mpg", "Diesel [mpg]", "0.00"},
    {"ev_trip_time_h", "EV trip time [h]", "0.000"},
    {"diesel_trip_time_h", "Diesel trip time [h]", "0.000"},
    {"ev_peak_brake_temp_C", "EV peak brake temp. [C]", "0.0"},
    {"diesel_peak_brake_temp_C", "Diesel peak brake temp. [C]", "0.0"},
    {"ev_payload_kg", "EV payload [kg]", "#,##0"},
    {"diesel_payload_kg", "Diesel payload [kg]", "#,##0"},
    {"ev_cost_usd_per_mi", "EV cost [$/mi]", "$0.000"},
    {"diesel_cost_usd_per_mi", "Diesel cost [$/mi]", "$0.000"},
    {"ev_cost_usd_per_ton_mi", "EV cost [$/ton-mi]", "$0.0000"},
    {"diesel_cost_usd_per_ton_mi", "Diesel cost [$/ton-mi]", "$0.0000"},
    {"savings_usd_per_mi", "Savings, EV vs diesel [$/mi]", "$0.000;[Red]-$0.000"},
    {"savings_usd_per_yr", "Savings, EV vs diesel [$/yr]", "$#,##0;[Red]-$#,##0"},
    {"break_even_diesel_usd_per_gal", "Break-even diesel price [$/gal]", "$0.00"},
    {"break_even_electricity_usd_per_kWh", "Break-even electricity price [$/kWh]", "$0.000"},
    {"electric_enroute_stops", "EV en-route charge stops [per day]", "0"},
    {"ev_usable_kWh", "EV usable battery [kWh]", "#,##0"},
    {"ev_range_mi", "EV range on this route [mi]", "#,##0"},
    {"ev_price_usd", "EV price [$]", "$#,##0"},
    {"ev_delivered_energy_usd_per_kWh", "EV depot energy [$/kWh]", "$0.000"},
    {"ev_delivered_demand_usd_per_kWh", "EV depot demand charge [$/kWh]", "$0.000"},
    {"ev_delivered_fixed_usd_per_kWh", "EV depot fixed fees [$/kWh]", "$0.000"},
    {"ev_delivered_capital_usd_per_kWh", "EV depot charger capital [$/kWh]", "$0.000"},
    {"ev_delivered_total_usd_per_kWh", "EV delivered electricity [$/kWh]", "$0.000"},
    {"depot_unmanaged_peak_kW", "Depot peak, unmanaged [kW]", "#,##0"},
    {"depot_managed_peak_kW", "Depot peak, managed [kW]", "#,##0"},
    {"depot_chargers", "Depot chargers (managed)", "0"},
    {"depot_usd_per_kWh", "Depot delivered cost, managed [$/kWh]", "$0.000"},
    {"depot_demand_usd_per_truck_yr", "Depot demand charge per truck, managed [$/yr]", "$#,##0"},
}};

double round_for_output(double v) {
  if (!std::isfinite(v)) return std::nan("");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.7g", v);
  const double r = std::strtod(buf, nullptr);
  return r == 0.0 ? 0.0 : r;  // no "-0"
}

std::string format_number(double v) {
  if (std::isnan(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.7g", v);
  return buf;
}

std::string Plan::job_id(std::size_t index) const {
  const std::size_t p = index % points, s = scenario_of(index), r = route_of(index);
  char buf[64];
  std::snprintf(buf, sizeof buf, "r%06zu-s%03zu-p%06zu", r + 1, s + 1, p + 1);
  return buf;
}

std::vector<double> Plan::sweep_values(std::size_t index) const {
  std::vector<double> v(axes.size());
  std::size_t p = index % points;
  for (std::size_t a = axes.size(); a-- > 0;) {  // last axis varies fastest
    v[a] = axes[a].values[p % axes[a].values.size()];
    p /= axes[a].values.size();
  }
  return v;
}

Plan make_plan(const BatchOptions& opt) {
  Plan plan;
  if (opt.inputs.empty()) throw BatchUsageError("no route inputs: give files, directories or globs");
  plan.routes = expand_route_inputs(opt.inputs, opt.recursive);
  plan.scenarios = opt.scenarios;
  if (plan.scenarios.empty()) plan.scenarios.push_back(default_scenario_path());
  for (const auto& spec : opt.sweeps) {
    auto axis = parse_sweep(spec);
    for (const auto& a : plan.axes) {
      if (a.key == axis.key) throw BatchUsageError("--sweep " + spec + ": " + axis.key + " is swept twice");
    }
    plan.points *= axis.values.size();
    plan.axes.push_back(std::move(axis));
  }
  if (plan.routes.size() >= 1000000 || plan.scenarios.size() >= 1000 || plan.points >= 1000000) {
    throw BatchUsageError("too many jobs: at most 999,999 routes, 999 scenarios and 999,999 sweep points");
  }
  (void)routes::parse_format(opt.route_format);  // a bad --format is a usage error, not a failed row
  check_outputs_apart_from_inputs(opt, plan);
  return plan;
}

std::vector<std::string> input_files(const Plan& plan) {
  std::vector<std::string> files = plan.routes;
  files.insert(files.end(), plan.scenarios.begin(), plan.scenarios.end());
  return files;
}

std::vector<LoadedScenario> load_scenarios(const Plan& plan) {
  std::vector<LoadedScenario> out(plan.scenarios.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    try {
      out[i].scenario = load_scenario(plan.scenarios[i]);
    } catch (const std::exception& e) {
      out[i].error = e.what();
    }
  }
  return out;
}

namespace {

bool sweeps_vehicle(const Plan& plan) {
  return std::any_of(plan.axes.begin(), plan.axes.end(), [](const auto& a) { return is_vehicle_key(a.key); });
}

// Everything apply_sweep sets but a vehicle key (which re-reads the vehicles: the whole scenario is copied).
void reset_sweepable(Scenario& s, const Scenario& loaded) {
  s.ambient = loaded.ambient;
  s.grid_co2_kg_per_kWh = loaded.grid_co2_kg_per_kWh;
  s.economics = loaded.economics;
}

// Keep reset_sweepable in step with what this sets.
void apply_sweep(Scenario& s, const std::string& key, double v) {
  if (is_vehicle_key(key)) {
    set_vehicle_value(s, key, v);
  } else if (key == "ambient.temperature_C") {
    s.ambient.temperature_C = v;
  } else if (key == "ambient.headwind_mps") {
    s.ambient.headwind_mps = v;
  } else if (key == "grid_co2_kg_per_kWh") {
    s.grid_co2_kg_per_kWh = v;
  } else {
    tco::find_parameter(key).set(s.economics, v);
    // A swept value is the value of every year: it replaces a list by year of the key.
    if (const auto* l = tco::find_year_list(key)) l->field(s.economics)->clear();
  }
}

}  // namespace

void check_vehicle_sweeps(const Plan& plan, const std::vector<LoadedScenario>& scenarios) {
  for (const auto& axis : plan.axes) {
    if (!is_vehicle_key(axis.key)) continue;
    for (const auto& ls : scenarios) {
      if (!ls.scenario) continue;  // its jobs fail with the reason
      for (double v : axis.values) {
        Scenario s = *ls.scenario;
        try {
          set_vehicle_value(s, axis.key, v);
        } catch (const std::exception& e) {
          throw BatchUsageError("--sweep " + axis.key + "=" + format_number(v) + ": " + e.what());
        }
      }
    }
  }
}

Row run_job(const Plan& plan, const std::vector<LoadedScenario>& scenarios, std::size_t index,
            const BatchOptions& opt, RouteCache& cache) {
  const std::string& series_dir = opt.series_dir;
  Row row;
  row.job_id = plan.job_id(index);
  const std::size_t ri = plan.route_of(index);
  row.route_file = plan.routes[ri];
  row.scenario = plan.scenarios[plan.scenario_of(index)];
  row.sweep = plan.sweep_values(index);
  // Named on every row, a failed one too (the journal's "integrator" says the same for --resume).
  row.texts[kIntegrator] = opt.integrator;
  try {
    const auto& ls = scenarios[plan.scenario_of(index)];
    if (!ls.scenario) throw std::runtime_error(ls.error);
    if (cache.index != ri) {
      cache.index = ri;
      cache.route.reset();
      cache.error.clear();
      try {
        cache.route = std::make_shared<const routes::RouteProfile>(read_route_file(plan.routes[ri], opt.route_format, opt.route_input));
      } catch (const std::exception& e) {
        cache.error = e.what();
      }
    }
    if (!cache.route) throw std::runtime_error(cache.error);
    const std::size_t si = plan.scenario_of(index);
    if (cache.scenario && cache.scenario_index == si && !sweeps_vehicle(plan)) {
      reset_sweepable(*cache.scenario, *ls.scenario);
    } else {
      cache.scenario.reset();  // (a copy that throws leaves no stale scenario behind)
      cache.scenario = *ls.scenario;
      cache.scenario_index = si;
    }
    Scenario& s = *cache.scenario;
    for (std::size_t a = 0; a < plan.axes.size(); ++a) apply_sweep(s, plan.axes[a].key, row.sweep[a]);
    // Everything the trips depend on besides the vehicles of the scenario file: route, scenario, and the
    // sweepable inputs of the trips (payloads, weather, departure SOC, charging).
    std::vector<double> key = {static_cast<double>(ri), static_cast<double>(plan.scenario_of(index))};
    for (std::size_t a = 0; a < plan.axes.size(); ++a) {
      if (is_vehicle_key(plan.axes[a].key)) key.push_back(row.sweep[a]);  // the trucks themselves change
    }
    const auto trip_key = trip_inputs_key(s, *cache.route);
    key.insert(key.end(), trip_key.begin(), trip_key.end());
    if (!cache.trips || cache.trips_key != key) {
      cache.trips = std::make_shared<const ComparisonResult>(
          simulate_comparison(s, *cache.route,
                              RunOptions{!series_dir.empty(), physics::integrator_from_name(opt.integrator)}));
      cache.trips_key = std::move(key);
    }
    ComparisonResult r = *cache.trips;
    price_comparison(s, r);

    auto& f = row.figures;
    const auto& e = r.electric;
    const auto& d = r.diesel;
    f[kDistance] = d.trip.summary.distance_m / kMetersPerMile;
    f[kEvEnergy] = e.energy_kWh_per_mi;
    f[kEvMpge] = e.mpg;
    f[kDieselMpg] = d.mpg;
    f[kEvTripTime] = e.trip.summary.duration_s / 3600.0;
    f[kDieselTripTime] = d.trip.summary.duration_s / 3600.0;
    f[kEvPeakBrake] = e.trip.summary.peak_brake_temperature_C;
    f[kDieselPeakBrake] = d.trip.summary.peak_brake_temperature_C;
    f[kEvPayload] = e.payload_kg;
    f[kEvUsable] = e.summary.usable_battery_J / 3.6e6;
    if (e.energy_kWh_per_mi > 0) f[kEvRange] = f[kEvUsable] / e.energy_kWh_per_mi;
    f[kEvPrice] = s.economics.electric.economics.purchase_price_usd;
    f[kDieselPayload] = d.payload_kg;
    const bool costed = e.summary.feasible && d.summary.feasible;
    if (costed) {
      const auto& t = r.tco;
      f[kEvCostPerMi] = t.electric.usd_per_mi;
      f[kDieselCostPerMi] = t.diesel.usd_per_mi;
      f[kEvCostPerTonMi] = t.electric.usd_per_ton_mi;
      f[kDieselCostPerTonMi] = t.diesel.usd_per_ton_mi;
      f[kSavingsPerMi] = t.savings_usd_per_mi;
      f[kSavingsPerYr] = t.savings_usd_per_yr;
      if (t.break_even_diesel_price_usd_per_gal) f[kBreakEvenDiesel] = *t.break_even_diesel_price_usd_per_gal;
      if (t.break_even_electricity_price_usd_per_kWh) {
        f[kBreakEvenElectricity] = *t.break_even_electricity_price_usd_per_kWh;
      }
      f[kEvEnrouteStops] = t.electric.day.enroute_stops;
      const tco::DeliveredElectricity& de = t.electric.delivered;  // charging_cost.hpp
      f[kEvDeliveredEnergy] = de.energy_usd_per_kWh;
      f[kEvDeliveredDemand] = de.demand_usd_per_kWh;
      f[kEvDeliveredFixed] = de.fixed_usd_per_kWh;
      f[kEvDeliveredCapital] = de.capital_usd_per_kWh;
      f[kEvDeliveredTotal] = de.total_usd_per_kWh;
      row.texts[kEvDay] = tco::day_status_key(t.electric.day.status);
      row.texts[kDieselDay] = tco::day_status_key(t.diesel.day.status);
    }
    if (s.depot) {
      // The scenario's depot day, from this job's trips when the depot's trucks are copies of its day.
      const DepotRun depot = depot_run(s, &r);
      const auto& dr = depot.result;
      f[kDepotUnmanagedPeak] = dr.unmanaged.peak_kW;
      if (dr.managed.feasible) {
        const auto& mc = dr.managed_costs;
        f[kDepotManagedPeak] = dr.managed.peak_kW;
        f[kDepotChargers] = dr.managed.chargers;
        f[kDepotUsdPerKWh] = mc.usd_per_kWh(mc.total_usd_per_yr());
        if (!dr.need_pack_kWh.empty()) f[kDepotDemandPerTruck] = mc.demand_usd_per_yr / static_cast<double>(dr.need_pack_kWh.size());
      }
    }
    row.texts[kRepairs] = routes::repairs_summary(cache.route->repairs);
    row.texts[kEvTrip] = trip_status_key(e.trip.summary);
    row.texts[kDieselTrip] = trip_status_key(d.trip.summary);
    for (auto& x : f) x = round_for_output(x);
    if (!series_dir.empty()) {
      fs::create_directories(series_dir);
      const std::vector<std::string> inputs = {row.route_file, row.scenario};
      write_file_atomically(series_dir + "/" + row.job_id + ".electric.csv",
                            [&](std::ostream& o) { write_series_csv(o, e.trip); }, inputs);
      write_file_atomically(series_dir + "/" + row.job_id + ".diesel.csv",
                            [&](std::ostream& o) { write_series_csv(o, d.trip); }, inputs);
    }
    if (costed) {
      row.ok = true;
    } else {
      row.error = e.summary.feasible ? "diesel truck did not finish: " + d.summary.infeasible_reason
                                     : "electric truck did not finish: " + e.summary.infeasible_reason;
    }
  } catch (const std::exception& ex) {
    row.figures.fill(std::nan(""));
    row.ok = false;
    row.error = ex.what();
    if (row.error.empty()) row.error = "failed (no message)";
  } catch (...) {
    row.figures.fill(std::nan(""));
    row.ok = false;
    row.error = "failed (an exception that is not a std::exception)";
  }
  // Names and messages quote file names and file contents: made printable UTF-8 once, here, so no
  // writer (the JSON one throws on invalid UTF-8) and no terminal ever sees a raw byte.
  row.route_file = printable(row.route_file);
  row.scenario = printable(row.scenario);
  row.error = printable(row.error);
  return row;
}

}  // namespace batch
}  // namespace semitco::core
