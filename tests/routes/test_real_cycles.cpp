// Every real public cycle in SEMITCO_CYCLES_DIR is read and compared with the figures its SOURCE-*.txt
// file states (distance, grade range, speed, stops, relative elevation). Figures below are copied from
// those SOURCE notes, not from this code's output; tolerances are half a unit of the last stated digit.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "route_test_util.hpp"
#include "routes/route_stats.hpp"

using namespace semitco::routes;
namespace fs = std::filesystem;

namespace {

struct Expected {
  const char* file;
  double length_km, length_tol_km;
  double grade_min_pct, grade_max_pct;  // NaN = not stated
  double v_max_mps;                     // max speed stated (m/s); for vdri converted from km/h
  double duration_s;                    // time-based only, else 0
  int stops;                            // stops with dwell > 0 (vdri), -1 = not stated
  double dwell_s;
  double elev_min_m, elev_max_m;        // relative elevation range, NaN = not stated
};

const double NaN = std::nan("");

// SOURCE-vecto.txt
const Expected kVecto[] = {
    {"LongHaul.vdri", 108.19, 0.006, -6.96, 6.73, 85 / 3.6, 0, 6, 244, -153, 183},
    {"RegionalDelivery.vdri", 25.84, 0.006, -5.26, 5.59, 85 / 3.6, 0, 6, 114, -28, 25},
    {"UrbanDelivery.vdri", 27.82, 0.006, -7.56, 6.11, 85 / 3.6, 0, 27, 639, -32, 25},
    {"Construction.vdri", 21.22, 0.006, -11.53, 6.20, 82 / 3.6, 0, 23, 650, -2, 120},
    {"MunicipalUtility.vdri", 9.96, 0.006, -2.0, 2.6, 85.8 / 3.6, 0, 58, 3192, 0, 16},
};
// SOURCE-t3co.txt and SOURCE-fastsim.txt
const Expected kCycles[] = {
    {"EPA_Ph2_rural_interstate_65mph.csv", 20.05, 0.006, -5.00, 4.96, 29.06, 690, -1, 0, -18, 23},
    {"EPA_Ph2_urban_highway_55mph.csv", 20.04, 0.006, -4.99, 4.93, 24.59, 815, -1, 0, NaN, NaN},
    {"tests_EPA_Ph2_rural_interstate_65mph.csv", 104.75, 0.006, -2.08, 2.41, 29.06, 3736, -1, 0, -30, 18},
    {"tests_EPA_Ph2_urban_highway_55mph.csv", 103.73, 0.006, -2.08, 2.41, 24.59, 4330, -1, 0, NaN, NaN},
    {"EPA_Ph2_transient.csv", 4.57, 0.006, 0, 0, 21.25, 668, -1, 0, NaN, NaN},
    {"C8_LineHaul_Lammert.csv", 186.1, 0.06, 0, 0, 31.9, 6935, -1, 0, NaN, NaN},
    {"regional_haul.csv", 400.2, 0.06, 0, 0, 29.4, 40565, -1, 0, NaN, NaN},
    {"HHDDTCruiseSmooth.csv", 37.2, 0.06, 0, 0, 26.2, 2291.5, -1, 0, NaN, NaN},
    {"longHaulDriveCycle.csv", 804.6, 0.06, -2.32, 2.90, 33.5, 23.07 * 3600, -1, 0, -46, 296},
};

void check_common(const RouteProfile& p, const Expected& e) {
  INFO(e.file);
  check_profile(p);
  const RouteStats s = stats(p);
  CHECK(std::fabs(s.length_m / 1000.0 - e.length_km) <= e.length_tol_km);
  if (!std::isnan(e.grade_min_pct)) {
    CHECK(std::fabs(s.min_grade_frac * 100.0 - e.grade_min_pct) <= 0.006);
    CHECK(std::fabs(s.max_grade_frac * 100.0 - e.grade_max_pct) <= 0.006);
  }
  if (!std::isnan(e.elev_min_m)) {
    CHECK(std::fabs(s.min_elevation_m - e.elev_min_m) <= 1.0);
    CHECK(std::fabs(s.max_elevation_m - e.elev_max_m) <= 1.0);
  }
}

}  // namespace

