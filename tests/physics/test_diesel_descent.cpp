// Issue 3: the diesel on a long descent. A 6 % grade of 10 km at 80,000 lb between two flat stretches,
// with the brakes arriving warm (150 degC, from earlier braking). Held at 65 mph the brakes fade; the
// careful driver uses the engine brake in the gear that holds back most and slows down so the brakes
// stay under the limit, and what it does is consistent with the power balance on the grade.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "diesel_support.hpp"
#include "physics/diesel_powertrain.hpp"
#include "support.hpp"

using namespace semitco;

namespace {
constexpr double kG = 9.80665;
constexpr double kLimit = 29.0;  // 65 mph

routes::RouteProfile flat_descent_flat() {
  routes::RouteProfile p;
  p.name = "6% descent";
  double h = 1500.0;
  const double sin6 = std::sin(std::atan(-0.06));
  for (int i = 0; i <= 140; ++i) {  // 100 m points: 0-2 km flat, 2-12 km at -6 %, 12-14 km flat
    const double d = 100.0 * i;
    const double g = (d >= 2000.0 && d < 12000.0) ? -0.06 : 0.0;
    p.distance_m.push_back(d);
    p.elevation_m.push_back(h);
    p.grade_frac.push_back(g);
    p.speed_limit_mps.push_back(kLimit);
    if (g != 0.0) h += 100.0 * sin6;
  }
  p.elevation_is_absolute = true;
  p.stops = {{14000.0, 0.0, "end"}};
  return p;
}

physics::DieselTruckParams warm_truck() {
  auto t = test::diesel_truck();
  t.brakes.initial_temperature_C = 150.0;
  return t;
}

physics::SolverOptions rolling(physics::Integrator integrator) {
  auto o = physics::SolverOptions::defaults_for(integrator);
  o.initial_speed_mps = kLimit;
  return o;
}

bool on_grade(double x) { return x > 2200.0 && x < 11800.0; }
}  // namespace

TEST_CASE("the diesel driver slows down on a long descent so the brakes stay under the fade limit",
          "[physics][diesel][descent]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  const auto route = flat_descent_flat();
  const auto truck = warm_truck();

  physics::DriverParams careless;
  careless.manage_brake_temperature = false;
  const auto hot = physics::simulate_diesel(route, truck, {}, careless, rolling(integrator));
  REQUIRE(hot.summary.reached_end);
  CHECK(hot.summary.peak_brake_temperature_C > truck.brakes.fade_limit_C);
  // Past the fade limit: flagged where it happened, not completed.
  CHECK_FALSE(hot.summary.completed);
  CHECK(hot.summary.outcome == physics::TripOutcome::kBrakeFade);
  CHECK(on_grade(hot.summary.brake_fade_at_m));

  const physics::DriverParams careful;
  const auto ok = physics::simulate_diesel(route, truck, {}, careful, rolling(integrator));
  REQUIRE(ok.summary.completed);
  CHECK(ok.summary.peak_brake_temperature_C <= truck.brakes.fade_limit_C - careful.brake_margin_C + 2.0);

  // It got there by going slower on the grade.
  double v_min = 1e9, t_hot = 0.0, t_ok = 0.0;
  for (std::size_t i = 0; i < ok.series.size(); ++i) {
    if (on_grade(ok.series.distance_m[i])) {
      v_min = std::min(v_min, ok.series.speed_mps[i]);
      t_ok += 1.0;
    }
  }
  for (std::size_t i = 0; i < hot.series.size(); ++i) t_hot += on_grade(hot.series.distance_m[i]) ? 1.0 : 0.0;
  CHECK(v_min < kLimit - 2.0);
  CHECK(t_ok > t_hot);
}

TEST_CASE("on the descent the friction brakes take only what the engine brake cannot",
          "[physics][diesel][descent]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  const auto route = flat_descent_flat();
  const auto truck = warm_truck();
  const auto r = physics::simulate_diesel(route, truck, {}, {}, rolling(integrator));
  REQUIRE(r.summary.completed);
  const physics::DieselPowertrain pt(truck);  // for the engine-brake limit of each gear
  const double m = truck.chassis.mass_kg();
  const double s6 = std::sin(std::atan(0.06)), c6 = std::cos(std::atan(0.06));
  int steady = 0;
  for (std::size_t i = 1; i + 1 < r.series.size(); ++i) {
    const double v = r.series.speed_mps[i];
    const int gear = static_cast<int>(r.series.gear[i]);
    const double dv = r.series.speed_mps[i + 1] - r.series.speed_mps[i - 1];
    const bool same_gear = r.series.gear[i - 1] == r.series.gear[i] && r.series.gear[i + 1] == r.series.gear[i];
    if (!on_grade(r.series.distance_m[i]) || gear == 0 || !same_gear || std::abs(dv) > 0.005) continue;
    // Steady speed: engine brake + friction brakes hold exactly the grade force left after road load.
    const double rho = test::air_density_at(r.series.elevation_m[i], 20.0);
    const double held_W = (m * kG * s6 - m * kG * c6 * truck.chassis.crr - 0.5 * rho * truck.chassis.cda_m2 * v * v) * v;
    const double engine_W = -r.series.wheel_power_W[i];
    const double friction_W = r.series.friction_brake_power_W[i];
    CHECK(engine_W + friction_W == Approx(held_W).epsilon(0.02));
    // Friction only on top of a fully used engine brake in the engaged gear.
    if (friction_W > 1000.0) CHECK(engine_W == Approx(pt.limits_in_gear(gear, v).max_retard_N * v).epsilon(0.01));
    ++steady;
  }
  CHECK(steady > 100);
}
