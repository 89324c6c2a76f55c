// Time-based drive-cycle reader: FASTSim/T3CO cycles ("cycSecs,cycMps,cycGrade[,cycRoadType]": time [s],
// speed [m/s], grade [fraction]; NREL FASTSim/T3CO resources/cycles) and speed traces headed
// "Time (s),Vehicle speed (km/h),Road grade (%)[,Cumulative distance (m)]".
// The trace becomes trace_time_s/trace_speed_mps (time shifted to start at 0). The road is built along
// distance: distance integrated from the trace with the trapezoid rule (FASTSim's dist = (v[i-1]+v[i])/2*dt)
// unless the file gives cumulative distance; the grade of the interval (t[i-1], t[i]] is the file's grade at
// row i (FASTSim's convention), rise = ds*sin(atan(grade)). Intervals that cover no distance (standing
// still) collapse to one distance point so distance stays strictly increasing; each standstill is recorded
// as an informational Stop with its duration (the trace itself already holds the truck still).
// speed_limit_mps is the trace's mean speed over each segment (informational). Rows are read into a compact
// vector first, so the repairs of telematics quirks (detail/trace_repairs.hpp) can look at neighbours and
// at the whole time column; "Time (ms)" is a millisecond column by its header.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <optional>

#include "routes/detail/line_tokenizer.hpp"
#include "routes/detail/profile_builder.hpp"
#include "routes/detail/trace_repairs.hpp"
#include "routes/readers.hpp"

