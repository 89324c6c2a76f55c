// Repairs of a time-based speed trace (repairs.hpp), applied by the cycle reader between reading the rows
// and building the road: the time unit (epoch seconds, epoch milliseconds, a millisecond counter), repeated
// timestamps, small backward steps, gaps, and one-sample speed spikes. Each is noted in the RepairLog
// (strict mode: refused there with the file, line and value).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "routes/read_options.hpp"
#include "routes/repairs.hpp"

namespace semitco::routes::detail {

/// One row of a trace as read (SI after the column's unit factor; time in the file's own unit).
struct TraceSample {
  double time_s = 0.0;
  double speed_mps = 0.0;
  double grade_frac = 0.0;
  double distance_m = 0.0;  ///< the file's cumulative distance column, 0 without one
  std::size_t line = 0;
};

/// "120.5" for messages (up to 10 significant digits).
std::string number_text(double v);

/// Epoch milliseconds (first time >= 1e11), epoch seconds (>= 1e8) or a millisecond counter (more than
/// 10 rows, median positive step >= 100): times divided by 1000 where needed; each noted once.
void repair_time_unit(std::vector<TraceSample>& rows, RepairLog& log);

/// Drops repeated timestamps (the first row of an instant is kept) and backward steps up to
/// options.max_backward_step_s; refuses a larger step back and a cumulative distance going back
/// (RouteError at the line); notes gaps longer than options.max_gap_s while moving and, under
/// GapRule::Stop, turns each into a halt (two zero-speed samples) when the gap allows the ramps.
/// Under GapRule::Split each gap is noted as a TripSplit instead and its row's index (in the repaired
/// rows) appended to trip_starts (which may be null for the other rules).
void repair_time_steps(std::vector<TraceSample>& rows, const ReadOptions& options, RepairLog& log,
                       const std::string& file, bool has_distance_column,
                       std::vector<std::size_t>* trip_starts = nullptr);

/// Replaces a single sample whose speed jumps out and back beyond options.max_spike_accel_mps2 by the
/// linear interpolation of its neighbours.
void repair_speed_spikes(std::vector<TraceSample>& rows, const ReadOptions& options, RepairLog& log);

}  // namespace semitco::routes::detail
