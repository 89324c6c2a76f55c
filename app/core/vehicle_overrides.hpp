// What a scenario changes of a vehicle file, and the quantities that follow from a change.
//
// A scenario overrides any key of its vehicle file, section by section, with the file's keys and any unit
// ({"file": "tesla_semi_long_range", "battery": {"usable_kWh": 600}}). The batch sweeps such keys
// (--sweep electric.battery.usable_kWh=300:1000:100) and the app edits them, all through set_vehicle_value,
// which goes through the vehicle loader, so a value is refused with the key exactly as in a file.
//
// Coupled quantities (docs/vehicles.md, "A bigger pack"): when the pack's size changes, unless the same
// override states them,
//  * the tare follows the pack: m_pack = E_nominal / e_pack with e_pack the pack-level specific energy
//    (battery.pack_specific_energy_Wh_per_kg; a truck without one keeps its tare), and
//    tractor mass += m_pack(new) - m_pack(before), so under a gross-weight limit the payload falls by as much;
//  * the pack is taken as more (or fewer) parallel strings of the same cells: k = C_new / C_before,
//    resistance R / k, and the power limits min(P_file, P_before * k) (a smaller pack keeps its C-rate; a
//    larger one does not exceed what the inverter and the charging inlet of the file allow).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "physics/params.hpp"

namespace semitco::core {

struct Scenario;

/// Sets `value` under `key` in the section `obj`, replacing the entry for the same quantity whatever unit
/// either spells ("tractor_mass_lb" replaces "tractor_mass_kg") and the other spelling of the same thing
/// (battery "usable_kWh" replaces "capacity_Ah" and the other way round).
void replace_quantity(nlohmann::json& obj, const std::string& key, const nlohmann::json& value);

/// {"value": .., "source": ..} is a value with its source; any other object is a section.
bool is_section(const nlohmann::json& v);

/// True when the section `obj` states the quantity `base` ("tractor_mass", "resistance") in any unit.
bool states_quantity(const nlohmann::json& obj, const std::string& base);

/// The pack's mass from its nominal energy and pack-level specific energy [kg]; 0 when the file states no
/// specific energy.
double pack_mass_kg(const physics::BatteryParams& b);

/// Derives what follows from a change of pack from `before` to `next` (see the header comment), leaving
/// alone what `stated` (the battery section of the override) and `tare_stated` say explicitly. Returns
/// the change of tractor mass it applied [kg].
double couple_pack(const physics::ElectricTruckParams& before, physics::ElectricTruckParams& next,
                   const nlohmann::json& stated, bool tare_stated);

/// Sets one vehicle key of a scenario: "electric.battery.usable_kWh", "diesel.engine.peak_power_kW",
/// "electric.chassis.cda_ft2", "electric.initial_soc_frac", ... (truck, section, key with its unit, value
/// in that unit). The value is recorded as an override (saved with the scenario), the truck is read again
/// by the vehicle loader, the coupled quantities follow, and a price taken from the vehicle is priced
/// again. Throws InputError naming the key for an unknown key or a value out of range; the scenario is
/// then unchanged.
void set_vehicle_value(Scenario& s, const std::string& key_path, double value);

/// True when `key_path` names a vehicle key ("electric.<section>.<key>" or "diesel.<section>.<key>" with a
/// section of the vehicle files, or "electric.initial_soc_frac"), not an economics one.
bool is_vehicle_key(const std::string& key_path);

}  // namespace semitco::core
