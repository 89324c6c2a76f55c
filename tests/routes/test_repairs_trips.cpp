// The later repairs of telematics quirks (routes/repairs.hpp): a gap splitting a file into trips, GPS
// position spikes of a timed lat/lon CSV track, UTF-16 text in either byte order. Each is read with its
// count and first line, the values are the hand-computed ones, and strict mode refuses it naming the file
// and the line.
#include <sstream>

#include "route_test_util.hpp"

using namespace semitco::routes;
using Catch::Matchers::Contains;
using semitco::routes::test::route_error_of;

namespace {
ReadOptions strict_options() {
  ReadOptions o;
  o.strict = true;
  return o;
}
ReadOptions split_options(bool strict = false) {
  ReadOptions o;
  o.gap_rule = ReadOptions::GapRule::Split;
  o.strict = strict;
  return o;
}
std::vector<RouteProfile> trips(const std::string& text, const ReadOptions& o) {
  std::istringstream in(text);
  return read_cycle_trips(in, "quirky.csv", o);
}
RouteProfile cycle(const std::string& text, const ReadOptions& o = {}) {
  std::istringstream in(text);
  return read_cycle(in, "quirky.csv", o);
}
Repair only(const RouteProfile& p, RepairKind kind) {
  INFO(repairs_summary(p.repairs));
  REQUIRE(p.repairs.size() == 1);
  REQUIRE(p.repairs[0].kind == kind);
  return p.repairs[0];
}
/// UTF-16 bytes of code units written by the compiler (u"..."), with the byte-order mark of `order`.
std::string utf16(const std::u16string& text, char order) {
  std::string out = order == 'L' ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t u : text) {
    const char lo = static_cast<char>(u & 0xFF), hi = static_cast<char>(u >> 8);
    out += order == 'L' ? std::string{lo, hi} : std::string{hi, lo};
  }
  return out;
}
const std::string kHead = "cycSecs,cycMps,cycGrade\n";
}  // namespace

TEST_CASE("repair: a gap can split the file into trips", "[routes][repairs]") {
  // 10 m/s for 1 s, nothing for 99 s, 10 m/s for 2 s: two trips of 10 m and 20 m, each from time 0
  const std::string text = kHead + "0,10,0\n1,10,0\n100,10,0\n101,10,0\n102,10,0\n";
  const auto t = trips(text, split_options());
  REQUIRE(t.size() == 2);
  CHECK(t[0].length_m() == Approx(10.0));
  CHECK(t[1].length_m() == Approx(20.0));
  CHECK(t[0].trace_time_s == std::vector<double>{0, 1});
  CHECK(t[1].trace_time_s == std::vector<double>{0, 1, 2});
  CHECK(t[0].name == "quirky trip 1/2");
  CHECK(t[1].name == "quirky trip 2/2");
  for (const auto& p : t) {
    const Repair r = only(p, RepairKind::TripSplit);  // the file's repairs on every trip
    CHECK(r.count == 1);
    CHECK(r.first_line == 4);
  }
  // strict refuses at the gap; the one-trip reader refuses a file that splits, naming the place
  CHECK_THAT(route_error_of([&] { (void)trips(text, split_options(true)); }),
             Contains("quirky.csv:4: gap of 99 s"));
  CHECK_THAT(route_error_of([&] { (void)cycle(text, split_options()); }),
             Contains("quirky.csv:4") && Contains("splits into 2 trips"));
  // no gap: one trip as read_cycle reads it; a stretch that never moves is left out with a warning
  CHECK(trips(kHead + "0,10,0\n1,10,0\n", split_options()).size() == 1);
  const auto parked = trips(kHead + "0,10,0\n1,10,0\n100,0,0\n101,0,0\n", split_options());
  REQUIRE(parked.size() == 1);
  CHECK(parked[0].length_m() == Approx(10.0));
  bool warned = false;
  for (const auto& w : parked[0].warnings) warned = warned || w.message.find("left out") != std::string::npos;
  CHECK(warned);
}

