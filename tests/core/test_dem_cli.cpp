// --dem end to end through the built program: the terrain model is read by the module
// libsemitco_dem_gdal.so that semitco loads only then (terrain/dem_loader.hpp). A synthetic SRTM tile
// (raw big-endian int16, no GDAL needed to write it) gives height = 1200 m per degree of longitude, so a
// track along the equator from 0.1 E to 0.5 E climbs 0.4 x 1200 = 480 m. A module that cannot be loaded
// ($SEMITCO_DEM_MODULE pointed at a missing file) is a clear error naming it, with a non-zero exit.
#include <catch2/catch.hpp>

#include <fstream>

#include "test_batch_util.hpp"

namespace {
/// dir/N00E000.hgt: 1201 x 1201 posts, 1 N to 0 N, 0 E to 1 E; post (row, col) = col metres.
void write_tile(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::ofstream out(dir / "N00E000.hgt", std::ios::binary);
  for (int r = 0; r < 1201; ++r)
    for (int c = 0; c < 1201; ++c) {
      const char be[2] = {static_cast<char>((c >> 8) & 0xff), static_cast<char>(c & 0xff)};
      out.write(be, 2);
    }
}

/// A lat/lon CSV at 0.5 N from 0.1 E to 0.5 E, a point every 0.001 degree (111 m); no elevation unless
/// `with_elevation` (then a flat 100 m, so the track needs no terrain model).
void write_track(const std::filesystem::path& file, bool with_elevation = false) {
  std::ofstream out(file);
  out << (with_elevation ? "lat,lon,elevation_m\n" : "lat,lon\n");
  for (int i = 100; i <= 500; ++i) out << "0.5," << i / 1000.0 << (with_elevation ? ",100\n" : "\n");
}
}  // namespace

TEST_CASE("semitco route info --dem: the terrain model's climb (480 m by construction)", "[cli][terrain]") {
  const auto semitco = batch_test::bin();
  if (semitco.empty()) return;
  batch_test::TempDir tmp("dem-cli");
  write_tile(tmp.path / "srtm");
  write_track(tmp.path / "track.csv");
  const auto r = batch_test::run("'" + semitco + "' route info track.csv --dem srtm", tmp.path);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  // 480 m = 1,574.8 ft (the default units are US customary)
  CHECK_THAT(r.out, Catch::Contains("climb         1575 ft") && Catch::Contains("terrain model 'srtm/N00E000.hgt'"));
}

TEST_CASE("semitco --dem with the terrain module missing: an error naming it, exit non-zero", "[cli][terrain]") {
  const auto semitco = batch_test::bin();
  if (semitco.empty()) return;
  batch_test::TempDir tmp("dem-missing");
  write_tile(tmp.path / "srtm");
  write_track(tmp.path / "track.csv");
  const std::string missing = (tmp.path / "no-such" / "libsemitco_dem_gdal.so").string();
  const auto r = batch_test::run("SEMITCO_DEM_MODULE='" + missing + "' '" + semitco + "' route info track.csv --dem srtm",
                                 tmp.path);
  INFO(r.out << r.err);
  CHECK(r.exit_code != 0);
  CHECK(r.exit_code < 128);  // an error, not a signal
  CHECK_THAT(r.err, Catch::Contains("--dem") && Catch::Contains(missing) &&
                        Catch::Contains("cannot load the terrain-model module"));
  // Without --dem the module is never needed.
  write_track(tmp.path / "track_ele.csv", true);
  const auto plain =
      batch_test::run("SEMITCO_DEM_MODULE='" + missing + "' '" + semitco + "' route info track_ele.csv", tmp.path);
  CHECK(plain.exit_code == 0);
}
