// A year of weather in a scenario (app/core/weather.hpp): the annual energy over twelve monthly
// temperatures is the sum of the monthly runs; the section is refused by key when wrong and saved back as
// read; vehicle files without the aux temperature terms load and drive as before.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/comparison_report.hpp"
#include "app/core/diesel_file.hpp"
#include "app/core/json_params.hpp"
#include "app/core/scenario.hpp"
#include "app/core/vehicle_file.hpp"
#include "app/core/weather.hpp"
#include "physics/trip_solver.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;

namespace {
const std::string kCycle = std::string(SEMITCO_CYCLES_DIR) + "/EPA_Ph2_rural_interstate_65mph.csv";

nlohmann::json default_json() { return core::read_json_file(core::default_scenario_path()); }

core::Scenario scenario_with_weather(const nlohmann::json& weather) {
  auto j = default_json();
  j["weather"] = weather;
  return core::scenario_from_json(j, core::default_scenario_path());
}

// Twelve temperatures with repeats (January = December, March = November) so the trip cache is used.
constexpr std::array<double, 12> kMonths = {-10.0, -4.0, 3.0,  9.0,  15.0, 20.0,
                                            27.0,  31.0, 22.0, 12.0, 3.0,  -10.0};

core::RunOptions quick() {
  core::RunOptions o;
  o.record_series = false;
  o.integrator = physics::Integrator::RungeKutta;
  return o;
}
}  // namespace

TEST_CASE("the annual energy over 12 monthly temperatures equals the sum of the monthly runs",
          "[core][weather][acceptance]") {
  auto s = core::load_scenario(core::default_scenario_path());
  const auto route = core::read_route_file(kCycle, "auto");
  core::YearOfWeather w;
  w.set_monthly_C(kMonths);
  s.weather = w;
  const auto year = core::run_comparison(s, route, quick());
  REQUIRE(year.electric.months.size() == 12);
  REQUIRE(year.diesel.months.size() == 12);
  REQUIRE(year.tco.electric.quantities.miles_per_yr > 0.0);

  // The same twelve months as twelve separate scenarios at one ambient temperature each, summed by hand
  // with the days of each month.
  const double miles_per_yr = year.tco.electric.quantities.miles_per_yr;
  double ev_kWh_sum = 0.0, ev_kWh_per_mi = 0.0, diesel_L_per_mi = 0.0;
  for (int m = 0; m < 12; ++m) {
    auto one = s;
    one.weather.reset();
    one.ambient.temperature_C = kMonths[static_cast<std::size_t>(m)];
    const auto r = core::simulate_comparison(one, route, quick());
    REQUIRE(r.electric.summary.feasible);
    const double days = core::kDaysInMonth[static_cast<std::size_t>(m)];
    const double month_miles = miles_per_yr * days / 365.0;  // the annual distance spread evenly by day
    ev_kWh_sum += month_miles * r.electric.energy_kWh_per_mi;
    ev_kWh_per_mi += days / 365.0 * r.electric.energy_kWh_per_mi;
    const double L_per_mi = r.diesel.summary.fuel_L / (r.diesel.summary.distance_m / core::kMetersPerMile);
    diesel_L_per_mi += days / 365.0 * L_per_mi;
    // The month's row is that run.
    const auto& row = year.electric.months[static_cast<std::size_t>(m)];
    CHECK(row.temperature_C == kMonths[static_cast<std::size_t>(m)]);
    CHECK(row.energy_kWh_per_mi == r.electric.energy_kWh_per_mi);
    // Range on a full usable pack = usable kWh / kWh per mile.
    const double usable_kWh = r.electric.summary.usable_battery_J / 3.6e6;
    CHECK(row.range_m / core::kMetersPerMile ==
          Approx(usable_kWh / r.electric.energy_kWh_per_mi).epsilon(1e-9));
  }
  CHECK(year.electric.energy_kWh_per_mi == Approx(ev_kWh_per_mi).epsilon(1e-12));
  // What the cost model was given, over the year's miles:
  const auto& ev = year.tco_inputs.electric.trip;
  const double ev_year_kWh =
      miles_per_yr * ev.energy_from_source_J / 3.6e6 / (ev.distance_m / core::kMetersPerMile);
  CHECK(ev_year_kWh == Approx(ev_kWh_sum).epsilon(1e-9));
  const auto& dz = year.tco_inputs.diesel.trip;
  CHECK(dz.fuel_L / (dz.distance_m / core::kMetersPerMile) == Approx(diesel_L_per_mi).epsilon(1e-9));

  // The winter months cost more than the mild ones: January (-10 degC) above June (20 degC) by at least the
  // 8 kW of heating the shipped electric truck states, over the cycle's mean speed.
  const auto& jan = year.electric.months[0];
  const auto& jun = year.electric.months[5];
  CHECK(jan.aux_W - jun.aux_W == Approx(8000.0));
  const double mean_mph = year.electric.trip.summary.average_speed_mps / 0.44704;
  CHECK(jan.energy_kWh_per_mi - jun.energy_kWh_per_mi > 8.0 / mean_mph);
  CHECK(jan.range_m < jun.range_m);

  // The CLI table shows it, in the chosen units.
  std::ostringstream us, metric;
  core::print_trip_comparison(us, year, core::UnitSystem::US);
  core::print_trip_comparison(metric, year, core::UnitSystem::Metric);
  CHECK_THAT(us.str(), Catch::Contains("by month") && Catch::Contains("Jan") && Catch::Contains("14 F") &&
                           Catch::Contains("EV kWh/mi"));
  CHECK_THAT(metric.str(), Catch::Contains("-10.0 C") && Catch::Contains("EV kWh/km"));
}