TEST_CASE("repair: a GPS position spike of a timed lat/lon CSV track is dropped", "[routes][repairs]") {
  // 1 Hz along the equator, 0.0001 deg (11.132 m) a second; the third point jumps 0.01 deg (1.1 km) north
  std::string text = "lat,lon,ele,time_s,stop_s\n";
  for (int i = 0; i < 6; ++i)
    text += std::string(i == 2 ? "0.01" : "0") + "," + std::to_string(0.0001 * i) + ",10," +
            std::to_string(1000 + i) + (i == 2 ? ",30\n" : ",0\n");
  std::istringstream in(text);
  const RouteProfile p = read_route_csv(in, "track.csv");
  const Repair r = only(p, RepairKind::PositionSpike);
  CHECK(r.first_line == 4);
  CHECK(p.length_m() == Approx(5 * 11.132).epsilon(1e-3));  // not the 2.2 km detour
  bool moved_stop = false;  // the stop of the dropped point moves to the point before it (11.132 m)
  for (const Stop& s : p.stops)
    moved_stop = moved_stop || (s.dwell_s == 30.0 && std::abs(s.distance_m - 11.132) < 0.1);
  CHECK(moved_stop);
  std::istringstream again(text);
  CHECK_THAT(route_error_of([&] { (void)read_route_csv(again, "track.csv", strict_options()); }),
             Contains("track.csv:4") && Contains("position spike"));
  // a fast but real track (100 km/h) is not a spike
  std::string fast = "lat,lon,ele,time_s\n";
  for (int i = 0; i < 6; ++i) fast += "0," + std::to_string(0.00025 * i) + ",10," + std::to_string(i) + "\n";
  std::istringstream f(fast);
  CHECK(read_route_csv(f, "fast.csv").repairs.empty());
}

TEST_CASE("repair: UTF-16 text in either byte order is read", "[routes][repairs]") {
  // a comment with non-ASCII characters (U+00FC, U+20AC, and U+1F69A as a surrogate pair) before the data
  const std::u16string text =
      u"# Fahrt M\u00FCnchen \u20AC \U0001F69A\ncycSecs,cycMps,cycGrade\n0,0,0\n1,2,0\n2,2,0\n";
  for (char order : {'L', 'B'}) {
    INFO(order);
    const RouteProfile p = cycle(utf16(text, order));
    const Repair r = only(p, RepairKind::Utf16);
    CHECK(r.first_line == 1);
    CHECK(r.first_value == (order == 'L' ? "UTF-16 little-endian" : "UTF-16 big-endian"));
    CHECK(p.length_m() == Approx(3.0));  // (0+2)/2 + (2+2)/2
    CHECK_THAT(
        route_error_of([&] { (void)cycle(utf16(text, order), strict_options()); }),
        Contains("quirky.csv:1") && Contains(order == 'L' ? "UTF-16 little-endian" : "UTF-16 big-endian"));
  }
  // a lone surrogate is refused at its line
  CHECK_THAT(route_error_of([&] { (void)cycle(utf16(u"cycSecs,cycMps,cycGrade\n0,0,0\n1,\xD800\n", 'L')); }),
             Contains("quirky.csv:3") && Contains("surrogate"));
  // GPX (its declaration saying UTF-16) and a route CSV, detected from their content
  const std::u16string g =
      u"<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<gpx version=\"1.1\"><trk><trkseg>\n"
      u"<trkpt lat=\"0\" lon=\"0\"><ele>10</ele></trkpt>\n<trkpt lat=\"0\" "
      u"lon=\"0.001\"><ele>10</ele></trkpt>\n"
      u"</trkseg></trk></gpx>\n";
  for (char order : {'L', 'B'}) {
    const std::string gpx_path =
        semitco::routes::test::write_temp(std::string("u16_") + order + ".gpx", utf16(g, order));
    CHECK(detect_format(gpx_path) == Format::Gpx);
    const RouteProfile gp = read_route(gpx_path);
    CHECK(only(gp, RepairKind::Utf16).first_line == 1);
    CHECK(gp.length_m() == Approx(111.319).epsilon(1e-4));  // a * 0.001 deg in radians at the equator
    const std::string csv_path = semitco::routes::test::write_temp(
        std::string("u16_") + order + ".txt", utf16(u"distance_m,grade_pct\n0,1\n100,1\n", order));
    CHECK(detect_format(csv_path) == Format::RouteCsv);
    CHECK(read_route(csv_path).length_m() == 100.0);
  }
}
