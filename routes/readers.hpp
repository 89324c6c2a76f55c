// Route readers and the GPX writer: every supported file format -> RouteProfile (route_profile.hpp).
//
//   read_vdri       VECTO distance-based mission profile (.vdri): <s> m, <v> km/h, <grad> %, <stop> s
//   read_cycle      time-based drive cycles: FASTSim/T3CO (cycSecs, cycMps, cycGrade[, cycRoadType]) and
//                   "Time (s),Vehicle speed (km/h),Road grade (%)[,Cumulative distance (m)]"
//   read_route_csv  route CSV, distance-based or lat/lon point-based, unit in every header name
//   read_gpx        GPX 1.1 tracks/routes (+ waypoints as stops), WGS84 geodesic distances
//   read_route      any of the above, format detected from content and extension (overridable)
//   write_gpx       a profile as GPX 1.1 (round trips through read_gpx)
//
// Each reader has a path overload and a stream overload (name_for_messages is what error messages call
// the input). All errors are RouteError (route_error.hpp) naming file, line or element, and value.
// Formats and rules: docs/routes.md.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "routes/read_options.hpp"
#include "routes/route_error.hpp"
#include "routes/route_profile.hpp"

namespace semitco::routes {

enum class Format { Auto, Vdri, Cycle, RouteCsv, Gpx };

[[nodiscard]] std::string_view format_name(Format f);
/// Parse "vdri", "cycle", "csv", "gpx", "auto" (case-insensitive); throws RouteError otherwise.
[[nodiscard]] Format parse_format(std::string_view name);

RouteProfile read_vdri(const std::string& path, const ReadOptions& options = {});
RouteProfile read_vdri(std::istream& in, const std::string& name_for_messages, const ReadOptions& options = {});

RouteProfile read_cycle(const std::string& path, const ReadOptions& options = {});
RouteProfile read_cycle(std::istream& in, const std::string& name_for_messages, const ReadOptions& options = {});
/// The trips of a drive cycle: one, but under ReadOptions::GapRule::Split one per stretch between gaps
/// (read_cycle refuses a file that splits, at the first gap). Each trip is named "<stem> trip k/N", starts
/// at time 0 and carries the whole file's repairs and warnings; a stretch that never moves is left out with
/// a warning.
std::vector<RouteProfile> read_cycle_trips(const std::string& path, const ReadOptions& options = {});
std::vector<RouteProfile> read_cycle_trips(std::istream& in, const std::string& name_for_messages,
                                           const ReadOptions& options = {});

RouteProfile read_route_csv(const std::string& path, const ReadOptions& options = {});
RouteProfile read_route_csv(std::istream& in, const std::string& name_for_messages,
                            const ReadOptions& options = {});

RouteProfile read_gpx(const std::string& path, const ReadOptions& options = {});
RouteProfile read_gpx(std::istream& in, const std::string& name_for_messages, const ReadOptions& options = {});

/// Writes trk/trkseg/trkpt (lat, lon, ele) and stops as <wpt> with a <semitco:dwell_s> extension.
/// A profile without lat/lon is laid out along the equator (where the geodesic distance is exactly
/// a * dlon), so distances survive the round trip.
void write_gpx(const RouteProfile& profile, const std::string& path);
void write_gpx(const RouteProfile& profile, std::ostream& out);

/// Sniff the format from the first bytes (XML, "<s>" header, cycle header, route CSV header); the
/// extension (.gpx, .vdri, .csv) decides only when the content is not conclusive.
[[nodiscard]] Format detect_format(const std::string& path);

RouteProfile read_route(const std::string& path, Format fmt = Format::Auto, const ReadOptions& options = {});
/// The trips of a route file: read_cycle_trips for a drive cycle, the one profile of any other format.
std::vector<RouteProfile> read_route_trips(const std::string& path, Format fmt = Format::Auto,
                                           const ReadOptions& options = {});

}  // namespace semitco::routes
