// Elevation from a terrain model: synthetic GeoTIFFs written here with GDAL (a ramp and a hill of known
// formula, in geographic WGS84 degrees along the equator, where a degree of longitude is exactly
// a*pi/180 = 111,319.49 m on the ellipsoid) are sampled along lat/lon tracks; grades and climb are checked
// against the formula (grade within 0.2 percentage points, climb within 2 %). A track leaving the model
// is refused with its position.
#include <catch2/catch.hpp>

#include <gdal.h>
#include <cpl_conv.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "routes/readers.hpp"
#include "routes/route_stats.hpp"
#include "terrain/dem_loader.hpp"

using namespace semitco;
namespace fs = std::filesystem;

namespace {
constexpr double kMetersPerDegree = 6378137.0 * M_PI / 180.0;  // along the equator

/// A float32 GeoTIFF of z(x_east_m) over lon [0, lon_span], lat [-lat_half, lat_half], pixel `px` degrees.
std::string write_geotiff(const std::string& name, double lon_span, double lat_half, double px,
                          const std::function<double(double)>& z_of_x) {
  GDALAllRegister();
  const auto dir = fs::temp_directory_path() / "semitco_terrain_tests";
  fs::create_directories(dir);
  const std::string path = (dir / name).string();
  const int w = static_cast<int>(std::lround(lon_span / px)), h = static_cast<int>(std::lround(2 * lat_half / px));
  GDALDriverH drv = GDALGetDriverByName("GTiff");
  REQUIRE(drv);
  GDALDatasetH ds = GDALCreate(drv, path.c_str(), w, h, 1, GDT_Float32, nullptr);
  REQUIRE(ds);
  double gt[6] = {0.0, px, 0.0, lat_half, 0.0, -px};
  GDALSetGeoTransform(ds, gt);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRSetWellKnownGeogCS(srs, "WGS84");
  char* wkt = nullptr;
  OSRExportToWkt(srs, &wkt);
  GDALSetProjection(ds, wkt);
  CPLFree(wkt);
  OSRDestroySpatialReference(srs);
  std::vector<float> row(static_cast<std::size_t>(w));
  for (int c = 0; c < w; ++c) row[static_cast<std::size_t>(c)] = static_cast<float>(z_of_x((c + 0.5) * px * kMetersPerDegree));
  for (int r = 0; r < h; ++r)
    REQUIRE(GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Write, 0, r, w, 1, row.data(), w, 1, GDT_Float32, 0, 0) == CE_None);
  GDALClose(ds);
  return path;
}

/// A lat/lon route CSV eastward along the equator from lon0 to lon1, a point every `step` degrees;
/// elevation column `ele` of gps_z(x) if given.
std::string track_csv(double lon0, double lon1, double step, const std::function<double(double)>& gps_z = {}) {
  std::ostringstream s;
  s.precision(10);
  s << (gps_z ? "lat,lon,elevation_m\n" : "lat,lon\n");
  for (double lon = lon0; lon <= lon1 + 1e-12; lon += step) {
    s << 0.0 << "," << lon;
    if (gps_z) s << "," << gps_z(lon * kMetersPerDegree);
    s << "\n";
  }
  return s.str();
}

routes::RouteProfile read_with(const std::string& csv, const routes::ElevationSource& dem,
                               routes::TerrainUse use = routes::TerrainUse::Replace) {
  routes::ReadOptions o;
  o.terrain = &dem;
  o.terrain_use = use;
  std::istringstream in(csv);
  return routes::read_route_csv(in, "track.csv", o);
}
}  // namespace

TEST_CASE("terrain: a 3 % ramp gives 3 % grades and the ramp's climb", "[terrain]") {
  auto ramp = [](double x) { return 100.0 + 0.03 * x; };
  const auto dem_owner = terrain::open_dem(write_geotiff("ramp.tif", 0.06, 0.002, 0.0001, ramp));
  const routes::ElevationSource& dem = *dem_owner;
  // bilinear sampling of a linear surface is exact at any position
  CHECK(*dem.elevation_m(0.0, 0.0123456) == Approx(ramp(0.0123456 * kMetersPerDegree)).margin(0.01));
  const auto p = read_with(track_csv(0.01, 0.05, 0.001), dem);  // 4.45 km, a point every 111 m, no elevation
  const double length = 0.04 * kMetersPerDegree;
  CHECK(p.length_m() == Approx(length).epsilon(1e-6));
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    INFO("at " << p.distance_m[i] << " m");
    REQUIRE(std::fabs(p.grade_frac[i] - 0.03) * 100.0 < 0.2);
  }
  const auto st = routes::stats(p);
  CHECK(st.climb_m == Approx(0.03 * length).epsilon(0.02));
  CHECK(p.elevation_m.front() == Approx(ramp(0.01 * kMetersPerDegree)).margin(0.5));
  CHECK(p.elevation_is_absolute);
}

