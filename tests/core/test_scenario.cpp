// Scenario files: the bundled default loads, saves byte-identically, refuses bad input by key, and a
// comparison on it runs end to end with both trucks.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/scenario.hpp"

using namespace semitco;
namespace fs = std::filesystem;

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path temp_dir() {
  const auto d = fs::temp_directory_path() / ("semitco-test-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}
}  // namespace

TEST_CASE("the default scenario saves back byte for byte", "[core][scenario]") {
  const auto path = core::default_scenario_path();
  auto s = core::load_scenario(path);
  CHECK(core::scenario_to_text(s) == slurp(path));
  // Saving next to the original keeps the references as they are.
  const std::string copy = (fs::path(path).parent_path() / ("copy-" + std::to_string(::getpid()) + ".json")).string();
  core::save_scenario(s, copy);
  CHECK(slurp(copy) == slurp(path));
  fs::remove(copy);
}

TEST_CASE("saving elsewhere re-anchors the references and loads the same scenario", "[core][scenario]") {
  auto s = core::load_scenario(core::default_scenario_path());
  s.economics.prices.diesel_price_usd_per_gal = 4.25;
  s.diesel.chassis.cda_m2 = 5.0;  // a chassis edit is kept as an override of the vehicle file
  const auto out = (temp_dir() / "moved.json").string();
  core::save_scenario(s, out);
  const auto back = core::load_scenario(out);
  CHECK(back.route_path() == s.route_path());
  CHECK(back.economics.prices.diesel_price_usd_per_gal == 4.25);
  CHECK(back.diesel.chassis.cda_m2 == Approx(5.0));
  CHECK(back.electric.chassis.cda_m2 == s.electric.chassis.cda_m2);
  CHECK(slurp(out).find("\"chassis\"") != std::string::npos);
  fs::remove_all(fs::path(out).parent_path());
}

TEST_CASE("bad scenario files are refused naming the key and the value", "[core][scenario]") {
  const auto dir = temp_dir();
  const auto base = core::resources_dir();
  auto write = [&](const std::string& body) {
    const auto p = (dir / "bad.json").string();
    std::ofstream(p) << body;
    return p;
  };
  auto message = [&](const std::string& body) {
    try {
      core::load_scenario(write(body));
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  const std::string head = "{\"name\": \"x\", \"route\": \"" + base + "/routes/i5_grapevine.csv\", \"electric_vehicle\": \"" +
                           base + "/vehicles/electric_semi.json\", \"diesel_vehicle\": \"" + base +
                           "/vehicles/diesel_tractor.json\", ";
  const std::string econ = "\"economics\": {\"base\": \"" + base + "/economics/defaults.json\"";
  CHECK_THAT(message(head + econ + ", \"prices\": {\"diesel_price_usd_per_gal\": -2}}}"),
             Catch::Contains("diesel_price_usd_per_gal") && Catch::Contains("-2"));
  CHECK_THAT(message(head + econ + "}, \"ambient\": {\"temperature_C\": 90}}"),
             Catch::Contains("temperature") && Catch::Contains("90"));
  CHECK_THAT(message(head + econ + "}, \"colour\": \"red\"}"), Catch::Contains("colour") && Catch::Contains("unknown"));
  CHECK_THAT(message(head + "\"economics\": {}}"), Catch::Contains("missing"));
  CHECK_THAT(message("{\"name\": \"x\",\n \"route\": 5,"), Catch::Contains("bad.json:2"));  // JSON syntax: line named
  CHECK_THAT(message(head + econ + "}, \"diesel_vehicle\": \"" + base + "/vehicles/electric_semi.json\"}"),
             Catch::Contains("diesel"));
  fs::remove_all(dir);
}

TEST_CASE("a comparison on the default scenario runs both trucks and prices them", "[core][scenario]") {
  const auto s = core::load_scenario(core::default_scenario_path());
  const auto r = core::run_comparison(s, core::load_route(s), {false});
  REQUIRE(r.electric.trip.summary.completed);
  REQUIRE(r.diesel.trip.summary.completed);
  // The same road for both: distances agree to a metre.
  CHECK(r.electric.trip.summary.distance_m == Approx(r.diesel.trip.summary.distance_m).margin(1.0));
  // Weight-limited freight: neither truck exceeds its legal gross weight.
  const double lb = 0.45359237;
  CHECK(r.electric.tare_kg + r.electric.payload_kg <= 82000 * lb + 1e-6);
  CHECK(r.diesel.tare_kg + r.diesel.payload_kg <= 80000 * lb + 1e-6);
  // Costs add up: the lines sum to the total per mile for each truck.
  for (const auto* c : {&r.tco.electric, &r.tco.diesel}) {
    double sum = 0.0;
    for (const auto& l : c->lines) sum += l.usd_per_mi;
    CHECK(sum == Approx(c->usd_per_mi).epsilon(1e-9));
  }
  CHECK(r.tco.savings_usd_per_mi == Approx(r.tco.diesel.usd_per_mi - r.tco.electric.usd_per_mi).epsilon(1e-9));
  // Diesel mpg on a mountain pass is below the flat-road fleet average (6.2-6.9, REFERENCE.md).
  CHECK(r.diesel.mpg > 3.0);
  CHECK(r.diesel.mpg < 6.9);
}

TEST_CASE("every bundled route compares end to end", "[core][scenario]") {
  auto s = core::load_scenario(core::default_scenario_path());
  for (const char* name : {"i80_donner", "i5_grapevine", "i70_eisenhower", "flat_corridor"}) {
    INFO(name);
    s.route_ref = core::resources_dir() + "/routes/" + name + ".csv";
    const auto r = core::run_comparison(s, core::load_route(s), {false});
    CHECK(r.electric.trip.summary.completed);
    CHECK(r.diesel.trip.summary.completed);
    CHECK(r.tco.electric.usd_per_mi > 0.0);
    CHECK(r.tco.diesel.usd_per_mi > 0.0);
    // Brakes kept under the fade limit by both drivers on every bundled mountain pass.
    CHECK(r.electric.trip.summary.peak_brake_temperature_C < s.electric.brakes.fade_limit_C);
    CHECK(r.diesel.trip.summary.peak_brake_temperature_C < s.diesel.brakes.fade_limit_C);
  }
}

TEST_CASE("a scenario names a library model by its name, and the name survives a save elsewhere",
          "[core][scenario][vehicles]") {
  // The default scenario with its trucks replaced by two models of resources/vehicles/.
  auto text = slurp(core::default_scenario_path());
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("\"../vehicles/electric_semi.json\"", "\"tesla_semi_standard_range\"");
  replace("\"../vehicles/diesel_tractor.json\"", "{\"file\": \"freightliner_cascadia_dd15\", \"chassis\": {\"cda_m2\": 5.5}}");
  replace("\"../routes/i80_donner.csv\"", "\"" + core::resources_dir() + "/routes/i80_donner.csv\"");
  const auto dir = temp_dir() / "library";
  fs::create_directories(dir);
  const auto path = (dir / "named.json").string();
  std::ofstream(path) << text;
  const auto s = core::load_scenario(path);
  const auto lib = core::load_scenario(core::default_scenario_path());
  CHECK(s.electric_ref == "tesla_semi_standard_range");
  // The Standard Range pack is smaller than the default truck's (552 against 822 kWh usable).
  CHECK(s.electric.battery.capacity_Ah < lib.electric.battery.capacity_Ah);
  CHECK(s.diesel.chassis.cda_m2 == Approx(5.5));
  auto moved = s;
  const auto out = (temp_dir() / "elsewhere" / "moved.json").string();
  fs::create_directories(fs::path(out).parent_path());
  core::save_scenario(moved, out);
  const auto saved = slurp(out);
  CHECK(saved.find("\"tesla_semi_standard_range\"") != std::string::npos);
  CHECK(saved.find("\"freightliner_cascadia_dd15\"") != std::string::npos);
  CHECK(core::load_scenario(out).electric.battery.capacity_Ah == s.electric.battery.capacity_Ah);
  // A bare name that is neither a file nor a model is refused with the name.
  std::string bad = text;
  const auto at = bad.find("\"tesla_semi_standard_range\"");
  bad.replace(at, std::string("\"tesla_semi_standard_range\"").size(), "\"no_such_truck\"");
  std::ofstream(dir / "bad.json") << bad;
  try {
    (void)core::load_scenario((dir / "bad.json").string());
    FAIL("accepted a vehicle that does not exist");
  } catch (const std::exception& e) {
    CHECK_THAT(e.what(), Catch::Contains("no_such_truck"));
  }
  fs::remove_all(temp_dir());
}

TEST_CASE("a scenario overrides any vehicle parameter with the vehicle file's keys and units", "[core][scenario][vehicles]") {
  auto text = slurp(core::default_scenario_path());
  const std::string from = "\"../vehicles/electric_semi.json\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  // Half the charge capacity, a weaker motor (in hp) and a lower departure charge.
  text.replace(at, from.size(),
               "{\"file\": \"../vehicles/electric_semi.json\", \"battery\": {\"capacity_Ah\": {\"value\": 500, "
               "\"source\": \"buyer's spec\"}}, \"motor\": {\"peak_power_hp\": 600}, \"initial_soc_frac\": 0.9}");
  const auto dir = fs::path(core::resources_dir()) / "scenarios";
  const auto path = (dir / "_test_overrides.json").string();
  std::ofstream(path) << text;
  const auto s = core::load_scenario(path);
  fs::remove(path);
  CHECK(s.electric.battery.capacity_Ah == Approx(500.0));
  CHECK(s.electric.motor.peak_power_W == Approx(600.0 * 745.699872).epsilon(1e-6));
  CHECK(s.electric.initial_soc == Approx(0.9));
  const auto base = core::load_scenario(core::default_scenario_path());
  CHECK(s.electric.motor.peak_regen_power_W == base.electric.motor.peak_regen_power_W);  // the rest is the file's
  // Written back as read: the overrides stay, and load the same truck.
  auto moved = s;
  const auto out = (temp_dir() / "over" / "moved.json").string();
  fs::create_directories(fs::path(out).parent_path());
  core::save_scenario(moved, out);
  const auto back = core::load_scenario(out);
  CHECK(back.electric.battery.capacity_Ah == Approx(500.0));
  CHECK(back.electric.motor.peak_power_W == Approx(s.electric.motor.peak_power_W));
  CHECK(back.electric.initial_soc == Approx(0.9));
  CHECK(slurp(out).find("buyer's spec") != std::string::npos);
  // A key the vehicle file does not know is refused by name.
  std::string bad = text;
  bad.replace(bad.find("\"peak_power_hp\""), std::string("\"peak_power_hp\"").size(), "\"peak_power_furlongs\"");
  std::ofstream(path) << bad;
  try {
    (void)core::load_scenario(path);
    fs::remove(path);
    FAIL("accepted an unknown vehicle key");
  } catch (const std::exception& e) {
    fs::remove(path);
    CHECK_THAT(e.what(), Catch::Contains("peak_power_furlongs"));
  }
  fs::remove_all(temp_dir());
}
