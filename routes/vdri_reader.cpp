// VECTO distance-based mission profile reader (.vdri).
// Format (VECTO user manual, "Driving Cycle (.vdri)"; files in vecto-sim
// VectoCore/Resources/Declaration/MissionCycles): CSV with header columns by name <s> [m], <v> [km/h],
// <grad> [%], <stop> [s]; '#' comments; an optional "[unit]" after a header name; a row only where a
// value changes, values hold from this s to the next row. A row with <stop> > 0 is a stop (its <v> is 0);
// the segment after it takes the speed of the next row with v > 0. Elevation = integral of grade,
// rise = ds*sin(atan(grade)), relative to the start.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>

#include "routes/detail/line_tokenizer.hpp"
#include "routes/detail/profile_builder.hpp"
#include "routes/readers.hpp"

namespace semitco::routes {

using detail::LineTokenizer;

RouteProfile read_vdri(std::istream& in, const std::string& name, const ReadOptions& options) {
  detail::check_options(options);
  RepairLog log(name, options.strict);
  LineTokenizer tok(in, name, &log);
  if (!tok.next()) throw RouteError(name, 0, {}, "empty file: no header line with <s>,<v>,<grad>,<stop>");

  // ---- header: columns by name, optional [unit] ----
  struct Column {
    const char* name;
    const char* unit;
    bool required;
    std::size_t index;
  };
  Column cols[] = {{"<s>", "m", true, SIZE_MAX},
                   {"<v>", "km/h", true, SIZE_MAX},
                   {"<grad>", "%", false, SIZE_MAX},
                   {"<stop>", "s", false, SIZE_MAX}};
  RouteProfile p;
  p.name = detail::file_stem(name);
  p.source = name;
  const std::size_t n_header = tok.size();
  for (std::size_t i = 0; i < n_header; ++i) {
    const auto h = detail::split_header_cell(tok.field(i));
    bool known = false;
    for (Column& c : cols) {
      if (h.name != c.name) continue;
      known = true;
      if (c.index != SIZE_MAX) tok.fail("duplicate column " + h.raw, h.raw);
      if (!h.unit.empty() && h.unit != c.unit)
        tok.fail("unknown unit '" + h.unit + "' for column " + c.name + " (expected " + c.unit + ")", h.unit);
      c.index = i;
    }
    if (!known) {
      double dummy = 0.0;
      if (detail::parse_finite_double(tok.field(i), dummy))
        tok.fail("missing header: first line starts with a number, expected <s>,<v>,<grad>,<stop>", h.raw);
      p.warnings.push_back({name + ":" + std::to_string(tok.line()) + ": column '" + h.raw + "' ignored"});
    }
  }
  for (const Column& c : cols)
    if (c.required && c.index == SIZE_MAX) tok.fail(std::string("missing column ") + c.name + " in header");
  if (cols[2].index == SIZE_MAX)
    p.warnings.push_back({name + ": no <grad> column: the road is taken as flat"});

  // ---- rows ----
  std::vector<double> s, v, g, stop;
  std::vector<std::size_t> line_of;
  while (tok.next()) {
    if (tok.size() != n_header)
      tok.fail("row has " + std::to_string(tok.size()) + " fields, header has " + std::to_string(n_header));
    const double si = tok.number(cols[0].index, "<s>");
    const double vi = tok.number(cols[1].index, "<v>");
    const double gi = cols[2].index == SIZE_MAX ? 0.0 : tok.number(cols[2].index, "<grad>");
    const double sti = cols[3].index == SIZE_MAX ? 0.0 : tok.number(cols[3].index, "<stop>");
    auto text = [&](std::size_t i) { return std::string(tok.field(i)); };
    if (!s.empty() && si == s.back()) tok.fail("duplicate point: <s> " + text(cols[0].index) + " repeats the previous row", text(cols[0].index));
    if (!s.empty() && si < s.back())
      tok.fail("non-monotonic distance: <s> " + text(cols[0].index) + " after " + std::to_string(s.back()), text(cols[0].index));
    if (si < 0.0) tok.fail("negative distance <s> " + text(cols[0].index), text(cols[0].index));
    if (vi < 0.0 || vi > detail::kMaxPlausibleSpeedMps * 3.6)
      tok.fail("implausible speed <v> " + text(cols[1].index) + " km/h (allowed 0..200; wrong unit?)", text(cols[1].index));
    if (std::fabs(gi) > detail::kMaxPlausibleGradeFrac * 100.0)
      tok.fail("implausible grade <grad> " + text(cols[2].index) + " % (allowed -50..50; wrong unit?)", text(cols[2].index));
    if (sti < 0.0 || sti > 7.0 * 24 * 3600)
      tok.fail("implausible stop time <stop> " + text(cols[3].index) + " s", text(cols[3].index));
    s.push_back(si);
    v.push_back(vi / 3.6);
    g.push_back(gi / 100.0);
    stop.push_back(sti);
    line_of.push_back(tok.line());
  }
  if (s.empty()) throw RouteError(name, tok.line(), {}, "no data rows after the header");
  if (s.size() < 2) throw RouteError(name, line_of[0], {}, "a single point: a route needs at least 2 rows");
  if (s.back() > detail::kMaxRouteLengthM)
    throw RouteError(name, line_of.back(), {}, "route length " + std::to_string(s.back() / 1000.0) + " km is implausible");

  const std::size_t n = s.size();
  const double s0 = s[0];
  if (s0 != 0.0)
    p.warnings.push_back({name + ":" + std::to_string(line_of[0]) + ": distance starts at " + std::to_string(s0) +
                          " m; shifted to 0"});
  // speed of each segment: a stop row (or a zero-speed row) takes the next row's positive speed
  std::vector<double> next_positive(n, 0.0);
  double upcoming = 0.0;
  for (std::size_t i = n; i-- > 0;) {
    next_positive[i] = upcoming;
    if (v[i] > 0.0) upcoming = v[i];
  }
  p.distance_m.resize(n);
  p.grade_frac = g;
  p.speed_limit_mps.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    p.distance_m[i] = s[i] - s0;
    if (v[i] > 0.0) {
      p.speed_limit_mps[i] = v[i];
    } else if (i + 1 == n) {
      p.speed_limit_mps[i] = p.speed_limit_mps[i - 1];
    } else if (stop[i] > 0.0 || i == 0) {
      if (next_positive[i] <= 0.0)
        throw RouteError(name, line_of[i], {}, "no row with <v> > 0 after this stop: the truck could never move");
      p.speed_limit_mps[i] = next_positive[i];
    } else {
      throw RouteError(name, line_of[i], {}, "target speed <v> 0 without a <stop> time: the truck could never pass",
                       "0");
    }
    if (stop[i] > 0.0) p.stops.push_back(Stop{p.distance_m[i], stop[i], {}});
  }
  p.grade_frac[n - 1] = p.grade_frac[n - 2];
  p.speed_limit_mps[n - 1] = p.speed_limit_mps[n - 2];
  detail::integrate_elevation(p, 0.0);
  p.elevation_is_absolute = false;
  log.merge_into(p.repairs);
  detail::finish_profile(p, true);
  return p;
}

RouteProfile read_vdri(const std::string& path, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  return read_vdri(in, path, options);
}

}  // namespace semitco::routes