TEST_CASE("terrain: a hill gives the formula's grades and its climb", "[terrain]") {
  // Gaussian hill 60 m high, 2 km standard width, centred 10 km east: z = 200 + H exp(-(x-x0)^2 / (2 w^2)),
  // grade dz/dx = -H (x-x0)/w^2 exp(...), at most H/w e^-1/2 = 1.82 % at x0 +/- w.
  const double H = 60.0, w = 2000.0, x0 = 10000.0;
  auto hill = [=](double x) { return 200.0 + H * std::exp(-(x - x0) * (x - x0) / (2 * w * w)); };
  auto slope = [=](double x) { return -H * (x - x0) / (w * w) * std::exp(-(x - x0) * (x - x0) / (2 * w * w)); };
  const auto dem_owner = terrain::open_dem(write_geotiff("hill.tif", 0.2, 0.002, 0.0002, hill));
  const routes::ElevationSource& dem = *dem_owner;
  const double lon0 = 2000.0 / kMetersPerDegree, lon1 = 18000.0 / kMetersPerDegree;
  const auto p = read_with(track_csv(lon0, lon1, (lon1 - lon0) / 160), dem);  // a point every 100 m
  double worst = 0.0;
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    const double x_mid = 2000.0 + 0.5 * (p.distance_m[i] + p.distance_m[i + 1]);
    worst = std::max(worst, std::fabs(p.grade_frac[i] - slope(x_mid)));
  }
  CHECK(worst * 100.0 < 0.2);
  const auto st = routes::stats(p);
  const double climb = hill(x0) - hill(2000.0);  // up from x = 2 km to the top, then down to 18 km
  CHECK(st.climb_m == Approx(climb).epsilon(0.02));
  CHECK(st.descent_m == Approx(hill(x0) - hill(18000.0)).epsilon(0.02));
}

TEST_CASE("terrain: GPS elevation replaced or checked, the difference reported", "[terrain]") {
  auto ramp = [](double x) { return 100.0 + 0.02 * x; };
  const auto dem_owner = terrain::open_dem(write_geotiff("ramp2.tif", 0.06, 0.002, 0.0001, ramp));
  const routes::ElevationSource& dem = *dem_owner;
  // GPS 8 m above the terrain with a 3 m wobble: mean +8 m
  auto gps = [&](double x) { return ramp(x) + 8.0 + 3.0 * std::sin(x / 50.0); };
  const std::string csv = track_csv(0.01, 0.05, 0.0005, gps);
  const auto replaced = read_with(csv, dem);
  bool reported = false;
  for (const auto& wn : replaced.warnings)
    reported = reported || (wn.message.find("GPS elevation minus terrain model") != std::string::npos &&
                            wn.message.find("mean +8.") != std::string::npos);
  CHECK(reported);
  CHECK(replaced.elevation_m.front() == Approx(ramp(0.01 * kMetersPerDegree)).margin(0.5));
  const auto checked = read_with(csv, dem, routes::TerrainUse::Check);
  CHECK(checked.elevation_m.front() > replaced.elevation_m.front() + 5.0);  // the GPS elevation was kept
}

TEST_CASE("terrain: a track leaving the model is refused with its place", "[terrain]") {
  const auto dem_owner = terrain::open_dem(write_geotiff("small.tif", 0.02, 0.002, 0.0001, [](double) { return 50.0; }));
  const routes::ElevationSource& dem = *dem_owner;
  routes::ReadOptions o;
  o.terrain = &dem;
  std::istringstream in(track_csv(0.01, 0.03, 0.001));
  try {
    (void)routes::read_route_csv(in, "track.csv", o);
    FAIL("a track outside the terrain model was accepted");
  } catch (const routes::RouteError& e) {
    const std::string msg = e.what();
    INFO(msg);
    CHECK_THAT(msg, Catch::Contains("track.csv") && Catch::Contains("outside the terrain model") &&
                        Catch::Contains("0.00000, 0.02"));
  }
  CHECK_THROWS_WITH(terrain::open_dem("/nonexistent/dem"), Catch::Contains("/nonexistent/dem"));
}

TEST_CASE("terrain: a directory of SRTM .hgt tiles (3 arc-second, big-endian int16 posts)", "[terrain]") {
  // N00E000.hgt: 1201 x 1201 posts from 1 N (first row) to 0 N, 0 E to 1 E; height = column index [m],
  // so the terrain at longitude x is 1200 x metres, whatever the latitude.
  const auto dir = fs::temp_directory_path() / "semitco_terrain_tests" / "srtm";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "N00E000.hgt", std::ios::binary);
    for (int r = 0; r < 1201; ++r)
      for (int c = 0; c < 1201; ++c) {
        const char be[2] = {static_cast<char>((c >> 8) & 0xff), static_cast<char>(c & 0xff)};
        out.write(be, 2);
      }
  }
  const auto dem_owner = terrain::open_dem(dir.string());
  const routes::ElevationSource& dem = *dem_owner;
  CHECK_THAT(dem.describe(), Catch::Contains("N00E000.hgt"));
  CHECK(*dem.elevation_m(0.5, 0.25) == Approx(300.0).margin(1e-6));
  CHECK(*dem.elevation_m(0.1, 0.123456) == Approx(0.123456 * 1200.0).margin(1e-6));  // between posts: bilinear
  CHECK_FALSE(dem.elevation_m(0.5, 1.5).has_value());  // east of the tile
  CHECK_FALSE(dem.elevation_m(-0.5, 0.5).has_value());  // south of it
}
