// GPX round trip, GPX features (routes, waypoints as stops, standstills), and the bundled corridor routes
// checked against the public facts their headers cite (REFERENCE.md).
#include <cmath>
#include <filesystem>
#include <sstream>

#include "route_test_util.hpp"
#include "routes/route_stats.hpp"

using namespace semitco::routes;
namespace fs = std::filesystem;

namespace {
std::string bundled(const char* name) { return semitco::routes::test::source_dir() + "/resources/routes/" + name; }
constexpr double kFt = 0.3048, kMi = 1609.344;
}  // namespace

TEST_CASE("GPX round trip keeps distance within 0.1 % and climb within 1 %", "[routes][gpx]") {
  for (const char* name : {"i80_donner.csv", "i70_eisenhower.csv", "i5_grapevine.csv"}) {
    INFO(name);
    const RouteProfile a = read_route(bundled(name));
    const std::string path = semitco::routes::test::temp_path(std::string(name) + ".gpx");
    write_gpx(a, path);
    REQUIRE(detect_format(path) == Format::Gpx);
    const RouteProfile b = read_route(path);
    const RouteStats sa = stats(a), sb = stats(b);
    CHECK(std::fabs(sb.length_m - sa.length_m) < 0.001 * sa.length_m);
    CHECK(std::fabs(sb.climb_m - sa.climb_m) < 0.01 * sa.climb_m);
    CHECK(std::fabs(sb.descent_m - sa.descent_m) < 0.01 * sa.descent_m);
    // stops come back as waypoints at the same place
    REQUIRE(b.stops.size() == a.stops.size());
    for (std::size_t i = 0; i < a.stops.size(); ++i) CHECK(std::fabs(b.stops[i].distance_m - a.stops[i].distance_m) < 10.0);
  }
}

TEST_CASE("GPX round trip with real coordinates and a named stop", "[routes][gpx]") {
  // a track north along the meridian 0.1 degree from 45 N, with a stop waypoint half way
  std::ostringstream g;
  g << "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
       "<wpt lat=\"45.05\" lon=\"7.0001\"><name>depot</name><extensions><dwell_s>600</dwell_s></extensions></wpt>\n"
       "<wpt lat=\"46\" lon=\"7\"><name>far away</name></wpt>\n<trk><name>Meridian</name><trkseg>\n";
  for (int i = 0; i <= 100; ++i) g << "<trkpt lat=\"" << 45.0 + i * 0.001 << "\" lon=\"7\"><ele>" << 200 + i << "</ele></trkpt>\n";
  g << "</trkseg></trk></gpx>\n";
  std::istringstream in(g.str());
  const RouteProfile p = read_gpx(in, "meridian.gpx");
  CHECK(p.name == "Meridian");
  // meridian arc from 45 N to 45.1 N on WGS84 is 11,134.7 m (M = a(1-e^2)/(1-e^2 sin^2)^1.5 = 6,367,381.8 m at 45.05)
  CHECK(p.length_m() == Approx(0.1 * M_PI / 180 * 6367381.8).epsilon(1e-4));
  REQUIRE(p.stops.size() == 3);  // start, depot, end; 'far away' is only a warning
  CHECK(p.stops[1].name == "depot");
  CHECK(p.stops[1].dwell_s == 600.0);
  CHECK(std::fabs(p.stops[1].distance_m - p.length_m() / 2) < 10.0);
  bool warned = false;
  for (const auto& w : p.warnings) warned = warned || w.message.find("'far away'") != std::string::npos;
  CHECK(warned);
  CHECK(p.lat_deg.size() == p.size());
  CHECK(stats(p).climb_m == Approx(100.0).epsilon(0.01));
  std::ostringstream out;
  write_gpx(p, out);
  std::istringstream back(out.str());
  const RouteProfile q = read_gpx(back, "meridian_back.gpx");
  CHECK(q.length_m() == Approx(p.length_m()).epsilon(1e-4));
  REQUIRE(q.stops.size() == 3);
  CHECK(q.stops[1].dwell_s == 600.0);
}

