// Vehicle, driver and ambient sections of semitco's JSON files; see vehicle_file.hpp.
#include "app/core/vehicle_file.hpp"

#include <cmath>
#include <cstdio>

#include "physics/battery_pack.hpp"

namespace semitco::core {

physics::Chassis read_chassis(JsonParams& s) {
  physics::Chassis c;
  c.tractor_mass_kg = s.number("tractor_mass", Dim::Mass, 1.0, 1e5);
  c.trailer_mass_kg = s.number("trailer_mass", Dim::Mass, 0.0, 1e5);
  c.payload_kg = s.number("payload", Dim::Mass, 0.0, 1e5);
  c.rotating_equiv_mass_kg = s.number_or("rotating_equiv_mass", Dim::Mass, 0.0, 0.0, 2e4);
  c.cda_m2 = s.number("cda", Dim::Area, 1e-3, 30.0);
  c.crr = s.number("crr", Dim::None, 0.0, 0.05);
  c.crr_per_mps = s.number_or("crr_per_mps", Dim::None, 0.0, 0.0, 0.01);
  c.wheel_radius_m = s.number("wheel_radius", Dim::Length, 0.2, 1.0);
  s.finish();
  checked(s, [&] { c.check(); });
  return c;
}

physics::BrakeThermalParams read_brakes(JsonParams& s) {
  physics::BrakeThermalParams b;
  b.k1_const_per_h = s.number_or("k1_const_per_h", Dim::None, b.k1_const_per_h, 0.0, 100.0);
  b.k1_per_mph_per_h = s.number_or("k1_per_mph_per_h", Dim::None, b.k1_per_mph_per_h, 0.0, 10.0);
  b.heat_capacity_J_per_K = s.number_or("heat_capacity_J_per_K", Dim::None, b.heat_capacity_J_per_K, 1e3, 1e8);
  b.initial_temperature_C = s.number_or("initial_temperature", Dim::Temperature, b.initial_temperature_C);
  b.fade_limit_C = s.number_or("fade_limit", Dim::Temperature, b.fade_limit_C);
  s.finish();
  checked(s, [&] { b.check(); });
  return b;
}

void read_aux_and_brakes(JsonParams& root, physics::AuxParams* aux, physics::BrakeThermalParams* brakes,
                         bool traction_battery) {
  {
    auto s = root.object("aux");
    aux->power_W = s.number("power", Dim::Power, 0.0, 1e5);
    // The temperature terms of physics::AuxParams; absent, they are 0 and the draw is power_* at every
    // temperature, as in vehicle files written before them.
    auto band = [&](const char* key, double* value) { *value = s.number_or(key, Dim::Temperature, *value, -50.0, 60.0); };
    auto coefficient = [&](const char* key, double* value) { *value = s.number_or(key, Dim::None, *value, 0.0, 5000.0); };
    band("cabin_heating_below", &aux->cabin_heating_below_C);
    coefficient("cabin_heating_W_per_K", &aux->cabin_heating_W_per_K);
    band("cabin_cooling_above", &aux->cabin_cooling_above_C);
    coefficient("cabin_cooling_W_per_K", &aux->cabin_cooling_W_per_K);
    if (traction_battery) {  // a diesel file refuses these keys as unknown
      band("battery_heating_below", &aux->battery_heating_below_C);
      coefficient("battery_heating_W_per_K", &aux->battery_heating_W_per_K);
      band("battery_cooling_above", &aux->battery_cooling_above_C);
      coefficient("battery_cooling_W_per_K", &aux->battery_cooling_W_per_K);
    }
    s.finish();
    checked(s, [&] { aux->check(); });
  }
  auto s = root.object_or_empty("brakes");
  *brakes = read_brakes(s);
}

VehicleMetadata read_vehicle_metadata(JsonParams& s) {
  VehicleMetadata m;
  m.maker = s.text("maker");
  m.model = s.text("model");
  m.duty = s.text_or("duty", "");
  auto optional = [&](const char* base, Dim dim, double lo, double hi) -> std::optional<double> {
    if (!s.has(base, dim)) return std::nullopt;
    return s.number(base, dim, lo, hi);
  };
  m.gcw_rating_kg = optional("gcw_rating", Dim::Mass, 1000.0, 1e5);
  m.claimed_range_m = optional("claimed_range", Dim::Length, 1.0, 1e7);
  m.claimed_at_gcw_kg = optional("claimed_at_gcw", Dim::Mass, 1000.0, 1e5);
  m.claimed_cycle = s.text_or("claimed_cycle", "");
  m.range_check_cycle = s.text_or("range_check_cycle", "");
  m.claimed_range_note = s.text_or("claimed_range_note", "");
  m.price_usd = optional("price", Dim::Money, 0.0, 1e8);
  m.price_note = s.text_or("price_note", "");
  if (m.claimed_range_m && !m.claimed_at_gcw_kg) {
    throw InputError(s.where("claimed_range_mi") +
                     ": a range claim needs the weight it is made at (claimed_at_gcw_lb)");
  }
  s.finish();
  return m;
}

std::optional<double> VehiclePrice::usd(double nominal_kWh, double peak_kW) const {
  if (glider_usd) {
    return *glider_usd + pack_usd_per_kWh * nominal_kWh + (motor_usd_per_kW + engine_usd_per_kW) * peak_kW;
  }
  return quoted_usd;
}

std::string VehiclePrice::describe(double nominal_kWh, double peak_kW) const {
  auto money = [](double v) {
    char buf[48];
    const long long r = std::llround(v);
    std::string digits = std::to_string(r < 0 ? -r : r);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    std::snprintf(buf, sizeof buf, "%s$%s", r < 0 ? "-" : "", digits.c_str());
    return std::string(buf);
  };
  if (!glider_usd) return quoted_usd ? "quoted " + money(*quoted_usd) : "no price";
  char buf[256];
  std::string out = "built up: glider " + money(*glider_usd);
  if (pack_usd_per_kWh > 0) {
    std::snprintf(buf, sizeof buf, " + %.0f kWh x $%.0f/kWh", nominal_kWh, pack_usd_per_kWh);
    out += buf;
  }
  const double per_kW = motor_usd_per_kW + engine_usd_per_kW;
  if (per_kW > 0) {
    std::snprintf(buf, sizeof buf, " + %.0f kW x $%.0f/kW", peak_kW, per_kW);
    out += buf;
  }
  return out + " = " + money(*usd(nominal_kWh, peak_kW));
}

namespace {

VehiclePrice read_price(JsonParams& s, bool electric) {
  VehiclePrice p;
  if (s.has("quoted", Dim::Money)) p.quoted_usd = s.number("quoted", Dim::Money, 1.0, 1e8);
  if (s.has("glider", Dim::Money)) p.glider_usd = s.number("glider", Dim::Money, 0.0, 1e8);
  p.pack_usd_per_kWh = electric ? s.number_or("pack_usd_per_kWh", Dim::None, 0.0, 0.0, 1e4) : 0.0;
  p.motor_usd_per_kW = electric ? s.number_or("motor_usd_per_kW", Dim::None, 0.0, 0.0, 1e4) : 0.0;
  p.engine_usd_per_kW = electric ? 0.0 : s.number_or("engine_usd_per_kW", Dim::None, 0.0, 0.0, 1e4);
  if (!p.glider_usd && (p.pack_usd_per_kWh > 0 || p.motor_usd_per_kW > 0 || p.engine_usd_per_kW > 0)) {
    throw InputError(s.where("glider_usd") + ": a price build-up needs the glider's price");
  }
  if (!p.given()) throw InputError(s.where("quoted_usd") + ": give a quoted price, a build-up (glider_usd, ...) or both");
  s.finish();
  return p;
}

}  // namespace

void read_vehicle_header(JsonParams& root, const char* type, std::string* name, physics::Chassis* chassis,
                         VehicleMetadata* meta) {
  *name = root.text("name");
  const std::string given = root.text("type");
  if (given != type) {
    throw InputError(root.where("type") + " = \"" + given + "\": expected \"" + type + "\"");
  }
  VehicleMetadata m;
  if (root.has_key("metadata")) {
    auto s = root.object("metadata");
    m = read_vehicle_metadata(s);
  }
  m.name = *name;
  if (root.has_key("price")) {
    auto s = root.object("price");
    m.price = read_price(s, std::string(type) == "electric");
  }
  if (meta) *meta = std::move(m);
  auto s = root.object("chassis");
  *chassis = read_chassis(s);
}

physics::ElectricTruckParams read_electric_truck(JsonParams& root, VehicleMetadata* meta) {
  physics::ElectricTruckParams t;
  read_vehicle_header(root, "electric", &t.name, &t.chassis, meta);
  {
    auto s = root.object("motor");
    auto& m = t.motor;
    m.peak_power_W = s.number("peak_power", Dim::Power, 1.0, 1e7);
    m.peak_regen_power_W = s.number("peak_regen_power", Dim::Power, 0.0, 1e7);
    m.peak_torque_Nm = s.number("peak_torque", Dim::Torque, 1e-3, 1e6);
    m.max_speed_radps = s.number("max_speed", Dim::AngularSpeed, 1.0, 1e5);
    m.loss_const_W = s.number("loss_const", Dim::Power, 0.0, 1e5);
    m.loss_speed_W_per_radps = s.number("loss_speed_W_per_radps", Dim::None, 0.0, 1e3);
    m.loss_torque_W_per_Nm2 = s.number("loss_torque_W_per_Nm2", Dim::None, 0.0, 10.0);
    m.loss_speed2_W_per_radps2 = s.number("loss_speed2_W_per_radps2", Dim::None, 0.0, 10.0);
    m.regen_fade_low_mps = s.number("regen_fade_low", Dim::Speed, 0.0, 10.0);
    m.regen_fade_high_mps = s.number("regen_fade_high", Dim::Speed, 0.0, 20.0);
    s.finish();
    checked(s, [&] { m.check(); });
  }
  {
    auto s = root.object("driveline");
    t.driveline.gear_ratio = s.number("gear_ratio", Dim::None, 1e-3, 100.0);
    t.driveline.efficiency = s.number("efficiency", Dim::Fraction, 1e-3, 1.0);
    s.finish();
  }
  {
    auto s = root.object("battery");
    auto& b = t.battery;
    // The pack's size: its charge capacity, or the energy in its usable window (converted below, once the
    // OCV curve and the window are known).
    const bool by_usable = s.has("usable", Dim::Energy);
    if (by_usable == s.has("capacity", Dim::Charge)) {
      throw InputError(s.where("capacity_Ah") + ": give the pack's size once, as capacity_Ah or as usable_kWh");
    }
    const double usable_J = by_usable ? s.number("usable", Dim::Energy, 3.6e6, 3.6e10) : 0.0;
    if (!by_usable) b.capacity_Ah = s.number("capacity", Dim::Charge, 1e-3, 1e5);
    b.pack_specific_energy_Wh_per_kg = s.number_or("pack_specific_energy_Wh_per_kg", Dim::None, 0.0, 20.0, 1000.0);
    b.resistance_ohm = s.number("resistance", Dim::Resistance, 0.0, 10.0);
    b.soc_min = s.number("soc_min", Dim::Fraction, 0.0, 1.0);
    b.soc_max = s.number("soc_max", Dim::Fraction, 0.0, 1.0);
    b.max_discharge_power_W = s.number("max_discharge_power", Dim::Power, 1.0, 1e8);
    b.max_charge_power_W = s.number("max_charge_power", Dim::Power, 0.0, 1e8);
    b.charge_taper_start_soc = s.number("charge_taper_start_soc", Dim::Fraction, 0.0, 1.0);
    const auto* ocv_node = &s.raw("ocv_soc_V");
    if (ocv_node->is_object() && ocv_node->contains("value")) {
      if (ocv_node->contains("source") && (*ocv_node)["source"].is_string()) {
        s.note_source("ocv_soc_V", (*ocv_node)["source"].get<std::string>());
      }
      ocv_node = &(*ocv_node)["value"];
    }
    const auto& ocv = *ocv_node;
    if (!ocv.is_array()) throw InputError(s.where("ocv_soc_V") + ": expected [[soc, volts], ...]");
    b.ocv.clear();
    for (std::size_t i = 0; i < ocv.size(); ++i) {
      const auto& p = ocv[i];
      if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
        throw InputError(s.where("ocv_soc_V[" + std::to_string(i) + "]") + " = " + quote_json(p) +
                         ": expected [soc, volts]");
      }
      b.ocv.push_back({p[0].get<double>(), p[1].get<double>()});
    }
    if (by_usable) {
      // E_usable = C * integral_{soc_min}^{soc_max} V_oc ds, so C follows from the energy at 1 Ah.
      physics::BatteryParams one = b;
      one.capacity_Ah = 1.0;
      checked(s, [&] { one.check(); });
      b.capacity_Ah = usable_J / physics::BatteryPack(one).energy_between_J(b.soc_min, b.soc_max);
    }
    s.finish();
    checked(s, [&] { b.check(); });
  }
  read_aux_and_brakes(root, &t.aux, &t.brakes, true);
  t.initial_soc = root.number("initial_soc", Dim::Fraction, 0.0, 1.0);
  finish_vehicle(root, t);
  return t;
}

