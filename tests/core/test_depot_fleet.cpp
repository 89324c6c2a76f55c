// semitco depot --fleet DIR: the depot's trucks are the fleet's vehicles, each putting back its own mean
// day's energy.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "app/core/depot_run.hpp"
#include "app/core/fleet.hpp"
#include "app/core/scenario.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
namespace fs = std::filesystem;

TEST_CASE("a depot built from a fleet has one truck per vehicle with its mean day's energy", "[core][depot][fleet]") {
  const fs::path cycles = fs::path(SEMITCO_SOURCE_DIR) / ".." / "shared" / "data" / "cycles";
  batch_test::TempDir tmp("depot-fleet");
  const fs::path& dir = tmp.path;
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::copy_file(cycles / "EPA_Ph2_rural_interstate_65mph.csv", dir / "a" / "2024-05-01.csv");
  fs::copy_file(cycles / "EPA_Ph2_rural_interstate_65mph.csv", dir / "b" / "2024-05-01.csv");
  fs::copy_file(cycles / "EPA_Ph2_urban_highway_55mph.csv", dir / "b" / "2024-05-02.csv");
  const std::string scenario = core::resources_dir() + "/scenarios/depot_20_trucks.json";
  core::FleetOptions o;
  o.dir = dir.string();
  o.scenario = scenario;
  o.progress = core::ProgressMode::Off;
  std::ostringstream log;
  const auto fleet = core::run_fleet(o, log);
  REQUIRE(fleet.vehicles.size() == 2);
  const auto s = core::load_scenario(scenario);
  const auto run = core::depot_run_for_fleet(s, fleet);
  REQUIRE(run.site.trucks.size() == 2);
  // By hand: b's mean day is the mean of its two days; a day's energy comes back whole (far below the pack).
  double b_days_kWh = 0.0;
  for (const auto& d : fleet.days) {
    if (d.vehicle == "b") b_days_kWh += d.ev_energy_kWh;
  }
  const double want[] = {fleet.vehicles[0].ev_energy_kWh, b_days_kWh / 2.0};
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& t = run.site.trucks[i];
    CHECK(t.name == fleet.vehicles[i].name);
    CHECK((t.departure_soc_frac - t.arrival_soc_frac) * t.usable_kWh == Approx(want[i]).epsilon(1e-9));
    CHECK(run.result.need_pack_kWh[i] == Approx(want[i]).epsilon(1e-6));
  }
  CHECK(run.result.managed.feasible);
  CHECK(run.result.managed.peak_kW <= run.result.unmanaged.peak_kW + 1e-9);
}
