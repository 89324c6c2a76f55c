// A long 1 Hz speed trace built from the shared public cycles, for throughput benchmarks.
#pragma once

#include <string>

#include "routes/route_profile.hpp"

namespace semitco::bench {

/// Concatenates time-based cycles from ../shared/data/cycles (FASTSim/T3CO) until `duration_s` is
/// reached, joining them with ramps at 0.5 m/s^2 where one ends at another speed than the next starts.
routes::RouteProfile long_trace(const std::string& cycles_dir, double duration_s);

}  // namespace semitco::bench
