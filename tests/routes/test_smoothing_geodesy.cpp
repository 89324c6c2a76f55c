// Elevation smoothing against a known truth, Vincenty against published geodesics, curve speed against
// v = sqrt(a_lat * R) on a circle of known radius.
#include <cmath>
#include <numbers>
#include <random>
#include <sstream>

#include "route_test_util.hpp"
#include "routes/geodesy.hpp"
#include "routes/grade_smoothing.hpp"
#include "routes/route_stats.hpp"
#include "routes/target_speed.hpp"

using namespace semitco::routes;

TEST_CASE("5 % ramp with 3 m Gaussian noise at 10 m: grade within 0.5 pp, climb within 5 %", "[routes][smoothing]") {
  const double slope = 0.05;  // rise per metre along the road
  const double length = 5000.0;
  std::mt19937 rng(20240611);
  std::normal_distribution<double> noise(0.0, 3.0);
  std::ostringstream csv;
  csv << "distance_m,elevation_m\n";
  for (int i = 0; i * 10.0 <= length; ++i) csv << i * 10.0 << "," << 500.0 + slope * i * 10.0 + noise(rng) << "\n";
  std::istringstream in(csv.str());
  const RouteProfile p = read_route_csv(in, "ramp.csv");
  const double true_grade = std::tan(std::asin(slope));  // rise/run of a road rising 5 m per 100 m travelled
  double worst = 0.0;
  for (std::size_t i = 0; i + 1 < p.size(); ++i) worst = std::max(worst, std::fabs(p.grade_frac[i] - true_grade));
  INFO("worst grade error " << worst * 100 << " pp");
  CHECK(worst < 0.005);
  const RouteStats s = stats(p);
  const double true_climb = slope * length;
  CHECK(std::fabs(s.climb_m - true_climb) < 0.05 * true_climb);
  CHECK(s.descent_m < 0.05 * true_climb);
  // the raw noisy source climbs far more than the road does: that is what smoothing removes
  CHECK(s.source_climb_m > 2.0 * true_climb);
  CHECK(p.elevation_is_absolute);
}

TEST_CASE("smoothing keeps a noise-free piecewise profile's climb and clamps impossible grades", "[routes][smoothing]") {
  // up 300 m over 6 km (5 %), flat 2 km, down 300 m over 6 km
  std::vector<double> d, z;
  for (int i = 0; i <= 1400; ++i) {
    const double x = i * 10.0;
    d.push_back(x);
    z.push_back(x < 6000 ? 0.05 * x : x < 8000 ? 300.0 : 300.0 - 0.05 * (x - 8000));
  }
  const SmoothedElevation s = smooth_elevation(d, z, 10.0, 200.0, 0.15);
  double climb = 0, descent = 0;
  climb_and_descent(s.elevation_m, climb, descent);
  CHECK(climb == Approx(300.0).epsilon(0.01));
  CHECK(descent == Approx(300.0).epsilon(0.01));
  CHECK(s.warnings.empty());
  // a 20 m spike over 10 m (a DEM bridge artefact) with no smoothing: clamped at 15 %, warning names the place
  std::vector<double> d2{0, 1000, 1010, 2000}, z2{0, 0, 20, 20};
  const SmoothedElevation c = smooth_elevation(d2, z2, 10.0, 0.0, 0.15);
  double gmax = 0;
  for (double g : c.grade_frac) gmax = std::max(gmax, g);
  CHECK(gmax == Approx(0.15));
  REQUIRE(c.warnings.size() == 1);
  CHECK_THAT(c.warnings[0].message, Catch::Matchers::Contains("clamped") && Catch::Matchers::Contains("1000 m"));
}

