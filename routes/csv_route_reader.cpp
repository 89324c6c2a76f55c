// Route CSV reader. The unit of every column is part of its name and converted here, once:
//   distance_m | distance_km | distance_mi          (1 mi = 1609.344 m)
//   elevation_m | elevation_ft | ele                (1 ft = 0.3048 m; 'ele' is metres, as in GPX)
//   grade_pct | grade_frac                          (either elevation or grade, not both)
//   speed_limit_mps | speed_limit_kmh | speed_limit_mph   (optional; else ReadOptions cruise/curve rules)
//   stop_s (optional dwell at that point, > 0 marks a stop), stop_name (optional label)
//   charger_kW (optional: > 0 marks a charger of that output at the point, named by stop_name)
//   lat | lat_deg, lon | lon_deg                    (WGS84 degrees; optional with a distance column)
//   time_s (optional, any origin: a lat/lon track's timestamps, used to find position spikes)
// Distance-based when a distance column exists, else point-based from lat/lon (geodesic distances).
// Values of a row hold from that point to the next. Elevation inputs go through grade_smoothing; grade
// inputs are integrated (rise = ds*sin(atan(grade))). Unknown columns and units are refused by name.
// Repairs (repairs.hpp): a row equal to the previous one, and a row at the previous row's distance or
// position, are dropped (the first is kept) and counted; strict mode refuses them. A lat/lon track
// without a distance column but with time_s has its position spikes dropped (detail/position_spike.hpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>

#include "routes/detail/line_tokenizer.hpp"
#include "routes/detail/position_spike.hpp"
#include "routes/detail/profile_builder.hpp"
#include "routes/detail/trace_repairs.hpp"
#include "routes/geodesy.hpp"
#include "routes/readers.hpp"
#include "routes/target_speed.hpp"

