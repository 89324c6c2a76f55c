// The solver's fast lookups against their plain definitions (issue 18): a table lookup that remembers its
// place finds the segment a binary search over the whole table finds, whatever the jumps; the safe
// descent speed, whose scan is kept between calls, is the highest safe speed a dense scan finds.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "physics/descent_planner.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/road.hpp"
#include "support.hpp"

using namespace semitco;

TEST_CASE("a table lookup with a cursor agrees with interpolation found by binary search",
          "[physics][lookup]") {
  std::mt19937 rng(18);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 2 + static_cast<int>(rng() % 300);
    std::vector<double> x(static_cast<std::size_t>(n)), y(x.size());
    double at = 0.0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      at += 0.01 + 5.0 * unit(rng);
      x[i] = at;
      y[i] = std::sin(at);  // any values: the interpolant between the points is checked
    }
    const physics::Table1D t(x, y);
    for (int q = 0; q < 100; ++q) {
      // Small moves (the solver), big jumps both ways (gear speeds, a restart), exact points and the ends.
      double u = x.front() - 3.0 + (x.back() - x.front() + 6.0) * unit(rng);
      if (q % 5 == 0) u = x[rng() % x.size()];
      std::size_t want = 0;
      if (u >= x[x.size() - 2]) {
        want = x.size() - 2;
      } else if (u > x.front()) {
        want = static_cast<std::size_t>(std::upper_bound(x.begin(), x.end(), u) - x.begin()) - 1;
      }
      REQUIRE(t.locate(u) == want);
      const double f = std::clamp((u - x[want]) / (x[want + 1] - x[want]), 0.0, 1.0);
      REQUIRE(t(u) == y[want] + f * (y[want + 1] - y[want]));
    }
  }
}

TEST_CASE("the safe descent speed is the highest speed a dense scan finds safe, asked in any order",
          "[physics][descent][lookup]") {
  physics::DieselTruckParams truck;  // the 15 L / 12-speed defaults at 80,000 lb
  truck.chassis.tractor_mass_kg = 8165.0;
  truck.chassis.trailer_mass_kg = 6804.0;
  truck.chassis.payload_kg = 21319.0;
  const physics::Ambient ambient;
  const physics::DriverParams driver;
  const auto route = test::constant_road(10000.0, -0.06, 29.0);
  const physics::Road road(route, ambient);
  const physics::DieselPowertrain pt(truck, ambient);
  const physics::DescentPlanner planner(truck.chassis, truck.brakes, ambient, driver, road, pt, {});
  const double sin_down = std::sin(std::atan(0.06)), rho = 1.1, L = 8000.0, cap = 29.0;
  const double target = truck.brakes.fade_limit_C - driver.brake_margin_C;

  // By definition: the highest v in [descent_min_speed, cap] with T_end(v) <= target, on a 1 mm/s grid.
  auto dense = [&](double T_now) {
    for (double v = cap; v >= driver.descent_min_speed_mps; v -= 1e-3) {
      if (planner.end_temperature(v, sin_down, rho, L, T_now, 0.0) <= target) return v;
    }
    return -1.0;
  };
  // Brake temperatures from cool (no cap) to hot, asked up and down so the kept scan is reused.
  const std::vector<double> temps = {60.0, 150.0, 200.0, 250.0, 120.0, 230.0, 180.0, 60.0};
  int capped = 0;
  for (double T_now : temps) {
    const double v = planner.safe_speed(sin_down, rho, L, T_now, 0.0, cap);
    const physics::DescentPlanner fresh(truck.chassis, truck.brakes, ambient, driver, road, pt, {});
    REQUIRE(v == fresh.safe_speed(sin_down, rho, L, T_now, 0.0, cap));  // the kept scan changes nothing
    if (v >= physics::DescentPlanner::kUnlimited) {
      REQUIRE(planner.end_temperature(cap, sin_down, rho, L, T_now, 0.0) <= target);
      continue;
    }
    ++capped;
    REQUIRE(planner.end_temperature(v, sin_down, rho, L, T_now, 0.0) <= target + 1e-9);
    REQUIRE(v == Approx(dense(T_now)).margin(2e-3));
  }
  REQUIRE(capped >= 3);  // the test covers the search, not only the uncapped case
}
