"""Scenarios, routes and vehicles from files or from Python values.

A dict is written out as the text of the file it stands for (JSON for scenarios and vehicles, a route
CSV for a dict of columns) and read by the loader the CLI uses for files: the same schema, the same
checks, the same messages, with `name` where a file name would be.
"""

import json
import math
import os
from collections.abc import Mapping

from . import _core


def _is_path(x):
    return isinstance(x, (str, os.PathLike))


def _plain(value):
    """json.dumps' fallback: NumPy scalars and arrays, paths."""
    if hasattr(value, "tolist"):  # numpy.ndarray, numpy.int64, ...
        return value.tolist()
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"{type(value).__name__} cannot be written in a semitco file: {value!r}")


def _json_text(d):
    return json.dumps(d, allow_nan=False, default=_plain)


def load_scenario(source=None, *, name=None):
    """A Scenario from a scenario file's path, or from a dict in the scenario file's schema.

    No source: the bundled default scenario. For a dict, `name` is what error messages call it and where
    it is said to live: its relative references ("route": "../routes/x.csv") resolve against name's
    folder (default "<dict>", in the current folder).
    """
    if source is None:
        source = _core.default_scenario_path()
    if isinstance(source, _core.Scenario):
        return source
    if _is_path(source):
        return _core.load_scenario(os.fspath(source))
    if isinstance(source, Mapping):
        return _core.scenario_from_text(_json_text(source), name or "<dict>")
    raise TypeError(f"load_scenario: expected a path or a dict, not {type(source).__name__}")


def scenario_with(scenario, changes):
    """A copy of `scenario` with values changed, read again through the loader (so checked like a file).

    `changes` maps key paths of the scenario file to values:
    {"economics.prices.diesel_price_usd_per_gal": 4.25, "ambient.temperature_C": -5}.
    """
    scenario = load_scenario(scenario)
    d = scenario.to_dict()
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = d
        for p in parents:
            node = node.setdefault(p, {})
        node[last] = value
    return _core.scenario_from_text(_json_text(d), scenario.file or "<dict>")


def _number_text(v):
    v = float(v)
    if not math.isfinite(v):
        raise ValueError(f"route columns: {v} is not a finite number")
    return repr(v)


def _route_csv_text(columns):
    names = list(columns)
    values = [list(columns[n]) if hasattr(columns[n], "__len__") else [columns[n]] for n in names]
    lengths = {len(v) for v in values}
    if len(lengths) != 1:
        raise ValueError("route columns: every column needs the same length, not "
                         + ", ".join(f"{n}: {len(v)}" for n, v in zip(names, values)))
    lines = [",".join(names)]
    for row in zip(*values):
        lines.append(",".join(_number_text(x) for x in row))
    return "\n".join(lines) + "\n"


def load_route(source, *, format="auto", name=None, strict=False, dem="", dem_check=False):
    """A Route from a route file (GPX, route CSV, VECTO .vdri, FASTSim/T3CO cycle; `format` as the CLI's
    --format), or from a dict of columns named as a route CSV's header (docs/routes.md), e.g.
    {"distance_mi": [...], "elevation_ft": [...], "speed_limit_mph": [...]} (lists or NumPy arrays).
    `strict`, `dem` and `dem_check` are the CLI's --strict (refuse the repairs of telematics quirks),
    --dem FILE|DIR (elevation from a terrain model) and --dem-check (only compare GPS elevation with it)."""
    if isinstance(source, _core.Route):
        return source
    if _is_path(source):
        return _core.load_route(os.fspath(source), format, strict, os.fspath(dem) if dem else "", dem_check)
    if isinstance(source, Mapping):
        return _core.route_from_text(_route_csv_text(source), name or "<dict>", "csv")
    raise TypeError(f"load_route: expected a path or a dict of columns, not {type(source).__name__}")


def load_vehicle(source, *, name=None):
    """A Vehicle from a vehicle file's path or a dict in its schema (resources/vehicles/*.json)."""
    if isinstance(source, _core.Vehicle):
        return source
    if _is_path(source):
        return _core.load_vehicle(os.fspath(source))
    if isinstance(source, Mapping):
        return _core.vehicle_from_text(_json_text(source), name or "<dict>")
    raise TypeError(f"load_vehicle: expected a path or a dict, not {type(source).__name__}")
