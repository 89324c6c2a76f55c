// DemTerrain: a digital elevation model from files, as a routes::ElevationSource.
//
// Input: one raster file (GeoTIFF, SRTM .hgt, anything GDAL reads) or a directory of them (*.hgt, *.tif,
// *.tiff: SRTM 1x1 degree tiles side by side). Each raster must be in geographic WGS84 coordinates
// (longitude, latitude in degrees), as SRTM tiles and most DEM GeoTIFFs are; a projected raster is refused
// by name. Heights are band 1 in metres; the band's no-data value (SRTM voids, -32768) is a hole.
//
// Sampling: bilinear between the four posts around the position. GDAL's geotransform gives the top-left
// corner of pixel (0,0) and the pixel size; a post is the pixel's centre, so
//   col = (lon - GT0) / GT1 - 0.5,  row = (lat - GT3) / GT5 - 0.5,
//   z = (1-fx)(1-fy) z00 + fx(1-fy) z10 + (1-fx)fy z01 + fx fy z11.
// Between the outermost post and the raster's edge (half a pixel) the nearest posts are used. Positions
// outside every raster, or next to a void, give no value (nullopt).
//
// The rasters are read whole into memory when first needed (a 1" SRTM tile is 3601 x 3601 x 4 bytes =
// 52 MB); a DemTerrain is for one thread at a time (a batch opens one per route file).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "routes/elevation_source.hpp"

namespace semitco::terrain {

class DemTerrain final : public routes::ElevationSource {
 public:
  /// Opens the file or every raster file of the directory (headers only). Throws std::runtime_error
  /// naming the file: not found, not a raster, not geographic, empty directory.
  explicit DemTerrain(const std::string& file_or_dir);
  ~DemTerrain() override;
  DemTerrain(const DemTerrain&) = delete;
  DemTerrain& operator=(const DemTerrain&) = delete;

  [[nodiscard]] std::optional<double> elevation_m(double lat_deg, double lon_deg) const override;
  [[nodiscard]] std::string describe() const override;

 private:
  struct Tile;
  std::string path_;
  std::vector<std::unique_ptr<Tile>> tiles_;
};

}  // namespace semitco::terrain