physics::ElectricTruckParams load_electric_truck(const std::string& path,
                                                 std::map<std::string, std::string>* sources,
                                                 VehicleMetadata* meta) {
  return load_vehicle(path, sources, [meta](JsonParams& r) { return read_electric_truck(r, meta); });
}

nlohmann::ordered_json write_chassis(const physics::Chassis& c, const std::string& path, const ValueProvenance& pv) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  put_quantity(o, path, "tractor_mass", Dim::Mass, c.tractor_mass_kg, "kg", pv);
  put_quantity(o, path, "trailer_mass", Dim::Mass, c.trailer_mass_kg, "kg", pv);
  put_quantity(o, path, "payload", Dim::Mass, c.payload_kg, "kg", pv);
  put_quantity(o, path, "rotating_equiv_mass", Dim::Mass, c.rotating_equiv_mass_kg, "kg", pv);
  put_quantity(o, path, "cda", Dim::Area, c.cda_m2, "m2", pv);
  put_plain(o, path, "crr", c.crr, pv);
  if (c.crr_per_mps != 0.0) put_plain(o, path, "crr_per_mps", c.crr_per_mps, pv);
  put_quantity(o, path, "wheel_radius", Dim::Length, c.wheel_radius_m, "m", pv);
  return o;
}

nlohmann::ordered_json write_brakes(const physics::BrakeThermalParams& b, const std::string& path,
                                    const ValueProvenance& pv) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  put_plain(o, path, "k1_const_per_h", b.k1_const_per_h, pv);
  put_plain(o, path, "k1_per_mph_per_h", b.k1_per_mph_per_h, pv);
  put_plain(o, path, "heat_capacity_J_per_K", b.heat_capacity_J_per_K, pv);
  put_quantity(o, path, "initial_temperature", Dim::Temperature, b.initial_temperature_C, "C", pv);
  put_quantity(o, path, "fade_limit", Dim::Temperature, b.fade_limit_C, "C", pv);
  return o;
}

