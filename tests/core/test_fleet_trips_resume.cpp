// semitco fleet: a file split into trips at a gap (--gap-split) is a day of those trips, and an interrupted
// month resumes from its journal (--resume) as the batch does. Short synthetic traces keep it fast: each
// stretch ramps at 1 m/s^2, so its distance is a hand sum of trapezoids.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/core/fleet.hpp"
#include "app/core/fleet_journal.hpp"
#include "app/core/scenario.hpp"
#include "physics/stepper.hpp"
#include "test_batch_util.hpp"

using namespace semitco;
using batch_test::TempDir;
namespace fs = std::filesystem;

namespace {
/// 1 Hz rows from t0 to t_end: up from 0 at 0.25 m/s^2 (a loaded truck follows that) to v; with
/// stop_at_end, down to 0 at t_end at the same rate. A ramp from 0 to 10 m/s covers 200 m.
std::string stretch(int t0, int t_end, double v, bool stop_at_end) {
  std::string s;
  char row[64];
  for (int t = t0; t <= t_end; ++t) {
    const double up = std::min(0.25 * (t - t0), v), down = stop_at_end ? std::min(0.25 * (t_end - t), v) : v;
    std::snprintf(row, sizeof row, "%d,%.2f,0\n", t, std::min(up, down));
    s += row;
  }
  return s;
}
/// 1,800 m (200 m ramp to 10 m/s, 160 s at it, to t = 200), no row for 100 s, then 1,600 m (from rest to
/// rest: two 200 m ramps and 120 s at 10 m/s).
std::string gap_trace() {
  return "cycSecs,cycMps,cycGrade\n" + stretch(0, 200, 10, false) + stretch(300, 500, 10, true);
}
void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}
core::FleetOptions options(const fs::path& dir) {
  core::FleetOptions o;
  o.dir = dir.string();
  o.integrator = "rk";
  o.progress = core::ProgressMode::Off;
  o.jobs = 2;
  return o;
}
constexpr double kMile = 1609.344;
}  // namespace

TEST_CASE("fleet: --gap-split makes a day of the file's trips, counted and reported", "[fleet]") {
  TempDir tmp("fleet-split");
  write(tmp.path / "T01_d01_x.csv", gap_trace());
  std::ostringstream log;
  auto o = options(tmp.path);
  const auto bridged =
      core::run_fleet(o, log);  // the default: the gap interpolated, (10 + 0) / 2 x 100 s more
  REQUIRE(bridged.days.size() == 1);
  REQUIRE(bridged.days[0].ok);
  CHECK(bridged.days[0].trips == 1);
  CHECK(bridged.days[0].miles == Approx((1800.0 + 500.0 + 1600.0) / kMile).epsilon(0.01));

  o.route_input.gaps_split = true;
  const auto split = core::run_fleet(o, log);
  const auto& d = split.days[0];
  REQUIRE(d.ok);
  CHECK(d.trips == 2);
  CHECK(split.trips == 2);
  CHECK(split.vehicles[0].trips == 2);
  CHECK(d.miles == Approx((1800.0 + 1600.0) / kMile).epsilon(0.01));
  // the day is the sum of its trips, each simulated on its own
  const auto trips =
      core::read_route_trips_file((tmp.path / "T01_d01_x.csv").string(), "auto", o.route_input);
  REQUIRE(trips.size() == 2);
  const auto scenario = core::load_scenario(core::default_scenario_path());
  double kWh = 0.0, m = 0.0;
  for (const auto& t : trips) {
    const auto r = core::simulate_comparison(scenario, t, {false, physics::Integrator::RungeKutta});
    m += r.diesel.summary.distance_m;
    kWh += r.electric.energy_kWh_per_mi * r.electric.summary.distance_m / kMile;
  }
  CHECK(d.miles == Approx(m / kMile).epsilon(1e-9));
  CHECK(d.ev_energy_kWh == Approx(kWh).epsilon(1e-9));
  REQUIRE(split.repairs.size() == 1);
  CHECK(split.repairs[0].kind == routes::RepairKind::TripSplit);
  CHECK(split.repairs[0].count == 1);
  CHECK(split.repairs[0].first_line == 203);  // header, 201 rows of the first stretch, then t = 300
  std::ostringstream text;
  core::print_fleet(text, split, core::UnitSystem::US);
  CHECK_THAT(text.str(), Catch::Contains("2 trips") && Catch::Contains("1 x trips split at time gaps"));

  o.route_input.strict = true;  // strict refuses the split at its file and line
  const auto strict = core::run_fleet(o, log);
  CHECK(strict.failed == 1);
  CHECK_THAT(strict.days[0].error, Catch::Contains("T01_d01_x.csv:203: gap of 100 s"));
}

