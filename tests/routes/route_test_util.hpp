// Helpers shared by the routes tests: read from a string, expect a RouteError whose message names places.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "routes/readers.hpp"

namespace semitco::routes::test {

inline std::string cycles_dir() { return SEMITCO_CYCLES_DIR; }
inline std::string source_dir() { return SEMITCO_SOURCE_DIR; }

/// Message of the RouteError thrown by f; fails the test if f succeeds or throws something else.
template <class F>
std::string route_error_of(F&& f) {
  try {
    f();
  } catch (const RouteError& e) {
    return e.what();
  } catch (const std::exception& e) {
    FAIL("expected RouteError, got std::exception: " << e.what());
  }
  FAIL("expected RouteError, nothing thrown");
  return {};
}

inline std::string temp_path(const std::string& file_name) {
  const auto dir = std::filesystem::temp_directory_path() / "semitco_routes_tests";
  std::filesystem::create_directories(dir);
  return (dir / file_name).string();
}

inline std::string write_temp(const std::string& file_name, const std::string& content) {
  const std::string path = temp_path(file_name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace semitco::routes::test
