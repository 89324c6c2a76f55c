// The scenario's depot section: read with units, refused by file and key, written back; the bundled
// 20-truck depot end to end (issue 16 acceptance: managed per-truck demand charge below the single-truck
// figure, and fed into the electric truck's cost).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"
#include "app/core/scenario.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;

namespace {

const std::string kScenarioDir = core::resources_dir() + "/scenarios";

nlohmann::json scenario_with_depot(const nlohmann::json& depot) {
  nlohmann::json j = {{"name", "depot test"},
                      {"route", "../routes/flat_corridor.csv"},
                      {"electric_vehicle", "../vehicles/electric_semi.json"},
                      {"diesel_vehicle", "../vehicles/diesel_tractor.json"},
                      {"economics", {{"base", "../economics/defaults.json"}}}};
  j["depot"] = depot;
  return j;
}

nlohmann::json two_trucks() {
  return nlohmann::json::parse(R"({
    "site_limit_kW": 500,
    "charger": {"power_kW": 100, "hardware_usd": 50000, "installation_usd": 10000, "life_yr": 10,
                "network_fees_usd_per_month": 0},
    "tariff": {"weekday": [{"start_h": 0, "end_h": 24, "price_usd_per_kWh": 0.1}],
               "demand_charge_usd_per_kW_month": 10},
    "trucks": [{"name": "A", "arrival_h": 8, "dwell_h": 4, "arrival_soc_pct": 20, "departure_soc_frac": 0.6,
                "usable_kWh": 500},
               {"name": "B", "arrival_min": 840, "dwell_min": 240, "arrival_soc_frac": 0.2,
                "departure_soc_frac": 0.6, "usable_MJ": 1800}]
  })");
}

