// Text tables of a comparison for the command line: the side-by-side trip table and the cost table.
#pragma once

#include <ostream>

#include "app/core/comparison.hpp"
#include "app/core/trip_report.hpp"
#include "app/core/uncertainty_file.hpp"
#include "tco/uncertainty.hpp"

namespace semitco::core {

/// The trip model as the tables name it: "rk (fast)", "cvode (the reference)" or "quasi-static (screening)".
const char* integrator_description(physics::Integrator i);
/// Energy, time, brakes, CO2 of both trucks side by side.
void print_trip_comparison(std::ostream& out, const ComparisonResult& r, UnitSystem units);
/// With a year of weather: range, energy per distance and diesel economy by month, and the year's figures
/// (print_trip_comparison ends with it).
void print_months(std::ostream& out, const ComparisonResult& r, UnitSystem units);
/// Each truck's day before any cost: "feasible on depot charging alone", "needs N en-route stops (at .. mi,
/// .. min, .. kWh, $..)" or "infeasible: reason", and its hours-of-service schedule.
void print_day_verdict(std::ostream& out, const ComparisonResult& r);
/// The day verdict, then cost per mile and per ton-mile by line for both trucks, NPV, break-even figures.
void print_cost_comparison(std::ostream& out, const ComparisonResult& r);
/// The inputs a buyer is least sure of, each triangular around the scenario's value (documented in
/// docs/tco.md): default_uncertain_ranges() of uncertainty_file.hpp. Inputs whose base value is 0 are left out.
std::vector<tco::UncertainInput> default_uncertain_inputs(const tco::TcoInputs& base);
/// Tornado (largest swings of savings per mile first) and Monte Carlo percentiles, the Monte Carlo over
/// `ranges` (the scenario's "uncertainty" section) or the default ranges.
void print_uncertainty(std::ostream& out, const ComparisonResult& r, int draws, std::uint64_t seed);
void print_uncertainty(std::ostream& out, const ComparisonResult& r, int draws, std::uint64_t seed,
                       const std::vector<UncertainRange>& ranges);

/// One line: who is cheaper and by how much.
void print_verdict(std::ostream& out, const ComparisonResult& r);

}  // namespace semitco::core
