// Every malformed input gives a RouteError whose message names the file and the line (or GPX element)
// and the offending value; none crashes and none falls back to a silent default.
#include <sstream>

#include "route_test_util.hpp"
#include "routes/route_stats.hpp"

using namespace semitco::routes;
using semitco::routes::test::route_error_of;
using Catch::Matchers::Contains;

namespace {
std::string vdri(const std::string& text) {
  return route_error_of([&] { std::istringstream in(text); (void)read_vdri(in, "bad.vdri"); });
}
std::string cycle(const std::string& text) {
  return route_error_of([&] { std::istringstream in(text); (void)read_cycle(in, "bad_cycle.csv"); });
}
std::string strict_cycle(const std::string& text) {
  ReadOptions strict;
  strict.strict = true;
  return route_error_of([&] { std::istringstream in(text); (void)read_cycle(in, "bad_cycle.csv", strict); });
}
std::string strict_csv(const std::string& text) {
  ReadOptions strict;
  strict.strict = true;
  return route_error_of([&] { std::istringstream in(text); (void)read_route_csv(in, "bad_route.csv", strict); });
}
std::string csv(const std::string& text) {
  return route_error_of([&] { std::istringstream in(text); (void)read_route_csv(in, "bad_route.csv"); });
}
std::string gpx(const std::string& text) {
  return route_error_of([&] { std::istringstream in(text); (void)read_gpx(in, "bad.gpx"); });
}
const std::string kGpxHead = "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n<trk><trkseg>\n";
const std::string kGpxTail = "</trkseg></trk>\n</gpx>\n";
}  // namespace

TEST_CASE("empty files", "[routes][bad]") {
  CHECK_THAT(vdri(""), Contains("bad.vdri") && Contains("empty file"));
  CHECK_THAT(vdri("# only a comment\n\n"), Contains("bad.vdri") && Contains("empty file"));
  CHECK_THAT(cycle(""), Contains("bad_cycle.csv") && Contains("empty file"));
  CHECK_THAT(csv("\n"), Contains("bad_route.csv") && Contains("empty file"));
  CHECK_THAT(gpx(""), Contains("bad.gpx") && Contains("empty file"));
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n"), Contains("bad.vdri:1") && Contains("no data rows"));
  // a file path that does not exist
  CHECK_THAT(route_error_of([] { (void)read_route("/nonexistent/route.gpx"); }), Contains("/nonexistent/route.gpx"));
}

TEST_CASE("missing columns", "[routes][bad]") {
  CHECK_THAT(vdri("<s>,<grad>,<stop>\n0,0,0\n"), Contains("bad.vdri:1: missing column <v>"));
  CHECK_THAT(vdri("0,80,0,0\n10,80,0,0\n"), Contains("bad.vdri:1") && Contains("missing header"));
  CHECK_THAT(cycle("cycSecs,cycGrade\n0,0\n"), Contains("bad_cycle.csv:1: missing speed column"));
  CHECK_THAT(csv("distance_m,speed_limit_mps\n0,20\n100,20\n"), Contains("bad_route.csv:1: missing column"));
  CHECK_THAT(csv("elevation_m\n0\n1\n"), Contains("bad_route.csv:1") && Contains("distance"));
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,0,0\n10,80\n"), Contains("bad.vdri:3") && Contains("2 fields"));
}

