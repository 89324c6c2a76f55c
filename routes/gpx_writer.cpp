// GPX 1.1 writer: one <trk>/<trkseg> with a <trkpt lat lon><ele> per profile point, stops as named <wpt>
// with <extensions><semitco:dwell_s>. Profiles without lat/lon are laid out along the equator, where
// the WGS84 geodesic between two points is the equatorial arc a*dlon (exact), so read_gpx gives back
// the same distances. lat/lon written with 9 decimals (0.1 mm), elevation with 3 (1 mm).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <ostream>

#include "routes/geodesy.hpp"
#include "routes/readers.hpp"
#include "routes/route_stats.hpp"

namespace semitco::routes {
namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out;
}

}  // namespace

void write_gpx(const RouteProfile& profile, std::ostream& out) {
  check_profile(profile);
  const std::size_t n = profile.size();
  const bool has_position = profile.lat_deg.size() == n && profile.lon_deg.size() == n;
  if (!has_position && profile.length_m() > std::numbers::pi * kWgs84A)
    throw RouteError(profile.source, 0, {}, "cannot lay out a route longer than half the equator without lat/lon");
  std::vector<double> lat(n, 0.0), lon(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    lat[i] = has_position ? profile.lat_deg[i] : 0.0;
    lon[i] = has_position ? profile.lon_deg[i] : profile.distance_m[i] / kWgs84A * 180.0 / std::numbers::pi;
  }
  char buf[256];
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<gpx version=\"1.1\" creator=\"semitco\" xmlns=\"http://www.topografix.com/GPX/1/1\" "
         "xmlns:semitco=\"https://github.com/semitco/gpx-extensions/1\">\n";
  out << "  <metadata><name>" << xml_escape(profile.name) << "</name><desc>" << xml_escape(profile.source)
      << "</desc></metadata>\n";
  for (std::size_t k = 0; k < profile.stops.size(); ++k) {
    const Stop& s = profile.stops[k];
    const auto it = std::upper_bound(profile.distance_m.begin(), profile.distance_m.end(), s.distance_m);
    const std::size_t j = std::min<std::size_t>(n - 2, it == profile.distance_m.begin() ? 0 : static_cast<std::size_t>(it - profile.distance_m.begin()) - 1);
    const double t = std::clamp((s.distance_m - profile.distance_m[j]) / (profile.distance_m[j + 1] - profile.distance_m[j]), 0.0, 1.0);
    std::snprintf(buf, sizeof buf, "  <wpt lat=\"%.9f\" lon=\"%.9f\">", lat[j] + t * (lat[j + 1] - lat[j]),
                  lon[j] + t * (lon[j + 1] - lon[j]));
    out << buf << "<name>" << xml_escape(s.name.empty() ? "stop " + std::to_string(k + 1) : s.name) << "</name>";
    std::snprintf(buf, sizeof buf, "<extensions><semitco:dwell_s>%.3f</semitco:dwell_s></extensions></wpt>\n", s.dwell_s);
    out << buf;
  }
  out << "  <trk><name>" << xml_escape(profile.name) << "</name><trkseg>\n";
  for (std::size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "    <trkpt lat=\"%.9f\" lon=\"%.9f\"><ele>%.3f</ele></trkpt>\n", lat[i], lon[i],
                  profile.elevation_m[i]);
    out << buf;
  }
  out << "  </trkseg></trk>\n</gpx>\n";
  if (!out) throw RouteError(profile.source, 0, {}, "write error");
}

void write_gpx(const RouteProfile& profile, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw RouteError(path, 0, {}, "cannot open file for writing");
  write_gpx(profile, out);
  out.flush();
  if (!out) throw RouteError(path, 0, {}, "write error");
}

}  // namespace semitco::routes