TEST_CASE("without weather the comparison is the single trip at the scenario's ambient", "[core][weather]") {
  const auto s = core::load_scenario(core::default_scenario_path());
  REQUIRE_FALSE(s.weather);
  const auto route = core::read_route_file(kCycle, "auto");
  const auto r = core::simulate_comparison(s, route, quick());
  CHECK(r.electric.months.empty());
  CHECK(r.electric.energy_kWh_per_mi == r.electric.trip.summary.energy_kWh_per_mi);
  CHECK(r.electric.summary.energy_from_source_J == r.electric.trip.ledger.source_net_J());
  // The weather is part of the trip inputs: a batch must not reuse trips across different years.
  auto with = s;
  core::YearOfWeather w;
  w.set_monthly_C(kMonths);
  with.weather = w;
  CHECK(core::trip_inputs_key(with, route) != core::trip_inputs_key(s, route));
  auto warmer = with;
  auto t = kMonths;
  t[0] += 1.0;
  warmer.weather->set_monthly_C(t);
  CHECK(core::trip_inputs_key(warmer, route) != core::trip_inputs_key(with, route));
}

TEST_CASE("a monthly list of the wrong length is refused with its key", "[core][weather]") {
  nlohmann::json eleven = nlohmann::json::array();
  for (int i = 0; i < 11; ++i) eleven.push_back(10.0);
  CHECK_THROWS_WITH(scenario_with_weather({{"monthly_temperature_C", eleven}}),
                    Catch::Contains("weather.monthly_temperature_C") && Catch::Contains("expected 12") &&
                        Catch::Contains("got 11"));
  CHECK_THROWS_WITH(scenario_with_weather({{"monthly_temperature_F", 50}}),
                    Catch::Contains("weather.monthly_temperature_F"));
  nlohmann::json hot = nlohmann::json::array();
  for (int i = 0; i < 12; ++i) hot.push_back(i == 6 ? 80.0 : 10.0);
  CHECK_THROWS_WITH(scenario_with_weather({{"monthly_temperature_C", hot}}),
                    Catch::Contains("[6] (July) = 80") && Catch::Contains("[-50, 60]"));
  CHECK_THROWS_WITH(scenario_with_weather({{"region", "atlantis"}}),
                    Catch::Contains("atlantis") && Catch::Contains("reno") && Catch::Contains("denver"));
  CHECK_THROWS_WITH(scenario_with_weather({{"region", "reno"}, {"monthly_temperature_C", hot}}),
                    Catch::Contains("not both"));
  CHECK_THROWS_WITH(scenario_with_weather(nlohmann::json::object()),
                    Catch::Contains("weather.monthly_temperature_C") && Catch::Contains("missing"));
}

