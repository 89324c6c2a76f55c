// Trip-level invariants on real public cycles (../shared/data/cycles) and on synthetic edge cases:
// energy closure, convergence under tighter tolerances, stops, plausibility, and trips that cannot finish.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "physics/battery_pack.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"
#include "support.hpp"

using namespace semitco;

namespace {
const std::string kCycles = SEMITCO_CYCLES_DIR;

}  // namespace

TEST_CASE("energy closes on the VECTO LongHaul cycle", "[physics][invariant]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  const auto route = routes::read_route(kCycles + "/LongHaul.vdri");
  const auto truck = test::default_like_truck();
  const auto r = physics::simulate_electric(route, truck, {}, {}, physics::SolverOptions::defaults_for(integrator));
  REQUIRE(r.summary.completed);
  const auto& L = r.ledger;
  // Battery energy out - in equals the sum of the sinks within 0.1 %.
  CHECK(std::abs(L.source_net_J() - L.sinks_J()) < 1e-3 * L.source_net_J());
  // Independent paths to the same numbers:
  // (1) the cells' charge state: chemical energy between the SOC values = net source energy;
  const physics::BatteryPack pack(truck.battery);
  CHECK(pack.energy_between_J(r.summary.final_soc, r.summary.initial_soc) == Approx(L.source_net_J()).epsilon(1e-3));
  // (2) potential energy: climbing + descending = m g (h_end - h_start) of the route;
  const double dh = route.elevation_m.back() - route.elevation_m.front();
  const double mg = truck.chassis.mass_kg() * 9.80665;
  CHECK(L.climbing_J + L.descending_J == Approx(mg * dh).margin(1e-3 * L.climbing_J));
  // (3) it starts and ends at rest: no net kinetic energy.
  CHECK(std::abs(L.inertia_J) < 1e-5 * L.source_out_J);
  CHECK(r.summary.distance_m == Approx(108190.0).epsilon(1e-3));
}

TEST_CASE("tightening CVODE tolerances 100x changes kWh/mi by < 0.1 %", "[physics][convergence]") {
  const auto truck = test::default_like_truck();
  for (const char* file : {"LongHaul.vdri", "EPA_Ph2_transient.csv"}) {
    const auto route = routes::read_route(kCycles + "/" + file);
    physics::SolverOptions loose, tight;
    loose.rel_tol = 1e-5;
    tight.rel_tol = 1e-7;
    tight.abs_tol_distance_m = loose.abs_tol_distance_m / 100.0;
    tight.abs_tol_speed_mps = loose.abs_tol_speed_mps / 100.0;
    const auto a = physics::simulate_electric(route, truck, {}, {}, loose, false);
    const auto b = physics::simulate_electric(route, truck, {}, {}, tight, false);
    INFO(file);
    CHECK(a.summary.energy_kWh_per_mi == Approx(b.summary.energy_kWh_per_mi).epsilon(1e-3));
  }
}

TEST_CASE("stops are made at their position with their dwell time", "[physics][stops]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  auto route = test::constant_road(10000.0, 0.0, 25.0);
  route.stops = {{0.0, 5.0, "start"}, {3000.0, 60.0, "a"}, {3000.5 + 4000.0, 30.0, "b"}, {10000.0, 0.0, "end"}};
  const auto r = physics::simulate_electric(route, test::default_like_truck(), {}, {},
                                            physics::SolverOptions::defaults_for(integrator));
  REQUIRE(r.summary.completed);
  REQUIRE(r.stops.size() == route.stops.size());
  for (std::size_t i = 0; i < route.stops.size(); ++i) {
    INFO("stop " << i);
    CHECK(std::abs(r.stops[i].distance_m - route.stops[i].distance_m) < 1.0);
    CHECK(r.stops[i].departure_s - r.stops[i].arrival_s == Approx(route.stops[i].dwell_s).margin(1e-6));
  }
  // Standing means standing: no sample moves while the truck dwells.
  for (std::size_t i = 0; i < r.series.size(); ++i) {
    const double t = r.series.time_s[i];
    if (t > r.stops[1].arrival_s + 1e-6 && t < r.stops[1].departure_s - 1e-6) {
      CHECK(r.series.speed_mps[i] == 0.0);
    }
  }
}

