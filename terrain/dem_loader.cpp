// open_dem (see dem_loader.hpp): finds libsemitco_dem_gdal.so, dlopen()s it once, calls its factory.
#include "terrain/dem_loader.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "terrain/dem_module_abi.hpp"

namespace semitco::terrain {
namespace fs = std::filesystem;

namespace {

/// Where the module may be, in the order tried (dem_loader.hpp).
std::vector<fs::path> candidates() {
  std::vector<fs::path> out;
  auto add = [&](const fs::path& p) {
    for (const auto& q : out)
      if (q == p) return;
    out.push_back(p);
  };
  auto add_ancestors = [&](fs::path dir) {
    for (int level = 0; level < 5 && !dir.empty(); ++level) {
      dir = dir.parent_path();
      add(dir / "lib" / "semitco" / kDemModuleName);
      if (dir == dir.root_path()) break;
    }
  };
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) add_ancestors(exe.parent_path() / ".");
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&candidates), &info) != 0 && info.dli_fname) {
    const fs::path self = fs::weakly_canonical(info.dli_fname, ec);
    if (!ec && self.is_absolute()) add_ancestors(self.parent_path() / ".");
  }
#ifdef SEMITCO_DEM_MODULE_BUILD_PATH
  add(SEMITCO_DEM_MODULE_BUILD_PATH);
#endif
  return out;
}

/// The module's factory, loaded once; throws (every call again) when it cannot be loaded.
semitco_dem_factory_fn factory() {
  static std::mutex mutex;
  static semitco_dem_factory_fn loaded = nullptr;
  const std::lock_guard lock(mutex);
  if (loaded) return loaded;

  fs::path path;
  const char* env = std::getenv("SEMITCO_DEM_MODULE");
  if (env && *env) {
    path = env;
  } else {
    std::string tried;
    for (const auto& c : candidates()) {
      std::error_code ec;
      if (fs::is_regular_file(c, ec)) {
        path = c;
        break;
      }
      tried += (tried.empty() ? "" : ", ") + c.string();
    }
    if (path.empty())
      throw std::runtime_error(std::string("terrain models need the module ") + kDemModuleName +
                               ", not found (looked for " + tried + "; SEMITCO_DEM_MODULE names it)");
  }
  // RTLD_LOCAL: GDAL's symbols stay out of the global namespace; the module is never closed.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw std::runtime_error("cannot load the terrain-model module " + path.string() + ": " +
                             (why ? why : "unknown reason"));
  }
  dlerror();
  void* sym = dlsym(handle, SEMITCO_DEM_FACTORY_SYMBOL);
  if (!sym) {
    const char* why = dlerror();
    dlclose(handle);
    throw std::runtime_error("the terrain-model module " + path.string() + " has no " SEMITCO_DEM_FACTORY_SYMBOL +
                             std::string(": ") + (why ? why : "symbol missing"));
  }
  loaded = reinterpret_cast<semitco_dem_factory_fn>(sym);
  return loaded;
}

}  // namespace

std::unique_ptr<routes::ElevationSource> open_dem(const std::string& file_or_dir) {
  const semitco_dem_factory_fn open = factory();
  char message[2048] = {};
  routes::ElevationSource* source = open(file_or_dir.c_str(), message, sizeof message);
  if (!source) throw std::runtime_error(message[0] ? message : (file_or_dir + ": cannot open the terrain model"));
  return std::unique_ptr<routes::ElevationSource>(source);
}

}  // namespace semitco::terrain