TEST_CASE("the bundled regions load, and a scenario's weather saves back as written", "[core][weather]") {
  const auto regions = core::bundled_weather_regions();
  for (const char* name : {"sacramento", "reno", "los_angeles", "bakersfield", "denver"}) {
    CAPTURE(name);
    REQUIRE(std::find(regions.begin(), regions.end(), name) != regions.end());
    const auto w = core::load_weather_region(name);
    CHECK_THAT(w.source, Catch::Contains("NOAA") && Catch::Contains("1991-2020"));
    // Plausible for the place: winter colder than summer, every month between -15 and 35 degC.
    CHECK(w.temperature_C[0] < w.temperature_C[6]);
    for (double t : w.temperature_C) {
      CHECK(t > -15.0);
      CHECK(t < 35.0);
    }
  }
  // Reno's January is colder than Sacramento's (the same I-80 route's two ends).
  CHECK(core::load_weather_region("reno").temperature_C[0] <
        core::load_weather_region("sacramento").temperature_C[0]);

  nlohmann::json f = nlohmann::json::array();
  for (double t : {35.5, 39.6, 44.9, 49.8, 58.0, 66.7, 75.2, 73.5, 65.4, 53.6, 42.3, 34.9}) f.push_back(t);
  for (const nlohmann::json& weather :
       {nlohmann::json{{"region", "reno"}},
        nlohmann::json{{"monthly_temperature_F", f}, {"source", "my notes"}},
        nlohmann::json{{"monthly_temperature_F", {{"value", f}, {"source", "NOAA, as I read it"}}}}}) {
    const auto s = scenario_with_weather(weather);
    REQUIRE(s.weather);
    CHECK(s.weather->temperature_C[0] == Approx((35.5 - 32.0) / 1.8));
    const std::string text = core::scenario_to_text(s);
    const auto back = core::scenario_from_json(nlohmann::json::parse(text), core::default_scenario_path());
    CHECK(core::scenario_to_text(back) == text);
    CHECK(nlohmann::json::parse(text)["weather"] == weather);
  }
}

