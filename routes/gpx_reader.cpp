// GPX 1.1 reader (https://www.topografix.com/GPX/1/1/): <trk>/<trkseg>/<trkpt> (all segments joined in
// document order) or, when there is no track, <rte>/<rtept>; lat/lon attributes in WGS84 degrees, <ele>
// metres, optional <time> (ISO 8601). Distances are Vincenty geodesics on WGS84 (geodesy.hpp).
// Named <wpt> within waypoint_radius_m of the track mark stops (dwell from an <extensions> child named
// dwell_s, as write_gpx writes it, else 0). Timed points standing still >= standstill_min_s make a stop
// with that dwell. Consecutive identical points are merged (a repair that strict mode accepts: a track
// standing still is not a quirk). A timed point whose legs in and out both need more than 200 km/h and
// that detours more than max_spike_detour_m off its neighbours' line is a position spike, dropped.
// Elevation -> grade through grade_smoothing; target speed from ReadOptions with the curve rule.
//
// The file is streamed through Expat in 64 KiB chunks: each point is turned into distance and elevation as
// its end tag arrives, so memory grows with the points kept (32 bytes each), not with the file. Entity
// declarations are refused (no internal entity is ever expanded, no external one loaded).
#include <expat.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>

#include "routes/detail/iso8601_time.hpp"
#include "routes/detail/line_tokenizer.hpp"
#include "routes/detail/position_spike.hpp"
#include "routes/detail/profile_builder.hpp"
#include "routes/detail/utf16_stream.hpp"
#include "routes/geodesy.hpp"
#include "routes/readers.hpp"

