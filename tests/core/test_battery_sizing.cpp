// The battery-size trade-off: a bigger pack weighs what its energy and pack-level specific energy say, takes
// that mass off the payload under the gross limit, and the batch finds the size with the lowest cost per
// ton-mile between a pack too small for the day and one too heavy for the freight.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/batch.hpp"
#include "app/core/comparison.hpp"
#include "app/core/scenario.hpp"
#include "app/core/vehicle_overrides.hpp"
#include "routes/readers.hpp"
#include "tco/units.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;

namespace {

// The default scenario on a library truck, its price built up from the vehicle file, with freight enough
// that the gross weight limit decides the payload.
nlohmann::json sizing_scenario_json(const nlohmann::json& electric_vehicle) {
  auto j = core::read_json_file(core::default_scenario_path());
  j["electric_vehicle"] = electric_vehicle;
  j["economics"]["electric"]["economics"]["purchase_price_usd"] = "vehicle";
  j["economics"]["operations"]["payload_desired_lb"] = 60000.0;
  j["economics"]["operations"].erase("payload_desired_kg");
  return j;
}

core::Scenario scenario_of(const nlohmann::json& j) {
  return core::scenario_from_json(j, core::default_scenario_path());
}

// Integral of a piecewise-linear curve [[x, y], ...] from a to b (trapezoids, exact for straight pieces).
double integral(const nlohmann::json& pts, double a, double b) {
  auto y_at = [&](double x) {
    for (std::size_t i = 1; i < pts.size(); ++i) {
      const double x0 = pts[i - 1][0], x1 = pts[i][0];
      if (x <= x1) return pts[i - 1][1].get<double>() + (x - x0) / (x1 - x0) * (pts[i][1].get<double>() - pts[i - 1][1].get<double>());
    }
    return pts.back()[1].get<double>();
  };
  std::vector<double> xs = {a};
  for (const auto& p : pts) {
    if (p[0] > a && p[0] < b) xs.push_back(p[0]);
  }
  xs.push_back(b);
  double sum = 0.0;
  for (std::size_t i = 1; i < xs.size(); ++i) sum += 0.5 * (y_at(xs[i - 1]) + y_at(xs[i])) * (xs[i] - xs[i - 1]);
  return sum;
}

}  // namespace

