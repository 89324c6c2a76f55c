// Time-based drive-cycle reader: FASTSim/T3CO cycles ("cycSecs,cycMps,cycGrade[,cycRoadType]": time [s],
// speed [m/s], grade [fraction]; NREL FASTSim/T3CO resources/cycles) and speed traces headed
// "Time (s),Vehicle speed (km/h),Road grade (%)[,Cumulative distance (m)]".
// The trace becomes trace_time_s/trace_speed_mps (time shifted to start at 0). The road is built along
// distance: distance integrated from the trace with the trapezoid rule (FASTSim's dist = (v[i-1]+v[i])/2*dt)
// unless the file gives cumulative distance; the grade of the interval (t[i-1], t[i]] is the file's grade at
// row i (FASTSim's convention), rise = ds*sin(atan(grade)). Intervals that cover no distance (standing
// still) collapse to one distance point so distance stays strictly increasing; each standstill is recorded
// as an informational Stop with its duration (the trace itself already holds the truck still).
// speed_limit_mps is the trace's mean speed over each segment (informational). Rows are streamed.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>

#include "routes/detail/line_tokenizer.hpp"
#include "routes/detail/profile_builder.hpp"
#include "routes/readers.hpp"

namespace semitco::routes {

using detail::LineTokenizer;

RouteProfile read_cycle(std::istream& in, const std::string& name, const ReadOptions& options) {
  detail::check_options(options);
  LineTokenizer tok(in, name);
  if (!tok.next())
    throw RouteError(name, 0, {}, "empty file: no header line (cycSecs,cycMps,cycGrade or Time (s),Vehicle speed (km/h),...)");

  RouteProfile p;
  p.name = detail::file_stem(name);
  p.source = name;
  std::size_t i_time = SIZE_MAX, i_speed = SIZE_MAX, i_grade = SIZE_MAX, i_dist = SIZE_MAX;
  double speed_factor = 1.0, grade_factor = 1.0;
  const std::size_t n_header = tok.size();
  for (std::size_t i = 0; i < n_header; ++i) {
    const auto h = detail::split_header_cell(tok.field(i));
    std::size_t* slot = nullptr;
    if (h.name == "cycsecs" || h.name == "time (s)") {
      slot = &i_time;
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

  double t0 = 0.0, prev_t = 0.0, prev_v = 0.0, prev_col_d = 0.0, d = 0.0, standstill_s = 0.0, z = 0.0;
  std::size_t rows = 0;
  std::size_t first_line = 0;
  auto text = [&](std::size_t i) { return std::string(tok.field(i)); };
  while (tok.next()) {
    if (tok.size() != n_header)
      tok.fail("row has " + std::to_string(tok.size()) + " fields, header has " + std::to_string(n_header));
    const double t = tok.number(i_time, "time");
    const double v = tok.number(i_speed, "speed") * speed_factor;
    const double g = i_grade == SIZE_MAX ? 0.0 : tok.number(i_grade, "grade") * grade_factor;
    const double col_d = i_dist == SIZE_MAX ? 0.0 : tok.number(i_dist, "cumulative distance");
    if (v < 0.0 || v > detail::kMaxPlausibleSpeedMps)
      tok.fail("implausible speed " + text(i_speed) + " (allowed 0..200 km/h; wrong unit?)", text(i_speed));
    if (std::fabs(g) > detail::kMaxPlausibleGradeFrac)
      tok.fail("implausible grade " + text(i_grade) + " (allowed -50..50 %; wrong unit?)", text(i_grade));
    if (rows == 0) {
      t0 = t;
      first_line = tok.line();
      p.distance_m.push_back(0.0);
      p.elevation_m.push_back(0.0);
      if (t != 0.0)
        p.warnings.push_back({name + ":" + std::to_string(tok.line()) + ": time starts at " + text(i_time) + " s; shifted to 0"});
    } else {
      if (t == prev_t) tok.fail("duplicate point: time " + text(i_time) + " repeats the previous row", text(i_time));
      if (t < prev_t) tok.fail("non-monotonic time: " + text(i_time) + " after " + std::to_string(prev_t), text(i_time));
      if (i_dist != SIZE_MAX && col_d < prev_col_d)
        tok.fail("non-monotonic distance: " + text(i_dist) + " after " + std::to_string(prev_col_d), text(i_dist));
      const double dt = t - prev_t;
      const double ds = i_dist != SIZE_MAX ? col_d - prev_col_d : 0.5 * (prev_v + v) * dt;
      const double next_d = d + ds;
      if (next_d > d) {
        if (standstill_s > 0.0) {
          p.stops.push_back(Stop{d, standstill_s, "standstill"});
          standstill_s = 0.0;
        }
        p.grade_frac.push_back(g);
        p.speed_limit_mps.push_back(ds / dt);
        z += rise_m(next_d - d, g);
        d = next_d;
        p.distance_m.push_back(d);
        p.elevation_m.push_back(z);
      } else {
        standstill_s += dt;
      }
    }
    p.trace_time_s.push_back(t - t0);
    p.trace_speed_mps.push_back(v);
    prev_t = t;
    prev_v = v;
    prev_col_d = col_d;
    ++rows;
  }
  if (rows == 0) throw RouteError(name, tok.line(), {}, "no data rows after the header");
  if (rows == 1) throw RouteError(name, first_line, {}, "a single point: a trace needs at least 2 rows");
  if (p.distance_m.size() < 2)
    throw RouteError(name, tok.line(), {}, "the trace never moves: it covers no distance");
  if (d > detail::kMaxRouteLengthM) throw RouteError(name, tok.line(), {}, "trace length implausible (> 20,000 km)");
  if (standstill_s > 0.0) p.stops.push_back(Stop{d, standstill_s, "standstill"});
  p.grade_frac.push_back(p.grade_frac.back());
  p.speed_limit_mps.push_back(p.speed_limit_mps.back());
  p.elevation_is_absolute = false;
  detail::finish_profile(p, true);
  return p;
}

RouteProfile read_cycle(const std::string& path, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  return read_cycle(in, path, options);
}

}  // namespace semitco::routes
