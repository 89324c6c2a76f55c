// Text and CSV output of trip results (CLI and batch use these; the GUI draws its own).
#pragma once

#include <ostream>
#include <string>

#include "physics/trip_result.hpp"

namespace semitco::core {

enum class UnitSystem { US, Metric };

/// Summary and energy ledger as an aligned text table.
void print_trip(std::ostream& out, const physics::TripResult& r, UnitSystem units);
/// Time series as CSV with units in the header (SI).
void write_series_csv(std::ostream& out, const physics::TripResult& r);

/// "1:24:10" for seconds.
std::string format_duration(double seconds);

}  // namespace semitco::core