namespace semitco::routes {

using detail::LineTokenizer;

namespace {

enum Quantity : std::size_t { kDistance, kElevation, kGrade, kSpeed, kStop, kStopName, kCharger, kLat, kLon, kTime, kCount };

struct ColumnName {
  const char* name;
  Quantity quantity;
  double factor;  ///< to SI
};

constexpr ColumnName kColumns[] = {
    {"distance_m", kDistance, 1.0},        {"distance_km", kDistance, 1000.0},
    {"distance_mi", kDistance, 1609.344},  {"elevation_m", kElevation, 1.0},
    {"elevation_ft", kElevation, 0.3048},  {"ele", kElevation, 1.0},
    {"grade_pct", kGrade, 0.01},           {"grade_frac", kGrade, 1.0},
    {"speed_limit_mps", kSpeed, 1.0},      {"speed_limit_kmh", kSpeed, 1.0 / 3.6},
    {"speed_limit_mph", kSpeed, 0.44704},  {"stop_s", kStop, 1.0},
    {"stop_name", kStopName, 1.0},         {"charger_kw", kCharger, 1000.0},
    {"lat", kLat, 1.0},
    {"lat_deg", kLat, 1.0},                {"lon", kLon, 1.0},
    {"lon_deg", kLon, 1.0},                {"time_s", kTime, 1.0}};

constexpr const char* kKnownList =
    "distance_m|distance_km|distance_mi, elevation_m|elevation_ft|ele, grade_pct|grade_frac, "
    "speed_limit_mps|speed_limit_kmh|speed_limit_mph, stop_s, stop_name, charger_kW, lat|lat_deg, lon|lon_deg, time_s";

/// Drops the position spikes of a timed lat/lon track (point-based: distance from the geodesics), then
/// re-integrates the distance over the points kept and moves stops and chargers placed on a dropped
/// point to the point kept before it.
void drop_position_spikes(detail::ElevationPoints& pts, const std::vector<double>& times,
                          const std::vector<std::size_t>& line_of, RouteProfile& p, const ReadOptions& options,
                          RepairLog& log) {
  const std::size_t n = pts.distance_m.size();
  std::vector<char> keep(n, 1);
  std::size_t a = 0, dropped = 0;
  auto at = [&](std::size_t i) { return detail::TimedPosition{pts.lat_deg[i], pts.lon_deg[i], times[i]}; };
  for (std::size_t b = 1; b + 1 < n; ++b) {
    if (detail::is_position_spike(at(a), at(b), at(b + 1), options.max_spike_detour_m)) {
      const std::string value = detail::number_text(pts.lat_deg[b]) + "," + detail::number_text(pts.lon_deg[b]);
      log.note(RepairKind::PositionSpike, line_of[b], "lat,lon", value,
               "position spike: lat,lon " + value + " is off its neighbours' line at more than 200 km/h");
      keep[b] = 0;
      ++dropped;
      continue;
    }
    a = b;
  }
  if (dropped == 0) return;
  detail::ElevationPoints out;
  out.has_elevation = pts.has_elevation;
  std::vector<double> new_distance(n);  // of each old point: its own, or that of the point kept before it
  for (std::size_t i = 0; i < n; ++i) {
    if (!keep[i]) {
      new_distance[i] = out.distance_m.back();
      continue;
    }
    const double d = out.distance_m.empty() ? 0.0
                                            : out.distance_m.back() + geodesic_inverse(out.lat_deg.back(), out.lon_deg.back(),
                                                                                       pts.lat_deg[i], pts.lon_deg[i]).distance_m;
    new_distance[i] = d;
    out.distance_m.push_back(d);
    out.elevation_m.push_back(pts.elevation_m[i]);
    out.lat_deg.push_back(pts.lat_deg[i]);
    out.lon_deg.push_back(pts.lon_deg[i]);
    if (!pts.speed_mps.empty()) out.speed_mps.push_back(pts.speed_mps[i]);
  }
  auto moved = [&](double old_d) {
    const auto it = std::lower_bound(pts.distance_m.begin(), pts.distance_m.end(), old_d);
    return it == pts.distance_m.end() ? out.distance_m.back() : new_distance[static_cast<std::size_t>(it - pts.distance_m.begin())];
  };
  for (Stop& s : p.stops) s.distance_m = moved(s.distance_m);
  for (Charger& c : p.chargers) c.distance_m = moved(c.distance_m);
  pts = std::move(out);
}

}  // namespace

RouteProfile read_route_csv(std::istream& in, const std::string& name, const ReadOptions& options) {
  detail::check_options(options);
  RepairLog log(name, options.strict);
  LineTokenizer tok(in, name, &log);
  if (!tok.next()) throw RouteError(name, 0, {}, "empty file: no header line");

  std::size_t index[kCount];
  double factor[kCount];
  std::fill(std::begin(index), std::end(index), SIZE_MAX);
  std::fill(std::begin(factor), std::end(factor), 1.0);
  const std::size_t n_header = tok.size();
  for (std::size_t i = 0; i < n_header; ++i) {
    const auto h = detail::split_header_cell(tok.field(i));
    const ColumnName* found = nullptr;
    for (const ColumnName& c : kColumns)
      if (h.name == c.name) found = &c;
    if (!found) {
      double dummy = 0.0;
      if (detail::parse_finite_double(tok.field(i), dummy))
        tok.fail("missing header: first line starts with a number", h.raw);
      for (const char* prefix : {"distance_", "elevation_", "grade_", "speed_limit_"}) {
        if (h.name.rfind(prefix, 0) == 0)
          tok.fail("unknown unit '" + h.name.substr(std::string(prefix).size()) + "' in column '" + h.raw +
                       "' (known columns: " + kKnownList + ")",
                   h.raw);
      }
      tok.fail("unknown column '" + h.raw + "' (known columns: " + kKnownList + ")", h.raw);
    }
    if (index[found->quantity] != SIZE_MAX) tok.fail("two columns for the same quantity: '" + h.raw + "'", h.raw);
    index[found->quantity] = i;
    factor[found->quantity] = found->factor;
  }
  const bool has_distance = index[kDistance] != SIZE_MAX;
  const bool has_latlon = index[kLat] != SIZE_MAX && index[kLon] != SIZE_MAX;
  if ((index[kLat] != SIZE_MAX) != (index[kLon] != SIZE_MAX)) tok.fail("missing column: lat and lon come together");
  if (!has_distance && !has_latlon) tok.fail("missing column: need distance_m|distance_km|distance_mi or lat,lon");
  if (index[kElevation] != SIZE_MAX && index[kGrade] != SIZE_MAX)
    tok.fail("give elevation or grade, not both");
  const bool terrain_gives_elevation = options.terrain && has_latlon && index[kGrade] == SIZE_MAX;
  if (index[kElevation] == SIZE_MAX && index[kGrade] == SIZE_MAX && !terrain_gives_elevation)
    tok.fail("missing column: need elevation_m|elevation_ft|ele or grade_pct|grade_frac (or a terrain model, --dem)");
  if (!has_distance && index[kElevation] == SIZE_MAX && !terrain_gives_elevation)
    tok.fail("missing column: lat/lon routes need elevation_m|elevation_ft|ele (or a terrain model, --dem)");
  const bool elevation_based = index[kElevation] != SIZE_MAX || terrain_gives_elevation;

  RouteProfile p;
  p.name = detail::file_stem(name);
  p.source = name;
  detail::ElevationPoints pts;  // distance, elevation or grade (in elevation_m), lat/lon, speed
  std::vector<std::size_t> line_of;
  std::vector<double> times;  // time_s per kept row, when the column is there
  double d0 = 0.0;
  auto text = [&](std::size_t q) { return std::string(tok.field(index[q])); };
  std::string prev_text;
  while (tok.next()) {
    if (tok.size() != n_header)
      tok.fail("row has " + std::to_string(tok.size()) + " fields, header has " + std::to_string(n_header));
    if (!line_of.empty() && tok.text() == prev_text) {
      log.note(RepairKind::RepeatedRow, tok.line(), {}, prev_text, "row repeats the previous row: '" + prev_text + "'");
      continue;
    }
    prev_text = std::string(tok.text());
    double lat = 0.0, lon = 0.0;
    if (has_latlon) {
      lat = tok.number(index[kLat], "lat");
      lon = tok.number(index[kLon], "lon");
      if (std::fabs(lat) > 90.0) tok.fail("absurd coordinate: lat " + text(kLat) + " outside -90..90", text(kLat));
      if (std::fabs(lon) > 180.0) tok.fail("absurd coordinate: lon " + text(kLon) + " outside -180..180", text(kLon));
    }
    const double time_s = index[kTime] != SIZE_MAX ? tok.number(index[kTime], "time_s") : 0.0;
    double dist = 0.0;
    if (has_distance) {
      dist = tok.number(index[kDistance], "distance") * factor[kDistance];
      if (pts.distance_m.empty()) {
        d0 = dist;
        if (dist != 0.0)
          p.warnings.push_back({name + ":" + std::to_string(tok.line()) + ": distance starts at " + text(kDistance) + "; shifted to 0"});
      }
      dist -= d0;
      if (!pts.distance_m.empty() && dist == pts.distance_m.back()) {
        log.note(RepairKind::RepeatedPoint, tok.line(), "distance", text(kDistance),
                 "duplicate point: distance " + text(kDistance) + " repeats the previous row");
        continue;
      }
      if (!pts.distance_m.empty() && dist < pts.distance_m.back())
        tok.fail("non-monotonic distance: " + text(kDistance) + " is less than the previous row's", text(kDistance));
    } else if (!pts.distance_m.empty()) {
      const auto g = geodesic_inverse(pts.lat_deg.back(), pts.lon_deg.back(), lat, lon);
      if (!g.converged) tok.fail("points nearly antipodal: no geodesic between this row and the previous one");
      if (g.distance_m == 0.0) {
        log.note(RepairKind::RepeatedPoint, tok.line(), "lat,lon", text(kLat) + "," + text(kLon),
                 "duplicate point: lat,lon " + text(kLat) + "," + text(kLon) + " repeats the previous row");
        continue;
      }
      if (g.distance_m > detail::kMaxPointGapM)
        tok.fail("point " + text(kLat) + "," + text(kLon) + " is " + detail::km_text(g.distance_m) +
                     " from the previous one (more than 100 km: swapped lat/lon or a lost sign?)",
                 text(kLat) + "," + text(kLon));
      dist = pts.distance_m.back() + g.distance_m;
    }
    if (dist > detail::kMaxRouteLengthM) tok.fail("route length implausible (> 20,000 km)", text(kDistance));
    double zg = 0.0;
    if (index[kElevation] == SIZE_MAX && elevation_based) {
      zg = 0.0;  // from the terrain model
    } else if (elevation_based) {
      zg = tok.number(index[kElevation], "elevation") * factor[kElevation];
      if (zg < -500.0 || zg > 9000.0)
        tok.fail("implausible elevation " + text(kElevation) + " (allowed -500..9000 m; wrong unit?)", text(kElevation));
    } else {
      zg = tok.number(index[kGrade], "grade") * factor[kGrade];
      if (std::fabs(zg) > detail::kMaxPlausibleGradeFrac)
        tok.fail("implausible grade " + text(kGrade) + " (allowed -50..50 %; wrong unit?)", text(kGrade));
    }
    if (index[kSpeed] != SIZE_MAX) {
      const double v = tok.number(index[kSpeed], "speed_limit") * factor[kSpeed];
      if (!(v > 0.0) || v > detail::kMaxPlausibleSpeedMps)
        tok.fail("implausible speed limit " + text(kSpeed) + " (allowed above 0 up to 200 km/h; wrong unit?)", text(kSpeed));
      pts.speed_mps.push_back(v);
    }
    if (index[kStop] != SIZE_MAX) {
      const double dwell = tok.number(index[kStop], "stop_s");
      if (dwell < 0.0 || dwell > 7.0 * 24 * 3600) tok.fail("implausible stop time " + text(kStop) + " s", text(kStop));
      if (dwell > 0.0)
        p.stops.push_back(Stop{dist, dwell, index[kStopName] != SIZE_MAX ? text(kStopName) : std::string()});
    }
    if (index[kCharger] != SIZE_MAX && !text(kCharger).empty()) {
      const double w = tok.number(index[kCharger], "charger_kW") * factor[kCharger];
      if (w < 0.0 || w > 1e7) tok.fail("implausible charger power " + text(kCharger) + " kW (allowed 0..10,000)", text(kCharger));
      if (w > 0.0) p.chargers.push_back(Charger{dist, w, index[kStopName] != SIZE_MAX ? text(kStopName) : std::string()});
    }
    pts.distance_m.push_back(dist);
    pts.elevation_m.push_back(zg);
    if (has_latlon) {
      pts.lat_deg.push_back(lat);
      pts.lon_deg.push_back(lon);
    }
    line_of.push_back(tok.line());
    if (index[kTime] != SIZE_MAX) times.push_back(time_s);
  }
  if (line_of.empty()) throw RouteError(name, tok.line(), {}, "no data rows after the header");
  if (line_of.size() < 2) throw RouteError(name, line_of[0], {}, "a single point: a route needs at least 2 rows");

  if (!has_distance && !times.empty()) drop_position_spikes(pts, times, line_of, p, options, log);
  log.merge_into(p.repairs);
  pts.has_elevation = index[kElevation] != SIZE_MAX;
  if (elevation_based) {
    detail::build_from_elevation(p, pts, options);
    p.elevation_is_absolute = true;
    detail::finish_profile(p, false);
  } else {
    p.distance_m = std::move(pts.distance_m);
    p.grade_frac = std::move(pts.elevation_m);
    p.grade_frac.back() = p.grade_frac[p.grade_frac.size() - 2];
    p.lat_deg = std::move(pts.lat_deg);
    p.lon_deg = std::move(pts.lon_deg);
    if (!pts.speed_mps.empty()) {
      p.speed_limit_mps = std::move(pts.speed_mps);
      p.speed_limit_mps.back() = p.speed_limit_mps[p.speed_limit_mps.size() - 2];
    } else {
      p.speed_limit_mps = target_speeds(p.distance_m, p.lat_deg, p.lon_deg, options);
    }
    detail::integrate_elevation(p, 0.0);
    p.elevation_is_absolute = false;
    detail::finish_profile(p, true);
  }
  return p;
}

RouteProfile read_route_csv(const std::string& path, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  return read_route_csv(in, path, options);
}

}  // namespace semitco::routes
