// GPX 1.1 reader (https://www.topografix.com/GPX/1/1/): <trk>/<trkseg>/<trkpt> (all segments joined in
// document order) or, when there is no track, <rte>/<rtept>; lat/lon attributes in WGS84 degrees, <ele>
// metres, optional <time> (ISO 8601). Distances are Vincenty geodesics on WGS84 (geodesy.hpp).
// Named <wpt> within waypoint_radius_m of the track mark stops (dwell from an <extensions> child named
// dwell_s, as write_gpx writes it, else 0). Timed points standing still >= standstill_min_s make a stop
// with that dwell. Consecutive identical points are merged with a warning. Elevation -> grade through
// grade_smoothing; target speed from ReadOptions with the curve rule (target_speed.hpp).
// The file is parsed as a pugixml DOM (not streamed): its size is capped by ReadOptions::max_xml_bytes.
#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "routes/detail/line_tokenizer.hpp"
#include "routes/detail/profile_builder.hpp"
#include "routes/geodesy.hpp"
#include "routes/readers.hpp"

namespace semitco::routes {
namespace {

std::string_view local_name(const pugi::xml_node& n) {
  std::string_view s = n.name();
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

pugi::xml_node child_named(const pugi::xml_node& n, std::string_view name) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

/// "YYYY-MM-DDTHH:MM:SS[.fff][Z|+hh:mm|-hh:mm]" -> seconds since 1970 (UTC).
bool parse_iso8601(std::string_view s, double& out) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
    return false;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), mo) || !parse_int(s.substr(8, 2), d) ||
      !parse_int(s.substr(11, 2), h) || !parse_int(s.substr(14, 2), mi) || !parse_int(s.substr(17, 2), sec))
    return false;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y < 0 || h < 0 || mi < 0 || sec < 0)
    return false;
  std::string_view rest = s.substr(19);
  double frac = 0.0;
  if (!rest.empty() && rest.front() == '.') {
    std::size_t k = 1;
    while (k < rest.size() && std::isdigit(static_cast<unsigned char>(rest[k]))) ++k;
    if (k == 1) return false;
    std::string digits = "0" + std::string(rest.substr(0, k));
    if (!detail::parse_finite_double(digits, frac)) return false;
    rest.remove_prefix(k);
  }
  int offset_s = 0;
  if (rest == "Z" || rest.empty()) {
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    int oh = 0, om = 0;
    if (!parse_int(rest.substr(1, 2), oh) || !parse_int(rest.substr(4, 2), om) || oh > 23 || om > 59 || oh < 0 || om < 0)
      return false;
    offset_s = (rest[0] == '+' ? 1 : -1) * (oh * 3600 + om * 60);
  } else {
    return false;
  }
  const long long days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  out = static_cast<double>(days * 86400 + h * 3600 + mi * 60 + sec - offset_s) + frac;
  return true;
}

struct RawPoint {
  double lat, lon, ele, time;
  bool has_ele, has_time;
  std::size_t line, ordinal;
  const char* kind;
};

}  // namespace