TEST_CASE("non-numeric, NaN and infinite values", "[routes][bad]") {
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,0,0\n# comment\n57,80,abc,0\n"),
             Contains("bad.vdri:4: non-numeric value 'abc' in column <grad>"));
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,nan,0\n10,80,0,0\n"), Contains("bad.vdri:2") && Contains("'nan'"));
  CHECK_THAT(cycle("cycSecs,cycMps,cycGrade\n0,0,0\n1,inf,0\n"), Contains("bad_cycle.csv:3") && Contains("'inf'"));
  CHECK_THAT(csv("distance_m,elevation_m\n0,10\n100,1e999\n"), Contains("bad_route.csv:3") && Contains("1e999"));
  CHECK_THAT(csv("distance_m,elevation_m\n0,10\n100,\n"), Contains("bad_route.csv:3") && Contains("empty value"));
  // decimal comma (a locale artefact) is not a number
  CHECK_THAT(csv("distance_m,grade_pct\n0,1\n100;5,1\n"), Contains("bad_route.csv:3") && Contains("100;5"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lat=\"1\" lon=\"2\"><ele>x1</ele></trkpt>\n" + kGpxTail),
             Contains("bad.gpx:4: <trkpt> #1") && Contains("'x1'"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lat=\"NaN\" lon=\"2\"/>\n" + kGpxTail), Contains("bad.gpx:4: <trkpt> #1") && Contains("NaN"));
}

TEST_CASE("non-monotonic distance or time", "[routes][bad]") {
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,0,0\n100,80,0,0\n50,80,0,0\n"),
             Contains("bad.vdri:4: non-monotonic distance") && Contains("50"));
  // a step back of hours is nonsense in either mode; one of a second is a repair (test_repairs.cpp)
  CHECK_THAT(cycle("cycSecs,cycMps,cycGrade\n0,0,0\n7200,1,0\n10,1,0\n"), Contains("bad_cycle.csv:4: non-monotonic time"));
  CHECK_THAT(strict_cycle("cycSecs,cycMps,cycGrade\n0,0,0\n2,1,0\n1,1,0\n"), Contains("bad_cycle.csv:4: non-monotonic time"));
  CHECK_THAT(csv("distance_mi,elevation_ft\n0,100\n2,100\n1,100\n"), Contains("bad_route.csv:4: non-monotonic distance"));
  CHECK_THAT(cycle("Time (s),Vehicle speed (km/h),Road grade (%),Cumulative distance (m)\n0,10,0,0\n1,10,0,3\n2,10,0,1\n"),
             Contains("bad_cycle.csv:4: non-monotonic distance"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lat=\"1\" lon=\"2\"><ele>1</ele><time>2024-01-01T10:00:00Z</time></trkpt>\n"
                            "<trkpt lat=\"1.001\" lon=\"2\"><ele>1</ele><time>2024-01-01T09:00:00Z</time></trkpt>\n" + kGpxTail),
             Contains("bad.gpx:5: <trkpt> #2: non-monotonic <time>"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lat=\"1\" lon=\"2\"><ele>1</ele><time>yesterday</time></trkpt>\n" + kGpxTail),
             Contains("bad.gpx:4: <trkpt> #1") && Contains("'yesterday'"));
}

TEST_CASE("duplicate points", "[routes][bad]") {
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,0,0\n100,80,0,0\n100,60,0,0\n"), Contains("bad.vdri:4: duplicate point"));
  // telematics repeats are repairs by default (test_repairs.cpp); strict mode keeps the refusals
  CHECK_THAT(strict_cycle("cycSecs,cycMps,cycGrade\n0,0,0\n1,1,0\n1,2,0\n"), Contains("bad_cycle.csv:4: duplicate point"));
  CHECK_THAT(strict_csv("distance_km,grade_frac\n0,0\n1,0\n1,0.01\n"), Contains("bad_route.csv:4: duplicate point"));
  CHECK_THAT(strict_csv("lat,lon,ele\n39,-120,100\n39.01,-120,100\n39.01,-121,100\n39.01,-121,101\n"),
             Contains("bad_route.csv:5: duplicate point"));
  // GPX tracks stand still legitimately: merged, reported as a repair naming the element (strict too)
  std::istringstream in(kGpxHead + "<trkpt lat=\"1\" lon=\"2\"><ele>1</ele></trkpt>\n<trkpt lat=\"1\" lon=\"2\"><ele>1</ele></trkpt>\n"
                                   "<trkpt lat=\"1.01\" lon=\"2\"><ele>1</ele></trkpt>\n" + kGpxTail);
  ReadOptions strict;
  strict.strict = true;
  const RouteProfile p = read_gpx(in, "dup.gpx", strict);
  REQUIRE(p.repairs.size() == 1);
  CHECK(p.repairs[0].kind == RepairKind::MergedPoint);
  CHECK(p.repairs[0].count == 1);
  CHECK(p.repairs[0].first_line == 5);
  CHECK(p.repairs[0].first_place == "<trkpt> #2");
}