TEST_CASE("GPX routes (rte/rtept) and timed standstills", "[routes][gpx]") {
  std::istringstream rte(
      "<gpx version=\"1.1\"><rte><name>R</name><rtept lat=\"10\" lon=\"10\"><ele>5</ele></rtept>"
      "<rtept lat=\"10\" lon=\"10.01\"><ele>5</ele></rtept></rte></gpx>");
  const RouteProfile r = read_gpx(rte, "route.gpx");
  CHECK(r.length_m() == Approx(1096.5).epsilon(0.002));  // 0.01 deg of longitude at 10 N, N cos(phi) dlon
  std::istringstream timed(
      "<gpx version=\"1.1\"><trk><trkseg>"
      "<trkpt lat=\"10\" lon=\"10\"><ele>5</ele><time>2024-05-01T08:00:00Z</time></trkpt>"
      "<trkpt lat=\"10\" lon=\"10.01\"><ele>5</ele><time>2024-05-01T08:01:00Z</time></trkpt>"
      "<trkpt lat=\"10\" lon=\"10.01\"><ele>5</ele><time>2024-05-01T08:11:00+00:00</time></trkpt>"
      "<trkpt lat=\"10\" lon=\"10.02\"><ele>5</ele><time>2024-05-01T10:12:00+02:00</time></trkpt>"
      "</trkseg></trk></gpx>");
  const RouteProfile t = read_gpx(timed, "timed.gpx");
  REQUIRE(t.stops.size() == 3);
  CHECK(t.stops[1].dwell_s == 600.0);
  CHECK(t.stops[1].distance_m == Approx(t.length_m() / 2).epsilon(1e-6));
}

TEST_CASE("bundled routes agree with the public facts they cite", "[routes][bundled]") {
  struct Fact {
    const char* file;
    double length_mi;
    double start_ft, end_ft, top_ft;  // REFERENCE.md figures
    double steepest_min, steepest_max;  // physically expected steepest grade (fraction)
  };
  const Fact facts[] = {
      {"i80_donner.csv", 131, 30, 4506, 7239, 0.035, 0.07},        // Sacramento -> Reno, Donner Summit
      {"i5_grapevine.csv", 49, 560, 1050, 4144, 0.05, 0.07},       // Tejon Pass, "about 6 %"
      {"i70_eisenhower.csv", 158, 5280, 5761, 11158, 0.06, 0.075},  // up to about 7 % west of the tunnel
      {"flat_corridor.csv", 248, 15, 350, 600, 0.0, 0.01},
  };
  for (const Fact& f : facts) {
    INFO(f.file);
    const RouteProfile p = read_route(bundled(f.file));
    const RouteStats s = stats(p);
    CHECK(p.elevation_is_absolute);
    CHECK(s.length_m == Approx(f.length_mi * kMi).epsilon(1e-9));
    CHECK(std::fabs(p.elevation_m.front() - f.start_ft * kFt) < 30.0);  // smoothing moves ends a little
    CHECK(std::fabs(p.elevation_m.back() - f.end_ft * kFt) < 30.0);
    CHECK(std::fabs(s.max_elevation_m - f.top_ft * kFt) < 60.0);      // the summit is rounded by smoothing
    const double steepest = std::max(s.max_grade_frac, -s.min_grade_frac);
    CHECK(steepest >= f.steepest_min);
    CHECK(steepest <= f.steepest_max);
    // smoothing keeps the climb close to the source points' climb
    CHECK(std::fabs(s.climb_m - s.source_climb_m) < 0.03 * s.source_climb_m + 5.0);
    CHECK(p.warnings.empty());
    // every point of the file names its source
    std::ifstream in(bundled(f.file));
    std::string line;
    int rows = 0;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#' || line.rfind("distance_", 0) == 0) continue;
      ++rows;
      CHECK(line.find('[') != std::string::npos);
    }
    CHECK(rows >= 12);
  }
  // REFERENCE.md: Truckee 5,817 ft on I-80 at about 99 mi
  const RouteProfile donner = read_route(bundled("i80_donner.csv"));
  const std::size_t truckee = static_cast<std::size_t>(99 * kMi / 10.0);
  CHECK(std::fabs(donner.elevation_m[truckee] - 5817 * kFt) < 30.0);
}
