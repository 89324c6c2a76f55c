"""simulate, compare, tco and batch: the CLI's commands as functions. Each accepts what the loaders
accept (a path, a dict, or an object already loaded).

integrator= is the CLI's --integrator, the trip model: "rk" (the forward model with the Runge-Kutta pair,
the default), "cvode" (the forward model with SUNDIALS CVODE, the reference) or "quasi-static" (the
screening model of docs/physics.md: the speed from the trace or the driver's target in fixed steps, within
1 % of the forward model in energy; no en-route charge stops). Each trip names it in solver["integrator"]."""

import json
import os
import tempfile

from . import _core
from ._inputs import load_route, load_scenario, load_vehicle
from ._results import BatchResult, Comparison, Trip


def simulate(route, vehicle, *, integrator="rk", series=False):
    """One truck on one route, default weather and driver (semitco simulate). Returns a Trip; series=True
    records the 1 Hz time series (as --series-csv does, which moves the figures in their last digits).
    integrator: "rk" (default), "cvode" (reference) or "quasi-static" (screening), see the module's note."""
    return Trip(_core.simulate(load_route(route), load_vehicle(vehicle), integrator, series))


def compare(scenario=None, route=None, *, integrator="rk", series=False):
    """Both trucks of the scenario on its route, or on `route` (semitco compare). Returns a Comparison with
    the trips and the cost comparison; series=True also records the time series (as --series-dir does).
    integrator: "rk" (default), "cvode" (reference) or "quasi-static" (screening), see the module's note."""
    s = load_scenario(scenario)
    r = load_route(route) if route is not None else None
    d, trips = _core.compare(s, r, integrator, series)
    return Comparison(d, trips)


def tco(scenario=None, route=None, *, trips=None, integrator="rk"):
    """The cost comparison (semitco tco): simulates both trucks without time series, or, given
    trips=<an earlier Comparison>, prices those trips under this scenario's economics without simulating
    (a price sweep); the scenario's physics must be the one the trips were run with."""
    s = load_scenario(scenario)
    if trips is not None:
        d, handle = _core.reprice(s, trips._trips)
        return Comparison(d, handle)
    r = load_route(route) if route is not None else None
    d, handle = _core.compare(s, r, integrator, False)
    return Comparison(d, handle)


def _sweep_specs(sweeps):
    """["key=3:5:0.5", ...] as given, or {key: [values] or "start:stop:step"}."""
    if isinstance(sweeps, dict):
        return [f"{k}={v}" if isinstance(v, str) else f"{k}=" + ",".join(repr(float(x)) for x in v)
                for k, v in sweeps.items()]
    return [str(s) for s in sweeps]


def batch(inputs, *, scenarios=(), sweeps=(), jobs=0, out=None, recursive=False, format="auto",
          integrator="rk", series_dir="", resume=False, job_timeout_s=600.0):
    """Many routes x scenarios x sweeps on a thread pool (semitco batch). `out` (.csv, .jsonl, .xlsx) is
    written like the CLI's --out. The rows (one dict per job, docs/batch.md) come back in the BatchResult
    when out is None (a temporary JSON-lines file) or a .jsonl file; for .csv/.xlsx, rows is None."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    inputs = [os.fspath(i) for i in inputs]
    scenarios = [os.fspath(s) for s in ([scenarios] if isinstance(scenarios, (str, os.PathLike)) else scenarios)]
    specs = _sweep_specs(sweeps)
    with tempfile.TemporaryDirectory(prefix="semitco-batch-") as tmp:
        target = os.fspath(out) if out is not None else os.path.join(tmp, "rows.jsonl")
        summary = _core.batch(inputs, target, scenarios, specs, jobs, recursive, format, integrator,
                              os.fspath(series_dir), resume, float(job_timeout_s))
        rows = None  # a .csv or .xlsx file is the result itself; its rows are not read back
        if target.endswith((".jsonl", ".json")):
            with open(target, encoding="utf-8") as f:
                rows = [json.loads(line) for line in f if line.strip()]
    return BatchResult(rows, summary)


def depot(scenario, *, integrator="rk", fleet=None):
    """The scenario's depot day scheduled unmanaged and managed (semitco depot, docs/depot.md): a dict with
    "unmanaged" and "managed" (peak_kW, the load grid_kW by slot, chargers, $ a year by energy, demand, fixed
    and capital), "truck_shares", "single_truck_demand_usd_per_yr", "notes" and the CLI's report as "text".
    fleet=DIR builds the trucks from a folder of vehicle-day files (semitco depot --fleet DIR)."""
    return _core.depot(load_scenario(scenario), integrator, os.fspath(fleet) if fleet else "")


def fleet(folder, *, scenario=None, pattern="", format="auto", integrator="rk", jobs=0, strict=False, dem="",
          dem_check=False, xlsx=None, gap_stop=False, gap_split=False, resume=False):
    """A folder of vehicle-day files (semitco fleet, docs/fleet.md): per vehicle and per lane the days, miles,
    energy, depot-only share and cost at the vehicle's own annual miles, the "electrify_first" ranking, each
    day (with its "trips"), and the CLI's report as "text"; xlsx=PATH also writes the workbook. gap_stop and
    gap_split are the CLI's --gap-stop and --gap-split (a gap in a trace a halt, or the end of a trip); with xlsx,
    resume=True is --resume (the journal XLSX.partial.jsonl of an interrupted run)."""
    return _core.fleet(os.fspath(folder), os.fspath(scenario) if scenario else "", pattern, format, integrator, jobs,
                       strict, os.fspath(dem) if dem else "", dem_check, os.fspath(xlsx) if xlsx else "", gap_stop,
                       gap_split, resume)