nlohmann::ordered_json write_aux(const physics::AuxParams& a, const std::string& path, const ValueProvenance& pv) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  put_quantity(o, path, "power", Dim::Power, a.power_W, "kW", pv);
  // A temperature term is written when it draws anything, so a file without them saves without them.
  auto term = [&](const char* threshold, double threshold_C, const char* coefficient, double W_per_K) {
    if (W_per_K == 0.0) return;
    put_quantity(o, path, threshold, Dim::Temperature, threshold_C, "C", pv);
    put_plain(o, path, coefficient, W_per_K, pv);
  };
  term("cabin_heating_below", a.cabin_heating_below_C, "cabin_heating_W_per_K", a.cabin_heating_W_per_K);
  term("cabin_cooling_above", a.cabin_cooling_above_C, "cabin_cooling_W_per_K", a.cabin_cooling_W_per_K);
  term("battery_heating_below", a.battery_heating_below_C, "battery_heating_W_per_K", a.battery_heating_W_per_K);
  term("battery_cooling_above", a.battery_cooling_above_C, "battery_cooling_W_per_K", a.battery_cooling_W_per_K);
  return o;
}

nlohmann::ordered_json write_electric_truck(const physics::ElectricTruckParams& t, const ValueProvenance& pv) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  o["type"] = "electric";
  o["name"] = t.name;
  o["chassis"] = write_chassis(t.chassis, "chassis", pv);
  {
    const std::string p = "motor";
    const auto& m = t.motor;
    auto& j = o[p] = nlohmann::ordered_json::object();
    put_quantity(j, p, "peak_power", Dim::Power, m.peak_power_W, "kW", pv);
    put_quantity(j, p, "peak_regen_power", Dim::Power, m.peak_regen_power_W, "kW", pv);
    put_quantity(j, p, "peak_torque", Dim::Torque, m.peak_torque_Nm, "Nm", pv);
    put_quantity(j, p, "max_speed", Dim::AngularSpeed, m.max_speed_radps, "rpm", pv);
    put_quantity(j, p, "loss_const", Dim::Power, m.loss_const_W, "W", pv);
    put_plain(j, p, "loss_speed_W_per_radps", m.loss_speed_W_per_radps, pv);
    put_plain(j, p, "loss_torque_W_per_Nm2", m.loss_torque_W_per_Nm2, pv);
    put_plain(j, p, "loss_speed2_W_per_radps2", m.loss_speed2_W_per_radps2, pv);
    put_quantity(j, p, "regen_fade_low", Dim::Speed, m.regen_fade_low_mps, "mps", pv);
    put_quantity(j, p, "regen_fade_high", Dim::Speed, m.regen_fade_high_mps, "mps", pv);
  }
  {
    const std::string p = "driveline";
    auto& j = o[p] = nlohmann::ordered_json::object();
    put_plain(j, p, "gear_ratio", t.driveline.gear_ratio, pv);
    put_quantity(j, p, "efficiency", Dim::Fraction, t.driveline.efficiency, "frac", pv);
  }
  {
    const std::string p = "battery";
    const auto& b = t.battery;
    auto& j = o[p] = nlohmann::ordered_json::object();
    put_quantity(j, p, "capacity", Dim::Charge, b.capacity_Ah, "Ah", pv);
    nlohmann::ordered_json curve = nlohmann::ordered_json::array();
    for (const auto& pt : b.ocv) curve.push_back({pt.soc, pt.voltage_V});
    const auto src = pv.sources.find("battery.ocv_soc_V");
    if (src != pv.sources.end()) {
      j["ocv_soc_V"] = nlohmann::ordered_json{{"value", curve}, {"source", src->second}};
    } else {
      j["ocv_soc_V"] = curve;
    }
    put_quantity(j, p, "resistance", Dim::Resistance, b.resistance_ohm, "ohm", pv);
    put_quantity(j, p, "soc_min", Dim::Fraction, b.soc_min, "frac", pv);
    put_quantity(j, p, "soc_max", Dim::Fraction, b.soc_max, "frac", pv);
    put_quantity(j, p, "max_discharge_power", Dim::Power, b.max_discharge_power_W, "kW", pv);
    put_quantity(j, p, "max_charge_power", Dim::Power, b.max_charge_power_W, "kW", pv);
    put_quantity(j, p, "charge_taper_start_soc", Dim::Fraction, b.charge_taper_start_soc, "frac", pv);
    if (b.pack_specific_energy_Wh_per_kg > 0.0) {
      put_plain(j, p, "pack_specific_energy_Wh_per_kg", b.pack_specific_energy_Wh_per_kg, pv);
    }
  }
  o["aux"] = write_aux(t.aux, "aux", pv);
  o["brakes"] = write_brakes(t.brakes, "brakes", pv);
  put_quantity(o, "", "initial_soc", Dim::Fraction, t.initial_soc, "frac", pv);
  return o;
}

