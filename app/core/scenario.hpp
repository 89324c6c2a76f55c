// Scenario files (resources/scenarios/*.json): one route, one electric and one diesel truck, the
// weather, the driver and the economics. Both front ends read and write them through this.
//
//   {
//     "name": "I-80 Donner Pass, Sacramento to Reno",
//     "route": "../routes/i80_donner.csv",            // relative to the scenario file
//     "route_format": "auto",                         // optional: auto, vdri, cycle, csv, gpx
//     "electric_vehicle": "../vehicles/electric_semi.json",   // a path, or a library model's name
//                                                             // ("tesla_semi_long_range", see `semitco
//                                                             // vehicles list`); {"file": path or name,
//                                                             // "chassis": {..}} to override chassis
//                                                             // values; or inline
//     "diesel_vehicle": "../vehicles/diesel_tractor.json",
//     "ambient": {"temperature_C": 20},               // optional sections
//     "weather": {"region": "reno"},                  // a year of monthly temperatures (weather.hpp)
//     "driver": {},
//     "grid_co2_kg_per_kWh": {"value": 0.373, "source": "..."},
//     "economics": {...},                             // see economics_file.hpp
//     "depot": {...}                                  // optional: a fleet's depot, see depot_file.hpp
//   }
// Saving writes a canonical text (fixed key order, vehicles kept as references while unchanged), so
// open + save reproduces a file saved by semitco byte for byte. A reference may override any key of the
// vehicle file ({"file": .., "battery": {"capacity_Ah": ..}, "motor": {..}}, any unit); the overrides are
// written back as read, and the chassis as the app edited it. A bigger or smaller pack brings its mass and
// power with it (vehicle_overrides.hpp). "economics": {"electric": {"economics": {"purchase_price_usd":
// "vehicle"}}} takes the price from the vehicle file's "price" section.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/core/depot_file.hpp"
#include "app/core/economics_file.hpp"
#include "app/core/uncertainty_file.hpp"
#include "app/core/vehicle_file.hpp"
#include "app/core/weather.hpp"
#include "physics/diesel_params.hpp"
#include "physics/params.hpp"
#include "tco/inputs.hpp"

namespace semitco::core {

struct Scenario {
  std::string name;
  std::string file;                  ///< where it was read from / last saved ("" for a new one)
  std::string route_ref;             ///< as written in the file (relative to its folder) or absolute
  std::string route_format = "auto";
  physics::ElectricTruckParams electric;
  std::string electric_ref;          ///< vehicle file as written; "" when the vehicle is inline
  physics::DieselTruckParams diesel;
  std::string diesel_ref;
  nlohmann::json electric_json, diesel_json;  ///< the vehicles as read (overrides applied)
  /// What the scenario overrides of each vehicle file besides the chassis, as written (written back so).
  nlohmann::json electric_overrides = nlohmann::json::object(), diesel_overrides = nlohmann::json::object();
  /// The vehicles' catalogue data and "price" sections (empty for a file without them).
  VehicleMetadata electric_meta, diesel_meta;
  /// What the pack's overrides added to the electric tractor's mass (vehicle_overrides.hpp) [kg].
  double electric_tare_from_pack_kg = 0.0;
  /// economics "purchase_price_usd": "vehicle": the price is the vehicle's (quoted or built up, see
  /// VehiclePrice), priced again whenever the vehicle changes (price_vehicles).
  bool electric_price_from_vehicle = false, diesel_price_from_vehicle = false;
  physics::Ambient ambient;
  /// Twelve monthly temperatures: when given, the costs come from the year of monthly trips (weather.hpp);
  /// absent, from one trip at `ambient`.
  std::optional<YearOfWeather> weather;
  physics::DriverParams driver;
  double grid_co2_kg_per_kWh = 0.373;
  /// "trip_charging": {"keep_regen_headroom": true}: the electric truck leaves with room in the pack for
  /// the route's largest descent (physics/descent_planner.hpp), so regen, not the friction brakes, takes it.
  bool keep_regen_headroom = false;
  tco::TcoInputs economics;          ///< trips and tares are filled in by run_comparison()
  EconomicsProvenance economics_provenance;
  std::map<std::string, std::string> sources;  ///< value sources by key path, for tooltips
  /// "depot": the fleet's depot charging (app/core/depot_file.hpp); written back as read.
  std::optional<DepotSpec> depot;
  nlohmann::json depot_json;
  /// "uncertainty": what the Monte Carlo varies and over what (app/core/uncertainty_file.hpp); written back
  /// only when the file had the section.
  std::vector<UncertainRange> uncertainty = default_uncertain_ranges();
  bool uncertainty_in_file = false;

  /// The route file as a path usable from the current directory.
  [[nodiscard]] std::string route_path() const;
  /// Folder that relative references are resolved against.
  [[nodiscard]] std::string dir() const;
  /// The files it was read from: the scenario file, the route, the vehicle files and the economics base
  /// (the ones that exist). No output of a run may be one of them.
  [[nodiscard]] std::vector<std::string> input_files() const;
};

/// Sets the purchase prices that the scenario takes from its vehicles (electric_price_from_vehicle, ...)
/// from the vehicles' price sections. Throws InputError when such a vehicle has no price.
void price_vehicles(Scenario& s);

/// Puts another vehicle in the scenario: `ref` is a library model's name or a vehicle file (as a scenario
/// writes it), taken whole, with no override; everything else stays. The scenario goes through the one
/// loader (written and read again), so what it holds is what a saved and reopened file would.
void set_vehicle_reference(Scenario& s, bool electric, const std::string& ref);

Scenario load_scenario(const std::string& path);
/// A scenario from parsed JSON; `path` is where it is said to live (references resolve against its
/// folder, messages name it). load_scenario = read_json_file + this; the fuzz target calls it directly.
Scenario scenario_from_json(const nlohmann::json& j, const std::string& path);
/// Canonical JSON text of a scenario (what save_scenario writes).
std::string scenario_to_text(const Scenario& s);
/// Writes atomically (temporary file + rename) and sets s.file. Replacing the scenario's own file is
/// allowed (formatting in place); replacing a file it refers to (a vehicle, the route, the economics
/// base), a device, a pipe or a symlink is refused (OutputRefused).
void save_scenario(Scenario& s, const std::string& path);

/// The scenario shipped with semitco (resources/scenarios/default.json).
std::string default_scenario_path();
std::string resources_dir();

}  // namespace semitco::core
