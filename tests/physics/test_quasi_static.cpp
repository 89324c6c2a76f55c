// The quasi-static screening model (physics/quasi_static.hpp) against the forward model on every shared
// public cycle and every bundled route, and where it must refuse or end a trip. Its closed-form cases
// (constant speed, a climb, a coast-down, a descent on regen or friction) and the brake, descent and
// trip cases run in those tests' own files, which generate all three integrators.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "diesel_support.hpp"
#include "physics/diesel_powertrain.hpp"
#include "physics/trip_solver.hpp"
#include "routes/readers.hpp"
#include "support.hpp"

using namespace semitco;
using physics::Integrator;

namespace {

std::vector<std::string> files_in(const std::string& dir, const std::vector<std::string>& exts) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (std::find(exts.begin(), exts.end(), e.path().extension().string()) != exts.end()) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

const auto kRk = physics::SolverOptions::defaults_for(Integrator::RungeKutta);
const auto kQs = physics::SolverOptions::defaults_for(Integrator::QuasiStatic);

// What the issue asks of a screening model: within 1 % of the forward model in energy on every shared
// cycle; the same trip otherwise (distance, time, brakes), and a ledger that closes.
void check_agreement(const physics::TripResult& fwd, const physics::TripResult& qs) {
  REQUIRE(fwd.summary.completed);
  INFO(qs.summary.end_reason);
  REQUIRE(qs.summary.completed);
  CHECK(qs.solver.integrator == Integrator::QuasiStatic);
  CHECK(qs.summary.energy_kWh_per_mi == Approx(fwd.summary.energy_kWh_per_mi).epsilon(0.01));
  CHECK(qs.summary.distance_m == Approx(fwd.summary.distance_m).epsilon(0.005));
  CHECK(qs.summary.duration_s == Approx(fwd.summary.duration_s).epsilon(0.01));
  // A standstill begins at the end of the step that reached it: within a second per stop of the trace.
  CHECK(qs.summary.moving_time_s == Approx(fwd.summary.moving_time_s).epsilon(0.02));
  // The brakes: the same verdict, and about the same peak. Not closer: a gearbox's choice on a descent can
  // sit on a knife edge (the diesel on I-80 Donner holds 55 mph in 10th with the engine 0.1 rad/s over the
  // limit its strategy allows for a downshift, so it gets there only if it decided while a little slower),
  // and the model that missed it holds the speed in 11th with the brakes' help, 20 C warmer.
  CHECK(qs.summary.brake_fade == fwd.summary.brake_fade);
  CHECK(qs.summary.peak_brake_temperature_C == Approx(fwd.summary.peak_brake_temperature_C).margin(30.0));
  CHECK(qs.stops.size() == fwd.stops.size());
  CHECK(qs.ledger.closure() < 1e-12);
  // The potential energy is the road's: what the truck climbs it comes down again on a round trip.
  CHECK(qs.ledger.climbing_J + qs.ledger.descending_J ==
        Approx(fwd.ledger.climbing_J + fwd.ledger.descending_J).margin(1e-3 * fwd.ledger.climbing_J + 1e5));
}

}  // namespace

TEST_CASE("the quasi-static model is within 1 % of the forward model on every shared cycle and bundled route",
          "[physics][quasi-static]") {
  const auto ev = test::default_like_truck();
  const auto dsl = test::diesel_truck();
  auto files = files_in(SEMITCO_CYCLES_DIR, {".csv", ".vdri"});
  REQUIRE(files.size() >= 10);
  const auto bundled = files_in(std::string(SEMITCO_SOURCE_DIR) + "/resources/routes", {".csv"});
  REQUIRE(bundled.size() >= 4);
  files.insert(files.end(), bundled.begin(), bundled.end());
  int quicker = 0;
  for (const auto& file : files) {
    INFO(file);
    const auto route = routes::read_route(file);
    {
      INFO("electric");
      const auto fwd = physics::simulate_electric(route, ev, {}, {}, kRk, false);
      const auto qs = physics::simulate_electric(route, ev, {}, {}, kQs, false);
      check_agreement(fwd, qs);
      CHECK(qs.summary.final_soc == Approx(fwd.summary.final_soc).margin(0.002));
      quicker += qs.solver.rhs_evals < fwd.solver.rhs_evals ? 1 : 0;
    }
    {
      INFO("diesel");
      const auto fwd = physics::simulate_diesel(route, dsl, {}, {}, kRk, false);
      const auto qs = physics::simulate_diesel(route, dsl, {}, {}, kQs, false);
      check_agreement(fwd, qs);
      CHECK(qs.ledger.fuel_kg == Approx(fwd.ledger.fuel_kg).epsilon(0.01));
    }
  }
  // The point of the model: fewer evaluations of the powertrain than the forward model's right-hand sides
  // on most routes (on smooth ones the Runge-Kutta pair takes long steps too).
  CHECK(quicker >= static_cast<int>(files.size()) / 2);
}