TEST_CASE("100 kWh more usable pack adds its mass to the tare and takes it off a weight-limited payload",
          "[core][vehicles][sizing]") {
  // Tesla Semi Long Range: 1,000 Ah, OCV curve in the file, window 5-95 %, 160 Wh/kg at pack level.
  const auto file = core::read_json_file(core::resources_dir() + "/vehicles/tesla_semi_long_range.json");
  const auto& ocv = file["battery"]["ocv_soc_V"]["value"];
  const double usable_per_Ah_Wh = integral(ocv, 0.05, 0.95);  // V * (Ah/Ah) = Wh per Ah of capacity
  const double nominal_per_Ah_Wh = integral(ocv, 0.0, 1.0);
  const double usable0_kWh = 1000.0 * usable_per_Ah_Wh / 1000.0;
  // By hand: 100 kWh more usable is 100 / usable_per_Ah Ah more, so nominal grows by that times the whole
  // curve's integral, and the pack by nominal / 160 Wh/kg.
  const double added_nominal_Wh = 100e3 / usable_per_Ah_Wh * nominal_per_Ah_Wh;
  const double added_mass_kg = added_nominal_Wh / 160.0;
  CHECK(added_mass_kg == Approx(100e3 * 1.1083 / 160.0).epsilon(0.01));  // about 693 kg (1,528 lb)

  auto base = scenario_of(sizing_scenario_json("tesla_semi_long_range"));
  auto bigger = scenario_of(sizing_scenario_json(
      {{"file", "tesla_semi_long_range"}, {"battery", {{"usable_kWh", usable0_kWh + 100.0}}}}));
  CHECK(bigger.electric.chassis.tractor_mass_kg - base.electric.chassis.tractor_mass_kg ==
        Approx(added_mass_kg).epsilon(1e-6));  // the pack integrates its OCV curve numerically
  // The same through the sweep's path (set_vehicle_value), from the loaded scenario.
  auto swept = base;
  core::set_vehicle_value(swept, "electric.battery.usable_kWh", usable0_kWh + 100.0);
  CHECK(swept.electric.chassis.tractor_mass_kg == Approx(bigger.electric.chassis.tractor_mass_kg).epsilon(1e-12));
  CHECK(swept.electric.battery.capacity_Ah == Approx(bigger.electric.battery.capacity_Ah).epsilon(1e-12));
  // A bigger pack of the same cells: more parallel strings, lower resistance.
  const double k = bigger.electric.battery.capacity_Ah / base.electric.battery.capacity_Ah;
  CHECK(bigger.electric.battery.resistance_ohm == Approx(base.electric.battery.resistance_ohm / k));

  // Weight-limited freight: payload = 80,000 + 2,000 lb - tare, so it falls by the pack's mass exactly.
  const auto [p0, pd0] = core::payloads_kg(base);
  const auto [p1, pd1] = core::payloads_kg(bigger);
  const double limit = tco::units::kg_from_lb(82000.0);
  CHECK(p0 == Approx(limit - base.electric.chassis.tractor_mass_kg - base.electric.chassis.trailer_mass_kg));
  CHECK(p0 - p1 == Approx(added_mass_kg).epsilon(1e-6));
  CHECK(pd1 == pd0);

  // $/ton-mi = $/mi * miles / ton-miles: with the same loaded miles it rises by the cost per mile's ratio
  // times the payload's ratio.
  std::istringstream in("distance_km,grade_pct,speed_limit_mph\n0,0,60\n100,0,60\n");
  const auto route = routes::read_route_csv(in, "flat.csv", {});
  core::RunOptions opt{false, physics::Integrator::RungeKutta};
  const auto r0 = core::run_comparison(base, route, opt);
  const auto r1 = core::run_comparison(bigger, route, opt);
  REQUIRE(r0.tco.electric.usd_per_mi > 0);
  REQUIRE(r1.tco.electric.usd_per_mi > 0);
  const double expected = r0.tco.electric.usd_per_ton_mi * (r1.tco.electric.usd_per_mi / r0.tco.electric.usd_per_mi) *
                          (p0 / p1);
  CHECK(r1.tco.electric.usd_per_ton_mi == Approx(expected).epsilon(1e-9));
  CHECK(r1.tco.electric.usd_per_ton_mi > r0.tco.electric.usd_per_ton_mi);  // no stop saved on 62 mi
  // The price follows the pack: 100 kWh more usable is added_nominal_Wh more at $250/kWh.
  CHECK(bigger.economics.electric.economics.purchase_price_usd - base.economics.electric.economics.purchase_price_usd ==
        Approx(added_nominal_Wh / 1000.0 * 250.0));
}

TEST_CASE("a vehicle key is refused with the key and the value, and the scenario is left as it was",
          "[core][vehicles][sizing]") {
  auto s = scenario_of(sizing_scenario_json("tesla_semi_long_range"));
  const auto before = s.electric.battery.capacity_Ah;
  try {
    core::set_vehicle_value(s, "electric.battery.usable_kWh", -5.0);
    FAIL("a negative pack was accepted");
  } catch (const core::InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("usable_kWh"));
    CHECK_THAT(e.what(), Catch::Contains("-5"));
  }
  CHECK(s.electric.battery.capacity_Ah == before);
  CHECK_THROWS_WITH(core::set_vehicle_value(s, "electric.battery.colour_kWh", 1.0), Catch::Contains("colour_kWh"));
  CHECK_FALSE(core::is_vehicle_key("electric.economics.purchase_price_usd"));
  CHECK(core::is_vehicle_key("electric.battery.usable_kWh"));
  // Both spellings of the pack's size in one file are refused.
  auto j = sizing_scenario_json({{"file", "tesla_semi_long_range"}});
  auto inline_truck = core::read_json_file(core::resources_dir() + "/vehicles/tesla_semi_long_range.json");
  inline_truck["battery"]["usable_kWh"] = 500.0;
  j["electric_vehicle"] = inline_truck;
  CHECK_THROWS_WITH(scenario_of(j), Catch::Contains("capacity_Ah or as usable_kWh"));
}