namespace semitco::routes {
namespace {

constexpr std::size_t kMaxTextBytes = 4096;     ///< longest <ele>, <time>, <name> kept (the rest is cut)
constexpr std::size_t kMaxDepth = 10000;        ///< deeper nesting is refused (no GPX nests past ~10)

std::string_view local_name(const char* qname) {
  std::string_view s = qname;
  const auto colon = s.find(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

struct RawPoint {
  double lat = 0, lon = 0, ele = 0, time = 0;
  bool has_ele = false, has_time = false;
  std::size_t line = 0, ordinal = 0;
  const char* kind = "trkpt";
  [[nodiscard]] std::string where() const { return std::string("<") + kind + "> #" + std::to_string(ordinal); }
};

struct Waypoint {
  std::string lat, lon, name, dwell;
  bool has_dwell = false;
  std::size_t line = 0;
};

/// The points of one kind (<trkpt> or <rtept>) turned into distance and elevation as they arrive. The
/// checks that depend on every point (all timed? all with <ele>?) keep their first offender and decide at
/// the end, so the messages are those of a reader that sees the whole file.
class PointTrack {
 public:
  PointTrack(const std::string& file, const ReadOptions& options, RepairLog& log)
      : file_(file), options_(options), log_(log) {}

  void add(const RawPoint& r) {
    ++count_;
    if (count_ == 1) first_ = r;
    if (r.has_ele) ++with_ele_;
    else if (!first_without_ele_) first_without_ele_ = r;
    if (r.has_time) ++with_time_;
    if (pending_ && before_ && r.has_time && pending_->has_time && before_->has_time && is_spike(*before_, *pending_, r)) {
      log_.note(RepairKind::PositionSpike, pending_->line, pending_->where(),
                std::to_string(pending_->lat) + "," + std::to_string(pending_->lon),
                "position spike: the point is off its neighbours' line at more than 200 km/h");
      pending_ = r;
      return;
    }
    if (pending_) commit(*pending_);
    pending_ = r;
  }

  /// Ends the stream; throws the first deferred error. Returns the points (distance, elevation, lat/lon).
  detail::ElevationPoints finish(std::vector<Stop>& stops, std::vector<RouteWarning>& warnings) {
    if (pending_) commit(*pending_);
    pending_.reset();
    if (with_ele_ != 0 && with_ele_ != count_)
      throw RouteError(file_, first_without_ele_->line, first_without_ele_->where(), "missing <ele> (other points have one)");
    const bool timed = with_time_ == count_;
    if (timed && backward_) throw RouteError(file_, backward_->line, backward_->where(), "non-monotonic <time>: earlier than the previous point's", {});
    if (merged_ > 0)
      log_.note(RepairKind::MergedPoint, first_merged_->line, first_merged_->where(), {},
                "duplicate point merged with the previous one", merged_);
    if (pts_.distance_m.size() < 2) {
      throw RouteError(file_, first_.line, std::string("<") + first_.kind + "> #1",
                       count_ < 2 ? "a single point: a route needs at least 2 points"
                                  : "all points are at the same position: the route has no length");
    }
    if (timed) {
      if (standstill_s_ >= options_.standstill_min_s) standstills_.push_back(Stop{pts_.distance_m.back(), standstill_s_, "standstill"});
      stops.insert(stops.end(), standstills_.begin(), standstills_.end());
    } else if (with_time_ > 0) {
      warnings.push_back({file_ + ": <time> on some points only: times ignored"});
    }
    return std::move(pts_);
  }

  [[nodiscard]] std::size_t count() const { return count_; }
  [[nodiscard]] std::size_t with_ele() const { return with_ele_; }

 private:

  bool is_spike(const RawPoint& a, const RawPoint& b, const RawPoint& c) const {
    return detail::is_position_spike({a.lat, a.lon, a.time}, {b.lat, b.lon, b.time}, {c.lat, c.lon, c.time},
                                     options_.max_spike_detour_m);
  }

  void commit(const RawPoint& r) {
    double dist = 0.0;
    if (before_) {
      const RawPoint q = *before_;
      if (r.has_time && q.has_time && r.time < q.time && !backward_) backward_ = r;
      const auto g = geodesic_inverse(q.lat, q.lon, r.lat, r.lon);
      if (!g.converged) throw RouteError(file_, r.line, r.where(), "nearly antipodal to the previous point: no geodesic", {});
      before_ = r;
      if (g.distance_m < 0.01) {
        if (r.has_time && q.has_time) standstill_s_ += r.time - q.time;
        if (merged_++ == 0) first_merged_ = r;
        return;
      }
      if (standstill_s_ >= options_.standstill_min_s) standstills_.push_back(Stop{pts_.distance_m.back(), standstill_s_, "standstill"});
      standstill_s_ = 0.0;
      if (g.distance_m > detail::kMaxPointGapM) {
        throw RouteError(file_, r.line, r.where(),
                         "is " + detail::km_text(g.distance_m) +
                             " from the previous point (more than 100 km: swapped lat/lon or a lost sign?)",
                         std::to_string(r.lat) + "," + std::to_string(r.lon));
      }
      dist = pts_.distance_m.back() + g.distance_m;
      if (dist > detail::kMaxRouteLengthM) throw RouteError(file_, r.line, r.where(), "route length implausible (> 20,000 km)");
    }
    before_ = r;
    pts_.distance_m.push_back(dist);
    pts_.elevation_m.push_back(r.has_ele ? r.ele : 0.0);
    pts_.lat_deg.push_back(r.lat);
    pts_.lon_deg.push_back(r.lon);
  }

  const std::string& file_;
  const ReadOptions& options_;
  RepairLog& log_;
  detail::ElevationPoints pts_;
  std::optional<RawPoint> before_, pending_, first_without_ele_, backward_, first_merged_;
  RawPoint first_;
  std::size_t count_ = 0, with_ele_ = 0, with_time_ = 0, merged_ = 0;
  double standstill_s_ = 0.0;
  std::vector<Stop> standstills_;
};

/// What the element at a depth is, as far as the reader cares.
enum class Role : unsigned char { Other, Gpx, Trk, Trkseg, Rte, Point, Wpt, WptExtensions, TextTarget };

/// Expat callbacks: a stack of roles, the point being read, and where its text goes.
class GpxParser {
 public:
  GpxParser(const std::string& file, const ReadOptions& options, RepairLog& log)
      : file_(file), trk_(file, options, log), rte_(file, options, log) {}

  void start(XML_Parser parser, const char* qname, const char** attrs) {
    const std::size_t line = XML_GetCurrentLineNumber(parser);
    if (roles_.size() >= kMaxDepth) throw RouteError(file_, line, {}, "XML error: elements nested deeper than " + std::to_string(kMaxDepth));
    const std::string_view name = local_name(qname);
    const Role parent = roles_.empty() ? Role::Other : roles_.back();
    Role role = Role::Other;
    text_ = nullptr;
    if (roles_.empty()) {
      if (name != "gpx") throw RouteError(file_, line, "<" + std::string(qname) + ">", "not a GPX file: root element is not <gpx>");
      role = Role::Gpx;
      gpx_line_ = line;
    } else if (parent == Role::Gpx && name == "trk") {
      role = Role::Trk;
      ++trk_count_;
    } else if (parent == Role::Gpx && name == "rte") {
      role = Role::Rte;
      ++rte_count_;
    } else if (parent == Role::Gpx && name == "wpt") {
      role = Role::Wpt;
      wpt_ = Waypoint{};
      wpt_.line = line;
      wpt_has_name_ = false;
      wpt_.lat = attribute(attrs, "lat");
      wpt_.lon = attribute(attrs, "lon");
    } else if (parent == Role::Trk && name == "trkseg") {
      role = Role::Trkseg;
    } else if ((parent == Role::Trkseg && name == "trkpt") || (parent == Role::Rte && name == "rtept")) {
      role = Role::Point;
      begin_point(line, name == "trkpt" ? "trkpt" : "rtept", attrs);
    } else if (parent == Role::Point && name == "ele" && !point_ele_seen_) {
      point_ele_seen_ = true;
      role = Role::TextTarget, text_ = &point_ele_;
    } else if (parent == Role::Point && name == "time" && !point_time_seen_) {
      point_time_seen_ = true;
      role = Role::TextTarget, text_ = &point_time_;
    } else if (parent == Role::Trk && name == "name" && trk_count_ == 1 && !trk_name_seen_) {
      trk_name_seen_ = true;
      role = Role::TextTarget, text_ = &trk_name_;
    } else if (parent == Role::Rte && name == "name" && rte_count_ == 1 && !rte_name_seen_) {
      rte_name_seen_ = true;
      role = Role::TextTarget, text_ = &rte_name_;
    } else if (parent == Role::Wpt && name == "name" && !wpt_has_name_) {
      wpt_has_name_ = true;
      role = Role::TextTarget, text_ = &wpt_.name;
    } else if (parent == Role::Wpt && name == "extensions") {
      role = Role::WptExtensions;
    } else if (parent == Role::WptExtensions && name == "dwell_s" && !wpt_.has_dwell) {
      wpt_.has_dwell = true;
      role = Role::TextTarget, text_ = &wpt_.dwell;
    }
    roles_.push_back(role);
  }

  void end() {
    const Role role = roles_.back();
    roles_.pop_back();
    text_ = nullptr;
    if (role == Role::Point) end_point();
    if (role == Role::Wpt) waypoints_.push_back(std::move(wpt_));
  }

  void text(const char* s, int len) {
    if (text_ && text_->size() < kMaxTextBytes)
      text_->append(s, std::min<std::size_t>(static_cast<std::size_t>(len), kMaxTextBytes - text_->size()));
  }

  /// After the last byte: the profile's points, stops, name and warnings.
  RouteProfile finish(const ReadOptions& options) {
    RouteProfile p;
    p.name = detail::file_stem(file_);
    p.source = file_;
    const bool use_track = trk_.count() > 0;
    PointTrack& track = use_track ? trk_ : rte_;
    if (use_track && rte_count_ > 0) p.warnings.push_back({file_ + ": both <trk> and <rte> present; the track is used"});
    if (track.count() == 0) throw RouteError(file_, gpx_line_, "<gpx>", "no <trkpt> or <rtept> points");
    const std::string& track_name = !trk_name_.empty() ? trk_name_ : (use_track ? trk_name_ : rte_name_);
    if (!track_name.empty()) p.name = track_name;
    const std::size_t with_ele = track.with_ele();
    detail::ElevationPoints pts = track.finish(p.stops, p.warnings);
    pts.has_elevation = with_ele != 0;
    if (with_ele == 0 && !options.terrain)
      p.warnings.insert(p.warnings.begin(), {file_ + ": no <ele> on any point: the road is taken as flat"});
    add_waypoint_stops(p, pts, options);
    detail::build_from_elevation(p, pts, options);
    p.elevation_is_absolute = with_ele != 0 || options.terrain;
    return p;
  }

 private:
  static std::string attribute(const char** attrs, std::string_view key) {
    for (std::size_t i = 0; attrs[i]; i += 2)
      if (key == attrs[i]) return attrs[i + 1];
    return {};
  }
  static bool has_attribute(const char** attrs, std::string_view key) {
    for (std::size_t i = 0; attrs[i]; i += 2)
      if (key == attrs[i]) return true;
    return false;
  }

  void begin_point(std::size_t line, const char* kind, const char** attrs) {
    PointTrack& track = std::string_view(kind) == "trkpt" ? trk_ : rte_;
    point_ = RawPoint{};
    point_.kind = kind;
    point_.line = line;
    point_.ordinal = track.count() + 1;
    point_ele_.clear();
    point_time_.clear();
    point_ele_seen_ = point_time_seen_ = false;
    auto fail = [&](const std::string& what, const std::string& value) {
      throw RouteError(file_, line, point_.where(), what, value);
    };
    if (!has_attribute(attrs, "lat") || !has_attribute(attrs, "lon")) fail("missing lat or lon attribute", {});
    const std::string lat = attribute(attrs, "lat"), lon = attribute(attrs, "lon");
    if (!detail::parse_finite_double(lat, point_.lat)) fail("non-numeric lat '" + lat + "'", lat);
    if (!detail::parse_finite_double(lon, point_.lon)) fail("non-numeric lon '" + lon + "'", lon);
    if (std::fabs(point_.lat) > 90.0) fail("absurd coordinate: lat " + lat + " outside -90..90", lat);
    if (std::fabs(point_.lon) > 180.0) fail("absurd coordinate: lon " + lon + " outside -180..180", lon);
  }

  void end_point() {
    auto fail = [&](const std::string& what, const std::string& value) {
      throw RouteError(file_, point_.line, point_.where(), what, value);
    };
    if (point_ele_seen_) {
      point_.has_ele = true;
      if (!detail::parse_finite_double(point_ele_, point_.ele)) fail("non-numeric <ele> '" + point_ele_ + "'", point_ele_);
      if (point_.ele < -500.0 || point_.ele > 9000.0)
        fail("implausible <ele> " + point_ele_ + " (allowed -500..9000 m; wrong unit?)", point_ele_);
    }
    if (point_time_seen_) {
      point_.has_time = true;
      if (!detail::parse_iso8601(point_time_, point_.time))
        fail("malformed <time> '" + point_time_ + "' (expected ISO 8601)", point_time_);
    }
    (std::string_view(point_.kind) == "trkpt" ? trk_ : rte_).add(point_);
  }

  void add_waypoint_stops(RouteProfile& p, const detail::ElevationPoints& pts, const ReadOptions& options) const {
    for (const Waypoint& w : waypoints_) {
      const std::string where = "<wpt> '" + w.name + "'";
      double lat = 0.0, lon = 0.0;
      if (!detail::parse_finite_double(w.lat, lat) || !detail::parse_finite_double(w.lon, lon))
        throw RouteError(file_, w.line, where, "missing or non-numeric lat/lon", w.lat);
      if (std::fabs(lat) > 90.0 || std::fabs(lon) > 180.0)
        throw RouteError(file_, w.line, where, "absurd coordinate outside -90..90 / -180..180", std::to_string(lat));
      if (w.name.empty()) continue;
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
        p.warnings.push_back({file_ + ":" + std::to_string(w.line) + ": " + where + " is " +
                              std::to_string(static_cast<long>(best)) + " m from the track: not a stop"});
        continue;
      }
      double dwell = 0.0;
      if (w.has_dwell && (!detail::parse_finite_double(w.dwell, dwell) || dwell < 0.0 || dwell > 7.0 * 24 * 3600))
        throw RouteError(file_, w.line, where, "invalid dwell_s '" + w.dwell + "'", w.dwell);
      p.stops.push_back(Stop{pts.distance_m[best_i], dwell, w.name});
    }
  }

  const std::string& file_;
  std::vector<Role> roles_;
  PointTrack trk_, rte_;
  RawPoint point_;
  std::string point_ele_, point_time_, trk_name_, rte_name_;
  bool point_ele_seen_ = false, point_time_seen_ = false, trk_name_seen_ = false, rte_name_seen_ = false;
  bool wpt_has_name_ = false;
  std::string* text_ = nullptr;
  Waypoint wpt_;
  std::vector<Waypoint> waypoints_;
  std::size_t trk_count_ = 0, rte_count_ = 0, gpx_line_ = 0;
};

/// Owns the Expat parser; carries an exception out of a callback (never through Expat's C frames).
struct ExpatSession {
  XML_Parser parser = nullptr;
  GpxParser* gpx = nullptr;
  std::exception_ptr error;
  bool entity_declared = false;
  explicit ExpatSession(const char* encoding) : parser(XML_ParserCreate(encoding)) {}
  ExpatSession(const ExpatSession&) = delete;
  ExpatSession& operator=(const ExpatSession&) = delete;
  ~ExpatSession() { XML_ParserFree(parser); }

  template <class F>
  static void guarded(void* self, F&& f) {
    auto* s = static_cast<ExpatSession*>(self);
    if (s->error) return;
    try {
      f(*s);
    } catch (...) {
      s->error = std::current_exception();
      XML_StopParser(s->parser, XML_FALSE);
    }
  }
};

}  // namespace

RouteProfile read_gpx(std::istream& raw, const std::string& name, const ReadOptions& options) {
  detail::check_options(options);
  RepairLog log(name, options.strict);
  // UTF-16 with a byte-order mark: converted to UTF-8 as it streams, and Expat told so (a declaration
  // saying encoding="UTF-16" then does not matter)
  std::unique_ptr<detail::Utf16ToUtf8> utf16;
  std::unique_ptr<std::istream> utf16_in;
  std::istream* input = &raw;
  if (const int c0 = raw.peek(); c0 == 0xFF || c0 == 0xFE) {
    raw.get();
    const int c1 = raw.peek();
    const char order = c1 == std::char_traits<char>::eof() ? 0 : detail::utf16_bom(static_cast<unsigned char>(c0), static_cast<unsigned char>(c1));
    if (order) {
      raw.get();
      const std::string what = detail::utf16_name(order);
      log.note(RepairKind::Utf16, 1, {}, what,
               what + " text (byte-order mark " + (order == 'L' ? "FF FE" : "FE FF") +
                   "): semitco reads UTF-8; save the file as UTF-8");
      utf16 = std::make_unique<detail::Utf16ToUtf8>(raw, order);
      utf16_in = std::make_unique<std::istream>(utf16.get());
      input = utf16_in.get();
    } else {
      raw.unget();
    }
  }
  std::istream& in = *input;
  GpxParser gpx(name, options, log);
  ExpatSession session(utf16 ? "UTF-8" : nullptr);
  if (!session.parser) throw RouteError(name, 0, {}, "cannot create an XML parser (out of memory)");
  session.gpx = &gpx;
  XML_Parser parser = session.parser;
  XML_SetUserData(parser, &session);
  XML_SetElementHandler(
      parser,
      [](void* self, const XML_Char* el, const XML_Char** attrs) {
        ExpatSession::guarded(self, [&](ExpatSession& s) { s.gpx->start(s.parser, el, attrs); });
      },
      [](void* self, const XML_Char*) { ExpatSession::guarded(self, [](ExpatSession& s) { s.gpx->end(); }); });
  XML_SetCharacterDataHandler(parser, [](void* self, const XML_Char* text, int len) {
    ExpatSession::guarded(self, [&](ExpatSession& s) { s.gpx->text(text, len); });
  });
  // No entity of a DTD is ever expanded: a declaration stops the parse (billion laughs, external files).
  XML_SetEntityDeclHandler(parser, [](void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*,
                                      const XML_Char*, const XML_Char*, const XML_Char*) {
    auto* s = static_cast<ExpatSession*>(self);
    s->entity_declared = true;
    XML_StopParser(s->parser, XML_FALSE);
  });
  XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);

