// Auxiliary power as a function of the ambient temperature (physics::AuxParams): the formula by hand, and
// what it does to a trip. Acceptance (issue 12): at -10 degC the electric truck's kWh/mi on the EPA Phase 2
// 65 mph cycle is higher than at 20 degC by the auxiliary energy the model states, plus the denser air.
#include <catch2/catch.hpp>
#include <string>

#include "diesel_support.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"
#include "support.hpp"

using namespace semitco;

namespace {
const std::string kCycles = SEMITCO_CYCLES_DIR;

// The coefficients of the shipped electric trucks (resources/vehicles/*.json), written out here.
physics::AuxParams library_like_aux() {
  physics::AuxParams a;
  a.power_W = 4000.0;
  a.cabin_heating_below_C = 15.0;
  a.cabin_heating_W_per_K = 200.0;
  a.cabin_cooling_above_C = 24.0;
  a.cabin_cooling_W_per_K = 150.0;
  a.battery_heating_below_C = 10.0;
  a.battery_heating_W_per_K = 150.0;
  a.battery_cooling_above_C = 25.0;
  a.battery_cooling_W_per_K = 100.0;
  return a;
}
}  // namespace

TEST_CASE("aux power follows the comfort bands by hand", "[physics][aux]") {
  const auto a = library_like_aux();
  // -10 degC: 4000 + 200 (15 - -10) + 150 (10 - -10) = 4000 + 5000 + 3000
  CHECK(a.power_at_W(-10.0) == Approx(12000.0));
  // 12 degC: only the cab heater, 200 x 3 K
  CHECK(a.power_at_W(12.0) == Approx(4600.0));
  // 20 degC lies inside both bands: the base draw alone
  CHECK(a.power_at_W(20.0) == 4000.0);
  // 35 degC: 4000 + 150 (35 - 24) + 100 (35 - 25)
  CHECK(a.power_at_W(35.0) == Approx(6650.0));
  const auto b = a.breakdown(-10.0);
  CHECK(b.cabin_heating_W == Approx(5000.0));
  CHECK(b.battery_heating_W == Approx(3000.0));
  CHECK(b.cabin_cooling_W == 0.0);
  CHECK(b.battery_cooling_W == 0.0);
  // Without coefficients (a vehicle file written before them) the draw is the same at every temperature.
  physics::AuxParams old;
  old.power_W = 4000.0;
  CHECK_FALSE(old.depends_on_temperature());
  for (double T : {-40.0, -10.0, 20.0, 45.0}) CHECK(old.power_at_W(T) == 4000.0);
  // A band upside down is refused by name.
  auto bad = a;
  bad.cabin_cooling_above_C = 10.0;
  CHECK_THROWS_WITH(bad.check(), Catch::Contains("cabin_cooling_above_C"));
}

