// The one entry point of the terrain-model module (libsemitco_dem_gdal.so, terrain/dem_gdal_module.cpp),
// shared by the module and its loader (terrain/dem_loader.cpp). GDAL and its ~100 libraries are loaded
// only when a terrain model is asked for (--dem), never at a program's start.
//
// Errors do not cross the boundary as exceptions: the factory catches them, returns null and writes the
// message (file and reason, as DemTerrain words it) into the caller's buffer, NUL-terminated and cut to
// its size. The returned object is deleted by the caller through its virtual destructor; the module is
// never unloaded, so its code stays valid for the life of the process.
#pragma once

#include <cstddef>

#include "routes/elevation_source.hpp"

/// The factory's symbol; a version in the name so an old module is refused rather than misread.
#define SEMITCO_DEM_FACTORY_SYMBOL "semitco_dem_gdal_open_v1"

extern "C" {
using semitco_dem_factory_fn = semitco::routes::ElevationSource* (*)(const char* file_or_dir, char* message,
                                                                     std::size_t message_size);
}
