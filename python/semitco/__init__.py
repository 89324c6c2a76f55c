"""semitco for Python: electric vs diesel Class 8 trucks on your routes, on the same core as the CLI.

    import semitco
    s = semitco.load_scenario("resources/scenarios/default.json")   # or a dict in the same schema
    c = semitco.compare(s)                    # both trucks on the scenario's route, and the costs
    c.cost.electric.usd_per_mi, c.cost.diesel.usd_per_mi
    c.electric.trip.series["speed_mps"]       # NumPy arrays
    c.electric.trip.ledger["aero_J"]          # the energy ledger as a dict

Errors are semitco.InputError (also a ValueError) & co., with the message the CLI prints. The
simulation runs without the GIL, so threads simulate in parallel. API: docs/python.md.
"""

from . import _core
from ._core import (
    BatchUsageError,
    Error,
    InputError,
    OutputRefused,
    Route,
    Scenario,
    SolverError,
    Vehicle,
    __version__,
)
from ._inputs import load_route, load_scenario, load_vehicle, scenario_with
from ._results import BatchResult, Comparison, CostComparison, CostReport, Trip, Truck
from ._runs import batch, compare, depot, fleet, simulate, tco


def resources_dir():
    """The bundled routes, vehicles and scenarios (installed: /usr/share/semitco)."""
    return _core.resources_dir()


def default_scenario_path():
    """The scenario the CLI runs when none is given."""
    return _core.default_scenario_path()


__all__ = [
    "BatchResult", "BatchUsageError", "Comparison", "CostComparison", "CostReport", "Error", "InputError",
    "OutputRefused", "Route", "Scenario", "SolverError", "Trip", "Truck", "Vehicle", "batch", "compare",
    "default_scenario_path", "depot", "fleet", "load_route", "load_scenario", "load_vehicle", "resources_dir", "scenario_with",
    "simulate", "tco",
]
