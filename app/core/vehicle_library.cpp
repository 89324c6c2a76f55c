// The vehicle library; see vehicle_library.hpp.
#include "app/core/vehicle_library.hpp"

#include "app/core/vehicle_overrides.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/diesel_file.hpp"
#include "app/core/scenario.hpp"
#include "physics/battery_pack.hpp"

namespace semitco::core {

namespace fs = std::filesystem;

namespace {

constexpr double kLb = 0.45359237;  // kg per lb (NIST SP 811)
constexpr double kMile = 1609.344;  // m per mile
constexpr double kHp = 745.69987;   // W per mechanical hp

// Every {"value": ..., "source": "..."} leaf of a vehicle file, by key path ("chassis.tractor_mass_lb").
void collect_sources(const nlohmann::json& j, const std::string& path,
                     std::map<std::string, std::string>* out) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string key = path.empty() ? it.key() : path + "." + it.key();
    const auto& v = it.value();
    if (!v.is_object()) continue;
    if (v.contains("value")) {
      if (v.contains("source") && v["source"].is_string()) (*out)[key] = v["source"].get<std::string>();
    } else {
      collect_sources(v, key, out);
    }
  }
}

// 23000 -> "23,000"; 0.0055 -> "0.0055"; 822.4 -> "822" (digits: significant figures below 1000).
std::string number_text(double x, int digits = 4) {
  char buf[64];
  if (std::abs(x) >= 1000.0) {
    std::snprintf(buf, sizeof buf, "%.0f", std::abs(x));
    std::string s = buf, grouped;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && (s.size() - i) % 3 == 0) grouped += ',';
      grouped += s[i];
    }
    return (x < 0 ? "-" : "") + grouped;
  }
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}

std::string with_unit(double x, const char* unit, int digits = 4) {
  return number_text(x, digits) + " " + unit;
}

std::string mass_text(double kg, UnitSystem u) {
  return u == UnitSystem::US ? with_unit(std::round(kg / kLb / 10.0) * 10.0, "lb")
                             : with_unit(std::round(kg), "kg");
}
std::string range_text(double m, UnitSystem u) {
  return u == UnitSystem::US ? with_unit(std::round(m / kMile), "mi")
                             : with_unit(std::round(m / 1000.0), "km");
}
std::string kw_text(double W) { return with_unit(std::round(W / 1000.0), "kW"); }
std::string energy_text(double J) { return with_unit(std::round(J / 3.6e6), "kWh"); }

// For a value written in one unit, the same value in the other unit system, or "" when the unit is the
// display unit already (or has no counterpart).
std::string other_units(double value, Dim dim, const std::string& unit, UnitSystem u) {
  struct Pair {
    Dim dim;
    const char* metric;
    const char* us;
  };
  static const Pair pairs[] = {
      {Dim::Mass, "kg", "lb"},     {Dim::Mass, "t", "lb"},     {Dim::Area, "m2", "ft2"},
      {Dim::Power, "kW", "hp"},    {Dim::Power, "W", "hp"},    {Dim::Power, "MW", "hp"},
      {Dim::Torque, "Nm", "lbft"}, {Dim::Speed, "mps", "mph"}, {Dim::Speed, "kmh", "mph"},
      {Dim::Length, "km", "mi"},   {Dim::Length, "m", "ft"},   {Dim::Temperature, "C", "F"},
      {Dim::Volume, "L", "gal"}};
  for (const auto& p : pairs) {
    if (p.dim != dim) continue;
    const char* to = nullptr;
    if (u == UnitSystem::US && unit == p.metric) to = p.us;
    if (u == UnitSystem::Metric && unit == p.us) to = p.metric;
    if (!to) continue;
    const double si = to_si(value, dim, unit);
    // Power in W stays in W-scale text when tiny (loss terms): hp of a few watts is noise.
    if (dim == Dim::Power && unit == std::string("W")) return "";
    return "(" + with_unit(from_si(si, dim, to), to) + ")";
  }
  return "";
}

std::string value_text(const nlohmann::ordered_json& v) {
  if (v.is_number()) return number_text(v.get<double>(), 6);
  if (v.is_string()) return v.get<std::string>();
  std::string s = v.dump();
  // Tables: a space after each comma reads better in a terminal.
  std::string out;
  for (char c : s) {
    out += c;
    if (c == ',') out += ' ';
  }
  return out;
}

// The file's JSON in its own key order (read_json_file sorts keys).
nlohmann::ordered_json file_in_order(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::ordered_json::parse(ss.str(), nullptr, true, /*ignore_comments=*/true);
}

