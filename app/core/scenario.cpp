// Scenario files; see scenario.hpp.
#include "app/core/scenario.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>

#include "app/core/atomic_file.hpp"
#include "app/core/diesel_file.hpp"
#include "app/core/vehicle_file.hpp"
#include "app/core/vehicle_overrides.hpp"
#include "physics/battery_pack.hpp"

namespace semitco::core {

namespace fs = std::filesystem;

namespace {

// The folder of the file this code is linked into: the executable, or the Python module's shared library.
fs::path folder_of_this_binary() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&folder_of_this_binary), &info) != 0 && info.dli_fname != nullptr) {
    std::error_code ec;
    const fs::path p = fs::canonical(info.dli_fname, ec);
    if (!ec) return p.parent_path();
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

// An installed tree: <prefix>/share/semitco beside the folder holding the binary, looked for up to four
// folders up (/usr/bin/semitco and /usr/lib/python3/dist-packages/semitco/_core*.so both find
// /usr/share/semitco). Only a folder with the default scenario in it counts.
std::string installed_resources_dir() {
  fs::path dir = folder_of_this_binary();
  for (int up = 0; up < 5 && !dir.empty(); ++up, dir = dir.parent_path()) {
    const fs::path candidate = dir.parent_path() / "share" / "semitco";
    std::error_code ec;
    if (fs::is_regular_file(candidate / "scenarios" / "default.json", ec)) return candidate.string();
    if (dir == dir.parent_path()) break;
  }
  return {};
}

}  // namespace

// $SEMITCO_RESOURCES_DIR when set, else the installed tree (a package unpacked anywhere), else the source
// tree the program was built from (development). Found once per process.
std::string resources_dir() {
  static const std::string dir = [] {
    const char* env = std::getenv("SEMITCO_RESOURCES_DIR");
    if (env != nullptr && *env != '\0') return std::string(env);
    if (std::string installed = installed_resources_dir(); !installed.empty()) return installed;
    return std::string(SEMITCO_RESOURCES_DIR);
  }();
  return dir;
}
std::string default_scenario_path() { return resources_dir() + "/scenarios/default.json"; }

std::string Scenario::dir() const {
  if (file.empty()) return fs::current_path().string();
  const fs::path parent = fs::path(file).parent_path();
  return parent.empty() ? "." : parent.string();  // a bare file name lives in the current folder
}

std::string Scenario::route_path() const {
  const fs::path p(route_ref);
  if (p.is_absolute() || file.empty()) return p.string();
  return (fs::path(dir()) / p).lexically_normal().string();
}

namespace {
std::string resolve(const std::string& dir, const std::string& ref);
std::string vehicle_file(const std::string& dir, const std::string& ref);
}

std::vector<std::string> Scenario::input_files() const {
  std::vector<std::string> files;
  if (!file.empty()) files.push_back(file);
  if (!route_ref.empty()) files.push_back(route_path());
  for (const auto* ref : {&electric_ref, &diesel_ref}) {
    if (!ref->empty()) files.push_back(vehicle_file(dir(), *ref));
  }
  if (!economics_provenance.base.empty()) files.push_back(resolve(dir(), economics_provenance.base));
  return files;
}

