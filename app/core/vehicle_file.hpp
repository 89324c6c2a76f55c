// Vehicle files (resources/vehicles/*.json) -> physics parameter structs.
// Keys carry units (see json_params.hpp); every value may carry its source.
#pragma once

#include <map>
#include <string>

#include "app/core/json_params.hpp"
#include "physics/params.hpp"

namespace semitco::core {

/// Runs a physics check() and re-throws its ParameterError as an InputError naming the file and section.
template <class Check>
void checked(const JsonParams& sec, Check&& check) {
  try {
    check();
  } catch (const physics::ParameterError& e) {
    throw InputError(sec.where(e.what()));
  }
}

/// The part every vehicle file starts with: "name", "type" (must be `type`) and the "chassis" section.
void read_vehicle_header(JsonParams& root, const char* type, std::string* name, physics::Chassis* chassis);

/// Parameters shared by every vehicle file: "chassis" and "brakes" sections.
physics::Chassis read_chassis(JsonParams& sec);
physics::BrakeThermalParams read_brakes(JsonParams& sec);

/// The sections every vehicle file has after its powertrain: "aux" and the optional "brakes".
void read_aux_and_brakes(JsonParams& root, physics::AuxParams* aux, physics::BrakeThermalParams* brakes);

/// Ends reading a vehicle file: no key left unread, and the whole truck passes its check (an InputError
/// naming the file when not).
template <class Truck>
void finish_vehicle(JsonParams& root, const Truck& t) {
  root.finish();
  try {
    t.check();
  } catch (const physics::ParameterError& e) {
    throw InputError(root.file() + ": " + e.what());
  }
}

/// Reads the vehicle file at `path` with `read(JsonParams&)` and, when asked, the sources of its values.
template <class Read>
auto load_vehicle(const std::string& path, std::map<std::string, std::string>* sources, Read read) {
  const auto j = read_json_file(path);
  JsonParams root(j, path);
  auto t = read(root);
  if (sources) *sources = root.sources();
  return t;
}

/// A battery-electric truck from a file whose "type" is "electric".
physics::ElectricTruckParams load_electric_truck(const std::string& path,
                                                 std::map<std::string, std::string>* sources = nullptr);
physics::ElectricTruckParams read_electric_truck(JsonParams& root);

/// The inverse of the readers, in the units and with the sources of `prov` (canonical key order).
nlohmann::ordered_json write_chassis(const physics::Chassis& c, const std::string& path, const ValueProvenance& prov);
nlohmann::ordered_json write_brakes(const physics::BrakeThermalParams& b, const std::string& path,
                                    const ValueProvenance& prov);
nlohmann::ordered_json write_electric_truck(const physics::ElectricTruckParams& t, const ValueProvenance& prov);

/// The file's "type" field ("electric" or "diesel").
std::string vehicle_type(const std::string& path);

/// Driver and ambient sections of scenario files.
physics::DriverParams read_driver(JsonParams& sec);
physics::Ambient read_ambient(JsonParams& sec);

}  // namespace semitco::core
