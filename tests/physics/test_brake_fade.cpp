// Brakes past their fade limit are flagged where it happened: 60 km at -7 % (the seed's own claim that
// regen keeps the brakes cool holds only while the pack has room for the energy).
#include <catch2/catch.hpp>

#include "diesel_support.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "support.hpp"

using namespace semitco;

namespace {
routes::RouteProfile long_steep_descent() {
  // 1 km flat at the top, 60 km at -7 %, 1 km flat at the bottom, 65 mph limit.
  auto r = test::constant_road(62e3, 0.0, 29.0);
  for (std::size_t i = 1; i < r.distance_m.size(); ++i) {
    const double d0 = r.distance_m[i - 1];
    const double g = (d0 >= 1e3 && d0 < 61e3) ? -0.07 : 0.0;
    r.grade_frac[i - 1] = g;
    r.elevation_m[i] = r.elevation_m[i - 1] + routes::rise_m(r.distance_m[i] - d0, g);
  }
  // The bottom at 1,000 m, the top about 4,200 m higher.
  const double drop = r.elevation_m.front() - r.elevation_m.back();
  for (auto& e : r.elevation_m) e += drop;
  r.grade_frac.back() = 0.0;
  return r;
}
}  // namespace

TEST_CASE("an electric truck that leaves full down 60 km at -7 % is flagged for brake fade", "[physics][brakes]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  const auto route = long_steep_descent();
  auto truck = test::default_like_truck();
  const auto so = physics::SolverOptions::defaults_for(integrator);

  truck.initial_soc = truck.battery.soc_max;  // no room for regen
  const auto full = physics::simulate_electric(route, truck, {}, {}, so, false);
  INFO(full.summary.end_reason);
  REQUIRE(full.summary.reached_end);
  CHECK_FALSE(full.summary.completed);
  CHECK(full.summary.outcome == physics::TripOutcome::kBrakeFade);
  CHECK(full.summary.brake_fade);
  CHECK(full.summary.peak_brake_temperature_C > truck.brakes.fade_limit_C);
  // Where it happened: on the descent, and the message names the place and the peak.
  CHECK(full.summary.brake_fade_at_m > 1e3);
  CHECK(full.summary.brake_fade_at_m < 61e3);
  CHECK(full.summary.end_reason.find("brake fade") != std::string::npos);
  CHECK(full.summary.end_reason.find(" km") != std::string::npos);

  truck.initial_soc = 0.5;  // room for the descent's energy: regen holds the truck, the brakes stay cool
  const auto half = physics::simulate_electric(route, truck, {}, {}, so, false);
  INFO(half.summary.end_reason);
  CHECK(half.summary.completed);
  CHECK_FALSE(half.summary.brake_fade);
  CHECK(half.summary.peak_brake_temperature_C < truck.brakes.fade_limit_C);
}

TEST_CASE("the diesel on the same descent is flagged or slows enough to stay under the limit", "[physics][brakes]") {
  const auto route = long_steep_descent();
  const auto truck = test::diesel_truck();
  const auto r = physics::simulate_diesel(route, truck, {}, {}, physics::SolverOptions::defaults_for(physics::Integrator::RungeKutta), false);
  INFO(r.summary.end_reason);
  REQUIRE(r.summary.reached_end);
  // Either the brakes stayed under the limit and the trip completed, or it is flagged: never both over
  // the limit and "completed".
  CHECK(r.summary.brake_fade == (r.summary.peak_brake_temperature_C >= truck.brakes.fade_limit_C));
  CHECK(r.summary.completed == !r.summary.brake_fade);
}
