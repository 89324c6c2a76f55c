// The diesel vehicle file: the shipped resource loads to the documented truck, and bad values are refused
// with the key and the value named.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/core/diesel_file.hpp"
#include "physics/diesel_engine.hpp"

using namespace semitco;

namespace {
const std::string kVehicle = std::string(SEMITCO_SOURCE_DIR) + "/resources/vehicles/diesel_tractor.json";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The shipped file with one piece of text replaced, written to a temporary file.
std::string variant(const std::string& from, const std::string& to) {
  std::string text = slurp(kVehicle);
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), to);
  const auto path = (std::filesystem::temp_directory_path() / "semitco_test_diesel_variant.json").string();
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const std::string& path) {
  try {
    core::load_diesel_truck(path);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("the shipped diesel tractor file loads with its sources", "[core][diesel]") {
  std::map<std::string, std::string> sources;
  const auto t = core::load_diesel_truck(kVehicle, &sources);
  CHECK(t.chassis.mass_kg() == Approx(80000.0 * 0.45359237));
  CHECK(t.chassis.cda_m2 == Approx(0.546 * 10.4).epsilon(1e-3));
  CHECK(t.chassis.crr == 0.0061);
  CHECK(t.gearbox.gears() == 12);
  CHECK(t.gearbox.final_drive_ratio == 2.28);
  CHECK(t.engine.rated_speed_radps == Approx(1800.0 * physics::kRadpsPerRpm));
  CHECK(t.fuel.lhv_J_per_kg == Approx(42.8e6));
  CHECK(t.fuel.density_kg_per_m3 == Approx(847.0));
  CHECK(t.fuel.co2_kg_per_kg() == Approx(10.18 / (3.785411784 * 0.847)));
  CHECK(t.aux.power_W == Approx(5000.0));
  CHECK(t.engine.fuel_map.empty());  // built from the Willans model
  // The file's curves and constants are the physics defaults (the physics tests use those).
  const physics::DieselEngineParams defaults;
  REQUIRE(t.engine.full_load.size() == defaults.full_load.size());
  for (std::size_t i = 0; i < defaults.full_load.size(); ++i) {
    CHECK(t.engine.full_load[i].speed_radps == Approx(defaults.full_load[i].speed_radps).epsilon(1e-6));
    CHECK(t.engine.full_load[i].torque_Nm == Approx(defaults.full_load[i].torque_Nm).epsilon(1e-6));
  }
  REQUIRE(t.engine.motoring.size() == defaults.motoring.size());
  for (std::size_t i = 0; i < defaults.motoring.size(); ++i) {
    CHECK(t.engine.motoring[i].torque_Nm == Approx(defaults.motoring[i].torque_Nm).epsilon(1e-6));
  }
  CHECK(t.engine.willans.displacement_m3 == Approx(defaults.willans.displacement_m3));
  CHECK(t.engine.willans.speed_opt_radps == Approx(defaults.willans.speed_opt_radps));
  const physics::DieselEngine e(t.engine, t.fuel.lhv_J_per_kg);
  CHECK(e.max_power_W() / 745.69987 == Approx(450.0).epsilon(0.01));
  // Every number carries a source.
  CHECK(sources.count("chassis.cda_m2") == 1);
  CHECK(sources.count("engine.rated_speed_rpm") == 1);
  CHECK(sources.count("fuel.lhv_MJ_per_kg") == 1);
}

TEST_CASE("bad diesel files are refused naming key and value", "[core][diesel]") {
  struct Case {
    const char* from;
    const char* to;
    const char* key;
    const char* value;
  };
  const Case cases[] = {
      {"\"type\": \"diesel\"", "\"type\": \"petrol\"", "type", "petrol"},
      {"\"crr\": {\"value\": 0.0061", "\"crr\": {\"value\": -0.5", "crr", "-0.5"},
      {"\"lhv_MJ_per_kg\": {\"value\": 42.8", "\"lhv_MJ_per_kg\": {\"value\": 4.28", "lhv_MJ_per_kg", "4.28"},
      {"\"final_drive_ratio\": {\"value\": 2.28", "\"final_drive_ratio\": {\"value\": 0", "final_drive_ratio",
       "0"},
      {"[14.94, 11.73, 9.04", "[14.94, 15.73, 9.04", "ratios", "15.73"},
      {"\"start_gear\": {\"value\": 2", "\"start_gear\": {\"value\": 13", "start_gear", "13"},
      {"\"start_gear\": {\"value\": 2", "\"start_gear\": {\"value\": 2.5", "start_gear", "2.5"},
      {"\"idle_speed_rpm\": {\"value\": 600", "\"idle_speed_rpm\": {\"value\": 950", "idle_speed_rpm", "950"},
      // An engine speed out of order is reported under the key and in the unit the file used (issue 14).
      {"\"rated_speed_rpm\": {\"value\": 1800", "\"rated_speed_rpm\": {\"value\": 2100", "rated_speed_rpm",
       "2100"},
      {"\"downshift_low_rpm\": {\"value\": 950", "\"downshift_low_rpm\": {\"value\": 1250",
       "downshift_low_radps", "130.9"},
      {"[1000, 2372.6814], [1100", "[1000, -5], [1100", "full_load[3].torque_Nm", "-5"},
      {"\"k_speed\": {\"value\": 0.25", "\"k_speed\": {\"value\": 3", "k_speed", "3"},
      {"\"power_kW\": {\"value\": 5.0", "\"power_kW\": {\"value\": 5.0}, \"powr_kW\": {\"value\": 5.0",
       "powr_kW", "unknown key"},
      {"\"shift_time_s\": {\"value\": 1.0", "\"shift_time_h\": {\"value\": 1.0", "shift_time", ""},
  };
  for (const auto& c : cases) {
    const std::string msg = error_of(variant(c.from, c.to));
    INFO("replaced " << c.from << " with " << c.to << ": " << msg);
    CHECK(msg.find("semitco_test_diesel_variant.json") != std::string::npos);
    CHECK(msg.find(c.key) != std::string::npos);
    CHECK(msg.find(c.value) != std::string::npos);
  }
}
