// The solver's fast lookups against their plain definitions (issue 18): a table lookup that remembers its
// place finds the segment a binary search over the whole table finds, whatever the jumps; the safe
// descent speed, whose scan is kept between calls, is the highest safe speed a dense scan finds.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "physics/descent_planner.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/driver.hpp"
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

TEST_CASE("the safe speed ahead is the scan's answer on every descent, short or long, cold brakes or hot",
          "[physics][descent][lookup]") {
  // The planner answers "no cap" without its scan where the brakes could take a descent's whole potential
  // energy and stay under the limit; asked along a route of short and long descents, at brake
  // temperatures below the air's and near the limit, it must give what the scan itself gives. Two
  // trucks: the default diesel, and one with next to no road load, retarder or cooling, for which the
  // bound is nearly what the brakes get (a bound too low by a few per cent answers "no cap" where the scan
  // caps).
  const bool tight = GENERATE(false, true);
  CAPTURE(tight);
  physics::DieselTruckParams truck;
  truck.chassis.payload_kg = 21319.0;
  if (tight) {
    truck.chassis.cda_m2 = 1e-3;
    truck.chassis.crr = 0.0;
    truck.brakes.k1_const_per_h = 1e-3;
    truck.brakes.k1_per_mph_per_h = 0.0;
    for (auto& p : truck.engine.engine_brake) p.torque_Nm = 0.0;
    for (auto& p : truck.engine.motoring) p.torque_Nm = 0.0;
  }
  physics::Ambient ambient;
  ambient.temperature_C = 35.0;  // brakes at 0 degC are colder than the air: the bound must allow for it
  const physics::DriverParams driver;
  routes::RouteProfile route;
  route.name = "descents";
  // (length, grade): drops of 3 m to 240 m, a climb between two of them.
  const std::vector<std::pair<double, double>> pieces = {{500, 0.0},    {150, -0.02}, {400, 0.0},
                                                         {1500, -0.04}, {300, 0.01},  {4000, -0.06},
                                                         {600, 0.0},    {800, -0.03}, {2000, 0.0}};
  double d = 0.0, h = 1500.0;
  for (const auto& [len, grade] : pieces) {
    for (double s = 0.0; s < len; s += 50.0) {
      route.distance_m.push_back(d);
      route.elevation_m.push_back(h);
      route.grade_frac.push_back(grade);
      route.speed_limit_mps.push_back(29.0);
      d += 50.0;
      h += 50.0 * std::sin(std::atan(grade));
    }
  }
  route.distance_m.push_back(d);
  route.elevation_m.push_back(h);
  route.grade_frac.push_back(0.0);
  route.speed_limit_mps.push_back(29.0);
  route.elevation_is_absolute = true;
  const physics::Road road(route, ambient);
  const physics::DieselPowertrain pt(truck, ambient);
  const auto descents = road.descents(driver.descent_min_grade_frac);
  REQUIRE(descents.size() == 4);
  const physics::DescentPlanner planner(truck.chassis, truck.brakes, ambient, driver, road, pt, descents);
  const double b = driver.comfort_decel_mps2;
  int unlimited = 0, capped = 0;
  // Temperatures from below the air's to near the limit, and around where each descent's whole potential
  // energy would just reach the limit (T + m g drop / C = fade limit - margin), where a wrong bound shows.
  std::vector<double> temps = {0.0, 35.0, 90.0, 150.0, 200.0, 236.0};
  const double limit = truck.brakes.fade_limit_C - driver.brake_margin_C;
  for (const auto& ds : descents) {
    const double edge = limit - truck.chassis.mass_kg() * 9.80665 *
                                    (ds.start_elevation_m - ds.end_elevation_m) /
                                    truck.brakes.heat_capacity_J_per_K;
    for (double off : {-3.0, -0.5, 0.5, 1.5, 3.0}) {
      if (edge + off > 0.0) temps.push_back(edge + off);
    }
  }
  for (double T_now : temps) {
    for (double x = 0.0; x < d; x += 37.0) {
      const double got = planner.safe_speed_ahead(x, T_now, 0.0, 29.0, road.zone_of(x));
      // The definition: the descent at or after x, within braking reach; the scan over the rest of it.
      double want = physics::DescentPlanner::kUnlimited;
      for (const auto& ds : descents) {
        if (x >= ds.end_m) continue;
        const double from = std::max(x, ds.start_m), approach = ds.start_m - x, L = ds.end_m - from;
        const double reach =
            physics::DescentPlanner::kMaxDescentSpeed * physics::DescentPlanner::kMaxDescentSpeed / (2 * b);
        if (approach > reach || L <= 1.0) break;
        const double top = approach > 0.0 ? ds.start_elevation_m : road.elevation_at(from);
        const double rho = approach > 0.0 ? ds.start_rho_kgpm3 : road.at(from).rho_kgpm3;
        const physics::DescentPlanner fresh(truck.chassis, truck.brakes, ambient, driver, road, pt, {});
        const double v =
            fresh.safe_speed(std::max((top - ds.end_elevation_m) / L, 0.0), rho, L, T_now, 0.0, 29.0);
        if (v < physics::DescentPlanner::kUnlimited)
          want = approach > 0.0 ? std::sqrt(v * v + 2 * b * approach) : v;
        break;
      }
      CAPTURE(T_now, x);
      REQUIRE(got == want);
      (got >= physics::DescentPlanner::kUnlimited ? unlimited : capped)++;
    }
  }
  // Both answers occur: the shortcut is taken and the scan still caps the long descent when hot.
  CHECK(unlimited > 100);
  CHECK(capped > 100);
}

