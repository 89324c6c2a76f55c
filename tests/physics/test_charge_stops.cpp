// En-route charge stops inside a trip: closed forms for the charging time, the reserve kept on a long
// trace, and the energy ledger with the grid in it.
#include <catch2/catch.hpp>

#include <cmath>

#include "bench/long_trace.hpp"
#include "physics/battery_pack.hpp"
#include "physics/trip_solver.hpp"
#include "support.hpp"

using namespace semitco;

namespace {

physics::SolverOptions fast() { return physics::SolverOptions::defaults_for(physics::Integrator::RungeKutta); }

physics::EnrouteCharging charging(double power_W, double reserve, double target) {
  physics::EnrouteCharging c;
  c.enabled = true;
  c.charger_power_W = power_W;
  c.reserve_soc = reserve;
  c.target_soc = target;
  c.efficiency = 0.9;
  return c;
}

}  // namespace

TEST_CASE("a charge at constant power takes (E_b - E_a) / P", "[physics][charging]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta);
  CAPTURE(physics::integrator_name(integrator));
  // No internal resistance and no auxiliaries: the energy into the terminals is the chemical energy
  // between the two states of charge. 200 kW is far below the pack's 1 MW acceptance up to 80 %.
  auto truck = test::test_truck();
  truck.battery.resistance_ohm = 0.0;
  truck.initial_soc = 0.2;
  const auto route = test::constant_road(100e3, 0.0, 25.0);
  const double P = 200e3;
  const auto c = charging(P, 0.10, 0.70);
  const auto r = physics::simulate_electric(route, truck, {}, {}, physics::SolverOptions::defaults_for(integrator),
                                            true, false, c);
  INFO(r.summary.end_reason);
  REQUIRE(r.summary.completed);
  REQUIRE(r.charge_stops.size() == 1);
  const auto& st = r.charge_stops.front();
  const physics::BatteryPack pack(truck.battery);
  const double dE = pack.energy_between_J(st.soc_in, st.soc_out);
  CHECK(st.soc_out > st.soc_in + 0.03);
  CHECK(st.departure_s - st.arrival_s == Approx(dE / P).epsilon(0.01));
  CHECK(st.pack_J == Approx(dE).epsilon(1e-3));
  CHECK(st.grid_J == Approx(dE / 0.9).epsilon(1e-3));
  // The SOC never went below the reserve, and the ledger closes with the grid in it.
  CHECK(r.summary.min_soc >= 0.10 - 1e-6);
  CHECK(r.ledger.grid_in_J == Approx(dE / 0.9).epsilon(1e-3));
  CHECK(r.ledger.charger_loss_J == Approx(dE / 0.9 * 0.1).epsilon(1e-3));
  CHECK(r.ledger.closure() < 1e-6);
  // The truck stood at the charger: the time series shows the SOC rising at one place while it charged.
  double rise = 0.0;
  for (std::size_t i = 1; i < r.series.size(); ++i) {
    if (r.series.charge_power_W[i] > 0.0) {
      CHECK(r.series.speed_mps[i] == 0.0);
      CHECK(r.series.distance_m[i] == Approx(st.distance_m).margin(1.0));
      rise += r.series.soc[i] - r.series.soc[i - 1];
    }
  }
  CHECK(rise == Approx(st.soc_out - st.soc_in).margin(2e-3));
}

TEST_CASE("a charge in the taper takes the integral of the acceptance curve", "[physics][charging]") {
  const auto integrator = GENERATE(physics::Integrator::Cvode, physics::Integrator::RungeKutta);
  CAPTURE(physics::integrator_name(integrator));
  // The pack accepts 1 MW up to 80 % and falls linearly to 0 at 95 %; the 2 MW charger never limits, so
  // the time is the integral of dE / P_acc(s) with dE = V Q ds (flat 900 V, no resistance).
  auto truck = test::test_truck();
  truck.battery.resistance_ohm = 0.0;
  truck.initial_soc = 0.85;
  const auto route = test::constant_road(100e3, 0.0, 25.0);
  const auto c = charging(2e6, 0.78, 0.93);
  const auto r = physics::simulate_electric(route, truck, {}, {}, physics::SolverOptions::defaults_for(integrator),
                                            false, false, c);
  INFO(r.summary.end_reason);
  REQUIRE(r.summary.completed);
  REQUIRE(r.charge_stops.size() == 1);
  const auto& st = r.charge_stops.front();
  REQUIRE(st.soc_in > 0.79);  // all of it in the taper
  const double VQ = 900.0 * truck.battery.capacity_Ah * 3600.0;
  double t = 0.0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double s = st.soc_in + (st.soc_out - st.soc_in) * (i + 0.5) / n;
    const double p = 1e6 * (0.95 - s) / (0.95 - 0.80);
    t += VQ * (st.soc_out - st.soc_in) / n / p;
  }
  CHECK(st.departure_s - st.arrival_s == Approx(t).epsilon(0.01));
}

