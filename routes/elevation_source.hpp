// ElevationSource: where a route's elevation comes from when a terrain model is given instead of (or to
// check) the GPS elevation of a track. routes/ only asks for numbers; the terrain model that reads
// SRTM tiles or a GeoTIFF with GDAL lives in terrain/ (terrain/dem_terrain.hpp), so the readers stay free
// of GDAL and a test can hand in an analytic surface.
#pragma once

#include <optional>
#include <string>

namespace semitco::routes {

class ElevationSource {
 public:
  virtual ~ElevationSource() = default;
  /// Terrain elevation above sea level [m] at a WGS84 position [deg]; nullopt outside the model or on a
  /// void (no data). Must be safe to call from one thread at a time per source.
  [[nodiscard]] virtual std::optional<double> elevation_m(double lat_deg, double lon_deg) const = 0;
  /// What the model is, for messages ("dem/ (2 tiles)").
  [[nodiscard]] virtual std::string describe() const = 0;
};

/// What a reader does with a terrain model when the track has its own (GPS) elevation.
enum class TerrainUse {
  Replace,  ///< the terrain model's elevation is used; the GPS one is compared with it (reported)
  Check,    ///< the GPS elevation is kept; the difference from the terrain model is reported
};

}  // namespace semitco::routes
