// The vehicle library: every vehicle file in resources/vehicles/, named by its file stem
// ("tesla_semi_long_range"), loaded with its metadata and the source of every value, and the key figures a
// buyer compares (usable battery energy or engine power, motor power, curb weight, claimed range).
// The CLI's `semitco vehicles list|show` print these; the app and the Python bindings can use the same calls.
//
// Key figures, all in SI:
//   usable energy  E = C * integral_{soc_min}^{soc_max} V_oc(s) ds   [J]   (C in coulombs, BatteryPack)
//   nominal energy the same over 0..1
//   engine power   max over the full-load curve of T(w) * w            [W]
//   curb weight    the tractor's mass as the file gives it (chassis.tractor_mass)
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/core/trip_report.hpp"
#include "app/core/vehicle_file.hpp"
#include "physics/diesel_params.hpp"
#include "physics/params.hpp"

namespace semitco::core {

/// One model of the library.
struct LibraryVehicle {
  std::string id;    ///< file stem, the NAME of `semitco vehicles show NAME`
  std::string path;  ///< the vehicle file
  std::string type;  ///< "electric" or "diesel"
  VehicleMetadata meta;
  std::map<std::string, std::string> sources;  ///< by key path as written ("chassis.tractor_mass_lb")
  std::optional<physics::ElectricTruckParams> electric;
  std::optional<physics::DieselTruckParams> diesel;

  [[nodiscard]] bool is_electric() const { return electric.has_value(); }
  [[nodiscard]] const physics::Chassis& chassis() const;
  /// Battery energy in the usable SOC window / over the whole curve [J]; 0 for a diesel.
  [[nodiscard]] double usable_energy_J() const;
  [[nodiscard]] double nominal_energy_J() const;
  /// Motor peak power (electric) or the engine's peak of the full-load curve (diesel) [W].
  [[nodiscard]] double peak_power_W() const;
  /// Gross combination weight rating: the metadata's, else the file's chassis total [kg].
  [[nodiscard]] double gcw_rating_kg() const;
  /// The source of the value at `key_path` ("chassis.tractor_mass_lb"), or "" when the file gives none.
  [[nodiscard]] std::string source_of(const std::string& key_path) const;
  /// The key path the file wrote a quantity under ("chassis.tractor_mass" -> "chassis.tractor_mass_lb").
  [[nodiscard]] std::string written_key(const std::string& base_path) const;

  std::map<std::string, std::string> units;  ///< unit suffix by base path ("chassis.tractor_mass" -> "lb")
};

/// resources_dir() + "/vehicles".
std::string vehicle_library_dir();

/// The model names (file stems) in `dir`, sorted.
std::vector<std::string> vehicle_library_names(const std::string& dir = vehicle_library_dir());

/// Loads one model by name; an unknown name is an InputError that lists the names there are.
LibraryVehicle load_library_vehicle(const std::string& name, const std::string& dir = vehicle_library_dir());
/// Loads one vehicle file.
LibraryVehicle load_vehicle_file(const std::string& path);

/// Every model in `dir`, electric first, then diesel, each group by name.
std::vector<LibraryVehicle> load_vehicle_library(const std::string& dir = vehicle_library_dir());

/// `semitco vehicles list`: one table row per model (kind, battery or engine, motor, curb, GCW, claimed
/// range), then the source of each key figure, model by model.
void print_vehicle_list(std::ostream& out, const std::vector<LibraryVehicle>& models, UnitSystem units);
/// `semitco vehicles show NAME`: the metadata, the key figures, then every parameter of the file with its
/// unit and source.
void print_vehicle_details(std::ostream& out, const LibraryVehicle& v, UnitSystem units);

}  // namespace semitco::core