TEST_CASE("a vehicle file with only aux power_kW loads and drives exactly as before", "[core][weather]") {
  const auto dir = fs::temp_directory_path() / ("semitco-weather-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string lib = core::resources_dir() + "/vehicles/electric_semi.json";
  auto j = core::read_json_file(lib);
  REQUIRE(j["aux"].contains("cabin_heating_W_per_K"));  // the library file states the temperature terms
  j["aux"] = {{"power_kW", 4.0}};                       // as vehicle files were written before them
  const auto old_path = (dir / "old_semi.json").string();
  std::ofstream(old_path) << j.dump(2);
  const auto old_truck = core::load_electric_truck(old_path);
  const auto new_truck = core::load_electric_truck(lib);
  CHECK_FALSE(old_truck.aux.depends_on_temperature());
  CHECK(old_truck.aux.power_W == 4000.0);

  const auto route = core::read_route_file(kCycle, "auto");
  physics::Ambient cold;
  cold.temperature_C = -10.0;
  const auto solver = physics::SolverOptions::defaults_for(physics::Integrator::RungeKutta);
  // The old file draws 4 kW whatever the weather, as it always did.
  const auto old_cold = physics::simulate_electric(route, old_truck, cold, {}, solver, false);
  CHECK(old_cold.ledger.aux_J == Approx(4000.0 * old_cold.summary.duration_s).epsilon(1e-12));
  // At 20 degC, inside every comfort band, the library file's terms draw nothing: the same bits.
  const auto old_warm = physics::simulate_electric(route, old_truck, {}, {}, solver, false);
  const auto new_warm = physics::simulate_electric(route, new_truck, {}, {}, solver, false);
  CHECK(new_warm.summary.energy_kWh_per_mi == old_warm.summary.energy_kWh_per_mi);
  CHECK(new_warm.ledger.aux_J == old_warm.ledger.aux_J);

  // A diesel file may not give battery terms (it has no traction battery): unknown key, named.
  auto dj = core::read_json_file(core::resources_dir() + "/vehicles/diesel_tractor.json");
  dj["aux"]["battery_heating_W_per_K"] = 100;
  const auto bad = (dir / "bad_diesel.json").string();
  std::ofstream(bad) << dj.dump(2);
  CHECK_THROWS_WITH(core::load_diesel_truck(bad), Catch::Contains("aux.battery_heating_W_per_K"));
  // Out of range, named with its value.
  j["aux"] = {{"power_kW", 4.0}, {"cabin_heating_W_per_K", -5}};
  std::ofstream(old_path) << j.dump(2);
  CHECK_THROWS_WITH(core::load_electric_truck(old_path),
                    Catch::Contains("aux.cabin_heating_W_per_K") && Catch::Contains("-5"));
  fs::remove_all(dir);
}

TEST_CASE("the batch prices the same year of weather as a comparison", "[core][weather][batch][cli]") {
  if (batch_test::bin().empty()) return;
  batch_test::TempDir tmp("weather");
  // The default scenario with its references made absolute, and Denver's year.
  auto j = default_json();
  const fs::path here = fs::path(core::default_scenario_path()).parent_path();
  for (const char* key : {"route", "electric_vehicle", "diesel_vehicle"}) {
    j[key] = (here / j[key].get<std::string>()).lexically_normal().string();
  }
  j["weather"] = {{"region", "denver"}};
  const auto scn = (tmp.path / "denver.json").string();
  std::ofstream(scn) << j.dump(2);
  const auto rows = (tmp.path / "rows.jsonl").string();
  const auto res = batch_test::run(batch_test::bin() + " batch '" + kCycle + "' -s '" + scn +
                                       "' --integrator rk --progress off --out '" + rows + "'",
                                   tmp.path);
  REQUIRE(res.exit_code == 0);
  const auto row = nlohmann::json::parse(batch_test::read_text(rows));

  const auto s = core::load_scenario(scn);
  REQUIRE(s.weather);
  const auto r = core::run_comparison(s, core::read_route_file(kCycle, "auto"), quick());
  REQUIRE(r.electric.months.size() == 12);
  // Rows carry six decimals.
  CHECK(row["ev_energy_kWh_per_mi"].get<double>() == Approx(r.electric.energy_kWh_per_mi).margin(5e-7));
  CHECK(row["ev_cost_usd_per_mi"].get<double>() == Approx(r.tco.electric.usd_per_mi).margin(5e-7));
  CHECK(row["diesel_cost_usd_per_mi"].get<double>() == Approx(r.tco.diesel.usd_per_mi).margin(5e-7));
  // Denver's winter costs energy: the year uses more than the scenario's 20 degC trip.
  CHECK(r.electric.energy_kWh_per_mi > r.electric.trip.summary.energy_kWh_per_mi);
}

TEST_CASE("the year of monthly trips by hand: day weights, the lowest SOC, the first month that fails",
          "[core][weather]") {
  std::array<tco::TripSummary, 12> m;
  std::array<double, 12> T{};
  for (int i = 0; i < 12; ++i) {
    auto& t = m[static_cast<std::size_t>(i)];
    t.distance_m = 1000.0;
    t.duration_s = 100.0 + i;
    t.driving_time_s = 90.0;
    t.energy_from_source_J = 1.0e6 * (i + 1);  // 1 MJ in January ... 12 MJ in December
    t.fuel_L = 0.5;
    t.min_soc_frac = 0.5 - 0.01 * i;
    T[static_cast<std::size_t>(i)] = i;
  }
  auto y = core::annual_summary(m, T);
  // sum of (days / 365) x MJ: (31*1 + 28*2 + 31*3 + 30*4 + 31*5 + 30*6 + 31*7 + 31*8 + 30*9 + 31*10 + 30*11 +
  // 31*12) / 365 = (31 + 56 + 93 + 120 + 155 + 180 + 217 + 248 + 270 + 310 + 330 + 372) / 365 = 2382 / 365
  CHECK(y.energy_from_source_J == Approx(1.0e6 * 2382.0 / 365.0));
  CHECK(y.distance_m == Approx(1000.0));
  CHECK(y.fuel_L == Approx(0.5));
  CHECK(y.min_soc_frac == Approx(0.39));
  CHECK(y.feasible);
  m[1].feasible = false;
  m[1].infeasible_reason = "battery empty";
  m[7].feasible = false;
  y = core::annual_summary(m, T);
  CHECK_FALSE(y.feasible);
  CHECK(y.infeasible_reason == "in February (1.0 degC): battery empty");
}
