// Every repair of a telematics quirk (routes/repairs.hpp): the file is read, the repair is listed with its
// count and first line, the values are the hand-computed ones, and strict mode refuses it naming the file
// and the line. The real public cycles need no repair but their byte-order marks.
#include <sstream>

#include "route_test_util.hpp"

using namespace semitco::routes;
using semitco::routes::test::route_error_of;
using Catch::Matchers::Contains;

namespace {
ReadOptions strict_options() {
  ReadOptions o;
  o.strict = true;
  return o;
}
RouteProfile cycle(const std::string& text, const ReadOptions& o = {}) {
  std::istringstream in(text);
  return read_cycle(in, "quirky.csv", o);
}
RouteProfile route_csv(const std::string& text, const ReadOptions& o = {}) {
  std::istringstream in(text);
  return read_route_csv(in, "quirky_route.csv", o);
}
RouteProfile gpx(const std::string& text, const ReadOptions& o = {}) {
  std::istringstream in(text);
  return read_gpx(in, "quirky.gpx", o);
}
std::string strict_cycle_error(const std::string& text) {
  return route_error_of([&] { (void)cycle(text, strict_options()); });
}
/// The one repair of a kind, or a failed test.
Repair only(const RouteProfile& p, RepairKind kind) {
  INFO(repairs_summary(p.repairs));
  REQUIRE(p.repairs.size() == 1);
  REQUIRE(p.repairs[0].kind == kind);
  return p.repairs[0];
}
const std::string kHead = "cycSecs,cycMps,cycGrade\n";
}  // namespace

TEST_CASE("repair: UTF-8 byte-order mark dropped, counted, accepted in strict mode too", "[routes][repairs]") {
  const std::string text = "\xEF\xBB\xBF" + kHead + "0,0,0\n1,2,0\n2,2,0\n";
  const Repair r = only(cycle(text), RepairKind::ByteOrderMark);
  CHECK(r.count == 1);
  CHECK(r.first_line == 1);
  CHECK(cycle(text, strict_options()).length_m() == Approx(3.0));  // (0+2)/2 + (2+2)/2
}

TEST_CASE("repair: semicolons and decimal commas of a spreadsheet export", "[routes][repairs]") {
  const std::string text = "cycSecs;cycMps;cycGrade\n0;0;0\n1;1,5;0\n2;2,5;0,01\n";
  const RouteProfile p = cycle(text);
  REQUIRE(p.repairs.size() == 2);
  CHECK(p.repairs[0].kind == RepairKind::Semicolons);
  CHECK(p.repairs[0].first_line == 1);
  CHECK(p.repairs[1].kind == RepairKind::DecimalComma);
  CHECK(p.repairs[1].count == 3);  // 1,5  2,5  0,01
  CHECK(p.repairs[1].first_line == 3);
  CHECK(p.repairs[1].first_value == "1,5");
  REQUIRE(p.trace_speed_mps.size() == 3);
  CHECK(p.trace_speed_mps[1] == 1.5);
  CHECK(p.trace_speed_mps[2] == 2.5);
  CHECK(p.length_m() == Approx(0.75 + 2.0));  // trapezoids (0+1.5)/2 + (1.5+2.5)/2
  CHECK_THAT(strict_cycle_error(text), Contains("quirky.csv:1") && Contains("';'"));
  CHECK(cycle("cycSecs,cycMps,cycGrade\n0,0,0\n1,1,0\n", strict_options()).repairs.empty());
  // a decimal comma in a comma-separated file is still refused: the fields cannot be told apart
  CHECK_THAT(route_error_of([] { (void)cycle("cycSecs,cycMps,cycGrade\n0,0,0\n1,1,5,0\n"); }),
             Contains("quirky.csv:3") && Contains("4 fields"));
}

TEST_CASE("repair: an exact repeated row is dropped", "[routes][repairs]") {
  const std::string text = kHead + "0,0,0\n1,1,0\n1,1,0\n2,1,0\n";
  const RouteProfile p = cycle(text);
  const Repair r = only(p, RepairKind::RepeatedRow);
  CHECK(r.count == 1);
  CHECK(r.first_line == 4);
  CHECK(p.trace_time_s == std::vector<double>{0, 1, 2});
  CHECK_THAT(strict_cycle_error(text), Contains("quirky.csv:4") && Contains("repeats the previous row"));
}

TEST_CASE("repair: a repeated timestamp with other values keeps the first row", "[routes][repairs]") {
  const std::string text = kHead + "0,0,0\n1,1,0\n1,5,0\n1,6,0\n2,1,0\n";
  const RouteProfile p = cycle(text);
  const Repair r = only(p, RepairKind::RepeatedTime);
  CHECK(r.count == 2);
  CHECK(r.first_line == 4);
  CHECK(p.trace_speed_mps == std::vector<double>{0, 1, 1});
  CHECK(p.length_m() == Approx(0.5 + 1.0));
  CHECK_THAT(strict_cycle_error(text), Contains("quirky.csv:4: duplicate point: time 1"));
}