namespace {

std::string resolve(const std::string& dir, const std::string& ref) {
  const fs::path p(ref);
  return p.is_absolute() ? p.string() : (fs::path(dir) / p).lexically_normal().string();
}

// A vehicle reference: a file path relative to the scenario, or the name of a model of the vehicle library
// (resources/vehicles/NAME.json, `semitco vehicles list`) when it is a bare name without a file beside the
// scenario.
std::string vehicle_file(const std::string& dir, const std::string& ref) {
  const std::string local = resolve(dir, ref);
  const bool bare = ref.find('/') == std::string::npos && fs::path(ref).extension().empty();
  if (!bare || fs::exists(local)) return local;
  return (fs::path(resources_dir()) / "vehicles" / (ref + ".json")).string();
}

// A vehicle is a file path, a library model's name, or {"file": path or name, <any key of the vehicle
// file>: override, ...}: every parameter the vehicle file has (battery, motor, driveline, engine, gearbox,
// chassis, aux, brakes, initial_soc ...) with the same keys and any unit, section by section; or the whole
// vehicle object inline. Returns the vehicle's JSON with the overrides applied; `overrides` gets them
// (the chassis apart, which the scenario edits itself).
nlohmann::json vehicle_json(JsonParams& root, const char* key, const std::string& dir, const char* want_type,
                            std::string* ref, std::string* file_for_messages, nlohmann::json* overrides) {
  const nlohmann::json& node = root.raw(key);
  nlohmann::json out;
  *overrides = nlohmann::json::object();
  if (node.is_string() || (node.is_object() && node.contains("file"))) {
    const nlohmann::json& f = node.is_string() ? node : node["file"];
    if (!f.is_string()) throw InputError(root.where(std::string(key) + ".file") + ": expected a path");
    *ref = f.get<std::string>();
    *file_for_messages = vehicle_file(dir, *ref);
    out = read_json_file(*file_for_messages);
    if (node.is_object()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (it.key() == "file") continue;
        if (it.key() == "type" || it.key() == "metadata") {
          throw InputError(root.where(std::string(key) + "." + it.key()) +
                           ": the vehicle's type and metadata are the file's own, not an override");
        }
        if (is_section(it.value())) {
          auto& sec = out[it.key()];
          if (!sec.is_null() && !is_section(sec)) {
            throw InputError(root.where(std::string(key) + "." + it.key()) + ": is a value in the vehicle file, not a section");
          }
          for (auto ov = it.value().begin(); ov != it.value().end(); ++ov) replace_quantity(sec, ov.key(), ov.value());
        } else {
          replace_quantity(out, it.key(), it.value());
        }
        if (it.key() != "chassis") (*overrides)[it.key()] = it.value();
      }
    }
  } else if (node.is_object()) {
    ref->clear();
    *file_for_messages = root.file();
    out = node;
  } else {
    throw InputError(root.where(key) + ": expected a vehicle file path or a vehicle object");
  }
  const std::string type = out.value("type", "");
  if (type != want_type) {
    throw InputError(root.where(key) + ": is a \"" + type + "\" vehicle, expected \"" + want_type + "\"");
  }
  return out;
}

template <class Params, class Reader>
Params read_vehicle(JsonParams& root, const char* key, const std::string& dir, const char* want_type,
                    std::string* ref, nlohmann::json* json_out, nlohmann::json* overrides,
                    std::map<std::string, std::string>* sources, VehicleMetadata* meta, Reader reader) {
  std::string file;
  *json_out = vehicle_json(root, key, dir, want_type, ref, &file, overrides);
  JsonParams vr(*json_out, file, ref->empty() ? std::string(key) : "");
  Params p = reader(vr, meta);
  for (const auto& [k, v] : vr.sources()) (*sources)[(ref->empty() ? "" : std::string(key) + ".") + k] = v;
  return p;
}

// An electric truck whose scenario overrides its pack: what follows from the file's pack to this one.
double couple_to_file(JsonParams& root, const std::string& dir, const std::string& ref,
                      const nlohmann::json& overrides, physics::ElectricTruckParams& t) {
  if (ref.empty() || !overrides.contains("battery")) return 0.0;
  const std::string path = vehicle_file(dir, ref);
  const auto file_json = read_json_file(path);
  JsonParams fr(file_json, path);
  const auto file_truck = read_electric_truck(fr);
  const auto& node = root.raw("electric_vehicle");
  const bool tare_stated = node.contains("chassis") && states_quantity(node["chassis"], "tractor_mass");
  return couple_pack(file_truck, t, overrides["battery"], tare_stated);
}