TEST_CASE("VECTO mission profiles match SOURCE-vecto.txt", "[routes][vdri][real]") {
  int read = 0;
  for (const Expected& e : kVecto) {
    const fs::path path = fs::path(semitco::routes::test::cycles_dir()) / e.file;
    if (!fs::exists(path)) continue;
    const RouteProfile p = read_vdri(path.string());
    check_common(p, e);
    INFO(e.file);
    CHECK_FALSE(p.is_time_based());
    CHECK_FALSE(p.elevation_is_absolute);
    const auto stopped = std::count_if(p.stops.begin(), p.stops.end(), [](const Stop& s) { return s.dwell_s > 0; });
    CHECK(stopped == e.stops);
    double dwell = 0;
    for (const Stop& s : p.stops) dwell += s.dwell_s;
    CHECK(dwell == Approx(e.dwell_s).margin(1e-9));
    // the truck halts at the end of the route
    REQUIRE_FALSE(p.stops.empty());
    CHECK(p.stops.back().distance_m == p.length_m());
    // a stop's segment takes the next row's speed, never 0: every segment is drivable
    CHECK(*std::min_element(p.speed_limit_mps.begin(), p.speed_limit_mps.end()) > 0.0);
    CHECK(*std::max_element(p.speed_limit_mps.begin(), p.speed_limit_mps.end()) == Approx(e.v_max_mps).margin(1e-9));
    ++read;
  }
  CHECK(read == 5);
}

TEST_CASE("LongHaul.vdri: relative elevation closes near +0.2 m", "[routes][vdri][real]") {
  const RouteProfile p = read_vdri(semitco::routes::test::cycles_dir() + "/LongHaul.vdri");
  CHECK(std::fabs(p.elevation_m.back() - 0.2) < 0.5);  // SOURCE-vecto.txt: "ends +0.2 m"
  // first stop (dwell 2 s at 0 m) is followed by the 60 km/h of the next row
  CHECK(p.stops.front().distance_m == 0.0);
  CHECK(p.stops.front().dwell_s == 2.0);
  CHECK(p.speed_limit_mps.front() == Approx(60 / 3.6));
}

TEST_CASE("FASTSim/T3CO cycles match their SOURCE notes", "[routes][cycle][real]") {
  int read = 0;
  for (const Expected& e : kCycles) {
    const fs::path path = fs::path(semitco::routes::test::cycles_dir()) / e.file;
    if (!fs::exists(path)) continue;  // SOURCE notes that some files may be absent
    const RouteProfile p = read_cycle(path.string());
    check_common(p, e);
    INFO(e.file);
    REQUIRE(p.is_time_based());
    CHECK(p.trace_time_s.back() == Approx(e.duration_s).margin(e.duration_s > 20000 ? 30 : 0.01));
    CHECK(*std::max_element(p.trace_speed_mps.begin(), p.trace_speed_mps.end()) == Approx(e.v_max_mps).margin(0.05));  // SOURCE gives 1-2 decimals
    // distance strictly increasing even through standstills
    for (std::size_t i = 1; i < p.size(); ++i) REQUIRE(p.distance_m[i] > p.distance_m[i - 1]);
    ++read;
  }
  std::size_t present = 0;
  for (const auto& entry : fs::directory_iterator(semitco::routes::test::cycles_dir()))
    present += entry.path().extension() == ".csv";
  CHECK(read == static_cast<int>(present));  // every cycle file present is covered by the table
  CHECK(read >= 5);
}

TEST_CASE("HHDDTCruiseSmooth.csv keeps its uneven first step", "[routes][cycle][real]") {
  const RouteProfile p = read_cycle(semitco::routes::test::cycles_dir() + "/HHDDTCruiseSmooth.csv");
  REQUIRE(p.trace_time_s.size() == 2224);  // SOURCE-fastsim.txt: 2224 rows
  CHECK(p.trace_time_s[1] == 69.5);        // "variable dt (e.g. 69.5 s first step)"
  // standing at 0 m/s does not create distance: the first segment is the 69.5 s ramp to 0.89 m/s
  CHECK(p.distance_m[1] == Approx(0.5 * 0.892332465 * 69.5));
}

TEST_CASE("EPA 65 mph cycle: UTF-8 BOM, constant speed, elevation closes", "[routes][cycle][real]") {
  const RouteProfile p = read_cycle(semitco::routes::test::cycles_dir() + "/EPA_Ph2_rural_interstate_65mph.csv");
  CHECK(p.trace_time_s.size() == 691);
  for (double v : p.trace_speed_mps) REQUIRE(v == Approx(29.05765417));
  CHECK(std::fabs(p.elevation_m.back()) < 0.5);  // "closes to 0"
  // constant speed -> distance = v * t exactly (trapezoid of a constant)
  CHECK(p.length_m() == Approx(29.05765417 * 690).epsilon(1e-12));
}

TEST_CASE("read_route detects every shared cycle's format", "[routes][detect][real]") {
  for (const auto& entry : fs::directory_iterator(semitco::routes::test::cycles_dir())) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".vdri" && ext != ".csv") continue;
    INFO(entry.path());
    CHECK(detect_format(entry.path().string()) == (ext == ".vdri" ? Format::Vdri : Format::Cycle));
    const RouteProfile p = read_route(entry.path().string());
    CHECK(p.size() >= 2);
  }
}
