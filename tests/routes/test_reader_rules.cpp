// Reader rules on small synthetic inputs whose answer is known by hand.
#include <cmath>
#include <sstream>

#include "route_test_util.hpp"
#include "routes/route_stats.hpp"

using namespace semitco::routes;

TEST_CASE("vdri: stop segment takes the next row's speed; units in brackets; comments", "[routes][vdri]") {
  std::istringstream in(
      "# VECTO cycle\n<s> [m],<v> [km/h],<grad> [%],<stop> [s]\n"
      "0,0,0,5\n100,36,10,0   # 10 % climb\n200,72,0,0\n300,0,0,30\n400,54,-5,0\n500,54,-5,0\n");
  const RouteProfile p = read_vdri(in, "t.vdri");
  REQUIRE(p.size() == 6);
  CHECK(p.speed_limit_mps[0] == Approx(10.0));  // stop at 0 -> next row's 36 km/h
  CHECK(p.speed_limit_mps[3] == Approx(15.0));  // stop at 300 -> 54 km/h, not 0
  REQUIRE(p.stops.size() == 3);                 // 0 (5 s), 300 (30 s), end (0 s)
  CHECK(p.stops[1].distance_m == 300.0);
  CHECK(p.stops[1].dwell_s == 30.0);
  CHECK(p.stops[2].distance_m == 500.0);
  CHECK(p.stops[2].dwell_s == 0.0);
  // rise of 100 m at 10 % = 100 * sin(atan(0.1)); one 100 m segment at -5 % (400..500)
  CHECK(p.elevation_m[2] == Approx(100.0 * std::sin(std::atan(0.1))));
  CHECK(p.elevation_m[5] == Approx(100.0 * std::sin(std::atan(0.1)) - 100.0 * std::sin(std::atan(0.05))));
}

TEST_CASE("cycle: zero-speed spans collapse; km/h and percent header; BOM; standstill stops", "[routes][cycle]") {
  std::istringstream in(
      "\xEF\xBB\xBFTime (s),Vehicle speed (km/h),Road grade (%)\r\n"
      "0,0,0\r\n10,0,0\r\n20,36,2\r\n30,36,2\r\n40,0,0\r\n100,0,0\r\n110,36,-1\r\n");
  const RouteProfile p = read_cycle(in, "t.csv");
  REQUIRE(p.trace_time_s.size() == 7);
  CHECK(p.trace_speed_mps[2] == Approx(10.0));
  // distance: 0, (0 s..10 s standing), 50, 150, 200, (standing 60 s), 250
  REQUIRE(p.size() == 5);
  CHECK(p.distance_m[1] == Approx(50));
  CHECK(p.distance_m[4] == Approx(250));
  CHECK(p.grade_frac[0] == Approx(0.02));   // grade of row i applies to the interval ending at row i
  CHECK(p.grade_frac[3] == Approx(-0.01));
  REQUIRE(p.stops.size() == 3);
  CHECK(p.stops[0].dwell_s == 10.0);
  CHECK(p.stops[1].distance_m == Approx(200));
  CHECK(p.stops[1].dwell_s == 60.0);
  CHECK(p.stops[2].distance_m == Approx(250));
}

TEST_CASE("route CSV: units converted from the header name", "[routes][csv]") {
  std::istringstream in("distance_mi,grade_pct,speed_limit_mph,stop_s,stop_name\n0,0,55,0,\n1,3,65,900,Truckee\n2,3,65,0,\n");
  const RouteProfile p = read_route_csv(in, "u.csv");
  REQUIRE(p.size() == 3);
  CHECK(p.distance_m[2] == Approx(2 * 1609.344));
  CHECK(p.grade_frac[1] == Approx(0.03));
  CHECK(p.speed_limit_mps[0] == Approx(55 * 0.44704));
  CHECK(p.elevation_m[2] == Approx(1609.344 * std::sin(std::atan(0.03))));
  REQUIRE(p.stops.size() == 3);
  CHECK(p.stops[1].name == "Truckee");
  CHECK(p.stops[1].dwell_s == 900.0);
  CHECK_FALSE(p.elevation_is_absolute);
  std::istringstream ft("distance_km,elevation_ft\n0,1000\n1,1000\n");
  const RouteProfile q = read_route_csv(ft, "ft.csv");
  CHECK(q.elevation_m.front() == Approx(304.8));
  CHECK(q.speed_limit_mps.front() == Approx(ReadOptions{}.cruise_speed_mps));
}

TEST_CASE("lat/lon CSV: geodesic distance", "[routes][csv]") {
  // one degree of latitude at the equator, WGS84 meridian arc 0..1 deg = 110,574.4 m
  std::istringstream in("lat,lon,ele\n0,0,10\n0.5,0,10\n1,0,10\n");
  const RouteProfile p = read_route_csv(in, "ll.csv");
  CHECK(p.length_m() == Approx(110574.4).epsilon(1e-5));
}

TEST_CASE("format detection by content, extension as fallback, override", "[routes][detect]") {
  using semitco::routes::test::write_temp;
  CHECK(detect_format(write_temp("a.txt", "<s>,<v>,<grad>\n0,1,0\n")) == Format::Vdri);
  CHECK(detect_format(write_temp("b.dat", "cycSecs,cycMps\n0,0\n")) == Format::Cycle);
  CHECK(detect_format(write_temp("c.txt", "# x\nlat,lon,ele\n")) == Format::RouteCsv);
  CHECK(detect_format(write_temp("d.xml", "  <?xml version=\"1.0\"?><gpx/>")) == Format::Gpx);
  CHECK(detect_format(write_temp("e.gpx", "garbage")) == Format::Gpx);
  CHECK_THAT(semitco::routes::test::route_error_of([&] { (void)detect_format(write_temp("f.bin", "garbage")); }),
             Catch::Matchers::Contains("f.bin") && Catch::Matchers::Contains("cannot tell"));
  const std::string as_csv = write_temp("g.csv", "distance_m,grade_frac\n0,0\n10,0\n");
  CHECK(read_route(as_csv, Format::RouteCsv).size() == 2);
  CHECK_THAT(semitco::routes::test::route_error_of([&] { (void)read_route(as_csv, Format::Vdri); }),
             Catch::Matchers::Contains("g.csv:1: missing column <s>"));
  CHECK(parse_format("GPX") == Format::Gpx);
}