TEST_CASE("at -10 degC the electric truck uses the stated aux energy more per mile than at 20 degC",
          "[physics][aux][acceptance]") {
  const auto route = routes::read_route(kCycles + "/EPA_Ph2_rural_interstate_65mph.csv");
  REQUIRE(route.is_time_based());  // the trace fixes the trip's duration whatever the aux draw
  auto truck = test::default_like_truck();
  // Below the charge taper (80 %), so the aux draw does not change how much regen the pack accepts.
  truck.initial_soc = 0.7;
  auto constant = truck;
  constant.aux = physics::AuxParams{4000.0};  // the draw of today's files at every temperature
  truck.aux = library_like_aux();

  physics::Ambient warm, cold;
  warm.temperature_C = 20.0;
  cold.temperature_C = -10.0;
  const auto A = physics::simulate_electric(route, truck, warm);     // 20 degC
  const auto B = physics::simulate_electric(route, constant, cold);  // -10 degC air, aux as at 20 degC
  const auto C = physics::simulate_electric(route, truck, cold);     // -10 degC
  REQUIRE(A.summary.completed);
  REQUIRE(B.summary.completed);
  REQUIRE(C.summary.completed);
  const double t = C.summary.duration_s;
  const double d_mi = C.summary.distance_m / 1609.344;
  CHECK(A.summary.duration_s == Approx(t).epsilon(1e-9));
  CHECK(B.summary.distance_m == Approx(C.summary.distance_m).epsilon(1e-9));

  // The model states the extra aux draw at -10 degC: 200 W/K x 25 K (cab) + 150 W/K x 20 K (pack) = 8 kW.
  const double dP_W = 200.0 * 25.0 + 150.0 * 20.0;
  CHECK(C.ledger.aux_J - A.ledger.aux_J == Approx(dP_W * t).epsilon(1e-9));
  CHECK(A.ledger.aux_J == Approx(4000.0 * t).epsilon(1e-9));

  // Aux alone (B -> C, the same air): the pack delivers the aux energy plus the extra resistive loss of the
  // larger current. Bound on that loss: with the current I, an extra dI = dP / V adds R (2 I dI + dI^2); the
  // terminal voltage stays above V_min = 800 V (OCV 828 V at the bottom of the window less the IR drop), and
  // the integral of |I| dt is at most (battery out + in) / V_min.
  const double R = truck.battery.resistance_ohm, V_min = 800.0;
  const double dI = dP_W / V_min;
  const double loss_bound_J =
      2.0 * R * dI * (B.ledger.source_out_J + B.ledger.source_in_J) / V_min + R * dI * dI * t;
  const double d_loss_J = C.ledger.battery_loss_J - B.ledger.battery_loss_J;
  INFO("extra battery loss " << d_loss_J / 3.6e6 << " kWh, bound " << loss_bound_J / 3.6e6 << " kWh, aux "
                             << dP_W * t / 3.6e6 << " kWh");
  CHECK(d_loss_J > 0.0);
  CHECK(d_loss_J < loss_bound_J);
  CHECK(loss_bound_J < 0.03 * dP_W * t);  // the bound itself: under 3 % of the aux energy
  // Everything else at the wheels and in the motor is the same trip (same trace, same air).
  CHECK(C.ledger.friction_brake_J == Approx(B.ledger.friction_brake_J).margin(1e-4 * dP_W * t));
  CHECK(C.ledger.motor_loss_J == Approx(B.ledger.motor_loss_J).margin(1e-4 * dP_W * t));
  const double hand_kWh_per_mi = dP_W * t / 3.6e6 / d_mi;
  const double d_aux_only = C.summary.energy_kWh_per_mi - B.summary.energy_kWh_per_mi;
  CHECK(d_aux_only >= hand_kWh_per_mi * (1.0 - 1e-4));
  CHECK(d_aux_only <= (dP_W * t + loss_bound_J) / 3.6e6 / d_mi * (1.0 + 1e-4));

  // The denser air (A -> B): at one pressure rho ~ 1 / T, so the aero work on the same trace grows by
  // 293.15 / 263.15; the pack pays it through the drive chain (85-100 % efficient each way).
  const double rho_ratio = 293.15 / 263.15;
  CHECK(B.ledger.aero_J == Approx(A.ledger.aero_J * rho_ratio).epsilon(2e-3));
  const double d_aero_J = B.ledger.aero_J - A.ledger.aero_J;
  const double d_air_J = B.ledger.source_net_J() - A.ledger.source_net_J();
  CHECK(d_air_J > 0.85 * d_aero_J);
  CHECK(d_air_J < d_aero_J / 0.85);

  // Together: 20 -> -10 degC costs the stated aux energy, its resistive loss and the denser air.
  const double total = C.summary.energy_kWh_per_mi - A.summary.energy_kWh_per_mi;
  INFO("20 degC " << A.summary.energy_kWh_per_mi << " kWh/mi, -10 degC " << C.summary.energy_kWh_per_mi
                  << " kWh/mi; aux by hand " << hand_kWh_per_mi << " kWh/mi, air " << d_air_J / 3.6e6 / d_mi);
  CHECK(total == Approx(d_aux_only + d_air_J / 3.6e6 / d_mi).epsilon(1e-9));
  CHECK(total > hand_kWh_per_mi);
}

TEST_CASE("the diesel's A/C draws on the crank in the heat; its cab heat is free", "[physics][aux]") {
  const auto route = routes::read_route(kCycles + "/EPA_Ph2_rural_interstate_65mph.csv");
  auto truck = test::diesel_truck();
  const double base_W = truck.aux.power_W;
  truck.aux.cabin_cooling_above_C = 24.0;
  truck.aux.cabin_cooling_W_per_K = 200.0;  // no cabin heating term: engine coolant heats the cab
  physics::Ambient hot, cold;
  hot.temperature_C = 35.0;
  cold.temperature_C = -10.0;
  const auto h = physics::simulate_diesel(route, truck, hot);
  const auto c = physics::simulate_diesel(route, truck, cold);
  REQUIRE(h.summary.completed);
  REQUIRE(c.summary.completed);
  CHECK(h.ledger.aux_J == Approx((base_W + 200.0 * 11.0) * h.summary.duration_s).epsilon(1e-9));
  CHECK(c.ledger.aux_J == Approx(base_W * c.summary.duration_s).epsilon(1e-9));
  // A traction battery's terms make no sense on a diesel: refused by name.
  truck.aux.battery_heating_W_per_K = 100.0;
  CHECK_THROWS_WITH(physics::DieselPowertrain(truck), Catch::Contains("battery_heating_W_per_K"));
}
