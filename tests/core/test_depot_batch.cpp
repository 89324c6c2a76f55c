// The batch carries the scenario's depot day: its columns equal what `semitco depot` schedules for the same
// scenario.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/core/batch.hpp"
#include "app/core/comparison.hpp"
#include "app/core/depot_run.hpp"
#include "app/core/scenario.hpp"

using namespace semitco;
namespace fs = std::filesystem;

namespace {
std::map<std::string, std::string> first_row(const std::string& path) {
  std::ifstream in(path);
  std::string header, line;
  std::getline(in, header);
  std::getline(in, line);
  std::vector<std::string> names, cells;
  std::stringstream hs(header), ls(line);
  for (std::string c; std::getline(hs, c, ',');) names.push_back(c);
  for (std::string c; std::getline(ls, c, ',');) cells.push_back(c);
  std::map<std::string, std::string> row;
  for (std::size_t i = 0; i < names.size(); ++i) row[names[i]] = i < cells.size() ? cells[i] : "";
  return row;
}
}  // namespace

TEST_CASE("the batch's depot columns are the depot schedule of the scenario", "[core][depot][batch]") {
  const std::string scenario = core::resources_dir() + "/scenarios/depot_20_trucks.json";
  const auto s = core::load_scenario(scenario);
  REQUIRE(s.depot);
  const auto r = core::run_comparison(s, core::load_route(s), core::RunOptions{false});
  const auto depot = core::depot_run(s, &r);
  REQUIRE(depot.result.managed.feasible);

  const fs::path dir = fs::temp_directory_path() / ("semitco_depot_batch_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  core::BatchOptions opt;
  opt.inputs = {s.route_path()};
  opt.scenarios = {scenario, core::default_scenario_path()};
  opt.out = (dir / "rows.csv").string();
  opt.progress = core::ProgressMode::Off;
  opt.jobs = 1;
  std::ostringstream log;
  REQUIRE(core::run_batch(opt, log).exit_code == 0);
  const auto row = first_row(opt.out);
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
  fs::remove_all(dir);
}