// "purchase_price_usd": "vehicle" in a truck's economics: noted, and a placeholder put in its place for the
// economics reader (price_vehicles sets the real figure).
bool price_from_vehicle(nlohmann::json& economics, const char* truck) {
  if (!economics.is_object() || !economics.contains(truck)) return false;
  auto& t = economics[truck];
  if (!t.is_object() || !t.contains("economics") || !t["economics"].is_object()) return false;
  auto& e = t["economics"];
  if (!e.contains("purchase_price_usd") || !e["purchase_price_usd"].is_string()) return false;
  if (e["purchase_price_usd"].get<std::string>() != "vehicle") return false;
  e["purchase_price_usd"] = 1.0;
  return true;
}

// How a vehicle is written back: the reference alone while the chassis equals the file's and nothing else
// is overridden, else the reference with the overrides as read and the chassis, or the inline object with
// its chassis replaced.
nlohmann::ordered_json vehicle_out(const std::string& dir, const std::string& ref, const nlohmann::json& loaded,
                                   const physics::Chassis& chassis, const nlohmann::json& overrides,
                                   double tare_from_pack_kg) {
  nlohmann::json file_json = ref.empty() ? loaded : read_json_file(vehicle_file(dir, ref));
  JsonParams fr(file_json, ref);
  auto sec = fr.object("chassis");
  physics::Chassis file_chassis = read_chassis(sec);
  file_chassis.tractor_mass_kg += tare_from_pack_kg;  // the pack's overrides bring their mass
  const ValueProvenance pv = ValueProvenance::of(fr);
  const auto mine = write_chassis(chassis, "chassis", pv);
  const bool same = write_chassis(file_chassis, "chassis", pv) == mine;
  if (!ref.empty()) {
    if (same && overrides.empty()) return nlohmann::ordered_json(ref);
    nlohmann::ordered_json o{{"file", ref}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it) o[it.key()] = nlohmann::ordered_json::parse(it.value().dump());
    if (!same) o["chassis"] = mine;
    return o;
  }
  nlohmann::ordered_json o = nlohmann::ordered_json::parse(loaded.dump());
  o["chassis"] = mine;
  return o;
}

}  // namespace

void price_vehicles(Scenario& s) {
  auto price = [&](bool electric) {
    const auto& meta = electric ? s.electric_meta : s.diesel_meta;
    double nominal_kWh = 0.0, peak_kW = 0.0;
    if (electric) {
      nominal_kWh = physics::BatteryPack(s.electric.battery).energy_between_J(0.0, 1.0) / 3.6e6;
      peak_kW = s.electric.motor.peak_power_W / 1000.0;
    } else {
      for (const auto& p : s.diesel.engine.full_load) peak_kW = std::max(peak_kW, p.speed_radps * p.torque_Nm / 1000.0);
    }
    const auto usd = meta.price.usd(nominal_kWh, peak_kW);
    const char* truck = electric ? "electric" : "diesel";
    if (!usd) {
      throw InputError(s.file + ": economics." + truck + ".economics.purchase_price_usd = \"vehicle\": the " + truck +
                       " vehicle (" + meta.name + ") has no \"price\" section");
    }
    (electric ? s.economics.electric : s.economics.diesel).economics.purchase_price_usd = *usd;
    s.sources[std::string("economics.") + truck + ".economics.purchase_price_usd"] =
        "the vehicle's price, " + meta.price.describe(nominal_kWh, peak_kW);
  };
  if (s.electric_price_from_vehicle) price(true);
  if (s.diesel_price_from_vehicle) price(false);
}

void set_vehicle_reference(Scenario& s, bool electric, const std::string& ref) {
  auto j = nlohmann::json::parse(scenario_to_text(s));
  j[electric ? "electric_vehicle" : "diesel_vehicle"] = ref;
  Scenario out = scenario_from_json(j, s.file);
  out.name = s.name;
  s = std::move(out);
}

