// DemTerrain (see dem_terrain.hpp): GDAL rasters sampled bilinearly at their posts.
#include "terrain/dem_terrain.hpp"

#include <gdal.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace semitco::terrain {
namespace fs = std::filesystem;

namespace {
void register_drivers() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLSetErrorHandler(CPLQuietErrorHandler);  // errors are reported by the calls' return values
  });
}
}  // namespace

struct DemTerrain::Tile {
  std::string file;
  double gt[6] = {};
  int width = 0, height = 0;
  bool has_nodata = false;
  double nodata = 0.0;
  double lon_min = 0, lon_max = 0, lat_min = 0, lat_max = 0;
  mutable std::vector<float> z;  ///< row-major, read on first use
  mutable bool loaded = false;

  void load() const {
    GDALDatasetH ds = GDALOpen(file.c_str(), GA_ReadOnly);
    if (!ds) throw std::runtime_error(file + ": cannot open the terrain model: " + CPLGetLastErrorMsg());
    z.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    const CPLErr err = GDALRasterIO(GDALGetRasterBand(ds, 1), GF_Read, 0, 0, width, height, z.data(), width, height,
                                    GDT_Float32, 0, 0);
    GDALClose(ds);
    if (err != CE_None) throw std::runtime_error(file + ": cannot read the terrain model's heights: " + CPLGetLastErrorMsg());
    loaded = true;
  }

  [[nodiscard]] bool contains(double lat, double lon) const {
    return lon >= lon_min && lon <= lon_max && lat >= lat_min && lat <= lat_max;
  }

  [[nodiscard]] std::optional<double> sample(double lat, double lon) const {
    if (!loaded) load();
    const double col = std::clamp((lon - gt[0]) / gt[1] - 0.5, 0.0, static_cast<double>(width - 1));
    const double row = std::clamp((lat - gt[3]) / gt[5] - 0.5, 0.0, static_cast<double>(height - 1));
    const int c0 = std::min(static_cast<int>(col), width - 2 < 0 ? 0 : width - 2);
    const int r0 = std::min(static_cast<int>(row), height - 2 < 0 ? 0 : height - 2);
    const int c1 = std::min(c0 + 1, width - 1), r1 = std::min(r0 + 1, height - 1);
    const double fx = col - c0, fy = row - r0;
    auto at = [&](int r, int c) { return static_cast<double>(z[static_cast<std::size_t>(r) * static_cast<std::size_t>(width) + static_cast<std::size_t>(c)]); };
    const double z00 = at(r0, c0), z10 = at(r0, c1), z01 = at(r1, c0), z11 = at(r1, c1);
    for (double v : {z00, z10, z01, z11})
      if (!std::isfinite(v) || (has_nodata && v == nodata)) return std::nullopt;
    return (1 - fx) * (1 - fy) * z00 + fx * (1 - fy) * z10 + (1 - fx) * fy * z01 + fx * fy * z11;
  }
};

DemTerrain::DemTerrain(const std::string& file_or_dir) : path_(file_or_dir) {
  register_drivers();
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(file_or_dir, ec)) {
    for (const auto& e : fs::directory_iterator(file_or_dir, ec)) {
      std::string ext = e.path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (e.is_regular_file() && (ext == ".hgt" || ext == ".tif" || ext == ".tiff")) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) throw std::runtime_error(file_or_dir + ": no terrain model files (*.hgt, *.tif, *.tiff) in the directory");
  } else if (fs::exists(file_or_dir, ec)) {
    files.push_back(file_or_dir);
  } else {
    throw std::runtime_error(file_or_dir + ": terrain model not found");
  }
  for (const auto& f : files) {
    GDALDatasetH ds = GDALOpen(f.c_str(), GA_ReadOnly);
    if (!ds) throw std::runtime_error(f + ": not a raster GDAL can read (SRTM .hgt or GeoTIFF expected)");
    auto t = std::make_unique<Tile>();
    t->file = f;
    const bool has_gt = GDALGetGeoTransform(ds, t->gt) == CE_None;
    t->width = GDALGetRasterXSize(ds);
    t->height = GDALGetRasterYSize(ds);
    const char* wkt = GDALGetProjectionRef(ds);
    OGRSpatialReferenceH srs = (wkt && *wkt) ? OSRNewSpatialReference(wkt) : nullptr;
    const bool geographic = srs && OSRIsGeographic(srs);
    if (srs) OSRDestroySpatialReference(srs);
    const int bands = GDALGetRasterCount(ds);
    if (bands >= 1) {
      int has = 0;
      t->nodata = GDALGetRasterNoDataValue(GDALGetRasterBand(ds, 1), &has);
      t->has_nodata = has != 0;
    }
    GDALClose(ds);
    if (!has_gt || t->gt[2] != 0.0 || t->gt[4] != 0.0 || t->gt[1] <= 0.0 || t->gt[5] >= 0.0)
      throw std::runtime_error(f + ": the terrain model has no north-up geotransform");
    if (!geographic)
      throw std::runtime_error(f + ": the terrain model is not in geographic coordinates (WGS84 lon/lat degrees); "
                                   "reproject it, e.g. gdalwarp -t_srs EPSG:4326");
    if (bands < 1 || t->width < 1 || t->height < 1) throw std::runtime_error(f + ": the terrain model has no heights");
    t->lon_min = t->gt[0];
    t->lon_max = t->gt[0] + t->gt[1] * t->width;
    t->lat_max = t->gt[3];
    t->lat_min = t->gt[3] + t->gt[5] * t->height;
    tiles_.push_back(std::move(t));
  }
}

DemTerrain::~DemTerrain() = default;

std::optional<double> DemTerrain::elevation_m(double lat_deg, double lon_deg) const {
  for (const auto& t : tiles_)
    if (t->contains(lat_deg, lon_deg)) return t->sample(lat_deg, lon_deg);
  return std::nullopt;
}

std::string DemTerrain::describe() const {
  if (tiles_.size() == 1) return "'" + tiles_.front()->file + "'";
  return "'" + path_ + "' (" + std::to_string(tiles_.size()) + " tiles)";
}

}  // namespace semitco::terrain
