// The batch carries the scenario's depot day: its columns equal what `semitco depot` schedules for the same
// scenario.
#include <catch2/catch.hpp>

#include <sstream>

#include "app/core/batch.hpp"
#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"
#include "app/core/scenario.hpp"
#include "test_batch_util.hpp"

using namespace semitco;


TEST_CASE("the batch's depot columns are the depot schedule of the scenario", "[core][depot][batch]") {
  const std::string scenario = core::resources_dir() + "/scenarios/depot_20_trucks.json";
  const auto s = core::load_scenario(scenario);
  REQUIRE(s.depot);
  const auto r = core::run_comparison(s, core::load_route(s), core::RunOptions{false});
  const auto depot = core::depot_run(s, &r);
  REQUIRE(depot.result.managed.feasible);

  batch_test::TempDir dir("depot");
  core::BatchOptions opt;
  opt.inputs = {s.route_path()};
  opt.scenarios = {scenario, core::default_scenario_path()};
  opt.out = (dir.path / "rows.csv").string();
  opt.progress = core::ProgressMode::Off;
  opt.jobs = 1;
  std::ostringstream log;
  REQUIRE(core::run_batch(opt, log).exit_code == 0);
  const auto rows = batch_test::read_csv_rows(opt.out);
  REQUIRE(rows.size() == 2);
  const auto& row = rows.front();
  const auto& res = depot.result;
  CHECK(std::stod(row.at("depot_managed_peak_kW")) == Approx(res.managed.peak_kW).epsilon(1e-6));
  CHECK(std::stod(row.at("depot_unmanaged_peak_kW")) == Approx(res.unmanaged.peak_kW).epsilon(1e-6));
  CHECK(std::stod(row.at("depot_managed_peak_kW")) <= std::stod(row.at("depot_unmanaged_peak_kW")));
  CHECK(std::stod(row.at("depot_chargers")) == res.managed.chargers);
  const double n = static_cast<double>(res.need_pack_kWh.size());
  CHECK(std::stod(row.at("depot_demand_usd_per_truck_yr")) == Approx(res.managed_costs.demand_usd_per_yr / n).epsilon(1e-6));
  // By hand: the delivered cost is the year's bill over the year's grid energy.
  const auto& mc = res.managed_costs;
  const double bill = mc.energy_usd_per_yr + mc.demand_usd_per_yr + mc.fixed_usd_per_yr + mc.capital_usd_per_yr;
  CHECK(std::stod(row.at("depot_usd_per_kWh")) == Approx(bill / mc.grid_kWh_per_yr).epsilon(1e-6));
}