TEST_CASE("explicit chargers: the truck stops at the farthest one within reach", "[physics][charging]") {
  auto truck = test::test_truck();
  truck.initial_soc = 0.2;
  const auto route = test::constant_road(100e3, 0.0, 25.0);
  auto c = charging(300e3, 0.10, 0.70);
  c.wherever_needed = false;
  // The pack reaches 12 % after about 60 km: chargers at 20 and 45 km are within reach, 70 km is not.
  c.chargers = {{20e3, 0.0, "A"}, {45e3, 0.0, "B"}, {70e3, 0.0, "C"}};
  const auto r = physics::simulate_electric(route, truck, {}, {}, fast(), false, false, c);
  INFO(r.summary.end_reason);
  REQUIRE(r.summary.completed);
  REQUIRE(r.charge_stops.size() == 1);
  CHECK(r.charge_stops.front().distance_m == Approx(45e3).margin(1.5));
  CHECK(r.summary.min_soc >= 0.10);

  // A gap the pack cannot bridge: the trip ends at the reserve and says so, never below it.
  c.chargers = {{80e3, 0.0, "far"}};
  const auto gap = physics::simulate_electric(route, truck, {}, {}, fast(), false, false, c);
  CHECK_FALSE(gap.summary.completed);
  CHECK(gap.summary.end_reason.find("reserve") != std::string::npos);
  CHECK(gap.summary.min_soc >= 0.10 - 1e-6);
}

TEST_CASE("a 10-hour trace longer than the pack's range keeps the reserve", "[physics][charging]") {
  const auto route = bench::long_trace(SEMITCO_CYCLES_DIR, 36000.0);
  auto truck = test::default_like_truck();
  truck.initial_soc = 0.95;
  const auto c = charging(750e3, 0.15, 0.80);
  // The pack's energy above the reserve, against what the trace needs (a run without charging).
  const auto free_run = physics::simulate_electric(route, truck, {}, {}, fast(), false, true);
  const physics::BatteryPack pack(truck.battery);
  REQUIRE(free_run.ledger.source_net_J() > pack.energy_between_J(0.15, 0.95));

  const auto r = physics::simulate_electric(route, truck, {}, {}, fast(), true, false, c);
  INFO(r.summary.end_reason);
  REQUIRE(r.summary.completed);
  REQUIRE(r.charge_stops.size() >= 1);
  CHECK(r.summary.min_soc >= 0.15 - 1e-6);
  for (double soc : r.series.soc) CHECK(soc >= 0.15 - 1e-6);
  double charging_s = 0.0;
  for (const auto& st : r.charge_stops) {
    INFO("stop at " << st.distance_m << " m, t " << st.arrival_s << "-" << st.departure_s << " s, SOC " << st.soc_in
                    << "-" << st.soc_out);
    CHECK(st.departure_s > st.arrival_s);
    CHECK(st.pack_J > 0.0);
    CHECK(st.grid_J > st.pack_J);
    charging_s += st.departure_s - st.arrival_s;
  }
  // The trip time includes the stops: the trace's own time (at least 10 hours) plus the charging.
  REQUIRE(free_run.summary.duration_s >= 36000.0);
  CHECK(r.summary.duration_s == Approx(free_run.summary.duration_s + charging_s).margin(5.0));
  CHECK(r.summary.charging_time_s == Approx(charging_s));
  CHECK(r.ledger.grid_in_J > 0.0);
  CHECK(r.ledger.closure() < 1e-3);
  // The truck drove the trace: nearly its whole distance (the notches into the stops shorten it a little).
  CHECK(r.summary.distance_m == Approx(free_run.summary.distance_m).epsilon(0.01));
}

TEST_CASE("a stop before a pass charges for the summit, not for the net energy to the end of the trip",
          "[physics][charging]") {
  // First run's SOC by hand: 0.8 at 0 km, 0.2 at 100 km (charger wherever needed), the climb takes another
  // 0.3 to the summit at 150 km (SOC -0.1), and the descent gives 0.25 back by 200 km (0.15).
  // Consumption c: 0.6 at 100 km, 0.9 at the summit, 0.65 at the end. The floor is 0.1 + 0.02.
  const std::vector<physics::SocPoint> track = {{0.0, 0.8}, {100e3, 0.2}, {150e3, -0.1}, {200e3, 0.15}};
  physics::EnrouteCharging opt;
  opt.enabled = true;
  opt.target_soc = 0.9;
  const auto plan = physics::plan_charge_stops(track, opt, 0.95, true);
  REQUIRE(!plan.empty());
  // The first stop is where the SOC reaches the floor 0.12: c = 0.68, at 100 + 50 * 0.08 / 0.3 km.
  CHECK(plan.front().at == Approx(100e3 + 50e3 * 0.08 / 0.3));
  // Charging there for the end alone would give 0.12 + (0.65 - 0.68) < the arrival SOC; for the summit it
  // takes 0.12 + (0.9 - 0.68) = 0.34, so the truck tops the pass at the floor, not below it.
  CHECK(plan.size() == 1);
  CHECK(plan.front().target_soc == Approx(0.12 + (0.9 - 0.68)));
}