TEST_CASE("repair: a small backward time step is dropped, an hour back is refused", "[routes][repairs]") {
  const std::string text = kHead + "0,0,0\n1,1,0\n2,2,0\n1.5,2,0\n3,3,0\n";
  const RouteProfile p = cycle(text);
  const Repair r = only(p, RepairKind::BackwardStep);
  CHECK(r.first_line == 5);
  CHECK(p.trace_time_s == std::vector<double>{0, 1, 2, 3});
  CHECK_THAT(strict_cycle_error(text), Contains("quirky.csv:5: non-monotonic time"));
  CHECK_THAT(route_error_of([&] { (void)cycle(kHead + "0,0,0\n3600,1,0\n1,1,0\n"); }),
             Contains("quirky.csv:4: non-monotonic time") && Contains("3600"));
}

TEST_CASE("repair: a gap while moving is bridged linearly and reported", "[routes][repairs]") {
  const std::string text = kHead + "0,10,0\n1,10,0\n100,10,0\n101,10,0\n";
  const RouteProfile p = cycle(text);
  const Repair r = only(p, RepairKind::TimeGap);
  CHECK(r.first_line == 4);
  CHECK(p.length_m() == Approx(1010.0));  // 10 m/s for 101 s
  CHECK_THAT(strict_cycle_error(text), Contains("quirky.csv:4: gap of 99 s"));
  // standing still through a long step is a stop, not a dropout
  CHECK(cycle(kHead + "0,0,0\n100,0,0\n101,1,0\n").repairs.empty());
}

TEST_CASE("repair: a one-sample speed spike is replaced by its neighbours' interpolation", "[routes][repairs]") {
  const std::string text = kHead + "0,10,0\n1,10,0\n2,30,0\n3,10,0\n4,10,0\n";
  const RouteProfile p = cycle(text);
  const Repair r = only(p, RepairKind::SpeedSpike);
  CHECK(r.first_line == 4);
  CHECK(p.trace_speed_mps[2] == 10.0);
  CHECK(p.length_m() == Approx(40.0));
  CHECK_THAT(strict_cycle_error(text), Contains("quirky.csv:4: speed spike: 108 km/h"));
  // a hard but real step (up and staying up) and an acceleration at the limit are not spikes
  CHECK(cycle(kHead + "0,10,0\n1,10,0\n2,30,0\n3,30,0\n").repairs.empty());
  CHECK(cycle(kHead + "0,10,0\n1,14,0\n2,10,0\n").repairs.empty());
}

TEST_CASE("repair: epoch seconds, epoch milliseconds and a millisecond counter", "[routes][repairs]") {
  const RouteProfile s = cycle(kHead + "1700000000,10,0\n1700000001,10,0\n1700000002,10,0\n", strict_options());
  CHECK(only(s, RepairKind::EpochSeconds).first_line == 2);
  CHECK(s.trace_time_s == std::vector<double>{0, 1, 2});

  const std::string epoch_ms = kHead + "1700000000000,10,0\n1700000001000,10,0\n1700000002000,10,0\n";
  const RouteProfile ms = cycle(epoch_ms);
  CHECK(only(ms, RepairKind::EpochMilliseconds).first_line == 2);
  CHECK(ms.trace_time_s == std::vector<double>{0, 1, 2});
  CHECK(ms.length_m() == Approx(20.0));
  CHECK_THAT(strict_cycle_error(epoch_ms), Contains("quirky.csv:2") && Contains("milliseconds since 1970"));

  std::string counter = kHead;
  for (int i = 0; i <= 12; ++i) counter += std::to_string(1000 * i) + ",10,0\n";
  const RouteProfile c = cycle(counter);
  CHECK(only(c, RepairKind::MillisecondTime).first_line == 3);
  CHECK(c.length_m() == Approx(120.0));  // 12 s at 10 m/s
  CHECK_THAT(strict_cycle_error(counter), Contains("quirky.csv:3") && Contains("milliseconds"));
  // a column that says it counts milliseconds is a unit, not a repair
  const RouteProfile unit = cycle("Time (ms),Vehicle speed (km/h),Road grade (%)\n0,36,0\n1000,36,0\n2000,36,0\n");
  CHECK(unit.repairs.empty());
  CHECK(unit.length_m() == Approx(20.0));
}

