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