std::string error_of(const nlohmann::json& j) {
  try {
    (void)core::scenario_from_json(j, kScenarioDir + "/_depot_test.json");
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("depot section: listed trucks in any unit, scheduled without the trips", "[core][depot]") {
  const auto s =
      core::scenario_from_json(scenario_with_depot(two_trucks()), kScenarioDir + "/_depot_test.json");
  REQUIRE(s.depot);
  const auto& site = s.depot->site;
  REQUIRE(site.trucks.size() == 2);
  CHECK(site.trucks[1].arrival_s == Approx(14 * 3600.0));
  CHECK(site.trucks[1].dwell_s == Approx(4 * 3600.0));
  CHECK(site.trucks[0].arrival_soc_frac == Approx(0.2));
  CHECK(site.trucks[1].usable_kWh == Approx(500.0));  // 1,800 MJ
  CHECK(site.site_limit_kW == Approx(500.0));
  CHECK(site.slot_s == 900.0);
  CHECK_FALSE(core::depot_needs_trips(s));
  const auto run = core::depot_run(s, nullptr);
  REQUIRE(run.result.managed.feasible);
  // 200 kWh each (0.4 of 500) through a 92 % efficient charger (the economics' depot efficiency); the
  // stays 08-12 and 14-18 h do not meet: one charger.
  CHECK(run.result.managed.chargers == 1);
  CHECK(run.result.managed.grid_kWh_per_day == Approx(400.0 / site.efficiency_frac).epsilon(1e-6));
  std::ostringstream csv;
  core::write_depot_load_csv(csv, run);
  CHECK(csv.str().rfind("time,unmanaged_kW,managed_kW,site_limit_kW,price_usd_per_kWh\n00:00,", 0) == 0);
  // Written back, and read again to the same site.
  const auto again = core::scenario_from_json(nlohmann::json::parse(core::scenario_to_text(s)),
                                              kScenarioDir + "/_depot_test.json");
  REQUIRE(again.depot);
  CHECK(again.depot->site.trucks[1].arrival_s == site.trucks[1].arrival_s);
}

TEST_CASE("depot section: nonsense refused with file, key and value", "[core][depot]") {
  auto j = two_trucks();
  j["site_limt_kW"] = 3;
  auto e = error_of(scenario_with_depot(j));
  CHECK_THAT(e, Catch::Contains("_depot_test.json") && Catch::Contains("site_limt_kW"));

  j = two_trucks();
  j["trucks"][0]["dwell_h"] = -2;
  e = error_of(scenario_with_depot(j));
  CHECK_THAT(e, Catch::Contains("depot.trucks[0].dwell") && Catch::Contains("-2"));

  j = two_trucks();
  j["tariff"]["weekday"][0]["end_h"] = 20;
  e = error_of(scenario_with_depot(j));
  CHECK_THAT(e, Catch::Contains("_depot_test.json") && Catch::Contains("depot.tariff.weekday") &&
                    Catch::Contains("20 h"));

  j = two_trucks();
  j["fleet_from_day_plan"] = {{"trucks", 3}, {"first_arrival_h", 17}};
  CHECK_THAT(error_of(scenario_with_depot(j)), Catch::Contains("not both"));

  j = two_trucks();
  j["trucks"][1]["arrival_soc_frac"] = 1.5;
  CHECK_THAT(error_of(scenario_with_depot(j)), Catch::Contains("arrival_soc_frac") && Catch::Contains("1.5"));
}

TEST_CASE("bundled 20-truck depot: managed demand charge per truck below the single-truck figure",
          "[core][depot]") {
  const auto s = core::load_scenario(kScenarioDir + "/depot_20_trucks.json");
  REQUIRE(s.depot);
  REQUIRE(s.depot->feed_into_tco);
  const auto r = core::run_comparison(s, core::load_route(s), {false});
  const auto run = core::depot_run(s, &r);
  REQUIRE(run.site.trucks.size() == 20);
  REQUIRE(run.result.managed.feasible);
  // Single-truck assumption: $15/kW-month on one 150 kW charger drawing 150 / 0.92 = 163 kW from the grid,
  // 12 months = $29,348 a year per truck.
  CHECK(run.result.single_truck_demand_usd_per_yr == Approx(15.0 * 150.0 / 0.92 * 12.0));
  const double per_truck = run.result.managed_costs.demand_usd_per_yr / 20.0;
  CHECK(per_truck < 27000.0);
  CHECK(run.result.managed.peak_kW <= run.site.site_limit_kW + 1e-6);
  CHECK(per_truck == Approx(15.0 * run.result.managed.peak_kW * 12.0 / 20.0));
  // Fed into the electric truck's cost: its demand line is the depot share, not the single-truck figure.
  REQUIRE(r.tco_inputs.charging.depot_share.enabled);
  CHECK(r.tco_inputs.charging.depot_share.demand_charge_usd_per_yr == Approx(per_truck));
  double demand_line = -1.0;
  for (const auto& l : r.tco.electric.lines) {
    if (l.line == tco::CostLine::kDemandCharge) demand_line = l.usd_per_yr;
  }
  CHECK(demand_line == Approx(per_truck));  // constant real dollars: levelised = the yearly figure
}

TEST_CASE("semitco depot: an infeasible depot is flagged with the reason and exit code 1",
          "[core][depot][cli]") {
  const std::string exe = batch_test::bin();
  if (exe.empty()) return;
  batch_test::TempDir dir("depot");
  const std::string res = core::resources_dir();
  auto j = scenario_with_depot(two_trucks());
  j["route"] = res + "/routes/flat_corridor.csv";
  j["electric_vehicle"] = res + "/vehicles/electric_semi.json";
  j["diesel_vehicle"] = res + "/vehicles/diesel_tractor.json";
  j["economics"]["base"] = res + "/economics/defaults.json";
  // Both trucks parked 08-12 h, 200 kWh each at 92 %: 435 kWh from the grid in 4 h needs 109 kW; 80 kW
  // cannot.
  j["depot"]["trucks"][1]["arrival_h"] = 8;
  j["depot"]["trucks"][1].erase("arrival_min");
  j["depot"]["site_limit_kW"] = 80;
  std::ofstream(dir.path / "low.json") << j.dump(2);
  const auto r = batch_test::run(exe + " depot --scenario low.json --load-csv load.csv", dir.path);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("INFEASIBLE") && Catch::Contains("site limit too low") &&
                        Catch::Contains("109 kW"));
  // A limit that does: exit 0 and the load CSV, 96 quarter-hours.
  j["depot"]["site_limit_kW"] = 120;
  std::ofstream(dir.path / "ok.json") << j.dump(2);
  const auto ok = batch_test::run(exe + " depot --scenario ok.json --load-csv load.csv", dir.path);
  CHECK(ok.exit_code == 0);
  const std::string csv = batch_test::read_text(dir.path / "load.csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 97);
}

TEST_CASE("depot charger options: the cheapest feasible one is chosen", "[core][depot]") {
  // 200 kWh into each pack in a 4 h stay needs at least 50 kW: a 40 kW charger cannot (not enough
  // dwell), the 100 kW one can, so it is chosen even though it is listed second.
  auto j = two_trucks();
  const auto one = j["charger"];
  j.erase("charger");
  auto small = one;
  small["power_kW"] = 40;
  small["name"] = "small";
  j["charger_options"] = nlohmann::json::array({small, one});
  const auto s = core::scenario_from_json(scenario_with_depot(j), kScenarioDir + "/_depot_test.json");
  const auto run = core::depot_run(s, nullptr);
  REQUIRE(run.options.size() == 2);
  CHECK_FALSE(run.options[0].result.managed.feasible);
  CHECK_THAT(run.options[0].result.managed.why, Catch::Contains("not enough dwell"));
  CHECK(run.chosen == 1);
  CHECK(run.site.charger.power_kW == Approx(100.0));
  CHECK(run.result.managed.feasible);
  j["charger"] = one;
  CHECK_THAT(error_of(scenario_with_depot(j)), Catch::Contains("not both"));
}
