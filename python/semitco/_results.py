"""Results as plain Python objects: attributes for the figures, dicts for ledgers and tables, NumPy arrays
for time series. Field names and units are those of the C++ structs (SI unless the name says otherwise:
usd_per_mi, fuel_L, ...). to_pandas() turns a table into a DataFrame when pandas is installed."""

import os


def _pandas():
    try:
        import pandas
    except ImportError as e:  # optional: the module itself needs only NumPy
        raise ImportError("to_pandas() needs pandas (Debian: apt install python3-pandas)") from e
    return pandas


class _Record:
    """A plain object whose attributes are the keys of a dict."""

    _fields = ()

    def to_dict(self):
        return {k: getattr(self, k) for k in self._fields}

    def __repr__(self):
        shown = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields
                          if isinstance(getattr(self, k), (int, float, str, bool)))
        return f"{type(self).__name__}({shown})"


class Trip(_Record):
    """One truck's trip: summary (dict), energy ledger (dict, J), time series (dict of NumPy arrays, None
    when not recorded), stops, charge stops and solver statistics."""

    _fields = ("vehicle", "route", "summary", "ledger", "series", "stops", "charge_stops", "solver")

    def __init__(self, d):
        for k in self._fields:
            setattr(self, k, d[k])

    def to_pandas(self):
        """The time series as a DataFrame, one column per series (SI units in the names)."""
        if self.series is None:
            raise ValueError("the trip was run without its time series (series=False)")
        return _pandas().DataFrame(self.series)


class Truck(_Record):
    """One truck of a comparison: its trip, what the cost model saw of it (tco_trip), payload and tare
    [kg], energy per mile [kWh/mi], mpg (electric: miles per diesel gallon equivalent), CO2 [kg]."""

    _fields = ("trip", "tco_trip", "payload_kg", "tare_kg", "energy_kWh_per_mi", "mpg", "co2_kg")

    def __init__(self, d):
        for k in self._fields:
            setattr(self, k, d[k])
        self.trip = Trip(d["trip"])


class CostReport(_Record):
    """One truck's cost of ownership: totals, lines ({key: {npv_usd, usd_per_yr, usd_per_mi, usd_per_ton_mi,
    usd_per_ton}}), operating quantities, the yearly ledger (dict of NumPy arrays, years 0..N), the day's
    feasibility and the notes."""

    _fields = ("npv_usd", "usd_per_yr", "usd_per_mi", "usd_per_ton_mi", "usd_per_ton", "lines", "quantities",
               "ledger", "cumulative_usd", "cumulative_discounted_usd", "feasible", "day", "notes", "energy_basis")

    def __init__(self, d):
        for k in self._fields:
            setattr(self, k, d[k])
        # The depot's delivered $/kWh by part (docs/tco.md, "Delivered electricity"); zeros for diesel.
        self.delivered_electricity = d["delivered_electricity"]

    def to_pandas(self):
        """The cost lines as a DataFrame indexed by line key."""
        return _pandas().DataFrame.from_dict(self.lines, orient="index")

    def ledger_frame(self):
        """The yearly cash-flow ledger as a DataFrame indexed by year."""
        return _pandas().DataFrame(self.ledger).set_index("year")


class CostComparison(_Record):
    """Both trucks' CostReports and what separates them (savings > 0: the electric truck is cheaper)."""

    _fields = ("electric", "diesel", "savings_usd_per_mi", "savings_usd_per_yr", "savings_usd_per_ton_mi",
               "savings_usd_per_ton", "savings_npv_usd", "break_even_year", "break_even_diesel_price_usd_per_gal",
               "break_even_electricity_price_usd_per_kWh", "ev_runs_per_diesel_run_same_freight")

    def __init__(self, d):
        for k in self._fields:
            setattr(self, k, d[k])
        self.electric = CostReport(d["electric"])
        self.diesel = CostReport(d["diesel"])

    def to_pandas(self):
        """Cost lines of both trucks side by side ($/mi, $/ton-mi, NPV)."""
        pd = _pandas()
        cols = {}
        for truck in ("electric", "diesel"):
            report = getattr(self, truck)
            for figure in ("usd_per_mi", "usd_per_ton_mi", "npv_usd"):
                cols[f"{truck}_{figure}"] = {k: v[figure] for k, v in report.lines.items()}
        return pd.DataFrame(cols)


class Comparison(_Record):
    """Both trucks on one route: scenario and route names, electric and diesel (Truck), cost
    (CostComparison, None when a truck could not do the trip or the day) and the warnings."""

    _fields = ("scenario", "route", "electric", "diesel", "cost", "warnings")

    def __init__(self, d, trips):
        for k in self._fields:
            setattr(self, k, d[k])
        self.electric = Truck(d["electric"])
        self.diesel = Truck(d["diesel"])
        self.cost = CostComparison(d["cost"]) if d["cost"] is not None else None
        self._trips = trips  # the C++ trips, for tco(..., trips=this) without simulating again

    def to_pandas(self):
        """The cost lines of both trucks (see CostComparison.to_pandas)."""
        if self.cost is None:
            raise ValueError("no cost comparison: " + (self.warnings[-1] if self.warnings else "infeasible"))
        return self.cost.to_pandas()

    def write_ledger(self, path):
        """Both trucks' year-by-year ledger and each line's NPV to `path`: .csv, .json or .xlsx by the
        extension (semitco tco --ledger-out)."""
        if self.cost is None:
            raise ValueError("no ledger: " + (self.warnings[-1] if self.warnings else "infeasible"))
        from . import _core

        _core.write_ledger(self._trips, os.fspath(path))


class BatchResult(_Record):
    """A batch run: rows (one dict per job, the columns of docs/batch.md), the counts and the log the CLI
    prints on stderr."""

    _fields = ("rows", "total", "ran", "resumed", "failed", "exit_code", "log")

    def __init__(self, rows, summary):
        self.rows = rows
        for k in self._fields[1:]:
            setattr(self, k, summary[k])

    def to_pandas(self):
        return _pandas().DataFrame(self.rows)