TEST_CASE("repair: route CSV rows repeated and points repeated", "[routes][repairs]") {
  const std::string text = "distance_m,grade_pct\n0,1\n100,1\n100,1\n100,3\n200,1\n";
  const RouteProfile p = route_csv(text);
  REQUIRE(p.repairs.size() == 2);
  CHECK(p.repairs[0].kind == RepairKind::RepeatedRow);
  CHECK(p.repairs[0].first_line == 4);
  CHECK(p.repairs[1].kind == RepairKind::RepeatedPoint);
  CHECK(p.repairs[1].first_line == 5);
  CHECK(p.length_m() == 200.0);
  CHECK(p.elevation_m.back() == Approx(2 * rise_m(100.0, 0.01)));  // the 3 % row was dropped
  CHECK_THAT(route_error_of([&] { (void)route_csv(text, strict_options()); }), Contains("quirky_route.csv:4"));
  const RouteProfile ll = route_csv("lat,lon,ele\n39,-120,100\n39.01,-120,100\n39.01,-120,105\n39.02,-120,100\n");
  CHECK(only(ll, RepairKind::RepeatedPoint).first_line == 4);
  // strict refuses a repeated point on its own too, distance-based and lat/lon
  CHECK_THAT(route_error_of([&] { (void)route_csv("distance_m,grade_pct\n0,1\n100,1\n100,3\n", strict_options()); }),
             Contains("quirky_route.csv:4: duplicate point: distance 100"));
  CHECK_THAT(route_error_of([&] {
               (void)route_csv("lat,lon,ele\n39,-120,100\n39.01,-120,100\n39.01,-120,105\n", strict_options());
             }),
             Contains("quirky_route.csv:4: duplicate point: lat,lon"));
}

TEST_CASE("repair: a GPS position spike of a timed track is dropped", "[routes][repairs]") {
  // 1 Hz along the equator, 0.0001 deg (11.1 m) a second; the third point jumps 1.1 km north and back
  std::string text = "<gpx version=\"1.1\"><trk><trkseg>\n";
  for (int i = 0; i < 6; ++i) {
    const double lat = i == 2 ? 0.01 : 0.0;
    text += "<trkpt lat=\"" + std::to_string(lat) + "\" lon=\"" + std::to_string(0.0001 * i) + "\"><ele>10</ele><time>2024-05-01T08:00:0" +
            std::to_string(i) + "Z</time></trkpt>\n";
  }
  text += "</trkseg></trk></gpx>\n";
  const RouteProfile p = gpx(text);
  const Repair r = only(p, RepairKind::PositionSpike);
  CHECK(r.first_line == 4);
  CHECK(r.first_place == "<trkpt> #3");
  CHECK(p.length_m() == Approx(5 * 11.132).epsilon(1e-3));  // a * 0.0001 deg in radians at the equator
  CHECK_THAT(route_error_of([&] { (void)gpx(text, strict_options()); }),
             Contains("quirky.gpx:4: <trkpt> #3: position spike"));
}

TEST_CASE("the real public cycles need no repair but a byte-order mark", "[routes][repairs][real]") {
  for (const char* name : {"C8_LineHaul_Lammert.csv", "EPA_Ph2_rural_interstate_65mph.csv", "EPA_Ph2_transient.csv",
                           "EPA_Ph2_urban_highway_55mph.csv", "HHDDTCruiseSmooth.csv"}) {
    INFO(name);
    const RouteProfile p = read_cycle(semitco::routes::test::cycles_dir() + "/" + name);
    for (const Repair& r : p.repairs) CHECK(r.kind == RepairKind::ByteOrderMark);
    CHECK_NOTHROW(read_cycle(semitco::routes::test::cycles_dir() + "/" + name, strict_options()));
  }
}

TEST_CASE("repair: a gap can be a stop instead (brake, stand, pull away)", "[routes][repairs]") {
  // 10 m/s, then nothing for 99 s, then 10 m/s: at 0.5 m/s^2 the truck brakes 20 s (100 m), stands 59 s,
  // pulls away 20 s (100 m); with the 10 m before and after, 220 m instead of the interpolated 1010 m.
  ReadOptions o;
  o.gap_rule = ReadOptions::GapRule::Stop;
  const RouteProfile p = cycle(kHead + "0,10,0\n1,10,0\n100,10,0\n101,10,0\n", o);
  CHECK(only(p, RepairKind::TimeGap).first_line == 4);
  CHECK(p.length_m() == Approx(220.0));
  REQUIRE(p.trace_time_s.size() == 6);
  CHECK(p.trace_time_s[2] == Approx(21.0));
  CHECK(p.trace_time_s[3] == Approx(80.0));
  CHECK(p.trace_speed_mps[2] == 0.0);
  // too short a gap for both ramps stays interpolated
  o.max_gap_s = 10.0;
  CHECK(cycle(kHead + "0,10,0\n1,10,0\n30,10,0\n31,10,0\n", o).length_m() == Approx(310.0));
}
