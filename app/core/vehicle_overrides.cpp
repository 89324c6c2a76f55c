// Vehicle overrides and the quantities that follow from them; see vehicle_overrides.hpp.
#include "app/core/vehicle_overrides.hpp"

#include <algorithm>
#include <array>

#include "app/core/diesel_file.hpp"
#include "app/core/scenario.hpp"
#include "app/core/vehicle_file.hpp"
#include "physics/battery_pack.hpp"

namespace semitco::core {

namespace {

// Two spellings of one thing: the pack's size as charge or as usable energy.
struct Alternative {
  const char* section;
  const char* base_a;
  Dim dim_a;
  const char* base_b;
  Dim dim_b;
};
constexpr Alternative kAlternatives[] = {{"battery", "capacity", Dim::Charge, "usable", Dim::Energy}};

bool same_quantity(const std::string& key, const std::string& base, Dim dim) {
  std::string b, u;
  Dim d = Dim::None;
  return JsonParams::split_unit_key(key, &b, &d, &u) && b == base && d == dim;
}

void erase_quantity(nlohmann::json& obj, const char* base, Dim dim) {
  for (auto c = obj.begin(); c != obj.end();) c = same_quantity(c.key(), base, dim) ? obj.erase(c) : std::next(c);
}

constexpr std::array<const char*, 9> kVehicleSections = {"chassis", "motor",   "driveline", "battery", "aux",
                                                         "brakes",  "engine",  "gearbox",   "price"};

}  // namespace

void replace_quantity(nlohmann::json& obj, const std::string& key, const nlohmann::json& value) {
  std::string base, unit;
  Dim dim = Dim::None;
  const bool has_unit = JsonParams::split_unit_key(key, &base, &dim, &unit);
  for (auto c = obj.begin(); c != obj.end();) {
    const bool same = c.key() == key || (has_unit && same_quantity(c.key(), base, dim));
    c = same ? obj.erase(c) : std::next(c);
  }
  if (has_unit) {
    for (const auto& a : kAlternatives) {
      if (base == a.base_a && dim == a.dim_a) erase_quantity(obj, a.base_b, a.dim_b);
      if (base == a.base_b && dim == a.dim_b) erase_quantity(obj, a.base_a, a.dim_a);
    }
  }
  obj[key] = value;
}

bool is_section(const nlohmann::json& v) { return v.is_object() && !v.contains("value"); }

bool states_quantity(const nlohmann::json& obj, const std::string& base) {
  if (!obj.is_object()) return false;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    std::string b, u;
    Dim d = Dim::None;
    if (it.key() == base || (JsonParams::split_unit_key(it.key(), &b, &d, &u) && b == base)) return true;
  }
  return false;
}

double pack_mass_kg(const physics::BatteryParams& b) {
  if (b.pack_specific_energy_Wh_per_kg <= 0.0) return 0.0;
  const double nominal_Wh = physics::BatteryPack(b).energy_between_J(0.0, 1.0) / 3600.0;
  return nominal_Wh / b.pack_specific_energy_Wh_per_kg;
}

double couple_pack(const physics::ElectricTruckParams& before, physics::ElectricTruckParams& next,
                   const nlohmann::json& stated, bool tare_stated) {
  auto& b = next.battery;
  const auto& a = before.battery;
  const double k = b.capacity_Ah / a.capacity_Ah;
  if (k != 1.0) {
    if (!states_quantity(stated, "resistance")) b.resistance_ohm = a.resistance_ohm / k;
    if (!states_quantity(stated, "max_discharge_power")) {
      b.max_discharge_power_W = std::min(b.max_discharge_power_W, a.max_discharge_power_W * k);
    }
    if (!states_quantity(stated, "max_charge_power")) {
      b.max_charge_power_W = std::min(b.max_charge_power_W, a.max_charge_power_W * k);
    }
  }
  if (tare_stated) return 0.0;
  // A truck whose file gave no specific energy, but whose override does, had a pack of the same make.
  physics::BatteryParams was = a;
  if (was.pack_specific_energy_Wh_per_kg <= 0.0) was.pack_specific_energy_Wh_per_kg = b.pack_specific_energy_Wh_per_kg;
  const double delta = pack_mass_kg(b) - pack_mass_kg(was);
  next.chassis.tractor_mass_kg += delta;
  return delta;
}