TEST_CASE("the quasi-static model names itself and keeps the time series of its steps", "[physics][quasi-static]") {
  const auto route = routes::read_route(std::string(SEMITCO_CYCLES_DIR) + "/EPA_Ph2_transient.csv");
  const auto r = physics::simulate_electric(route, test::default_like_truck(), {}, {}, kQs, true);
  REQUIRE(r.summary.completed);
  CHECK(std::string(physics::integrator_name(r.solver.integrator)) == "quasi-static");
  REQUIRE(r.series.size() > 100);
  CHECK(r.series.time_s.back() == Approx(r.summary.duration_s));
  CHECK(std::is_sorted(r.series.time_s.begin(), r.series.time_s.end()));
  CHECK(r.series.distance_m.back() == Approx(r.summary.distance_m));
  for (std::size_t i = 0; i < r.series.size(); ++i) {
    CHECK(r.series.speed_mps[i] >= 0.0);
    CHECK(r.series.friction_brake_power_W[i] >= 0.0);
  }
}

TEST_CASE("the quasi-static model refuses a trip that needs an en-route charge stop and says why",
          "[physics][quasi-static]") {
  // 1,000 km at 25 m/s on the flat: more than the pack holds.
  const auto route = test::constant_road(1000e3, 0.0, 25.0, 1000.0);
  auto truck = test::default_like_truck();
  truck.initial_soc = 0.9;
  physics::EnrouteCharging charging;
  charging.enabled = true;
  try {
    (void)physics::simulate_electric(route, truck, {}, {}, kQs, false, false, charging);
    FAIL("no refusal");
  } catch (const physics::ParameterError& e) {
    const std::string msg = e.what();
    CHECK(msg.find("quasi-static") != std::string::npos);
    CHECK(msg.find("charge stop") != std::string::npos);
    CHECK(msg.find("rk") != std::string::npos);  // what to use instead
  }
  // The forward model plans the stop on the same inputs.
  const auto fwd = physics::simulate_electric(route, truck, {}, {}, kRk, false, false, charging);
  CHECK(fwd.summary.charge_stops >= 1);

  // A trip that needs no stop runs, keeping the reserve it was asked for.
  const auto short_route = test::constant_road(100e3, 0.0, 25.0, 1000.0);
  const auto r = physics::simulate_electric(short_route, truck, {}, {}, kQs, false, false, charging);
  CHECK(r.summary.completed);
  CHECK(r.summary.charge_stops == 0);
  CHECK(r.summary.reserve_soc == Approx(charging.reserve_soc));
}

TEST_CASE("the quasi-static model ends a trip where the pack runs out or the truck cannot climb, as the forward "
          "model does", "[physics][quasi-static]") {
  {
    const auto route = test::constant_road(1000e3, 0.0, 25.0, 1000.0);
    auto truck = test::default_like_truck();
    truck.initial_soc = 0.9;
    const auto fwd = physics::simulate_electric(route, truck, {}, {}, kRk, false);
    const auto qs = physics::simulate_electric(route, truck, {}, {}, kQs, false);
    CHECK_FALSE(qs.summary.completed);
    CHECK(qs.summary.outcome == physics::TripOutcome::kEnded);
    CHECK(qs.summary.end_reason.find("battery empty") != std::string::npos);
    CHECK(qs.summary.end_reason.find(" km") != std::string::npos);
    REQUIRE_FALSE(fwd.summary.completed);
    CHECK(qs.summary.distance_m == Approx(fwd.summary.distance_m).epsilon(0.01));
  }
  {
    // 2 km at 30 %: more than either truck's traction can hold at 82,000 lb.
    auto route = test::constant_road(3000.0, 0.0, 20.0);
    for (std::size_t i = 1; i < route.distance_m.size(); ++i) {
      const double d0 = route.distance_m[i - 1];
      const double g = d0 >= 1000.0 ? 0.30 : 0.0;
      route.grade_frac[i - 1] = g;
      route.elevation_m[i] = route.elevation_m[i - 1] + routes::rise_m(route.distance_m[i] - d0, g);
    }
    route.grade_frac.back() = 0.0;
    const auto e = physics::simulate_electric(route, test::default_like_truck(), {}, {}, kQs, false);
    const auto d = physics::simulate_diesel(route, test::diesel_truck(), {}, {}, kQs, false);
    for (const auto* r : {&e, &d}) {
      INFO(r->summary.end_reason);
      CHECK_FALSE(r->summary.completed);
      CHECK(r->summary.end_reason.find("cannot keep moving") != std::string::npos);
      CHECK(r->summary.distance_m > 1000.0);  // on the climb, not before it
      CHECK(r->summary.distance_m < 3000.0);
    }
    // The same road under a speed trace asking for 10 m/s for 20 minutes: the truck stalls on the climb.
    for (int s = 0; s <= 1200; ++s) {
      route.trace_time_s.push_back(s);
      route.trace_speed_mps.push_back(s == 0 ? 0.0 : 10.0);
    }
    const auto t = physics::simulate_electric(route, test::default_like_truck(), {}, {}, kQs, false);
    const auto fwd = physics::simulate_electric(route, test::default_like_truck(), {}, {}, kRk, false);
    INFO(t.summary.end_reason);
    CHECK_FALSE(t.summary.completed);
    CHECK(t.summary.end_reason.find("cannot keep moving") != std::string::npos);
    REQUIRE_FALSE(fwd.summary.completed);
    // Within a few steps of where the forward model stalls (2 s steps at 10 m/s are 20 m; the climb takes
    // the truck from 10 m/s to a halt in about 70 m).
    CHECK(t.summary.distance_m == Approx(fwd.summary.distance_m).margin(40.0));
  }
}
