// Text tables of a comparison for the command line: the side-by-side trip table and the cost table.
#pragma once

#include <ostream>

#include "app/core/comparison.hpp"
#include "app/core/trip_report.hpp"

namespace semitco::core {

/// Energy, time, brakes, CO2 of both trucks side by side.
void print_trip_comparison(std::ostream& out, const ComparisonResult& r, UnitSystem units);
/// Cost per mile and per ton-mile by line for both trucks, NPV, break-even figures.
void print_cost_comparison(std::ostream& out, const ComparisonResult& r);
/// One line: who is cheaper and by how much.
void print_verdict(std::ostream& out, const ComparisonResult& r);

}  // namespace semitco::core