// Every value under `j` with its unit (the suffix the reader took it in, from `units`) and its source.
void print_parameters(std::ostream& out, const nlohmann::ordered_json& j, const std::string& path,
                      const std::map<std::string, std::string>& units, UnitSystem u) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    if (key.rfind('_', 0) == 0 || key == "type" || key == "name" || (path.empty() && key == "metadata"))
      continue;
    const auto& node = it.value();
    const std::string full = path.empty() ? key : path + "." + key;
    if (node.is_object() && !node.contains("value")) {
      print_parameters(out, node, full, units, u);
      continue;
    }
    const nlohmann::ordered_json& value = node.is_object() ? node["value"] : node;
    std::string base, unit;
    Dim dim = Dim::None;
    std::string shown;
    // A unit only where the reader took the key as base + unit (not "heat_capacity_J_per_K", read plain).
    const bool has_unit = JsonParams::split_unit_key(key, &base, &dim, &unit) &&
                          units.count(path.empty() ? base : path + "." + base) && value.is_number();
    if (has_unit) {
      shown = value_text(value) + " " + unit;
      const std::string other = other_units(value.get<double>(), dim, unit, u);
      if (!other.empty()) shown += " " + other;
    } else {
      shown = value_text(value);  // plain numbers, tables (units named in the key), text
    }
    const std::string source = node.is_object() && node.contains("source") && node["source"].is_string()
                                   ? node["source"].get<std::string>()
                                   : "(no source given)";
    char head[96];
    std::snprintf(head, sizeof head, "  %-44s ", full.c_str());
    out << head << shown << "\n";
    if (!value.is_string())
      out << std::string(49, ' ') << "source: " << source << "\n";  // text describes itself
  }
}

}  // namespace

const physics::Chassis& LibraryVehicle::chassis() const {
  return electric ? electric->chassis : diesel->chassis;
}

double LibraryVehicle::usable_energy_J() const {
  if (!electric) return 0.0;
  const physics::BatteryPack pack(electric->battery);
  return pack.energy_between_J(electric->battery.soc_min, electric->battery.soc_max);
}

double LibraryVehicle::nominal_energy_J() const {
  if (!electric) return 0.0;
  const physics::BatteryPack pack(electric->battery);
  return pack.energy_between_J(0.0, 1.0);
}

double LibraryVehicle::peak_power_W() const {
  if (electric) return electric->motor.peak_power_W;
  double best = 0.0;
  for (const auto& p : diesel->engine.full_load) best = std::max(best, p.speed_radps * p.torque_Nm);
  return best;
}

double LibraryVehicle::gcw_rating_kg() const {
  return meta.gcw_rating_kg ? *meta.gcw_rating_kg : chassis().mass_kg();
}

std::string LibraryVehicle::source_of(const std::string& key_path) const {
  const auto it = sources.find(key_path);
  return it == sources.end() ? "" : it->second;
}

std::string LibraryVehicle::written_key(const std::string& base_path) const {
  const auto it = units.find(base_path);
  return it == units.end() ? base_path : base_path + "_" + it->second;
}

std::string vehicle_library_dir() { return resources_dir() + "/vehicles"; }

std::vector<std::string> vehicle_library_names(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".json") names.push_back(e.path().stem().string());
  }
  if (ec) throw InputError(dir + ": cannot list the vehicle library (" + ec.message() + ")");
  std::sort(names.begin(), names.end());
  return names;
}

LibraryVehicle load_vehicle_file(const std::string& path) {
  const auto j = read_json_file(path);
  JsonParams root(j, path);
  LibraryVehicle v;
  v.path = path;
  v.id = fs::path(path).stem().string();
  v.type = root.text("type");
  if (v.type == "electric") {
    v.electric = read_electric_truck(root, &v.meta);
  } else if (v.type == "diesel") {
    v.diesel = read_diesel_truck(root, &v.meta);
  } else {
    throw InputError(root.where("type") + " = \"" + v.type + "\": expected \"electric\" or \"diesel\"");
  }
  collect_sources(j, "", &v.sources);
  v.units = root.units();
  return v;
}

LibraryVehicle load_library_vehicle(const std::string& name, const std::string& dir) {
  const auto names = vehicle_library_names(dir);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::string list;
    for (const auto& n : names) list += "\n  " + n;
    throw InputError("no vehicle '" + name + "' in " + dir + "; the library holds:" + list);
  }
  return load_vehicle_file(dir + "/" + name + ".json");
}

std::vector<LibraryVehicle> load_vehicle_library(const std::string& dir) {
  std::vector<LibraryVehicle> out;
  for (const auto& n : vehicle_library_names(dir)) out.push_back(load_vehicle_file(dir + "/" + n + ".json"));
  std::stable_partition(out.begin(), out.end(), [](const LibraryVehicle& v) { return v.is_electric(); });
  return out;
}

namespace {
struct KeyFigures {
  std::string energy_or_engine, motor, curb, gcw, claim;
};

KeyFigures key_figures(const LibraryVehicle& v, UnitSystem u) {
  KeyFigures k;
  if (v.is_electric()) {
    k.energy_or_engine = energy_text(v.usable_energy_J()) + " usable";
    k.motor = kw_text(v.peak_power_W());
  } else {
    k.energy_or_engine =
        kw_text(v.peak_power_W()) + " (" + number_text(std::round(v.peak_power_W() / kHp)) + " hp)";
    k.motor = "-";
  }
  k.curb = mass_text(v.chassis().tractor_mass_kg, u);
  k.gcw = mass_text(v.gcw_rating_kg(), u);
  k.claim = v.meta.claimed_range_m
                ? range_text(*v.meta.claimed_range_m, u) + " at " + mass_text(*v.meta.claimed_at_gcw_kg, u)
                : "-";
  return k;
}

void source_line(std::ostream& out, const char* what, const LibraryVehicle& v, const std::string& key) {
  const std::string s = v.source_of(key);
  char head[64];
  std::snprintf(head, sizeof head, "    %-15s ", what);
  out << head << key << ": " << (s.empty() ? "(no source given)" : s) << "\n";
}
}  // namespace

