// simulate, compare, tco and batch for Python, as the CLI runs them (app/cli/main.cpp): the same core
// calls with the same options. The GIL is released while C++ works, so Python threads run trips in
// parallel; inputs are copied in before and results converted to Python values after.
#include <pybind11/stl.h>

#include <memory>
#include <sstream>

#include "app/core/batch.hpp"
#include "app/core/comparison.hpp"
#include "app/core/ledger_output.hpp"
#include "app/core/diesel_file.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "python/bindings.hpp"
#include "python/results.hpp"

namespace py = pybind11;
using namespace pybind11::literals;

namespace semitco::python {

namespace {

// semitco simulate: one truck, default weather and driver, the route's own time limit.
py::dict simulate(const routes::RouteProfile& route, const Vehicle& vehicle, const std::string& integrator,
                  bool series) {
  physics::TripResult result;
  {
    py::gil_scoped_release unlocked;
    core::RunOptions run;
    run.record_series = series;
    run.integrator = physics::integrator_from_name(integrator);
    std::string why_limit;
    const auto solver = core::trip_solver_options(route, run, &why_limit);
    result = vehicle.type == "electric"
                 ? physics::simulate_electric(route, vehicle.electric, {}, {}, solver, series)
                 : physics::simulate_diesel(route, vehicle.diesel, {}, {}, solver, series);
    core::annotate_time_limit(result, why_limit);
  }
  return trip_dict(result, series);
}

using Trips = std::shared_ptr<core::ComparisonResult>;

// semitco compare (series: also the time series, like --series-dir) and semitco tco (no series).
py::tuple compare(const core::Scenario& s, const routes::RouteProfile* route, const std::string& integrator,
                  bool series) {
  auto r = std::make_shared<core::ComparisonResult>();
  {
    py::gil_scoped_release unlocked;
    const core::RunOptions run{series, physics::integrator_from_name(integrator)};
    *r = route ? core::run_comparison(s, *route, run) : core::run_comparison(s, core::load_route(s), run);
  }
  return py::make_tuple(comparison_dict(*r, series), Trips(r));
}

// The trips of an earlier comparison priced under another scenario's economics (no simulation).
py::tuple reprice(const core::Scenario& s, const Trips& trips) {
  auto r = std::make_shared<core::ComparisonResult>(*trips);
  {
    py::gil_scoped_release unlocked;
    r->scenario = s.name;
    core::price_comparison(s, *r);  // replaces the cost warnings, keeps the route's and the trips'
  }
  return py::make_tuple(comparison_dict(*r, false), Trips(r));
}

// semitco batch: writes `out` like the CLI and returns the summary with the log it would print on stderr.
py::dict batch(core::BatchOptions o) {
  o.progress = core::ProgressMode::Off;
  std::ostringstream log;
  core::BatchSummary sum;
  {
    py::gil_scoped_release unlocked;
    sum = core::run_batch(o, log);
  }
  return py::dict("total"_a = sum.total, "ran"_a = sum.ran, "resumed"_a = sum.resumed,
                  "failed"_a = sum.failed, "exit_code"_a = sum.exit_code, "abandoned"_a = sum.abandoned,
                  "log"_a = log.str());
}

}  // namespace

void bind_runs(py::module_& m) {
  py::class_<core::ComparisonResult, std::shared_ptr<core::ComparisonResult>>(
      m, "Trips",
      "Both trucks' simulated trips of a comparison, kept to price them again without simulating");
  m.def("simulate", &simulate, "route"_a, "vehicle"_a, "integrator"_a = "rk", "series"_a = false);
  m.def("compare", &compare, "scenario"_a, "route"_a = nullptr, "integrator"_a = "rk", "series"_a = false);
  m.def("reprice", &reprice, "scenario"_a, "trips"_a);
  m.def(
      "write_ledger",
      [](const Trips& trips, const std::string& path) { core::write_ledger_file(trips->tco, path); }, "trips"_a,
      "path"_a, "both trucks' year-by-year ledger and each line's NPV as .csv, .json or .xlsx (semitco tco --ledger-out)");
  m.def(
      "batch",
      [](std::vector<std::string> inputs, std::string out, std::vector<std::string> scenarios,
         std::vector<std::string> sweeps, unsigned jobs, bool recursive, std::string route_format,
         std::string integrator, std::string series_dir, bool resume, double job_time_limit_s) {
        core::BatchOptions o;
        o.inputs = std::move(inputs);
        o.out = std::move(out);
        o.scenarios = std::move(scenarios);
        o.sweeps = std::move(sweeps);
        o.jobs = jobs;
        o.recursive = recursive;
        o.route_format = std::move(route_format);
        o.integrator = std::move(integrator);
        o.series_dir = std::move(series_dir);
        o.resume = resume;
        o.job_time_limit_s = job_time_limit_s;
        return batch(std::move(o));
      },
      "inputs"_a, "out"_a, "scenarios"_a = std::vector<std::string>{},
      "sweeps"_a = std::vector<std::string>{}, "jobs"_a = 0u, "recursive"_a = false,
      "route_format"_a = "auto", "integrator"_a = "rk", "series_dir"_a = "", "resume"_a = false,
      "job_time_limit_s"_a = 600.0);
}

}  // namespace semitco::python