TEST_CASE("a single point", "[routes][bad]") {
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,0,0\n"), Contains("bad.vdri:2: a single point"));
  CHECK_THAT(cycle("cycSecs,cycMps,cycGrade\n0,10,0\n"), Contains("bad_cycle.csv:2: a single point"));
  CHECK_THAT(csv("distance_m,elevation_m\n0,10\n"), Contains("bad_route.csv:2: a single point"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lat=\"1\" lon=\"2\"><ele>1</ele></trkpt>\n" + kGpxTail),
             Contains("bad.gpx:4: <trkpt> #1: a single point"));
  CHECK_THAT(cycle("cycSecs,cycMps,cycGrade\n0,0,0\n1,0,0\n"), Contains("bad_cycle.csv") && Contains("never moves"));
}

TEST_CASE("absurd coordinates", "[routes][bad]") {
  CHECK_THAT(csv("lat,lon,ele\n39,-120,100\n91,-120,100\n"), Contains("bad_route.csv:3: absurd coordinate: lat 91"));
  CHECK_THAT(csv("lat,lon,ele\n39,-181,100\n39,-120,100\n"), Contains("bad_route.csv:2: absurd coordinate: lon -181"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lat=\"1\" lon=\"2\"><ele>1</ele></trkpt>\n<trkpt lat=\"1\" lon=\"200\"><ele>1</ele></trkpt>\n" + kGpxTail),
             Contains("bad.gpx:5: <trkpt> #2: absurd coordinate: lon 200"));
}

TEST_CASE("wrong units", "[routes][bad]") {
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,0,0\n100,250,0,0\n"), Contains("bad.vdri:3: implausible speed <v> 250 km/h"));
  CHECK_THAT(vdri("<s>,<v>,<grad>,<stop>\n0,80,0,0\n100,80,60,0\n"), Contains("bad.vdri:3: implausible grade <grad> 60"));
  CHECK_THAT(vdri("<s> [m],<v> [mph],<grad>\n0,80,0\n"), Contains("bad.vdri:1: unknown unit 'mph' for column <v>"));
  CHECK_THAT(cycle("cycSecs,cycMps,cycGrade\n0,0,0\n1,90,0\n"), Contains("bad_cycle.csv:3: implausible speed 90"));
  CHECK_THAT(cycle("cycSecs,cycMps,cycGrade\n0,10,0\n1,10,5\n"), Contains("bad_cycle.csv:3: implausible grade 5"));
  CHECK_THAT(cycle("Time (s),Vehicle speed (mph),Road grade (%)\n0,10,0\n"),
             Contains("bad_cycle.csv:1: unknown unit in column 'Vehicle speed (mph)'"));
  CHECK_THAT(csv("distance_yd,elevation_m\n0,1\n"), Contains("bad_route.csv:1: unknown unit 'yd' in column 'distance_yd'"));
  CHECK_THAT(csv("distance_m,elevation_m,speed_limit_knots\n0,1,5\n"), Contains("bad_route.csv:1: unknown unit 'knots'"));
  CHECK_THAT(csv("distance_m,elevation_m,colour\n0,1,5\n"), Contains("bad_route.csv:1: unknown column 'colour'"));
  CHECK_THAT(csv("distance_m,grade_pct\n0,0\n100,75\n"), Contains("bad_route.csv:3: implausible grade 75"));
  CHECK_THAT(csv("distance_m,grade_pct,speed_limit_mph\n0,0,65\n100,0,650\n"), Contains("bad_route.csv:3: implausible speed limit 650"));
  // feet written in a metre column: Everest is 8,849 m
  CHECK_THAT(csv("distance_m,elevation_m\n0,1000\n100,29000\n"), Contains("bad_route.csv:3: implausible elevation 29000"));
}

