// The verdict must not depend on an accident of the input: with annual miles fixed, a short test cycle is a
// representative duty, so every shared cycle prices at a sensible $/mi and a route driven twice in a row
// prices as the route once.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/scenario.hpp"
#include "routes/readers.hpp"
#include "test_batch_util.hpp"

using namespace semitco;

namespace {

// The route driven twice in a row: the second copy starts where the first ended (distance, time and
// elevation continue), so every mile and every grade is the same as in the first.
routes::RouteProfile twice(const routes::RouteProfile& r) {
  routes::RouteProfile p = r;
  p.name = r.name + " x2";
  const double L = r.length_m();
  const double dz = r.elevation_m.back() - r.elevation_m.front();
  for (std::size_t i = 1; i < r.size(); ++i) {
    p.distance_m.push_back(L + r.distance_m[i]);
    p.elevation_m.push_back(dz + r.elevation_m[i]);
    p.grade_frac.push_back(r.grade_frac[i]);
    p.speed_limit_mps.push_back(r.speed_limit_mps[i]);
  }
  // The last segment of the first copy takes the grade and limit of the second copy's first segment.
  p.grade_frac[r.size() - 1] = r.grade_frac.front();
  p.speed_limit_mps[r.size() - 1] = r.speed_limit_mps.front();
  if (!r.lat_deg.empty()) {
    p.lat_deg.clear();
    p.lon_deg.clear();
  }
  p.legs.clear();
  for (const auto& s : r.stops) {
    routes::Stop t = s;
    t.distance_m += L;
    if (s.distance_m > 0.0 || p.stops.empty()) p.stops.push_back(t);
  }
  std::sort(p.stops.begin(), p.stops.end(), [](const auto& a, const auto& b) { return a.distance_m < b.distance_m; });
  if (r.is_time_based()) {
    const double T = r.trace_time_s.back();
    const double dt = r.trace_time_s.size() > 1 ? r.trace_time_s[1] - r.trace_time_s[0] : 1.0;
    for (std::size_t i = 0; i < r.trace_time_s.size(); ++i) {
      p.trace_time_s.push_back(T + dt + r.trace_time_s[i]);
      p.trace_speed_mps.push_back(r.trace_speed_mps[i]);
    }
  }
  return p;
}

}  // namespace

TEST_CASE("with annual miles fixed, a route and the same route twice give the same $/mi", "[core][duty]") {
  auto s = core::load_scenario(core::default_scenario_path());
  REQUIRE(s.economics.operations.utilisation == tco::Utilisation::kAnnualMiles);
  core::RunOptions opt;
  opt.record_series = false;
  opt.integrator = physics::Integrator::RungeKutta;
  for (const char* f : {"LongHaul.vdri", "EPA_Ph2_transient.csv", "RegionalDelivery.vdri"}) {
    const auto route = routes::read_route(std::string(SEMITCO_CYCLES_DIR) + "/" + f);
    const auto once = core::run_comparison(s, route, opt);
    const auto two = core::run_comparison(s, twice(route), opt);
    INFO(f << ": " << (once.warnings.empty() ? "" : once.warnings.front()));
    REQUIRE(two.route != once.route);
    REQUIRE(two.electric.trip.summary.distance_m == Approx(2.0 * once.electric.trip.summary.distance_m).epsilon(0.01));
    REQUIRE(once.tco.electric.usd_per_mi > 0.0);
    CHECK(two.tco.electric.usd_per_mi == Approx(once.tco.electric.usd_per_mi).epsilon(0.005));
    CHECK(two.tco.diesel.usd_per_mi == Approx(once.tco.diesel.usd_per_mi).epsilon(0.005));
    CHECK(two.tco.electric.quantities.miles_per_yr == Approx(s.economics.operations.annual_miles));
  }
}

TEST_CASE("batch over every shared cycle at the default economics prices both trucks at $1-4 per mile",
          "[core][duty][batch]") {
  const std::string exe = batch_test::bin();
  if (exe.empty()) return;
  batch_test::TempDir dir("duty");
  const auto r = batch_test::run(exe + " batch '" + std::string(SEMITCO_CYCLES_DIR) +
                                     "' --integrator rk --out results.csv",
                                 dir.path);
  REQUIRE(r.exit_code == 0);
  int rows = 0;
  for (const auto& row : batch_test::read_csv_rows(dir.path / "results.csv")) {
    INFO(row.at("route_file"));
    const double e = std::stod(row.at("ev_cost_usd_per_mi")), d = std::stod(row.at("diesel_cost_usd_per_mi"));
    CHECK(e >= 1.0);
    CHECK(e <= 4.0);
    CHECK(d >= 1.0);
    CHECK(d <= 4.0);
    ++rows;
  }
  // Every cycle in the folder is a route (the SOURCE files are not).
  int cycles = 0;
  for (const auto& f : std::filesystem::directory_iterator(SEMITCO_CYCLES_DIR)) {
    const auto ext = f.path().extension().string();
    if (ext == ".csv" || ext == ".vdri") ++cycles;
  }
  CHECK(rows == cycles);
}
