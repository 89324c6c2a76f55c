// Closed-form checks of the trip solver: each expected value is worked out here from the parameters
// with the textbook equation, not taken from the solver. Every case runs with both integrators
// (physics/stepper.hpp), each at its own default tolerances.
#include <catch2/catch.hpp>

#include <cmath>

#include "physics/trip_solver.hpp"
#include "support.hpp"

using namespace semitco;
using physics::simulate_electric;

namespace {
constexpr double g = 9.80665;

physics::SolverOptions cruise_at(double v, physics::Integrator integrator) {
  auto o = physics::SolverOptions::defaults_for(integrator);
  o.initial_speed_mps = v;
  return o;
}

// Electric chain at constant speed v for a wheel force F (>0 motoring, <0 generating):
// returns chemical battery power [W], positive out.
double chemical_power(const physics::ElectricTruckParams& t, double F, double v) {
  const double eta = t.driveline.efficiency, G = t.driveline.gear_ratio, r = t.chassis.wheel_radius_m;
  const double w = v * G / r;
  const double P_mech = F >= 0 ? F * v / eta : F * v * eta;
  const double T = P_mech / w;
  const auto& m = t.motor;
  const double loss = m.loss_const_W + m.loss_speed_W_per_radps * w + m.loss_torque_W_per_Nm2 * T * T +
                      m.loss_speed2_W_per_radps2 * w * w;
  const double P_term = P_mech + loss + t.aux.power_W;
  const double V = t.battery.ocv.front().voltage_V, R = t.battery.resistance_ohm;
  // P_term = V I - R I^2  ->  I = (V - sqrt(V^2 - 4 R P_term)) / 2R
  const double I = (V - std::sqrt(V * V - 4.0 * R * P_term)) / (2.0 * R);
  return V * I;
}
}  // namespace

TEST_CASE("constant speed on flat ground matches the road-load integral", "[physics][closed-form]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  const auto truck = test::test_truck();
  const double v = 25.0, L = 20000.0;
  const auto route = test::constant_road(L, 0.0, v);
  const auto res = simulate_electric(route, truck, {}, {}, cruise_at(v, integrator));
  REQUIRE(res.summary.completed);

  const double m = truck.chassis.mass_kg();
  const double rho = test::air_density_at(1000.0, 20.0);
  const double F_aero = 0.5 * rho * truck.chassis.cda_m2 * v * v;
  const double F_roll = m * g * truck.chassis.crr;
  CHECK(res.ledger.aero_J == Approx(F_aero * L).epsilon(0.005));
  CHECK(res.ledger.rolling_J == Approx(F_roll * L).epsilon(0.005));
  // The whole chain: battery chemical energy for the road load at constant power over L / v seconds.
  const double expected = chemical_power(truck, F_aero + F_roll, v) * L / v;
  CHECK(res.ledger.source_net_J() == Approx(expected).epsilon(0.005));
  CHECK(res.summary.duration_s == Approx(L / v).epsilon(0.005));
  CHECK(res.ledger.friction_brake_J < 1e-6 * expected);
}

TEST_CASE("a constant-grade climb adds m g dh", "[physics][closed-form]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  const auto truck = test::test_truck();
  const double v = 20.0, L = 5000.0, grade = 0.03;
  const auto route = test::constant_road(L, grade, v);
  const auto res = simulate_electric(route, truck, {}, {}, cruise_at(v, integrator));
  REQUIRE(res.summary.completed);
  const double dh = L * std::sin(std::atan(grade));
  const double m = truck.chassis.mass_kg();
  CHECK(res.ledger.climbing_J == Approx(m * g * dh).epsilon(0.001));
  CHECK(res.ledger.descending_J == Approx(0.0).margin(1.0));
  CHECK(res.series.elevation_m.back() - res.series.elevation_m.front() == Approx(dh).epsilon(0.001));
}

TEST_CASE("coast-down from 90 km/h follows m dv/dt = -(F_roll + c v^2)", "[physics][closed-form]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  auto truck = test::test_truck();
  truck.motor.peak_power_W = 1.0;        // no traction to speak of (1 W)
  const double v0 = 25.0;                // 90 km/h
  const auto route = test::constant_road(20000.0, 0.0, 30.0);  // target above v0: the driver never brakes
  const auto res = simulate_electric(route, truck, {}, {}, cruise_at(v0, integrator));
  REQUIRE_FALSE(res.summary.completed);  // it rolls to a halt before the end of the road

  const double m_eff = truck.chassis.mass_kg() + truck.chassis.rotating_equiv_mass_kg;
  const double F = truck.chassis.mass_kg() * g * truck.chassis.crr;
  const double c = 0.5 * test::air_density_at(1000.0, 20.0) * truck.chassis.cda_m2;
  // Separable ODE: v(t) = sqrt(F/c) tan(atan(v0 sqrt(c/F)) - t sqrt(F c) / m_eff)
  const double phi0 = std::atan(v0 * std::sqrt(c / F));
  const double k = std::sqrt(F * c) / m_eff;
  int checked = 0;
  for (std::size_t i = 0; i < res.series.size(); ++i) {
    const double t = res.series.time_s[i];
    const double v_exact = std::sqrt(F / c) * std::tan(phi0 - k * t);
    if (v_exact < 1.0) break;
    CHECK(res.series.speed_mps[i] == Approx(v_exact).epsilon(0.005));
    ++checked;
  }
  CHECK(checked > 200);
  const double t_stop = phi0 / k;
  CHECK(res.summary.duration_s == Approx(t_stop).epsilon(0.005));
}

TEST_CASE("a long constant-speed descent recovers the regen chain's share of m g dh", "[physics][closed-form]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta, physics::Integrator::QuasiStatic);
  CAPTURE(physics::integrator_name(integrator));
  auto truck = test::test_truck();
  const double v = 22.0, L = 10000.0, grade = -0.04;
  const auto route = test::constant_road(L, grade, v);
  const double m = truck.chassis.mass_kg();
  const double s = std::sin(std::atan(grade)), c_t = std::cos(std::atan(grade));
  const double F_aero = 0.5 * test::air_density_at(1000.0 + 0.5 * L * s, 20.0) * truck.chassis.cda_m2 * v * v;
  const double F_roll = m * g * c_t * truck.chassis.crr;
  const double F_wheel = m * g * s + F_aero + F_roll;  // negative: the powertrain must hold the truck back
  const double mgdh = -m * g * L * s;

  SECTION("half-full pack: regen takes it all") {
    const auto res = simulate_electric(route, truck, {}, {}, cruise_at(v, integrator));
    REQUIRE(res.summary.completed);
    const double expected_in = -chemical_power(truck, F_wheel, v) * L / v;
    CHECK(res.ledger.source_in_J == Approx(expected_in).epsilon(0.005));
    CHECK(res.ledger.friction_brake_J < 1e-4 * mgdh);
    CHECK(-res.ledger.descending_J == Approx(mgdh).epsilon(0.001));
  }
  SECTION("full pack: friction brakes take it all") {
    truck.initial_soc = truck.battery.soc_max;
    const auto res = simulate_electric(route, truck, {}, {}, cruise_at(v, integrator));
    REQUIRE(res.summary.reached_end);
    CHECK(res.ledger.source_in_J < 1e-6 * mgdh);
    // Only the motor's own losses can be covered by generating without charging: a few percent.
    CHECK(res.ledger.friction_brake_J > 0.95 * (mgdh - (F_aero + F_roll) * L));
    CHECK(res.ledger.friction_brake_J <= mgdh);
  }
}