TEST_CASE("fleet: progress, a journal, and --resume skipping what is done", "[fleet]") {
  TempDir tmp("fleet-resume");
  const fs::path dir = tmp.path / "month";
  write(dir / "T01_d01_a.csv", "cycSecs,cycMps,cycGrade\n" + stretch(0, 120, 15, true));
  write(dir / "T01_d02_b.csv", "cycSecs,cycMps,cycGrade\n" + stretch(0, 150, 20, true));
  write(dir / "T02_d01_a.csv", "cycSecs,cycMps,cycGrade\n" + stretch(0, 90, 10, true));
  auto o = options(dir);
  o.out = (tmp.path / "fleet.xlsx").string();
  o.progress = core::ProgressMode::Lines;
  std::ostringstream log;
  const auto first = core::run_fleet(o, log);
  CHECK_THAT(log.str(), Catch::Contains("done 3/3"));
  const std::string journal = core::fleet_journal::path_for(o.out);
  REQUIRE(fs::exists(journal));  // kept until the report is written

  // as if killed while writing a fourth entry: the cut line is ignored
  std::ofstream(journal, std::ios::app) << "{\"content\":\"abc";
  o.resume = true;
  std::ostringstream log2;
  const auto again = core::run_fleet(o, log2);
  CHECK(again.resumed == 3);
  CHECK_THAT(log2.str(), Catch::Contains("3 of 3 distinct files already done"));
  REQUIRE(again.vehicles.size() == first.vehicles.size());
  for (std::size_t i = 0; i < first.vehicles.size(); ++i) {
    CHECK(again.vehicles[i].miles == Approx(first.vehicles[i].miles).epsilon(1e-12));
    CHECK(again.vehicles[i].ev_energy_kWh == Approx(first.vehicles[i].ev_energy_kWh).epsilon(1e-12));
    CHECK(again.vehicles[i].savings_usd_per_yr == Approx(first.vehicles[i].savings_usd_per_yr).epsilon(1e-9));
    CHECK(again.vehicles[i].depot_only_days == first.vehicles[i].depot_only_days);
  }
  // a file changed since is simulated again; the others are not
  write(dir / "T02_d01_a.csv", "cycSecs,cycMps,cycGrade\n" + stretch(0, 100, 10, true));
  const auto changed = core::run_fleet(o, log2);
  CHECK(changed.resumed == 2);
  CHECK(changed.vehicles[1].miles > first.vehicles[1].miles);

  // a journal of another run is refused, naming what differs; --resume needs --out
  auto other = o;
  other.route_input.strict = true;
  CHECK_THROWS_WITH(core::run_fleet(other, log2),
                    Catch::Contains("belongs to another fleet run") && Catch::Contains("strict"));
  other = o;
  other.out.clear();
  CHECK_THROWS_WITH(core::run_fleet(other, log2), Catch::Contains("--resume needs --out"));
  core::remove_fleet_journal(o);
  CHECK_FALSE(fs::exists(journal));
  CHECK_THROWS_WITH(core::run_fleet(o, log2), Catch::Contains("no journal"));
}
