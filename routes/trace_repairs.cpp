// Speed-trace repairs (see detail/trace_repairs.hpp). Rules, in the order applied:
//  * time unit: first time >= 1e11 -> epoch milliseconds (2001-09-09 in ms; no drive cycle lasts 3,000
//    years); >= 1e8 -> epoch seconds (1973); else, with more than 10 rows, a median positive step >= 100
//    -> a millisecond counter (a trace sampled every 100 s or slower cannot follow a truck's speed);
//  * time steps: dt == 0 -> repeated timestamp, the later row dropped; -max_backward_step_s <= dt < 0 ->
//    the later row dropped; dt < -max_backward_step_s -> refused; dt > max_gap_s while moving -> a gap,
//    bridged by the trapezoid rule's linear interpolation (a long step from standstill is a stop, as in
//    the sparse HHDDT cruise cycle's first 69.5 s, not a dropout), or under GapRule::Stop by a halt: speed
//    down to 0 at gap_decel_mps2, standing, and up again to the next row's speed at the same rate, or
//    under GapRule::Split by the end of one trip and the start of the next (the caller cuts the rows);
//  * spikes: a = dv/dt into sample i and out of it both beyond max_spike_accel_mps2 with opposite signs
//    -> v_i = v_(i-1) + (v_(i+1) - v_(i-1)) (t_i - t_(i-1)) / (t_(i+1) - t_(i-1)).
#include "routes/detail/trace_repairs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "routes/route_error.hpp"

namespace semitco::routes::detail {

std::string number_text(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

void repair_time_unit(std::vector<TraceSample>& rows, RepairLog& log) {
  if (rows.empty()) return;
  const double t0 = rows.front().time_s;
  const std::size_t line = rows.front().line;
  double divide = 1.0;
  if (t0 >= 1e11) {
    log.note(RepairKind::EpochMilliseconds, line, "time", number_text(t0),
             "time " + number_text(t0) + " counts milliseconds since 1970");
    divide = 1000.0;
  } else if (t0 >= 1e8) {
    log.note(RepairKind::EpochSeconds, line, "time", number_text(t0), "time " + number_text(t0) + " counts seconds since 1970");
  } else if (rows.size() > 10) {
    std::vector<double> steps;
    const std::size_t n = std::min<std::size_t>(rows.size(), 2001);
    for (std::size_t i = 1; i < n; ++i)
      if (rows[i].time_s > rows[i - 1].time_s) steps.push_back(rows[i].time_s - rows[i - 1].time_s);
    if (!steps.empty()) {
      auto mid = steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2);
      std::nth_element(steps.begin(), mid, steps.end());
      if (*mid >= 100.0) {
        log.note(RepairKind::MillisecondTime, rows[1].line, "time", number_text(rows[1].time_s),
                 "time steps of " + number_text(*mid) + " (median) look like milliseconds");
        divide = 1000.0;
      }
    }
  }
  if (divide != 1.0)
    for (auto& r : rows) r.time_s /= divide;
}

void repair_time_steps(std::vector<TraceSample>& rows, const ReadOptions& options, RepairLog& log,
                       const std::string& file, bool has_distance_column, std::vector<std::size_t>* trip_starts) {
  if (rows.empty()) return;
  std::vector<TraceSample> out;
  out.reserve(rows.size());
  out.push_back(rows.front());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const TraceSample prev = out.back();
    const TraceSample& r = rows[i];
    const double dt = r.time_s - prev.time_s;
    if (dt == 0.0) {
      log.note(RepairKind::RepeatedTime, r.line, "time", number_text(r.time_s),
               "duplicate point: time " + number_text(r.time_s) + " repeats the previous row");
      continue;
    }
    if (dt < 0.0) {
      if (-dt > options.max_backward_step_s)
        throw RouteError(file, r.line, {},
                         "non-monotonic time: " + number_text(r.time_s) + " after " + number_text(prev.time_s) +
                             " (more than " + number_text(options.max_backward_step_s) + " s back)",
                         number_text(r.time_s));
      log.note(RepairKind::BackwardStep, r.line, "time", number_text(r.time_s),
               "non-monotonic time: " + number_text(r.time_s) + " after " + number_text(prev.time_s));
      continue;
    }
    if (has_distance_column && r.distance_m < prev.distance_m)
      throw RouteError(file, r.line, {},
                       "non-monotonic distance: " + number_text(r.distance_m) + " after " + number_text(prev.distance_m),
                       number_text(r.distance_m));
    if (dt > options.max_gap_s && prev.speed_mps > 0.0 && options.gap_rule == ReadOptions::GapRule::Split) {
      log.note(RepairKind::TripSplit, r.line, "time", number_text(r.time_s),
               "gap of " + number_text(dt) + " s before time " + number_text(r.time_s) + " (more than " +
                   number_text(options.max_gap_s) + " s): a new trip would start here");
      if (trip_starts) trip_starts->push_back(out.size());
    } else if (dt > options.max_gap_s && prev.speed_mps > 0.0) {
      log.note(RepairKind::TimeGap, r.line, "time", number_text(r.time_s),
               "gap of " + number_text(dt) + " s before time " + number_text(r.time_s) + " (more than " +
                   number_text(options.max_gap_s) + " s)");
      // a stop: brake to 0, stand, pull away, when the gap is long enough for both ramps
      const double t_brake = prev.speed_mps / options.gap_decel_mps2;
      const double t_pull = r.speed_mps / options.gap_decel_mps2;
      if (options.gap_rule == ReadOptions::GapRule::Stop && t_brake + t_pull < dt) {
        TraceSample halt = prev, go = prev;
        halt.time_s = prev.time_s + t_brake;
        halt.speed_mps = 0.0;
        go.time_s = r.time_s - t_pull;
        go.speed_mps = 0.0;
        go.grade_frac = r.grade_frac;
        go.line = r.line;
        out.push_back(halt);
        if (go.time_s > halt.time_s) out.push_back(go);
      }
    }
    out.push_back(r);
  }
  rows = std::move(out);
}

void repair_speed_spikes(std::vector<TraceSample>& rows, const ReadOptions& options, RepairLog& log) {
  const double a_max = options.max_spike_accel_mps2;
  for (std::size_t i = 1; i + 1 < rows.size(); ++i) {
    const TraceSample& a = rows[i - 1];
    TraceSample& b = rows[i];
    const TraceSample& c = rows[i + 1];
    const double a_in = (b.speed_mps - a.speed_mps) / (b.time_s - a.time_s);
    const double a_out = (c.speed_mps - b.speed_mps) / (c.time_s - b.time_s);
    if (std::fabs(a_in) <= a_max || std::fabs(a_out) <= a_max || (a_in > 0.0) == (a_out > 0.0)) continue;
    const double f = (b.time_s - a.time_s) / (c.time_s - a.time_s);
    const double v = a.speed_mps + f * (c.speed_mps - a.speed_mps);
    log.note(RepairKind::SpeedSpike, b.line, "speed", number_text(b.speed_mps * 3.6) + " km/h",
             "speed spike: " + number_text(b.speed_mps * 3.6) + " km/h between " + number_text(a.speed_mps * 3.6) +
                 " and " + number_text(c.speed_mps * 3.6) + " km/h");
    b.speed_mps = v;
  }
}

}  // namespace semitco::routes::detail
