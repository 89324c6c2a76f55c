// C++ results as Python values: dicts of numbers and strings, time series as NumPy arrays (copied, so
// the Python objects own their data), ledgers as dicts keyed like the C++ fields. Call with the GIL held.
#pragma once

#include <pybind11/pybind11.h>

#include "app/core/comparison.hpp"
#include "physics/trip_result.hpp"
#include "routes/route_profile.hpp"
#include "tco/cost_model.hpp"

namespace semitco::python {

/// vehicle, route, summary, ledger, series (NumPy arrays), stops, charge_stops, solver.
pybind11::dict trip_dict(const physics::TripResult& t, bool with_series);
/// The cost comparison: savings, break-even figures and each truck's CostReport (lines, yearly ledger).
pybind11::dict cost_dict(const tco::Comparison& c);
/// scenario, route, electric / diesel (trip + what the TCO model saw + payload ...), cost, warnings.
pybind11::dict comparison_dict(const core::ComparisonResult& r, bool with_series);
/// The road as arrays: distance_m, elevation_m, grade_frac, speed_limit_mps (+ lat/lon, trace when given).
pybind11::dict route_columns(const routes::RouteProfile& r);

}  // namespace semitco::python