void print_vehicle_list(std::ostream& out, const std::vector<LibraryVehicle>& models, UnitSystem u) {
  char line[400];
  const char* fmt = "%-36s %-9s %-22s %-8s %-11s %-11s %s\n";
  std::snprintf(line, sizeof line, fmt, "NAME", "KIND", "USABLE / ENGINE", "MOTOR", "CURB", "GCW",
                "CLAIMED RANGE");
  out << line;
  for (const auto& v : models) {
    const auto k = key_figures(v, u);
    std::snprintf(line, sizeof line, fmt, v.id.c_str(), v.type.c_str(), k.energy_or_engine.c_str(),
                  k.motor.c_str(), k.curb.c_str(), k.gcw.c_str(), k.claim.c_str());
    out << line;
  }
  out << "\nSources of the key figures (`semitco vehicles show NAME` prints every parameter):\n";
  for (const auto& v : models) {
    out << "  " << v.id << ": " << (v.meta.maker.empty() ? v.meta.name : v.meta.maker + " " + v.meta.model);
    if (!v.meta.duty.empty()) out << " (" << v.meta.duty << ")";
    out << "\n";
    if (v.is_electric()) {
      source_line(out, "usable energy", v, "battery.capacity_Ah");
      source_line(out, "motor", v, v.written_key("motor.peak_power"));
    } else {
      source_line(out, "engine", v, "engine.full_load_rpm_Nm");
    }
    source_line(out, "curb", v, v.written_key("chassis.tractor_mass"));
    if (v.meta.gcw_rating_kg) source_line(out, "GCW rating", v, v.written_key("metadata.gcw_rating"));
    if (v.meta.claimed_range_m) source_line(out, "claimed range", v, v.written_key("metadata.claimed_range"));
  }
}

void print_vehicle_details(std::ostream& out, const LibraryVehicle& v, UnitSystem u) {
  const auto k = key_figures(v, u);
  out << v.id << ": " << v.meta.name << "\n";
  out << "  file            " << v.path << "\n";
  out << "  kind            " << v.type << "\n";
  if (!v.meta.maker.empty()) out << "  maker, model    " << v.meta.maker << ", " << v.meta.model << "\n";
  if (!v.meta.duty.empty()) out << "  duty            " << v.meta.duty << "\n";
  if (v.is_electric()) {
    out << "  battery         " << k.energy_or_engine << " (" << energy_text(v.nominal_energy_J())
        << " nominal)\n";
    out << "  motor peak      " << k.motor << " (" << number_text(std::round(v.peak_power_W() / kHp))
        << " hp)\n";
    if (const double m = pack_mass_kg(v.electric->battery); m > 0) {
      out << "  pack mass       " << mass_text(m, u) << " (" << number_text(v.electric->battery.pack_specific_energy_Wh_per_kg)
          << " Wh/kg at pack level; part of the curb weight)\n";
    }
  } else {
    out << "  engine peak     " << k.energy_or_engine << "\n";
  }
  out << "  curb (tractor)  " << k.curb << "\n";
  out << "  GCW rating      " << k.gcw << "\n";
  out << "  as loaded       " << mass_text(v.chassis().mass_kg(), u) << " (payload "
      << mass_text(v.chassis().payload_kg, u) << ")\n";
  if (v.meta.claimed_range_m) out << "  claimed range   " << k.claim << "\n";
  if (!v.meta.claimed_cycle.empty()) out << "  claimed on      " << v.meta.claimed_cycle << "\n";
  if (!v.meta.range_check_cycle.empty()) out << "  range check on  " << v.meta.range_check_cycle << "\n";
  if (!v.meta.claimed_range_note.empty()) out << "  range note      " << v.meta.claimed_range_note << "\n";
  if (v.meta.price_usd) out << "  price           $" << number_text(*v.meta.price_usd) << "\n";
  if (v.meta.price.given()) {
    out << "  price (file)    " << v.meta.price.describe(v.nominal_energy_J() / 3.6e6, v.peak_power_W() / 1000.0) << "\n";
  }
  if (!v.meta.price_note.empty()) out << "  price note      " << v.meta.price_note << "\n";
  const auto j = file_in_order(v.path);
  out << "\nParameters (as written in the file, with the other unit system in brackets):\n";
  print_parameters(out, j, "", v.units, u);
  if (j.contains("metadata")) {
    out << "\nMetadata:\n";
    print_parameters(out, j["metadata"], "metadata", v.units, u);
  }
}

}  // namespace semitco::core