TEST_CASE("GPX structure errors name the element and line", "[routes][bad][gpx]") {
  CHECK_THAT(gpx("<?xml version=\"1.0\"?>\n<gpx>\n<trk><trkseg>\n<trkpt lat=\"1\" lon=\"2\">\n</trkseg>"),
             Contains("bad.gpx:5") && Contains("XML error"));
  CHECK_THAT(gpx("<?xml version=\"1.0\"?>\n<kml></kml>\n"), Contains("bad.gpx:2: <kml>: not a GPX file"));
  CHECK_THAT(gpx("<gpx version=\"1.1\">\n<wpt lat=\"1\" lon=\"2\"/>\n</gpx>"), Contains("bad.gpx:1: <gpx>: no <trkpt> or <rtept>"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lat=\"1\" lon=\"2\"><ele>1</ele></trkpt>\n<trkpt lat=\"1.1\" lon=\"2\"></trkpt>\n" + kGpxTail),
             Contains("bad.gpx:5: <trkpt> #2: missing <ele>"));
  CHECK_THAT(gpx(kGpxHead + "<trkpt lon=\"2\"><ele>1</ele></trkpt>\n" + kGpxTail), Contains("bad.gpx:4: <trkpt> #1: missing lat"));
}

TEST_CASE("overlong line is refused: memory stays bounded", "[routes][bad]") {
  std::string text = "<s>,<v>,<grad>,<stop>\n0,80,0,0\n" + std::string(200000, '1') + ",80,0,0\n";
  CHECK_THAT(vdri(text), Contains("bad.vdri:3: line longer than"));
}

TEST_CASE("check_profile names the broken invariant", "[routes][bad][check]") {
  RouteProfile p;
  p.source = "made.csv";
  p.distance_m = {0, 10, 5};
  p.elevation_m = {0, 0, 0};
  p.grade_frac = {0, 0, 0};
  p.speed_limit_mps = {10, 10, 10};
  CHECK_THAT(route_error_of([&] { check_profile(p); }), Contains("made.csv: distance_m[2]: not strictly increasing"));
  p.distance_m = {0, 10, 20};
  p.elevation_m = {0, 1, 0};
  CHECK_THAT(route_error_of([&] { check_profile(p); }), Contains("elevation_m[1]: inconsistent with grade_frac"));
  p.elevation_m = {0, 0, 0};
  p.stops = {Stop{15, 0, {}}, Stop{5, 0, {}}};
  CHECK_THAT(route_error_of([&] { check_profile(p); }), Contains("stops[1]: not sorted"));
  p.stops = {Stop{25, 0, {}}};
  CHECK_THAT(route_error_of([&] { check_profile(p); }), Contains("stops[0]: position outside"));
  p.stops.clear();
  p.grade_frac[1] = std::nan("");
  CHECK_THAT(route_error_of([&] { check_profile(p); }), Contains("grade_frac[1]: not a finite number"));
}

TEST_CASE("GPS points far apart are refused with the place and the distance", "[routes][bad-input]") {
  using semitco::routes::RouteError;
  std::istringstream csv("lat,lon,ele\n39.0,-120.0,100\n39.0,120.0,100\n");
  try {
    semitco::routes::read_route_csv(csv, "gap.csv");
    FAIL("no error");
  } catch (const RouteError& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("gap.csv:3") && Catch::Contains("km from the previous"));
  }
  std::istringstream gpx(R"(<gpx version="1.1"><trk><trkseg><trkpt lat="10" lon="10"><ele>5</ele></trkpt>
<trkpt lat="10" lon="10.001"><ele>5</ele></trkpt><trkpt lat="-10" lon="10.001"><ele>5</ele></trkpt></trkseg></trk></gpx>)");
  try {
    semitco::routes::read_gpx(gpx, "gap.gpx");
    FAIL("no error");
  } catch (const RouteError& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("gap.gpx:2") && Catch::Contains("<trkpt> #3"));
  }
}
