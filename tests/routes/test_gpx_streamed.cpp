// The streamed GPX reader (Expat): a small hand-made track gives the profile computed by hand (the one the
// DOM reader gave: same distances, climb, stops and name), entity declarations are refused, and a 50 MB
// track is read with a peak memory well below the file's size (the 1 GB figure: bench/gpx_memory.sh and
// docs/performance.md).
#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "route_test_util.hpp"
#include "routes/route_stats.hpp"

using namespace semitco::routes;
using semitco::routes::test::route_error_of;
using Catch::Matchers::Contains;

namespace {
constexpr double kMetersPerDegree = 6378137.0 * M_PI / 180.0;  // of longitude along the equator (WGS84 a)

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}
}  // namespace

TEST_CASE("GPX streamed: a small hand-made track gives the hand-computed profile", "[routes][gpx]") {
  // Along the equator (geodesic = a * dlon; Vincenty iterates to ~1e-8): 0.001 deg steps = 111.319 m; elevation 100 -> 110 -> 105.
  std::istringstream in(
      "<?xml version=\"1.0\"?>\n"
      "<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\" xmlns:s=\"urn:semitco\">\n"
      "<wpt lat=\"0.00001\" lon=\"0.001\"><name>Depot</name><extensions><s:dwell_s>300</s:dwell_s></extensions></wpt>\n"
      "<trk><name>Small</name><trkseg>\n"
      "<trkpt lat=\"0\" lon=\"0\"><ele>100</ele></trkpt>\n"
      "<trkpt lat=\"0\" lon=\"0.001\"><ele>110</ele></trkpt>\n"
      "</trkseg><trkseg>\n"
      "<trkpt lat=\"0\" lon=\"0.002\"><ele>105</ele></trkpt>\n"
      "</trkseg></trk>\n</gpx>\n");
  const RouteProfile p = read_gpx(in, "small.gpx");
  CHECK(p.name == "Small");
  CHECK(p.length_m() == Approx(2 * 0.001 * kMetersPerDegree).epsilon(1e-7));
  CHECK(p.source_climb_m == Approx(10.0));
  CHECK(p.source_descent_m == Approx(5.0));
  CHECK(p.elevation_is_absolute);
  REQUIRE(p.stops.size() == 3);  // start, Depot, end
  CHECK(p.stops[1].name == "Depot");
  CHECK(p.stops[1].dwell_s == 300.0);
  CHECK(p.stops[1].distance_m == Approx(0.001 * kMetersPerDegree).epsilon(1e-7));
  CHECK(p.repairs.empty());
  CHECK(p.warnings.empty());
  // the road is on a 10 m grid that ends on the last point
  CHECK(p.distance_m[1] == Approx(10.0));
  REQUIRE(p.lat_deg.size() == p.size());
  CHECK(p.lon_deg.back() == Approx(0.002));
}

TEST_CASE("GPX streamed: entity declarations are refused, never expanded", "[routes][gpx][bad]") {
  const std::string laughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [\n<!ENTITY a \"aaaaaaaaaa\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n"
      "<gpx version=\"1.1\"><trk><name>&b;</name><trkseg><trkpt lat=\"1\" lon=\"2\"/><trkpt lat=\"1.1\" lon=\"2\"/>"
      "</trkseg></trk></gpx>\n";
  CHECK_THAT(route_error_of([&] { std::istringstream in(laughs); (void)read_gpx(in, "laughs.gpx"); }),
             Contains("laughs.gpx:3") && Contains("entity declarations are refused"));
  const std::string external =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE gpx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<gpx><trk><name>&x;</name></trk></gpx>\n";
  CHECK_THAT(route_error_of([&] { std::istringstream in(external); (void)read_gpx(in, "ext.gpx"); }),
             Contains("ext.gpx:2") && Contains("entity"));
  // an undeclared entity is an XML error at its line
  CHECK_THAT(route_error_of([] {
               std::istringstream in("<gpx>\n<trk><name>&nope;</name></trk></gpx>");
               (void)read_gpx(in, "undeclared.gpx");
             }),
             Contains("undeclared.gpx:2: XML error"));
}

TEST_CASE("GPX streamed: a 50 MB track is read in memory far below its size", "[routes][gpx][huge]") {
  // 1 Hz, 4 m a second, straight east along 40 N, with the extensions telematics exports carry (~230 bytes
  // a point): ~230,000 points, ~920 km.
  const auto path = (std::filesystem::temp_directory_path() / "semitco_streamed_50mb.gpx").string();
  std::size_t points = 0;
  {
    std::ofstream out(path, std::ios::binary);
    out << "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" xmlns:x=\"urn:x\"><trk><name>long</name><trkseg>\n";
    const double dlon = 4.0 / (111320.0 * std::cos(40.0 * M_PI / 180.0));
    char line[400];
    std::size_t bytes = 0;
    for (; bytes < std::size_t{50} << 20; ++points) {
      const std::time_t t = 1704067200 + static_cast<std::time_t>(points);
      std::tm tm{};
      gmtime_r(&t, &tm);
      char stamp[32];
      std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
      const int n = std::snprintf(line, sizeof line,
                                  "<trkpt lat=\"40.0\" lon=\"%.8f\"><ele>%.1f</ele><time>%s</time><extensions>"
                                  "<x:speed>4.00</x:speed><x:course>90.0</x:course><x:hr>0</x:hr></extensions></trkpt>\n",
                                  -105.0 + dlon * static_cast<double>(points),
                                  1600.0 + 30.0 * std::sin(static_cast<double>(points) / 1000.0), stamp);
      out.write(line, n);
      bytes += static_cast<std::size_t>(n);
    }
    out << "</trkseg></trk></gpx>\n";
  }
  const long before = peak_rss_kb();
  const RouteProfile p = read_gpx(path);
  const long grown_kb = peak_rss_kb() - before;
  std::filesystem::remove(path);
  INFO("points " << points << ", peak RSS grew by " << grown_kb / 1024 << " MiB");
  CHECK(p.length_m() == Approx(4.0 * static_cast<double>(points - 1)).epsilon(0.002));
  // The DOM reader held ~3x the file (150 MB). Streamed: the points (32 bytes each, ~7 MB, twice that
  // while a vector grows) and the profile; 40 MiB is far below the file's 50.
  CHECK(grown_kb < 40 * 1024);
}