  bool any_content = false;
  char chunk[1 << 16];
  for (;;) {
    in.read(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) throw RouteError(name, 0, {}, "read error");
    const bool last = got < sizeof chunk;
    if (!any_content) {
      std::string_view view(chunk, got);
      if (view.substr(0, 3) == "\xEF\xBB\xBF") view.remove_prefix(3);
      any_content = view.find_first_not_of(" \t\r\n") != std::string_view::npos;
      if (last && !any_content) throw RouteError(name, 0, {}, "empty file");
    }
    const XML_Status status = XML_Parse(parser, chunk, static_cast<int>(got), last ? XML_TRUE : XML_FALSE);
    if (session.error) std::rethrow_exception(session.error);
    if (last && utf16 && !utf16->error().empty())  // after the text converted before it
      throw RouteError(name, XML_GetCurrentLineNumber(parser), {}, utf16->error());
    if (session.entity_declared)
      throw RouteError(name, XML_GetCurrentLineNumber(parser), {},
                       "XML error: entity declarations are refused (no entity of a DTD is expanded)");
    if (status != XML_STATUS_OK)
      throw RouteError(name, XML_GetCurrentLineNumber(parser), {},
                       std::string("XML error: ") + XML_ErrorString(XML_GetErrorCode(parser)));
    if (last) break;
  }
  RouteProfile p = gpx.finish(options);
  log.merge_into(p.repairs);
  // stops were placed on raw points: the resampled grid ends at the same length, so they stay in range
  detail::finish_profile(p, false);
  return p;
}

RouteProfile read_gpx(const std::string& path, const ReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RouteError(path, 0, {}, "cannot open file");
  return read_gpx(in, path, options);
}

}  // namespace semitco::routes