Scenario load_scenario(const std::string& path) { return scenario_from_json(read_json_file(path), path); }

Scenario scenario_from_json(const nlohmann::json& j_in, const std::string& path) {
  nlohmann::json j = j_in;
  bool ev_price = false, dsl_price = false;
  if (j.is_object() && j.contains("economics")) {
    ev_price = price_from_vehicle(j["economics"], "electric");
    dsl_price = price_from_vehicle(j["economics"], "diesel");
  }
  JsonParams root(j, path);
  Scenario s;
  s.file = path;
  const std::string dir = s.dir();
  s.name = root.text("name");
  s.route_ref = root.text("route");
  s.route_format = root.text_or("route_format", "auto");
  s.electric = read_vehicle<physics::ElectricTruckParams>(
      root, "electric_vehicle", dir, "electric", &s.electric_ref, &s.electric_json, &s.electric_overrides, &s.sources,
      &s.electric_meta, [](JsonParams& v, VehicleMetadata* m) { return read_electric_truck(v, m); });
  s.electric_tare_from_pack_kg = couple_to_file(root, dir, s.electric_ref, s.electric_overrides, s.electric);
  s.diesel = read_vehicle<physics::DieselTruckParams>(
      root, "diesel_vehicle", dir, "diesel", &s.diesel_ref, &s.diesel_json, &s.diesel_overrides, &s.sources,
      &s.diesel_meta, [](JsonParams& v, VehicleMetadata* m) { return read_diesel_truck(v, m); });
  {
    auto a = root.object_or_empty("ambient");
    s.ambient = read_ambient(a);
  }
  if (root.has_key("weather")) {
    auto w = root.object("weather");
    s.weather = read_weather(w);
  }
  {
    auto d = root.object_or_empty("driver");
    s.driver = read_driver(d);
  }
  s.grid_co2_kg_per_kWh = root.number_or("grid_co2_kg_per_kWh", Dim::None, s.grid_co2_kg_per_kWh, 0.0, 2.0);
  {
    auto c = root.object_or_empty("trip_charging");
    s.keep_regen_headroom = c.boolean_or("keep_regen_headroom", false);
    c.finish();
  }
  {
    auto e = root.object("economics");
    s.economics = read_economics(e, dir, &s.economics_provenance);
    for (const auto& [k, v] : s.economics_provenance.sources) s.sources["economics." + k] = v;
  }
  if (root.has_key("depot")) {
    auto d = root.object("depot");
    s.depot = read_depot(d, s.economics);
    s.depot_json = d.json();
    for (const auto& [k, v] : d.sources()) s.sources.emplace(k, v);
  }
  if (root.has_key("uncertainty")) {
    auto u = root.object("uncertainty");
    s.uncertainty = read_uncertainty(u);
    s.uncertainty_in_file = true;
  }
  for (const auto& [k, v] : root.sources()) s.sources.emplace(k, v);
  root.finish();
  s.electric_price_from_vehicle = ev_price;
  s.diesel_price_from_vehicle = dsl_price;
  price_vehicles(s);
  return s;
}

