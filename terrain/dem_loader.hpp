// open_dem: a terrain model (terrain/dem_terrain.hpp: SRTM .hgt tiles, GeoTIFF) as a
// routes::ElevationSource, read by the module libsemitco_dem_gdal.so, which is loaded (dlopen) the first
// time a model is asked for. Programs that never open one (`semitco --version`, a compare without --dem)
// never load GDAL and the ~100 shared libraries behind it.
//
// Where the module is looked for, first found wins:
//   1. $SEMITCO_DEM_MODULE, when set and not empty: that file and no other (an override for tests and for
//      unusual installs);
//   2. <prefix>/lib/semitco/libsemitco_dem_gdal.so, <prefix> being an ancestor (up to 4 levels above) of the
//      folder of the running program (/proc/self/exe) or of the shared object that holds this loader
//      (the Python module in <prefix>/lib/python3/dist-packages/semitco/): the installed layout
//      (packaging/packaging.cmake), and the build tree, where the module is built into <build>/lib/semitco;
//   3. the module's path in the build tree, compiled in (SEMITCO_DEM_MODULE_BUILD_PATH).
#pragma once

#include <memory>
#include <string>

#include "routes/elevation_source.hpp"

namespace semitco::terrain {

/// The module's file name.
inline constexpr const char* kDemModuleName = "libsemitco_dem_gdal.so";

/// Opens the file or directory of rasters. Throws std::runtime_error: the model's own errors (naming the
/// file), or, when the module cannot be loaded, one naming the module's path and dlerror()'s reason (or
/// every path tried when none exists). Thread-safe; the module is loaded once per process.
[[nodiscard]] std::unique_ptr<routes::ElevationSource> open_dem(const std::string& file_or_dir);

}  // namespace semitco::terrain