TEST_CASE("default electric tractor uses 1.6-2.5 kWh/mi on the EPA Phase 2 65 mph cycle", "[physics][plausibility]") {
  const auto route = routes::read_route(kCycles + "/EPA_Ph2_rural_interstate_65mph.csv");
  const auto r = physics::simulate_electric(route, test::default_like_truck());
  REQUIRE(r.summary.completed);
  CHECK(r.summary.energy_kWh_per_mi > 1.6);
  CHECK(r.summary.energy_kWh_per_mi < 2.5);
  // It holds 65 mph on the +/-5 % grades (Tesla: holds 65 mph on 5 % at GCW).
  CHECK(r.summary.max_speed_shortfall_mps < 1.0);
}

TEST_CASE("0-60 mph at 82,000 lb takes about 20 s", "[physics][plausibility]") {
  const auto route = test::constant_road(3000.0, 0.0, 30.0);
  physics::DriverParams pedal_down;  // a driver who asks for more than the truck can give
  pedal_down.max_accel_mps2 = 3.0;
  const auto r = physics::simulate_electric(route, test::default_like_truck(), {}, pedal_down);
  double t60 = -1.0;
  for (std::size_t i = 0; i < r.series.size(); ++i) {
    if (r.series.speed_mps[i] >= 60.0 * 0.44704) {
      t60 = r.series.time_s[i];
      break;
    }
  }
  // Tesla claims ~20 s loaded (REFERENCE.md); the driver's 2 s speed response adds about 2 s to what
  // the powertrain alone allows (~20.5 s by hand: 80.8 kN to 9.6 m/s, then 776 kW at the wheels).
  CHECK(t60 > 17.0);
  CHECK(t60 < 25.0);
}

TEST_CASE("a truck that cannot go on ends with a reason and a place", "[physics][robustness]") {
  SECTION("too steep") {
    const auto route = test::constant_road(2000.0, 0.35, 20.0);
    const auto r = physics::simulate_electric(route, test::default_like_truck());
    CHECK_FALSE(r.summary.completed);
    CHECK_THAT(r.summary.end_reason, Catch::Contains("cannot"));
    CHECK_THAT(r.summary.end_reason, Catch::Contains("km"));
  }
  SECTION("battery runs out") {
    auto truck = test::default_like_truck();
    truck.battery.capacity_Ah = 20.0;  // ~18 kWh pack
    const auto route = test::constant_road(100000.0, 0.0, 25.0);
    const auto r = physics::simulate_electric(route, truck);
    CHECK_FALSE(r.summary.completed);
    CHECK_THAT(r.summary.end_reason, Catch::Contains("battery empty"));
    CHECK(r.summary.distance_m > 1000.0);
    CHECK(r.summary.distance_m < 100000.0);
    CHECK(r.summary.final_soc == Approx(truck.battery.soc_min).margin(1e-6));
  }
}

TEST_CASE("a time-based trace with standstills is followed closely", "[physics][trace]") {
  const auto route = routes::read_route(kCycles + "/EPA_Ph2_transient.csv");
  const auto r = physics::simulate_electric(route, test::default_like_truck());
  REQUIRE(r.summary.completed);
  CHECK(r.summary.duration_s == Approx(route.trace_time_s.back()).margin(1e-6));
  CHECK(r.summary.trace_distance_shortfall_m < 0.01 * route.length_m());
  CHECK(r.ledger.closure() < 1e-3);
}

TEST_CASE("energy closes on a smoothed-elevation route (I-80 Donner) with its smooth grade",
          "[physics][invariant]") {
  const auto route = routes::read_route(std::string(SEMITCO_SOURCE_DIR) + "/resources/routes/i80_donner.csv");
  REQUIRE(route.grade_is_smooth);
  const auto truck = test::default_like_truck();
  const auto r = physics::simulate_electric(route, truck);
  REQUIRE(r.summary.completed);
  const auto& L = r.ledger;
  CHECK(L.closure() < 1e-3);
  // The interpolated grade keeps the profile's rise: m g dh within 0.2 % of the climbing done.
  const double dh = route.elevation_m.back() - route.elevation_m.front();
  CHECK(L.climbing_J + L.descending_J == Approx(truck.chassis.mass_kg() * 9.80665 * dh).margin(2e-3 * L.climbing_J));
  // No restart every few metres: the whole route is one grade zone.
  CHECK(r.solver.restarts < 10);
}