std::string vehicle_type(const std::string& path) {
  const auto j = read_json_file(path);
  JsonParams root(j, path);
  return root.text("type");
}

physics::DriverParams read_driver(JsonParams& s) {
  physics::DriverParams d;
  d.max_accel_mps2 = s.number_or("max_accel", Dim::Accel, d.max_accel_mps2);
  d.comfort_decel_mps2 = s.number_or("comfort_decel", Dim::Accel, d.comfort_decel_mps2);
  d.max_decel_mps2 = s.number_or("max_decel", Dim::Accel, d.max_decel_mps2);
  d.response_time_s = s.number_or("response_time", Dim::Time, d.response_time_s);
  d.stop_approach_speed_mps = s.number_or("stop_approach_speed", Dim::Speed, d.stop_approach_speed_mps);
  d.trace_miss_tolerance_mps = s.number_or("trace_miss_tolerance", Dim::Speed, d.trace_miss_tolerance_mps);
  d.manage_brake_temperature = s.boolean_or("manage_brake_temperature", d.manage_brake_temperature);
  d.brake_margin_C = s.number_or("brake_margin_C", Dim::None, d.brake_margin_C);  // a difference: no F offset
  d.descent_min_grade_frac = s.number_or("descent_min_grade", Dim::Fraction, d.descent_min_grade_frac);
  d.descent_min_speed_mps = s.number_or("descent_min_speed", Dim::Speed, d.descent_min_speed_mps);
  s.finish();
  checked(s, [&] { d.check(); });
  return d;
}

physics::Ambient read_ambient(JsonParams& s) {
  physics::Ambient a;
  a.temperature_C = s.number_or("temperature", Dim::Temperature, a.temperature_C);
  a.headwind_mps = s.number_or("headwind", Dim::Speed, a.headwind_mps);
  a.base_altitude_m = s.number_or("base_altitude", Dim::Length, a.base_altitude_m);
  s.finish();
  checked(s, [&] { a.check(); });
  return a;
}

}  // namespace semitco::core