bool is_vehicle_key(const std::string& key_path) {
  const auto dot = key_path.find('.');
  if (dot == std::string::npos) return false;
  const std::string truck = key_path.substr(0, dot);
  if (truck != "electric" && truck != "diesel") return false;
  const std::string rest = key_path.substr(dot + 1);
  const auto dot2 = rest.find('.');
  if (dot2 == std::string::npos) return rest.starts_with("initial_soc");
  const std::string section = rest.substr(0, dot2);
  return std::find(kVehicleSections.begin(), kVehicleSections.end(), section) != kVehicleSections.end();
}

void set_vehicle_value(Scenario& s, const std::string& key_path, double value) {
  if (!is_vehicle_key(key_path)) {
    throw InputError(key_path + ": not a vehicle key (electric.<section>.<key> or diesel.<section>.<key>, with a "
                     "section such as battery, motor, engine, gearbox, chassis, aux, brakes or price)");
  }
  const auto dot = key_path.find('.');
  const bool electric = key_path.substr(0, dot) == "electric";
  const std::string rest = key_path.substr(dot + 1);
  const auto dot2 = rest.find('.');
  const std::string section = dot2 == std::string::npos ? "" : rest.substr(0, dot2);
  const std::string key = dot2 == std::string::npos ? rest : rest.substr(dot2 + 1);
  const char* scenario_key = electric ? "electric_vehicle" : "diesel_vehicle";
  const std::string where = s.file + ": " + scenario_key + "." + (section.empty() ? "" : section + ".") + key;

  Scenario out = s;
  nlohmann::json& merged = electric ? out.electric_json : out.diesel_json;
  nlohmann::json& overrides = electric ? out.electric_overrides : out.diesel_overrides;
  const physics::Chassis chassis = electric ? s.electric.chassis : s.diesel.chassis;
  if (section.empty()) {
    replace_quantity(merged, key, value);
  } else {
    if (!merged.contains(section)) merged[section] = nlohmann::json::object();
    if (!is_section(merged[section])) throw InputError(where + ": " + section + " is not a section of the vehicle");
    replace_quantity(merged[section], key, value);
  }
  const bool refers = !(electric ? out.electric_ref : out.diesel_ref).empty();
  if (refers && section != "chassis") {
    if (section.empty()) {
      replace_quantity(overrides, key, value);
    } else {
      if (!overrides.contains(section)) overrides[section] = nlohmann::json::object();
      replace_quantity(overrides[section], key, value);
    }
  }
  // The chassis as the scenario has it (edited in the app, coupled to the pack), with this key set.
  auto cj = nlohmann::json::parse(write_chassis(chassis, "chassis", ValueProvenance{}).dump());
  if (section == "chassis") replace_quantity(cj, key, value);
  merged["chassis"] = cj;
  try {
    JsonParams vr(merged, s.file, scenario_key);
    if (electric) {
      VehicleMetadata meta;
      auto next = read_electric_truck(vr, &meta);
      nlohmann::json stated = nlohmann::json::object();
      if (section == "battery") stated[key] = value;
      out.electric_tare_from_pack_kg += couple_pack(s.electric, next, stated, section == "chassis" && key.starts_with("tractor_mass"));
      out.electric = std::move(next);
      out.electric_meta.price = meta.price;
    } else {
      VehicleMetadata meta;
      out.diesel = read_diesel_truck(vr, &meta);
      out.diesel_meta.price = meta.price;
    }
    // The merged JSON keeps the file's chassis; the scenario's chassis is in the params.
    merged.erase("chassis");
    const auto file_json = electric ? s.electric_json : s.diesel_json;
    if (file_json.contains("chassis")) merged["chassis"] = file_json["chassis"];
    price_vehicles(out);
  } catch (const InputError& e) {
    std::string msg = e.what();
    throw InputError(msg.find(key) != std::string::npos ? msg : where + " = " + std::to_string(value) + ": " + msg);
  }
  s = std::move(out);
}

}  // namespace semitco::core
