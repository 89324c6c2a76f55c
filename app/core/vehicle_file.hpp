// Vehicle files (resources/vehicles/*.json) -> physics parameter structs.
// Keys carry units (see json_params.hpp); every value may carry its source.
#pragma once

#include <map>
#include <optional>
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

/// The optional "price" section of a vehicle file: a quoted price, or a build-up as NREL T3CO builds its
/// purchase costs (glider + pack $/kWh x nominal kWh + motor or engine $/kW x peak kW), or both. When the
/// build-up is given (its glider_usd), it is the vehicle's price, so the price follows a change of pack or
/// motor; else the quoted price. A scenario uses it with "purchase_price_usd": "vehicle" in its economics.
struct VehiclePrice {
  std::optional<double> quoted_usd;  ///< "quoted_usd": a dealer's or the maker's price [USD]
  std::optional<double> glider_usd;  ///< "glider_usd": the truck without pack and motor (or engine) [USD]
  double pack_usd_per_kWh = 0.0;     ///< per kWh of nominal pack energy [USD/kWh]
  double motor_usd_per_kW = 0.0;     ///< per kW of motor peak power (electric) [USD/kW]
  double engine_usd_per_kW = 0.0;    ///< per kW of engine peak power (diesel) [USD/kW]
  [[nodiscard]] bool given() const { return quoted_usd || glider_usd; }
  /// The price for a pack of `nominal_kWh` and a motor or engine of `peak_kW`; nullopt when none is given.
  [[nodiscard]] std::optional<double> usd(double nominal_kWh, double peak_kW) const;
  /// How the price is made, in words: "built up: glider $150,000 + 900 kWh x $120/kWh + ..." or "quoted".
  [[nodiscard]] std::string describe(double nominal_kWh, double peak_kW) const;
};

/// What a buyer reads in a catalogue: the optional "metadata" section of a vehicle file. Quantities in SI;
/// each may carry its source like any other value (JsonParams::sources(), under "metadata.<key>").
/// Old files without the section still load (every field empty).
struct VehicleMetadata {
  std::string name;                         ///< the file's top-level "name"
  std::string maker, model;                 ///< "Tesla", "Semi Long Range" (required when the section is given)
  std::string duty;                         ///< class of duty: "line haul", "regional haul", ...
  std::optional<double> gcw_rating_kg;      ///< gross combination weight rating ("gcw_rating_lb")
  std::optional<double> claimed_range_m;    ///< the maker's range claim ("claimed_range_mi")
  std::optional<double> claimed_at_gcw_kg;  ///< the weight the claim is made at ("claimed_at_gcw_lb")
  std::string claimed_cycle;                ///< the duty/cycle the claim is made on, as the maker states it
  std::string range_check_cycle;            ///< cycle file (../shared/data/cycles) the claim is checked on
  std::string claimed_range_note;           ///< why the simulated range differs from the claim, when it does
  std::optional<double> price_usd;          ///< a published price ("price_usd"), when there is one
  std::string price_note;                   ///< what is known about the price when no number is published
  VehiclePrice price;                       ///< the file's "price" section (empty when it has none)
};

/// Reads a "metadata" section (see VehicleMetadata); unknown keys are errors.
VehicleMetadata read_vehicle_metadata(JsonParams& sec);

/// The part every vehicle file starts with: "name", "type" (must be `type`), the optional "metadata" and the
/// "chassis" section. The metadata is read (and checked) whether or not `meta` asks for it.
void read_vehicle_header(JsonParams& root, const char* type, std::string* name, physics::Chassis* chassis,
                         VehicleMetadata* meta = nullptr);

/// Parameters shared by every vehicle file: "chassis" and "brakes" sections.
physics::Chassis read_chassis(JsonParams& sec);
physics::BrakeThermalParams read_brakes(JsonParams& sec);

/// The sections every vehicle file has after its powertrain: "aux" and the optional "brakes". "aux" holds
/// power_<unit> and the optional temperature terms (cabin_heating_below_<unit>, cabin_heating_W_per_K,
/// cabin_cooling_above_<unit>, cabin_cooling_W_per_K and, with a traction battery, the same for
/// battery_heating / battery_cooling); see physics::AuxParams.
void read_aux_and_brakes(JsonParams& root, physics::AuxParams* aux, physics::BrakeThermalParams* brakes,
                         bool traction_battery);

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

/// A battery-electric truck from a file whose "type" is "electric" (and, when asked, its metadata).
physics::ElectricTruckParams load_electric_truck(const std::string& path,
                                                 std::map<std::string, std::string>* sources = nullptr,
                                                 VehicleMetadata* meta = nullptr);
physics::ElectricTruckParams read_electric_truck(JsonParams& root, VehicleMetadata* meta = nullptr);

/// The inverse of the readers, in the units and with the sources of `prov` (canonical key order).
nlohmann::ordered_json write_chassis(const physics::Chassis& c, const std::string& path, const ValueProvenance& prov);
/// The "aux" section: power and the temperature terms that draw anything.
nlohmann::ordered_json write_aux(const physics::AuxParams& a, const std::string& path, const ValueProvenance& prov);
nlohmann::ordered_json write_brakes(const physics::BrakeThermalParams& b, const std::string& path,
                                    const ValueProvenance& prov);
nlohmann::ordered_json write_electric_truck(const physics::ElectricTruckParams& t, const ValueProvenance& prov);

/// The file's "type" field ("electric" or "diesel").
std::string vehicle_type(const std::string& path);

/// Driver and ambient sections of scenario files.
physics::DriverParams read_driver(JsonParams& sec);
physics::Ambient read_ambient(JsonParams& sec);

}  // namespace semitco::core