RouteProfile read_gpx(std::istream& in, const std::string& name, const ReadOptions& options) {
  detail::check_options(options);
  // ---- read the whole (capped) document ----
  std::string buffer;
  {
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
      buffer.append(chunk, static_cast<std::size_t>(in.gcount()));
      if (buffer.size() > options.max_xml_bytes)
        throw RouteError(name, 0, {}, "GPX file larger than " + std::to_string(options.max_xml_bytes) +
                                          " bytes (ReadOptions::max_xml_bytes); GPX is parsed whole");
    }
  }
  if (buffer.find_first_not_of(" \t\r\n") == std::string::npos) throw RouteError(name, 0, {}, "empty file");
  // line of a byte offset; nodes are mostly visited in document order, so count on from the last answer
  std::ptrdiff_t cached_offset = 0;
  std::size_t cached_line = 1;
  auto line_at = [&](std::ptrdiff_t offset) -> std::size_t {
    if (offset < 0) return 0;
    offset = std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(buffer.size()));
    if (offset < cached_offset) {
      cached_offset = 0;
      cached_line = 1;
    }
    cached_line += static_cast<std::size_t>(std::count(buffer.begin() + cached_offset, buffer.begin() + offset, '\n'));
    cached_offset = offset;
    return cached_line;
  };
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(buffer.data(), buffer.size(), pugi::parse_default);
  if (!parsed) throw RouteError(name, line_at(parsed.offset), {}, std::string("XML error: ") + parsed.description());
  pugi::xml_node gpx = doc.document_element();
  if (!gpx || local_name(gpx) != "gpx")
    throw RouteError(name, line_at(gpx.offset_debug()), gpx ? "<" + std::string(gpx.name()) + ">" : std::string(),
                     "not a GPX file: root element is not <gpx>");

  RouteProfile p;
  p.name = detail::file_stem(name);
  p.source = name;

  // ---- collect points: tracks first, routes when there is no track ----
  std::vector<RawPoint> raw;
  auto take = [&](const pugi::xml_node& pt, const char* kind) {
    RawPoint r{};
    r.kind = kind;
    r.line = line_at(pt.offset_debug());
    r.ordinal = raw.size() + 1;
    const std::string where = std::string("<") + kind + "> #" + std::to_string(r.ordinal);
    auto fail = [&](const std::string& what, const std::string& value) -> void {
      throw RouteError(name, r.line, where, what, value);
    };
    const pugi::xml_attribute lat = pt.attribute("lat");
    const pugi::xml_attribute lon = pt.attribute("lon");
    if (!lat || !lon) fail("missing lat or lon attribute", {});
    if (!detail::parse_finite_double(lat.value(), r.lat)) fail(std::string("non-numeric lat '") + lat.value() + "'", lat.value());
    if (!detail::parse_finite_double(lon.value(), r.lon)) fail(std::string("non-numeric lon '") + lon.value() + "'", lon.value());
    if (std::fabs(r.lat) > 90.0) fail(std::string("absurd coordinate: lat ") + lat.value() + " outside -90..90", lat.value());
    if (std::fabs(r.lon) > 180.0) fail(std::string("absurd coordinate: lon ") + lon.value() + " outside -180..180", lon.value());
    if (const pugi::xml_node ele = child_named(pt, "ele")) {
      r.has_ele = true;
      if (!detail::parse_finite_double(ele.child_value(), r.ele))
        fail(std::string("non-numeric <ele> '") + ele.child_value() + "'", ele.child_value());
      if (r.ele < -500.0 || r.ele > 9000.0)
        fail(std::string("implausible <ele> ") + ele.child_value() + " (allowed -500..9000 m; wrong unit?)", ele.child_value());
    }
    if (const pugi::xml_node time = child_named(pt, "time")) {
      r.has_time = true;
      if (!parse_iso8601(time.child_value(), r.time))
        fail(std::string("malformed <time> '") + time.child_value() + "' (expected ISO 8601)", time.child_value());
    }
    raw.push_back(r);
  };
  std::string track_name;
  for (pugi::xml_node trk = gpx.first_child(); trk; trk = trk.next_sibling()) {
    if (local_name(trk) != "trk") continue;
    if (track_name.empty()) track_name = child_named(trk, "name").child_value();
    for (pugi::xml_node seg = trk.first_child(); seg; seg = seg.next_sibling()) {
      if (local_name(seg) != "trkseg") continue;
      for (pugi::xml_node pt = seg.first_child(); pt; pt = pt.next_sibling())
        if (local_name(pt) == "trkpt") take(pt, "trkpt");
    }
  }
  if (raw.empty()) {
    for (pugi::xml_node rte = gpx.first_child(); rte; rte = rte.next_sibling()) {
      if (local_name(rte) != "rte") continue;
      if (track_name.empty()) track_name = child_named(rte, "name").child_value();
      for (pugi::xml_node pt = rte.first_child(); pt; pt = pt.next_sibling())
        if (local_name(pt) == "rtept") take(pt, "rtept");
    }
  } else if (child_named(gpx, "rte")) {
    p.warnings.push_back({name + ": both <trk> and <rte> present; the track is used"});
  }
  if (raw.empty()) throw RouteError(name, line_at(gpx.offset_debug()), "<gpx>", "no <trkpt> or <rtept> points");
  if (!track_name.empty()) p.name = track_name;

  const auto with_ele = static_cast<std::size_t>(std::count_if(raw.begin(), raw.end(), [](const RawPoint& r) { return r.has_ele; }));
  if (with_ele != 0 && with_ele != raw.size()) {
    const auto it = std::find_if(raw.begin(), raw.end(), [](const RawPoint& r) { return !r.has_ele; });
    throw RouteError(name, it->line, std::string("<") + it->kind + "> #" + std::to_string(it->ordinal),
                     "missing <ele> (other points have one)");
  }
  if (with_ele == 0) p.warnings.push_back({name + ": no <ele> on any point: the road is taken as flat"});
  const bool timed = std::all_of(raw.begin(), raw.end(), [](const RawPoint& r) { return r.has_time; });
  if (!timed && std::any_of(raw.begin(), raw.end(), [](const RawPoint& r) { return r.has_time; }))
    p.warnings.push_back({name + ": <time> on some points only: times ignored"});

  // ---- distances; merge identical consecutive points; standstills become stops ----
  detail::ElevationPoints pts;
  std::size_t merged = 0;
  double standstill_s = 0.0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const RawPoint& r = raw[i];
    const std::string where = std::string("<") + r.kind + "> #" + std::to_string(r.ordinal);
    double dist = 0.0;
    if (i > 0) {
      const RawPoint& q = raw[i - 1];
      if (timed && r.time < q.time)
        throw RouteError(name, r.line, where, "non-monotonic <time>: earlier than the previous point's", {});
      const auto g = geodesic_inverse(q.lat, q.lon, r.lat, r.lon);
      if (!g.converged) throw RouteError(name, r.line, where, "nearly antipodal to the previous point: no geodesic", {});
      if (g.distance_m < 0.01) {
        if (timed) standstill_s += r.time - q.time;
        if (merged++ < 10)
          p.warnings.push_back({name + ":" + std::to_string(r.line) + ": " + where + ": duplicate point merged with the previous one"});
        continue;
      }
      if (standstill_s >= options.standstill_min_s) p.stops.push_back(Stop{pts.distance_m.back(), standstill_s, "standstill"});
      standstill_s = 0.0;
      if (g.distance_m > detail::kMaxPointGapM) {
        throw RouteError(name, r.line, where,
                         "is " + detail::km_text(g.distance_m) +
                             " from the previous point (more than 100 km: swapped lat/lon or a lost sign?)",
                         std::to_string(r.lat) + "," + std::to_string(r.lon));
      }
      dist = pts.distance_m.back() + g.distance_m;
      if (dist > detail::kMaxRouteLengthM) throw RouteError(name, r.line, where, "route length implausible (> 20,000 km)");
    }
    pts.distance_m.push_back(dist);
    pts.elevation_m.push_back(r.has_ele ? r.ele : 0.0);
    pts.lat_deg.push_back(r.lat);
    pts.lon_deg.push_back(r.lon);
  }
  if (merged > 10) p.warnings.push_back({name + ": " + std::to_string(merged) + " duplicate points merged in all"});
  if (pts.distance_m.size() < 2) {
    throw RouteError(name, raw.front().line, std::string("<") + raw.front().kind + "> #1",
                     raw.size() < 2 ? "a single point: a route needs at least 2 points"
                                    : "all points are at the same position: the route has no length");
  }
  if (standstill_s >= options.standstill_min_s) p.stops.push_back(Stop{pts.distance_m.back(), standstill_s, "standstill"});

  // ---- named waypoints near the track mark stops ----
  for (pugi::xml_node wpt = gpx.first_child(); wpt; wpt = wpt.next_sibling()) {
    if (local_name(wpt) != "wpt") continue;
    const std::string wname = child_named(wpt, "name").child_value();
    const std::size_t line = line_at(wpt.offset_debug());
    const std::string where = "<wpt> '" + wname + "'";
    double lat = 0.0, lon = 0.0;
    if (!detail::parse_finite_double(wpt.attribute("lat").value(), lat) ||
        !detail::parse_finite_double(wpt.attribute("lon").value(), lon))
      throw RouteError(name, line, where, "missing or non-numeric lat/lon", wpt.attribute("lat").value());
    if (std::fabs(lat) > 90.0 || std::fabs(lon) > 180.0)
      throw RouteError(name, line, where, "absurd coordinate outside -90..90 / -180..180", std::to_string(lat));
    if (wname.empty()) continue;
    double best = std::numeric_limits<double>::infinity();
    std::size_t best_i = 0;
    for (std::size_t i = 0; i < pts.distance_m.size(); ++i) {
      const LocalXY xy = local_xy(lat, lon, pts.lat_deg[i], pts.lon_deg[i]);
      const double dd = std::hypot(xy.east_m, xy.north_m);
      if (dd < best) {
        best = dd;
        best_i = i;
      }
    }
    if (best > options.waypoint_radius_m) {
      p.warnings.push_back({name + ":" + std::to_string(line) + ": " + where + " is " + std::to_string(static_cast<long>(best)) +
                            " m from the track: not a stop"});
      continue;
    }
    double dwell = 0.0;
    if (const pugi::xml_node ext = child_named(wpt, "extensions")) {
      if (const pugi::xml_node dw = child_named(ext, "dwell_s")) {
        if (!detail::parse_finite_double(dw.child_value(), dwell) || dwell < 0.0 || dwell > 7.0 * 24 * 3600)
          throw RouteError(name, line, where, std::string("invalid dwell_s '") + dw.child_value() + "'", dw.child_value());
      }
    }
    p.stops.push_back(Stop{pts.distance_m[best_i], dwell, wname});
  }

  detail::build_from_elevation(p, pts, options);
  p.elevation_is_absolute = with_ele != 0;
  // stops were placed on raw points: the resampled grid ends at the same length, so they stay in range
  detail::finish_profile(p, false);
  return p;
}

RouteProfile read_gpx(const std::string& path, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  // Refuse an oversized file before reading any of it, so memory stays bounded.
  std::error_code ec;
  const auto bytes = std::filesystem::file_size(path, ec);
  if (!ec && bytes > options.max_xml_bytes) {
    throw RouteError(path, 0, {}, "GPX file of " + std::to_string(bytes / (1024 * 1024)) + " MiB is larger than " +
                                      std::to_string(options.max_xml_bytes / (1024 * 1024)) +
                                      " MiB (ReadOptions::max_xml_bytes): GPX is parsed whole; split the track");
  }
  return read_gpx(in, path, options);
}

}  // namespace semitco::routes
