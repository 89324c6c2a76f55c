// The terrain-model module: DemTerrain (GDAL) behind the C factory of dem_module_abi.hpp.
#include <cstring>
#include <exception>
#include <new>

#include "terrain/dem_module_abi.hpp"
#include "terrain/dem_terrain.hpp"

namespace {
void write_message(char* message, std::size_t size, const char* text) {
  if (!message || size == 0) return;
  std::strncpy(message, text, size - 1);
  message[size - 1] = '\0';
}
}  // namespace

extern "C" __attribute__((visibility("default"))) semitco::routes::ElevationSource* semitco_dem_gdal_open_v1(
    const char* file_or_dir, char* message, std::size_t message_size) {
  try {
    return new semitco::terrain::DemTerrain(file_or_dir ? file_or_dir : "");
  } catch (const std::exception& e) {
    write_message(message, message_size, e.what());
  } catch (...) {
    write_message(message, message_size, "unknown error opening the terrain model");
  }
  return nullptr;
}

// The loader's function-pointer type must match the definition above.
static_assert(sizeof(&semitco_dem_gdal_open_v1) == sizeof(semitco_dem_factory_fn));
