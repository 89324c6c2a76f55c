// semitco depot and semitco fleet for Python, as the CLI runs them (app/cli/depot_command.cpp,
// app/cli/main.cpp): the same core calls; the GIL is released while C++ works; results as dicts with the
// CLI's text report under "text".
#include <pybind11/stl.h>

#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"
#include "app/core/fleet.hpp"
#include "python/bindings.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace semitco::python {

namespace {

py::dict plan_dict(const tco::DepotPlan& p, const tco::DepotCosts& c) {
  return py::dict("feasible"_a = p.feasible, "why"_a = p.why, "peak_kW"_a = p.peak_kW, "grid_kW"_a = p.grid_kW,
                  "grid_kWh_per_day"_a = p.grid_kWh_per_day, "chargers"_a = p.chargers,
                  "chargers_lower_bound"_a = p.chargers_lower_bound, "energy_usd_per_yr"_a = c.energy_usd_per_yr,
                  "demand_usd_per_yr"_a = c.demand_usd_per_yr, "fixed_usd_per_yr"_a = c.fixed_usd_per_yr,
                  "capital_usd_per_yr"_a = c.capital_usd_per_yr, "grid_kWh_per_yr"_a = c.grid_kWh_per_yr);
}

py::dict depot(const core::Scenario& s, const std::string& integrator, const std::string& fleet_dir) {
  if (!s.depot) {
    throw core::InputError(s.file + ": has no \"depot\" section (see docs/depot.md and "
                           "resources/scenarios/depot_20_trucks.json)");
  }
  core::DepotRun run;
  std::string text;
  {
    py::gil_scoped_release unlocked;
    if (!fleet_dir.empty()) {  // semitco depot --fleet DIR
      core::FleetOptions o;
      o.dir = fleet_dir;
      o.scenario = s.file;
      o.integrator = integrator;
      o.progress = core::ProgressMode::Off;
      std::ostringstream log;
      run = core::depot_run_for_fleet(s, core::run_fleet(o, log));
    } else {
      const bool need_trips = core::depot_needs_trips(s) || s.depot->feed_into_tco;
      core::ComparisonResult r;
      if (need_trips) r = core::run_comparison(s, core::load_route(s), {false, physics::integrator_from_name(integrator)});
      run = core::depot_run(s, need_trips ? &r : nullptr);
    }
    std::ostringstream o;
    core::print_depot(o, run);
    text = o.str();
  }
  const auto& res = run.result;
  py::list shares;
  for (const auto& t : res.managed_shares) {
    shares.append(py::dict("name"_a = t.name, "grid_kWh_per_day"_a = t.grid_kWh_per_day,
                           "energy_usd_per_yr"_a = t.energy_usd_per_yr, "demand_usd_per_yr"_a = t.demand_usd_per_yr,
                           "fixed_usd_per_yr"_a = t.fixed_usd_per_yr, "capital_usd_per_yr"_a = t.capital_usd_per_yr));
  }
  return py::dict("scenario"_a = run.scenario, "slot_s"_a = res.slot_s,
                  "unmanaged"_a = plan_dict(res.unmanaged, res.unmanaged_costs),
                  "managed"_a = plan_dict(res.managed, res.managed_costs), "truck_shares"_a = shares,
                  "single_truck_demand_usd_per_yr"_a = res.single_truck_demand_usd_per_yr,
                  "notes"_a = res.notes,
                  "integrator"_a = run.trips_integrator
                                       ? py::object(py::str(physics::integrator_name(*run.trips_integrator)))
                                       : py::object(py::none()),
                  "text"_a = text);
}

py::dict group_dict(const core::FleetGroup& g) {
  return py::dict("name"_a = g.name, "days"_a = g.days, "failed_days"_a = g.failed_days,
                  "depot_only_days"_a = g.depot_only_days, "enroute_days"_a = g.enroute_days,
                  "infeasible_days"_a = g.infeasible_days, "depot_only_share"_a = g.depot_only_share(),
                  "enroute_stops"_a = g.enroute_stops, "miles"_a = g.miles, "ev_energy_kWh"_a = g.ev_energy_kWh,
                  "annual_miles"_a = g.annual_miles, "ev_usd_per_mi"_a = g.ev_usd_per_mi,
                  "diesel_usd_per_mi"_a = g.diesel_usd_per_mi, "savings_usd_per_mi"_a = g.savings_usd_per_mi,
                  "savings_usd_per_yr"_a = g.savings_usd_per_yr, "costed"_a = g.costed);
}

py::dict fleet(const core::FleetOptions& o, const std::string& xlsx) {
  core::FleetReport report;
  std::string text, log;
  {
    py::gil_scoped_release unlocked;
    std::ostringstream l, t;
    report = core::run_fleet(o, l);
    core::print_fleet(t, report, core::UnitSystem::US);
    if (!xlsx.empty()) {
      core::write_fleet_xlsx(report, xlsx);
      core::remove_fleet_journal(o);
    }
    text = t.str();
    log = l.str();
  }
  py::list vehicles, lanes, ranking, days;
  for (const auto& g : report.vehicles) vehicles.append(group_dict(g));
  for (const auto& g : report.lanes) lanes.append(group_dict(g));
  for (const auto* g : core::electrify_first(report)) ranking.append(g->name);
  for (const auto& d : report.days) {
    days.append(py::dict("file"_a = d.file, "vehicle"_a = d.vehicle, "day"_a = d.day, "lane"_a = d.lane, "ok"_a = d.ok,
                         "error"_a = d.error, "miles"_a = d.miles, "ev_energy_kWh"_a = d.ev_energy_kWh,
                         "ev_day_status"_a = d.ev_day_status, "enroute_stops"_a = d.enroute_stops,
                         "repairs"_a = d.repairs.size(), "trips"_a = d.trips));
  }
  return py::dict("vehicles"_a = vehicles, "lanes"_a = lanes, "electrify_first"_a = ranking, "days"_a = days,
                  "failed"_a = report.failed, "simulated"_a = report.simulated, "trips"_a = report.trips, "text"_a = text,
                  "log"_a = log, "integrator"_a = physics::integrator_name(report.integrator));
}

}  // namespace