std::string scenario_to_text(const Scenario& s) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["name"] = s.name;
  o["route"] = s.route_ref;
  if (s.route_format != "auto") o["route_format"] = s.route_format;

  o["electric_vehicle"] = vehicle_out(s.dir(), s.electric_ref, s.electric_json, s.electric.chassis,
                                      s.electric_overrides, s.electric_tare_from_pack_kg);
  o["diesel_vehicle"] = vehicle_out(s.dir(), s.diesel_ref, s.diesel_json, s.diesel.chassis, s.diesel_overrides, 0.0);
  {
    ValueProvenance pv;
    auto& a = o["ambient"] = nlohmann::ordered_json::object();
    put_quantity(a, "ambient", "temperature", Dim::Temperature, s.ambient.temperature_C, "C", pv);
    put_quantity(a, "ambient", "headwind", Dim::Speed, s.ambient.headwind_mps, "mps", pv);
    put_quantity(a, "ambient", "base_altitude", Dim::Length, s.ambient.base_altitude_m, "m", pv);
  }
  if (s.weather) o["weather"] = write_weather(*s.weather);
  {
    ValueProvenance pv;
    const auto& d = s.driver;
    auto& j = o["driver"] = nlohmann::ordered_json::object();
    put_quantity(j, "driver", "max_accel", Dim::Accel, d.max_accel_mps2, "mps2", pv);
    put_quantity(j, "driver", "comfort_decel", Dim::Accel, d.comfort_decel_mps2, "mps2", pv);
    put_quantity(j, "driver", "max_decel", Dim::Accel, d.max_decel_mps2, "mps2", pv);
    put_quantity(j, "driver", "response_time", Dim::Time, d.response_time_s, "s", pv);
    put_quantity(j, "driver", "stop_approach_speed", Dim::Speed, d.stop_approach_speed_mps, "mps", pv);
    put_quantity(j, "driver", "trace_miss_tolerance", Dim::Speed, d.trace_miss_tolerance_mps, "mps", pv);
    j["manage_brake_temperature"] = d.manage_brake_temperature;
    put_plain(j, "driver", "brake_margin_C", d.brake_margin_C, pv);
    put_quantity(j, "driver", "descent_min_grade", Dim::Fraction, d.descent_min_grade_frac, "frac", pv);
    put_quantity(j, "driver", "descent_min_speed", Dim::Speed, d.descent_min_speed_mps, "mps", pv);
  }
  {
    ValueProvenance pv;
    for (const auto& [k, v] : s.sources) {
      if (k.find('.') == std::string::npos) pv.sources[k] = v;
    }
    put_plain(o, "", "grid_co2_kg_per_kWh", s.grid_co2_kg_per_kWh, pv);
  }
  if (s.keep_regen_headroom) o["trip_charging"] = {{"keep_regen_headroom", true}};
  o["economics"] = write_economics(s.economics, s.economics_provenance);
  for (const auto& [truck, from_vehicle] : {std::pair{"electric", s.electric_price_from_vehicle},
                                            std::pair{"diesel", s.diesel_price_from_vehicle}}) {
    if (from_vehicle) o["economics"][truck]["economics"]["purchase_price_usd"] = "vehicle";
  }
  if (!s.depot_json.is_null()) o["depot"] = nlohmann::ordered_json::parse(s.depot_json.dump());
  if (s.uncertainty_in_file) o["uncertainty"] = write_uncertainty(s.uncertainty);
  return o.dump(2) + "\n";
}

void save_scenario(Scenario& s, const std::string& path) {
  // References are relative to the scenario's folder: re-anchor them when saving elsewhere.
  Scenario out = s;
  out.file = path;
  const fs::path from = fs::absolute(s.dir());
  const fs::path to = fs::absolute(fs::path(path)).parent_path();
  auto rebase = [&](std::string& ref) {
    if (ref.empty() || fs::path(ref).is_absolute()) return;
    ref = fs::relative((from / ref).lexically_normal(), to).generic_string();
  };
  if (from.lexically_normal() != to.lexically_normal()) {
    rebase(out.route_ref);
    // A library model's name stays a name wherever the scenario goes.
    for (auto* ref : {&out.electric_ref, &out.diesel_ref}) {
      if (vehicle_file(s.dir(), *ref) == resolve(s.dir(), *ref)) rebase(*ref);
    }
    rebase(out.economics_provenance.base);
  }
  const std::string text = scenario_to_text(out);
  std::vector<std::string> inputs = s.input_files();
  if (!s.file.empty()) inputs.erase(inputs.begin());  // its own file: formatting in place
  write_file_atomically(path, [&](std::ostream& o) { o << text; }, inputs);
  s = std::move(out);
}

}  // namespace semitco::core