TEST_CASE("the grade range over a stretch and the envelope's flat stretches agree with dense sampling",
          "[physics][lookup]") {
  // What lets the screening model take a long step at cruise (physics/quasi_static.cpp): the least and the
  // greatest grade over the step, and whether the envelope holds one speed over it. Checked against the
  // road and the envelope sampled every 0.25 m, on zones of VECTO-like rows and on a smooth profile.
  std::mt19937 rng(21);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (const bool smooth : {false, true}) {
    CAPTURE(smooth);
    routes::RouteProfile p;
    p.name = "rows";
    double d = 0.0, h = 100.0;
    for (int i = 0; i < 400; ++i) {
      const double grade =
          i % 7 == 0 ? p.grade_frac.empty() ? 0.0 : p.grade_frac.back() : -0.04 + 0.08 * unit(rng);
      p.distance_m.push_back(d);
      p.elevation_m.push_back(h);
      p.grade_frac.push_back(grade);
      // Limits that hold for stretches and change now and then (and a short slow zone).
      p.speed_limit_mps.push_back(i >= 100 && i < 103 ? 15.0 : i < 250 ? 25.0 : 22.0);
      const double ds = 5.0 + 20.0 * unit(rng);
      d += ds;
      h += ds * grade;
    }
    p.grade_is_smooth = smooth;
    const physics::Road road(p, physics::Ambient{});
    const physics::SpeedEnvelope env(p, physics::DriverParams{}, false);
    int flats = 0;
    for (int q = 0; q < 300; ++q) {
      const double x0 = (d - 300.0) * unit(rng), x1 = x0 + 200.0 * unit(rng);
      CAPTURE(x0, x1);
      double lo = 1e9, hi = -1e9;
      bool flat = true;
      const double v0 = env(x0);
      // [x0, x1): a zone that starts at x1 is the next step's.
      auto sample = [&](double x) {
        const double g = road.at(x).grade_frac;
        lo = std::min(lo, g);
        hi = std::max(hi, g);
      };
      for (double x = x0; x < x1; x += 0.25) {
        sample(x);
        flat = flat && env(x) == v0;
      }
      sample(std::max(x0, x1 - 1e-9));
      flat = flat && env(x1) == v0;
      const auto r = road.grade_range(x0, x1, road.zone_of(x0));
      // Rows: exactly the zones' grades met. Smooth: the sampled grade lies within the range, whose ends
      // are met within the sampling's resolution.
      CHECK(r.lo <= lo + 1e-12);
      CHECK(r.hi >= hi - 1e-12);
      if (smooth) {
        CHECK(r.lo == Approx(lo).margin(2e-3));
        CHECK(r.hi == Approx(hi).margin(2e-3));
      } else {
        CHECK(r.lo == lo);
        CHECK(r.hi == hi);
      }
      // flat_over never says flat where the envelope changes (it may say "not flat" when it changes within
      // a sampling step only: none here, the envelope's ramps are longer).
      CHECK(env.flat_over(x0, x1) == flat);
      flats += flat;
    }
    CHECK(flats > 30);  // both answers are checked
    CHECK(flats < 270);
  }
}