TEST_CASE("Vincenty inverse reproduces published geodesics", "[routes][geodesy]") {
  auto dms = [](double d, double m, double s) { return (std::fabs(d) + m / 60 + s / 3600) * (d < 0 ? -1 : 1); };
  // Flinders Peak -> Buninyong, the worked example of Geoscience Australia's Vincenty notes
  // (GDA94/GRS80; GRS80 and WGS84 differ by < 0.1 mm over this line): 54,972.271 m, azimuth 306 52 05.37.
  const auto g = geodesic_inverse(dms(-37, 57, 3.72030), dms(144, 25, 29.52440), dms(-37, 39, 10.15610),
                                  dms(143, 55, 35.38390));
  REQUIRE(g.converged);
  CHECK(std::fabs(g.distance_m - 54972.271) < 0.002);
  CHECK(std::fabs(g.azimuth1_deg + 360.0 - dms(306, 52, 5.37)) < 0.5 / 3600);
  // WGS84 quarter meridian (equator to pole): 10,001,965.729 m (NIMA TR8350.2 / Karney 2011)
  const auto q = geodesic_inverse(0, 0, 90, 0);
  CHECK(std::fabs(q.distance_m - 10001965.729) < 0.002);
  // along the equator the geodesic is the arc a * dlon
  const auto e = geodesic_inverse(0, 10, 0, 11);
  CHECK(e.distance_m == Approx(kWgs84A * std::numbers::pi / 180.0).epsilon(1e-12));
  // nearly antipodal points: reported, not guessed
  CHECK_FALSE(geodesic_inverse(0, 0, 0.5, 179.7).converged);
}

TEST_CASE("curve speed follows v = sqrt(a_lat R)", "[routes][speed]") {
  CHECK(circumradius(0, 0, 1, 1, 2, 0) == Approx(1.0));
  // a GPX track: 2 km straight east, then a 180 degree turn of radius 150 m, then 2 km straight west
  const double lat0 = 40.0, lon0 = -100.0;
  const double m_per_deg_lat = 111030.0, m_per_deg_lon = 111030.0 * std::cos(lat0 * std::numbers::pi / 180);
  std::ostringstream gpx;
  gpx << "<gpx version=\"1.1\"><trk><trkseg>\n";
  auto pt = [&](double east, double north) {
    gpx.precision(10);
    gpx << "<trkpt lat=\"" << lat0 + north / m_per_deg_lat << "\" lon=\"" << lon0 + east / m_per_deg_lon
        << "\"><ele>100</ele></trkpt>\n";
  };
  const double R = 150.0;
  for (int i = 0; i <= 200; ++i) pt(i * 10.0, 0.0);
  for (int i = 1; i < 47; ++i) {
    const double a = -std::numbers::pi / 2 + i * std::numbers::pi / 47;
    pt(2000.0 + R * std::cos(a), R + R * std::sin(a));
  }
  for (int i = 0; i <= 200; ++i) pt(2000.0 - i * 10.0, 2 * R);
  gpx << "</trkseg></trk></gpx>\n";
  std::istringstream in(gpx.str());
  ReadOptions opt;
  opt.curvature_baseline_m = 50.0;  // shorter than the arc (471 m) so the middle of the turn sees R
  const RouteProfile p = read_gpx(in, "u_turn.gpx", opt);
  double vmin = 1e9;
  for (double v : p.speed_limit_mps) vmin = std::min(vmin, v);
  CHECK(vmin == Approx(std::sqrt(opt.lateral_accel_mps2 * R)).epsilon(0.03));
  CHECK(p.speed_limit_mps.front() == Approx(opt.cruise_speed_mps));  // straight: cruise
  CHECK(p.speed_limit_mps[p.size() / 2] < 0.7 * opt.cruise_speed_mps);
}

TEST_CASE("cruise speed is capped by the legal limit", "[routes][speed]") {
  ReadOptions opt;
  opt.cruise_speed_mps = 30.0;
  opt.legal_limit_mps = 25.0;
  std::istringstream in("distance_m,grade_pct\n0,1\n1000,1\n");
  const RouteProfile p = read_route_csv(in, "capped.csv", opt);
  for (double v : p.speed_limit_mps) CHECK(v == 25.0);
}
