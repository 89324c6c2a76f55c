// Whether a truck could do its trip, in words for people and in a key for tables: completed (with the
// charge stops it made), flagged for brake fade (where, and the peak), or ended (why and where).
// Shared by the command line, the batch columns and the desktop app's verdict strip.
#pragma once

#include <string>

#include "app/core/trip_report.hpp"
#include "physics/trip_result.hpp"
#include "tco/cost_model.hpp"

namespace semitco::core {

/// "completed", "brake_fade" or "ended".
const char* trip_status_key(const physics::TripSummary& s);

/// One line, e.g. "completed with 1 charge stop (55 min, 566 kWh at 377 mi)", "unsafe: brakes past
/// their fade limit at 12.3 mi, peak 871 F", "did not finish: battery empty ... at 230.1 km".
std::string describe_trip(const physics::TripResult& t, UnitSystem units);

/// The operating day of one truck, from the cost model, in one line: "feasible on depot charging alone",
/// "needs N en-route stops (at .. mi, .. min, .. kWh, $..; ...)" or "infeasible: reason".
std::string describe_day(const tco::CostReport& c);

}  // namespace semitco::core