TEST_CASE("the battery sweep's cost per ton-mile has its minimum between a pack too small and one too heavy",
          "[core][vehicles][sizing][batch]") {
  // A 400-mile day: 4 runs of a flat 100-mile route with a charger only at its end. By hand: a run takes
  // about 1.6-2.2 kWh/mi x 100 mi = 160-220 kWh, and a short trip is simulated from 80 % of the window down
  // to the 10 % reserve, so a 200 kWh pack (0.7 x 200 = 140 kWh) cannot reach the charger: it fails the day.
  // 400 kWh (280 kWh) can, charging at the end of each run; from there on every 200 kWh only adds mass
  // (about 1,390 kg at 160 Wh/kg) and price.
  batch_test::TempDir tmp("sizing");
  const fs::path& dir = tmp.path;
  {
    std::ofstream r(dir / "flat_100mi.csv");
    r << "distance_mi,grade_pct,speed_limit_mph,charger_kW\n0,0,60,0\n100,0,60,750\n";
  }
  auto j = sizing_scenario_json("tesla_semi_long_range");
  j["route"] = (dir / "flat_100mi.csv").string();
  j["diesel_vehicle"] = core::resources_dir() + "/vehicles/diesel_tractor.json";
  {
    std::ofstream f(dir / "sizing.json");
    f << j.dump(2);
  }
  core::BatchOptions opt;
  opt.inputs = {(dir / "flat_100mi.csv").string()};
  opt.scenarios = {(dir / "sizing.json").string()};
  opt.sweeps = {"electric.battery.usable_kWh=200:1600:200"};
  opt.out = (dir / "out" / "sizes.csv").string();
  opt.integrator = "rk";
  opt.progress = core::ProgressMode::Off;
  opt.jobs = 2;
  fs::create_directories(dir / "out");
  std::ostringstream log;
  const auto sum = core::run_batch(opt, log);
  INFO(log.str());
  REQUIRE(sum.total == 8);

  // Read the rows back: size, payload, $/ton-mi, en-route stops.
  struct Point {
    double size, payload, cost, stops;
  };
  std::vector<Point> pts;
  for (const auto& row : batch_test::read_csv_rows(opt.out)) {
    auto num = [&](const char* name) {
      const std::string& cell = row.at(name);
      return cell.empty() ? std::nan("") : std::stod(cell);
    };
    pts.push_back({num("electric.battery.usable_kWh"), num("ev_payload_kg"), num("ev_cost_usd_per_ton_mi"),
                   num("electric_enroute_stops")});
  }
  REQUIRE(pts.size() == 8);
  // Small end: the pack cannot bridge the run to the charger, so the point is not costed.
  CHECK(std::isnan(pts.front().cost));
  CHECK(std::isfinite(pts[1].cost));
  // 400 mi x ~1.8 kWh/mi is ~730 kWh a day; the depot's 85 % of the window gives ~340, each stop to 80 %
  // about 280: two stops.
  CHECK(pts[1].stops == 2);
  // Large end: depot only, and every 200 kWh more costs payload by its mass.
  CHECK(pts.back().stops == 0);
  for (std::size_t i = 2; i < pts.size(); ++i) CHECK(pts[i].payload < pts[i - 1].payload);
  const double per_200_kWh = 200e3 * 1.1083 / 160.0;
  CHECK(pts[6].payload - pts[7].payload == Approx(per_200_kWh).epsilon(0.01));
  // Past the depot-only size the curve rises: more price, less freight.
  CHECK(pts[7].cost > pts[6].cost);
  // The minimum lies inside, and the batch names it.
  std::size_t best = 1;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    if (std::isfinite(pts[i].cost) && (!std::isfinite(pts[best].cost) || pts[i].cost < pts[best].cost)) best = i;
  }
  CHECK(best > 0);
  CHECK(best < pts.size() - 1);
  char want[64];
  std::snprintf(want, sizeof want, "usable_kWh = %g:", pts[best].size);
  CHECK_THAT(log.str(), Catch::Contains("lowest electric cost per ton-mile"));
  CHECK_THAT(log.str(), Catch::Contains(want));
}
