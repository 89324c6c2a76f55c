// Regen headroom: a truck that leaves with room in the pack for the route's largest descent takes it on
// regen with cool brakes; without the room it is flagged for brake fade.
#include <catch2/catch.hpp>

#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/scenario.hpp"
#include "physics/battery_pack.hpp"
#include "routes/readers.hpp"

using namespace semitco;

TEST_CASE("keeping regen headroom before 60 km at -7 % keeps the electric truck's brakes under the fade limit",
          "[core][brakes]") {
  std::istringstream in("distance_km,grade_pct,speed_limit_mph\n0,0,65\n1,-7,65\n61,0,65\n62,0,65\n");
  const auto route = routes::read_route_csv(in, "descent.csv", {});
  auto s = core::load_scenario(core::default_scenario_path());
  core::RunOptions opt;
  opt.record_series = false;
  opt.integrator = physics::Integrator::RungeKutta;

  const auto plain = core::simulate_comparison(s, route, opt);
  CHECK(plain.electric.trip.summary.outcome == physics::TripOutcome::kBrakeFade);

  s.keep_regen_headroom = true;
  auto loaded = s.electric.chassis;  // as the comparison loads it: the freight it can carry
  loaded.payload_kg = core::payloads_kg(s).first;
  const double soc = core::regen_headroom_soc(s, route, loaded);
  // By hand: the grade gives m g dh less rolling (and a little aero); the room is that energy at the top
  // voltage. The 4,200 m drop of a 36 t truck is about 410 kWh, some 45 % of a 910 kWh pack.
  const double drop_m = 60e3 * 0.07 / std::sqrt(1.0 + 0.07 * 0.07);
  const double mass = loaded.mass_kg();
  const double upper_J = mass * 9.80665 * drop_m;
  const physics::BatteryPack pack(s.electric.battery);
  const double soc_room_max = upper_J / (pack.capacity_C() * pack.ocv_V(s.electric.battery.soc_max));
  CHECK(soc < s.electric.battery.soc_max - 0.5 * soc_room_max);
  CHECK(soc > s.electric.battery.soc_max - soc_room_max);
  const auto kept = core::simulate_comparison(s, route, opt);
  INFO(kept.electric.trip.summary.end_reason);
  CHECK(kept.electric.trip.summary.completed);
  CHECK(kept.electric.trip.summary.peak_brake_temperature_C < s.electric.brakes.fade_limit_C);
  CHECK(kept.electric.trip.summary.initial_soc == Approx(soc));
  bool said = false;
  for (const auto& w : kept.warnings) said = said || w.find("keep regen headroom") != std::string::npos;
  CHECK(said);
}
