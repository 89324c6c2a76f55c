// Long descents: regenerative braking first, friction brakes for the rest, brake temperature, and the
// driver's safe descent speed (issue 3). A 6 % grade of 10 km at full weight.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "physics/electric_motor.hpp"
#include "physics/trip_solver.hpp"
#include "support.hpp"

using namespace semitco;

namespace {
constexpr double kG = 9.80665;

routes::RouteProfile six_percent_descent() {
  auto route = test::constant_road(10000.0, -0.06, 29.0);  // 65 mph limit
  route.stops = {{10000.0, 0.0, "bottom"}};
  return route;
}

physics::SolverOptions at_limit(physics::Integrator integrator) {
  auto o = physics::SolverOptions::defaults_for(integrator);
  o.initial_speed_mps = 29.0;
  return o;
}
}  // namespace

TEST_CASE("friction brakes carry only what regen cannot", "[physics][descent]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  auto truck = test::test_truck();
  truck.motor.peak_regen_power_W = 250e3;  // a regen limit the descent exceeds (needs ~520 kW at 65 mph)
  const auto route = six_percent_descent();
  const auto r = physics::simulate_electric(route, truck, {}, {}, at_limit(integrator));
  REQUIRE(r.summary.reached_end);
  REQUIRE(r.ledger.friction_brake_J > 0.0);
  const double eta = truck.driveline.efficiency;
  const physics::ElectricMotor motor(truck.motor);
  int braking_samples = 0;
  for (std::size_t i = 0; i < r.series.size(); ++i) {
    const double v = r.series.speed_mps[i];
    if (r.series.friction_brake_power_W[i] < 1000.0 || v < truck.motor.regen_fade_high_mps) continue;
    // Whenever the friction brakes work, regen is at its limit: the generating torque limit of the
    // motor at this speed (charge acceptance is not binding at 50 % SOC), seen at the wheels.
    const double w = v * truck.driveline.gear_ratio / truck.chassis.wheel_radius_m;
    const double t_max = std::min(truck.motor.peak_torque_Nm, truck.motor.peak_regen_power_W / w);
    const double wheel_max = t_max * w / eta;
    CHECK(r.series.regen_power_W[i] == Approx(wheel_max).epsilon(0.01));
    ++braking_samples;
  }
  CHECK(braking_samples > 100);
}

TEST_CASE("with the pack full the friction brakes take the descent", "[physics][descent]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  auto truck = test::test_truck();
  truck.initial_soc = truck.battery.soc_max;
  const auto route = six_percent_descent();
  const double mgdh = truck.chassis.mass_kg() * kG * 10000.0 * std::sin(std::atan(0.06));

  physics::DriverParams careless;
  careless.manage_brake_temperature = false;
  const auto hot = physics::simulate_electric(route, truck, {}, careless, at_limit(integrator));
  REQUIRE(hot.summary.reached_end);
  CHECK(hot.ledger.source_in_J < 1e-6 * mgdh);
  CHECK(hot.ledger.friction_brake_J > 0.8 * mgdh);
  // Held at 65 mph the brakes pass the fade limit, and the trip says so.
  CHECK(hot.summary.peak_brake_temperature_C > truck.brakes.fade_limit_C);
  CHECK(hot.summary.outcome == physics::TripOutcome::kBrakeFade);

  const auto careful = physics::simulate_electric(route, truck, {}, {}, at_limit(integrator));
  REQUIRE(careful.summary.reached_end);
  CHECK(careful.summary.brake_fade == (careful.summary.peak_brake_temperature_C >= truck.brakes.fade_limit_C));
  CHECK(careful.ledger.source_in_J < 1e-6 * mgdh);
  // The careful driver slows down, so the descent takes longer and the brakes end cooler.
  CHECK(careful.summary.duration_s > 1.5 * hot.summary.duration_s);
  CHECK(careful.summary.peak_brake_temperature_C < hot.summary.peak_brake_temperature_C);
}

TEST_CASE("brake temperature follows the lumped heat balance", "[physics][brakes]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  // Full pack, careless driver, constant 29 m/s: the friction brakes take P = (m g sin - F_aero - F_roll) v
  // minus what the motor absorbs as its own losses; C dT/dt = P - C K1 (T - T_amb) has the closed form
  // T(t) = T_ss + (T0 - T_ss) exp(-K1 t). Check the end of the descent against it.
  auto truck = test::test_truck();
  truck.initial_soc = truck.battery.soc_max;
  auto route = test::constant_road(5000.0, -0.06, 29.0);  // no stop: constant speed to the end
  physics::DriverParams careless;
  careless.manage_brake_temperature = false;
  const auto r = physics::simulate_electric(route, truck, {}, careless, at_limit(integrator));
  REQUIRE(r.summary.reached_end);
  const double t_end = r.summary.duration_s;
  const double P = r.ledger.friction_brake_J / t_end;  // constant speed: constant brake power
  const auto& b = truck.brakes;
  const double k1 = (b.k1_const_per_h + b.k1_per_mph_per_h * 29.0 / 0.44704) / 3600.0;
  const double t_ss = 20.0 + P / (b.heat_capacity_J_per_K * k1);
  const double expected = t_ss + (b.initial_temperature_C - t_ss) * std::exp(-k1 * t_end);
  CHECK(r.series.brake_temperature_C.back() == Approx(expected).epsilon(0.01));
}
