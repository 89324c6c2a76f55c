// Diesel vehicle files; see diesel_file.hpp.
#include "app/core/diesel_file.hpp"

#include <iterator>
#include <sstream>
#include <utility>

#include "app/core/vehicle_file.hpp"

namespace semitco::core {

namespace {
constexpr double kRadpsPerRpm = physics::kRadpsPerRpm;

// A table value: an array, or {"value": array, "source": "..."}.
const nlohmann::json& table(JsonParams& s, const std::string& key) {
  const auto& j = s.raw(key);
  const auto& a = (j.is_object() && j.contains("value")) ? j["value"] : j;
  if (!a.is_array()) throw InputError(s.where(key) + " = " + quote_json(j) + ": expected an array");
  return a;
}

double number_at(JsonParams& s, const std::string& key, const nlohmann::json& v, const std::string& index) {
  if (!v.is_number()) throw InputError(s.where(key + index) + " = " + quote_json(v) + ": expected a number");
  return v.get<double>();
}

std::vector<physics::TorquePoint> curve(JsonParams& s, const std::string& key) {
  const auto& a = table(s, key);
  std::vector<physics::TorquePoint> out;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string idx = "[" + std::to_string(i) + "]";
    const auto& p = a[i];
    if (!p.is_array() || p.size() != 2) {
      throw InputError(s.where(key + idx) + " = " + quote_json(p) + ": expected [rpm, N*m]");
    }
    out.push_back({number_at(s, key, p[0], idx) * kRadpsPerRpm, number_at(s, key, p[1], idx)});
  }
  return out;
}

std::vector<double> vector_of(JsonParams& s, const std::string& key, double scale) {
  const auto& a = table(s, key);
  std::vector<double> out;
  for (std::size_t i = 0; i < a.size(); ++i)
    out.push_back(number_at(s, key, a[i], "[" + std::to_string(i) + "]") * scale);
  return out;
}

void read_fuel_map(JsonParams& s, physics::DieselEngineParams& e) {
  const std::string method = s.text_or("method", "table");
  if (method == "willans") {
    auto& w = e.willans;
    w.displacement_m3 = s.number("displacement", Dim::Volume, 1e-3, 100.0) * 1e-3;  // L -> m^3
    w.indicated_eff_max = s.number("indicated_eff_max", Dim::Fraction, 1e-3, 0.7);
    w.speed_opt_radps = s.number("speed_opt", Dim::AngularSpeed, 1.0, 1000.0);
    w.k_speed = s.number("k_speed", Dim::None, 0.0, 1.0);
    w.bmep_knee_Pa = s.number("bmep_knee_bar", Dim::None, 1e-3, 100.0) * 1e5;
    w.k_load = s.number("k_load", Dim::None, 0.0, 10.0);
    s.finish();
    checked(s, [&] { w.check(); });
    return;
  }
  if (method != "table") {
    throw InputError(s.where("method") + " = \"" + method + "\": expected \"willans\" or \"table\"");
  }
  auto& m = e.fuel_map;
  m.speed_radps = vector_of(s, "speed_rpm", kRadpsPerRpm);
  m.torque_Nm = vector_of(s, "torque_Nm", 1.0);
  const auto& rows = table(s, "fuel_g_per_h");
  m.fuel_kgps.clear();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (!r.is_array() || r.size() != m.torque_Nm.size()) {
      throw InputError(s.where("fuel_g_per_h[" + std::to_string(i) + "]") + " = " + quote_json(r) + ": expected " +
                       std::to_string(m.torque_Nm.size()) + " values (one per torque)");
    }
    for (std::size_t j = 0; j < r.size(); ++j) {
      const std::string idx = "[" + std::to_string(i) + "][" + std::to_string(j) + "]";
      m.fuel_kgps.push_back(number_at(s, "fuel_g_per_h", r[j], idx) / 3.6e6);
    }
  }
  s.finish();
  checked(s, [&] { m.check(); });
}
}  // namespace