void bind_fleet_depot(py::module_& m) {
  m.def("depot", &depot, "scenario"_a, "integrator"_a = "rk", "fleet"_a = "");
  m.def(
      "fleet",
      [](std::string dir, std::string scenario, std::string pattern, std::string route_format, std::string integrator,
         unsigned jobs, bool strict, std::string dem, bool dem_check, std::string xlsx, bool gap_stop, bool gap_split,
         bool resume) {
        core::FleetOptions o;
        o.dir = std::move(dir);
        o.scenario = std::move(scenario);
        if (!pattern.empty()) o.pattern = std::move(pattern);
        o.route_format = std::move(route_format);
        o.integrator = std::move(integrator);
        o.jobs = jobs;
        o.progress = core::ProgressMode::Off;
        o.route_input.strict = strict;
        o.route_input.dem_path = std::move(dem);
        o.route_input.dem_check_only = dem_check;
        o.route_input.gaps_as_stops = gap_stop;
        o.route_input.gaps_split = gap_split;
        o.out = xlsx;  // the journal of an interrupted run sits next to the workbook, as with --out
        o.resume = resume;
        return fleet(o, xlsx);
      },
      "dir"_a, "scenario"_a = "", "pattern"_a = "", "route_format"_a = "auto", "integrator"_a = "rk", "jobs"_a = 0u,
      "strict"_a = false, "dem"_a = "", "dem_check"_a = false, "xlsx"_a = "", "gap_stop"_a = false, "gap_split"_a = false,
      "resume"_a = false);
}

}  // namespace semitco::python