namespace semitco::routes {

using detail::LineTokenizer;

namespace {

/// The road along distance and the trace of rows [begin, end) into p (time shifted to start at 0).
void build_trace(RouteProfile& p, const std::vector<detail::TraceSample>& rows, std::size_t begin, std::size_t end,
                 bool has_distance_column, bool warn_shift) {
  const std::string& name = p.source;
  if (end - begin < 2) throw RouteError(name, rows[begin].line, {}, "a single point: a trace needs at least 2 rows");
  const double t0 = rows[begin].time_s;
  if (t0 != 0.0 && warn_shift)
    p.warnings.push_back({name + ":" + std::to_string(rows[begin].line) + ": time starts at " +
                          detail::number_text(t0) + " s; shifted to 0"});
  double d = 0.0, z = 0.0, standstill_s = 0.0;
  p.distance_m.push_back(0.0);
  p.elevation_m.push_back(0.0);
  p.trace_time_s.reserve(end - begin);
  p.trace_speed_mps.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    const detail::TraceSample& r = rows[i];
    if (i > begin) {
      const detail::TraceSample& q = rows[i - 1];
      const double dt = r.time_s - q.time_s;
      const double ds = has_distance_column ? r.distance_m - q.distance_m : 0.5 * (q.speed_mps + r.speed_mps) * dt;
      const double next_d = d + ds;
      if (next_d > d) {
        if (standstill_s > 0.0) {
          p.stops.push_back(Stop{d, standstill_s, "standstill"});
          standstill_s = 0.0;
        }
        p.grade_frac.push_back(r.grade_frac);
        p.speed_limit_mps.push_back(ds / dt);
        z += rise_m(next_d - d, r.grade_frac);
        d = next_d;
        p.distance_m.push_back(d);
        p.elevation_m.push_back(z);
      } else {
        standstill_s += dt;
      }
    }
    p.trace_time_s.push_back(r.time_s - t0);
    p.trace_speed_mps.push_back(r.speed_mps);
  }
  const std::size_t last_line = rows[end - 1].line;
  if (p.distance_m.size() < 2)
    throw RouteError(name, last_line, {}, "the trace never moves: it covers no distance");
  if (d > detail::kMaxRouteLengthM) throw RouteError(name, last_line, {}, "trace length implausible (> 20,000 km)");
  if (standstill_s > 0.0) p.stops.push_back(Stop{d, standstill_s, "standstill"});
  p.grade_frac.push_back(p.grade_frac.back());
  p.speed_limit_mps.push_back(p.speed_limit_mps.back());
  p.elevation_is_absolute = false;
}

std::vector<RouteProfile> read_trips(std::istream& in, const std::string& name, const ReadOptions& options) {
  detail::check_options(options);
  RepairLog log(name, options.strict);
  LineTokenizer tok(in, name, &log);
  if (!tok.next())
    throw RouteError(name, 0, {}, "empty file: no header line (cycSecs,cycMps,cycGrade or Time (s),Vehicle speed (km/h),...)");

  RouteProfile p;
  p.name = detail::file_stem(name);
  p.source = name;
  std::size_t i_time = SIZE_MAX, i_speed = SIZE_MAX, i_grade = SIZE_MAX, i_dist = SIZE_MAX;
  double speed_factor = 1.0, grade_factor = 1.0, time_factor = 1.0;
  const std::size_t n_header = tok.size();
  for (std::size_t i = 0; i < n_header; ++i) {
    const auto h = detail::split_header_cell(tok.field(i));
    std::size_t* slot = nullptr;
    if (h.name == "cycsecs" || h.name == "time (s)") {
      slot = &i_time;
    } else if (h.name == "time (ms)") {
      slot = &i_time;
      time_factor = 0.001;
    } else if (h.name == "cycmps" || h.name == "vehicle speed (m/s)") {
      slot = &i_speed;
      speed_factor = 1.0;
    } else if (h.name == "vehicle speed (km/h)") {
      slot = &i_speed;
      speed_factor = 1.0 / 3.6;
    } else if (h.name == "cycgrade") {
      slot = &i_grade;
      grade_factor = 1.0;
    } else if (h.name == "road grade (%)") {
      slot = &i_grade;
      grade_factor = 0.01;
    } else if (h.name == "cumulative distance (m)") {
      slot = &i_dist;
    } else if (h.name == "cycroadtype") {
      continue;
    } else {
      double dummy = 0.0;
      if (detail::parse_finite_double(tok.field(i), dummy))
        tok.fail("missing header: first line starts with a number, expected cycSecs,cycMps,cycGrade", h.raw);
      if (h.name.rfind("vehicle speed", 0) == 0 || h.name.rfind("road grade", 0) == 0 || h.name.rfind("time", 0) == 0 ||
          h.name.rfind("cumulative distance", 0) == 0)
        tok.fail("unknown unit in column '" + h.raw + "'", h.raw);
      p.warnings.push_back({name + ":" + std::to_string(tok.line()) + ": column '" + h.raw + "' ignored"});
      continue;
    }
    if (*slot != SIZE_MAX) tok.fail("duplicate column '" + h.raw + "'", h.raw);
    *slot = i;
  }
  if (i_time == SIZE_MAX) tok.fail("missing time column (cycSecs or Time (s)) in header");
  if (i_speed == SIZE_MAX) tok.fail("missing speed column (cycMps or Vehicle speed (km/h)) in header");
  if (i_grade == SIZE_MAX) p.warnings.push_back({name + ": no grade column: the road is taken as flat"});

  // ---- rows as read; exact repeats dropped here (the text is at hand), the rest in trace_repairs ----
  std::vector<detail::TraceSample> rows;
  std::string prev_text;
  auto text = [&](std::size_t i) { return std::string(tok.field(i)); };
  while (tok.next()) {
    if (tok.size() != n_header)
      tok.fail("row has " + std::to_string(tok.size()) + " fields, header has " + std::to_string(n_header));
    if (!rows.empty() && tok.text() == prev_text) {
      log.note(RepairKind::RepeatedRow, tok.line(), {}, prev_text, "row repeats the previous row: '" + prev_text + "'");
      continue;
    }
    detail::TraceSample r;
    r.time_s = tok.number(i_time, "time") * time_factor;
    r.speed_mps = tok.number(i_speed, "speed") * speed_factor;
    r.grade_frac = i_grade == SIZE_MAX ? 0.0 : tok.number(i_grade, "grade") * grade_factor;
    r.distance_m = i_dist == SIZE_MAX ? 0.0 : tok.number(i_dist, "cumulative distance");
    r.line = tok.line();
    if (r.speed_mps < 0.0 || r.speed_mps > detail::kMaxPlausibleSpeedMps)
      tok.fail("implausible speed " + text(i_speed) + " (allowed 0..200 km/h; wrong unit?)", text(i_speed));
    if (std::fabs(r.grade_frac) > detail::kMaxPlausibleGradeFrac)
      tok.fail("implausible grade " + text(i_grade) + " (allowed -50..50 %; wrong unit?)", text(i_grade));
    rows.push_back(r);
    prev_text = std::string(tok.text());
  }
  if (rows.empty()) throw RouteError(name, tok.line(), {}, "no data rows after the header");
  if (rows.size() == 1) throw RouteError(name, rows[0].line, {}, "a single point: a trace needs at least 2 rows");
  if (time_factor == 1.0) detail::repair_time_unit(rows, log);
  std::vector<std::size_t> starts{0};
  detail::repair_time_steps(rows, options, log, name, i_dist != SIZE_MAX, &starts);
  detail::repair_speed_spikes(rows, options, log);

  // ---- one trip per stretch between gaps (one in all but GapRule::Split) ----
  std::vector<RouteProfile> trips;
  std::vector<RouteWarning> left_out;
  std::optional<RouteError> first_error;
  for (std::size_t k = 0; k < starts.size(); ++k) {
    const std::size_t end = k + 1 < starts.size() ? starts[k + 1] : rows.size();
    RouteProfile t = p;
    try {
      build_trace(t, rows, starts[k], end, i_dist != SIZE_MAX, k == 0);
    } catch (const RouteError& e) {
      if (starts.size() == 1) throw;
      if (!first_error) first_error = e;
      left_out.push_back({std::string(e.what()) + ": this trip is left out"});
      continue;
    }
    trips.push_back(std::move(t));
  }
  if (trips.empty()) throw *first_error;
  for (std::size_t k = 0; k < trips.size(); ++k) {
    RouteProfile& t = trips[k];
    if (trips.size() > 1 || starts.size() > 1) t.name += " trip " + std::to_string(k + 1) + "/" + std::to_string(trips.size());
    t.warnings.insert(t.warnings.end(), left_out.begin(), left_out.end());
    log.merge_into(t.repairs);
    detail::finish_profile(t, true);
  }
  return trips;
}

}  // namespace

std::vector<RouteProfile> read_cycle_trips(std::istream& in, const std::string& name, const ReadOptions& options) {
  return read_trips(in, name, options);
}

RouteProfile read_cycle(std::istream& in, const std::string& name, const ReadOptions& options) {
  std::vector<RouteProfile> trips = read_trips(in, name, options);
  if (trips.size() > 1) {
    const Repair& r = *std::find_if(trips[0].repairs.begin(), trips[0].repairs.end(),
                                    [](const Repair& x) { return x.kind == RepairKind::TripSplit; });
    throw RouteError(name, r.first_line, {},
                     "gap of more than " + detail::number_text(options.max_gap_s) + " s at time " + r.first_value +
                         ": the file splits into " + std::to_string(trips.size()) +
                         " trips (gap rule split), and this reads one trip; read its trips one by one "
                         "(semitco fleet, route info) or bridge the gaps (interpolate, stop)",
                     r.first_value);
  }
  return std::move(trips.front());
}

std::vector<RouteProfile> read_cycle_trips(const std::string& path, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  return read_cycle_trips(in, path, options);
}

RouteProfile read_cycle(const std::string& path, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  return read_cycle(in, path, options);
}

}  // namespace semitco::routes