physics::DieselTruckParams read_diesel_truck(JsonParams& root, VehicleMetadata* meta) {
  physics::DieselTruckParams t;
  read_vehicle_header(root, "diesel", &t.name, &t.chassis, meta);
  {
    auto s = root.object("engine");
    auto& e = t.engine;
    e.idle_speed_radps = s.number("idle_speed", Dim::AngularSpeed, 1.0, 1000.0);
    e.min_speed_radps = s.number("min_speed", Dim::AngularSpeed, 1.0, 1000.0);
    e.launch_speed_radps = s.number("launch_speed", Dim::AngularSpeed, 1.0, 1000.0);
    e.rated_speed_radps = s.number("rated_speed", Dim::AngularSpeed, 1.0, 1000.0);
    e.max_speed_radps = s.number("max_speed", Dim::AngularSpeed, 1.0, 1000.0);
    // The speeds must rise in this order. Checked here, where the keys and units the file used are known,
    // so the message names the key that breaks the order as written (not another key, in rad/s).
    {
      const std::pair<const char*, double> chain[] = {{"idle_speed", e.idle_speed_radps},
                                                      {"min_speed", e.min_speed_radps},
                                                      {"launch_speed", e.launch_speed_radps},
                                                      {"rated_speed", e.rated_speed_radps},
                                                      {"max_speed", e.max_speed_radps}};
      auto as_written = [&](const char* base, double radps) {
        const auto u = s.units().find(s.path() + "." + base);
        const std::string unit = u != s.units().end() ? u->second : "radps";
        std::ostringstream os;
        os << s.path() << "." << base << "_" << unit << " = " << from_si(radps, Dim::AngularSpeed, unit);
        return os.str();
      };
      for (std::size_t i = 0; i + 1 < std::size(chain); ++i) {
        const bool strict = i >= 2;  // launch < rated < max; idle <= min <= launch
        const double a = chain[i].second, b = chain[i + 1].second;
        if (strict ? !(a * 1.0001 <= b) : !(a <= b)) {
          throw InputError(s.file() + ": " + as_written(chain[i].first, a) + " is " + (strict && a <= b ? "not below " : "above ") +
                           as_written(chain[i + 1].first, b) +
                           ": the engine speeds must satisfy idle <= min <= launch < rated < max");
        }
      }
    }
    e.full_load = curve(s, "full_load_rpm_Nm");
    e.motoring = curve(s, "motoring_rpm_Nm");
    e.engine_brake = curve(s, "engine_brake_rpm_Nm");
    {
      auto m = s.object("fuel_map");
      read_fuel_map(m, e);
    }
    s.finish();
    checked(root, [&] { e.check(); });
  }
  {
    auto s = root.object("fuel");
    auto& f = t.fuel;
    f.lhv_J_per_kg = s.number("lhv_MJ_per_kg", Dim::None, 30.0, 50.0) * 1e6;
    f.density_kg_per_m3 = s.number("density_kg_per_L", Dim::None, 0.7, 1.0) * 1000.0;
    f.co2_kg_per_m3 = s.number("co2_kg_per_gal", Dim::None, 1.0, 20.0) / 3.785411784e-3;
    f.def_volume_frac = s.number("def_volume", Dim::Fraction, 0.0, 0.2);
    f.def_density_kg_per_m3 = s.number("def_density_kg_per_L", Dim::None, 0.9, 1.3) * 1000.0;
    s.finish();
    checked(root, [&] { f.check(); });
  }
  {
    auto s = root.object("gearbox");
    auto& g = t.gearbox;
    g.ratios = vector_of(s, "ratios", 1.0);
    g.efficiencies = vector_of(s, "efficiencies", 1.0);
    g.final_drive_ratio = s.number("final_drive_ratio", Dim::None, 1e-3, 20.0);
    g.final_drive_efficiency = s.number("final_drive_efficiency", Dim::Fraction, 1e-3, 1.0);
    g.shift_time_s = s.number("shift_time", Dim::Time, 1e-3, 10.0);
    const double start = s.number("start_gear", Dim::None, 1.0, 16.0);
    if (start != static_cast<int>(start)) {
      throw InputError(s.where("start_gear") + " = " + std::to_string(start) +
                       ": expected a whole gear number");
    }
    g.start_gear = static_cast<int>(start);
    s.finish();
    checked(root, [&] { g.check(); });
  }
  {
    auto s = root.object("shift_strategy");
    auto& p = t.shift;
    p.upshift_low_radps = s.number("upshift_low", Dim::AngularSpeed, 1.0, 1000.0);
    p.upshift_high_radps = s.number("upshift_high", Dim::AngularSpeed, 1.0, 1000.0);
    p.downshift_low_radps = s.number("downshift_low", Dim::AngularSpeed, 1.0, 1000.0);
    p.downshift_high_radps = s.number("downshift_high", Dim::AngularSpeed, 1.0, 1000.0);
    p.margin_radps = s.number("margin", Dim::AngularSpeed, 0.0, 50.0);
    p.reversal_lockout_s = s.number("reversal_lockout", Dim::Time, 0.0, 60.0);
    p.decision_interval_s = s.number_or("decision_interval", Dim::Time, p.decision_interval_s, 0.05, 5.0);
    s.finish();
    checked(root, [&] { p.check(t.engine); });
  }
  read_aux_and_brakes(root, &t.aux, &t.brakes, false);
  finish_vehicle(root, t);
  return t;
}

physics::DieselTruckParams load_diesel_truck(const std::string& path,
                                             std::map<std::string, std::string>* sources,
                                             VehicleMetadata* meta) {
  return load_vehicle(path, sources, [meta](JsonParams& r) { return read_diesel_truck(r, meta); });
}

}  // namespace semitco::core
