// Chargers marked in a route file: read with their power, and used by the electric truck's trip.
#include <catch2/catch.hpp>

#include <sstream>

#include "app/core/comparison.hpp"
#include "app/core/scenario.hpp"
#include "routes/readers.hpp"
#include "routes/route_error.hpp"

using namespace semitco;

namespace {
// A flat 800 km road at 65 mph with chargers at 200 km (350 kW), 400 km (750 kW) and 700 km (750 kW).
std::string flat_road_with_chargers() {
  std::ostringstream o;
  o << "distance_km,elevation_m,speed_limit_mph,stop_name,charger_kW\n";
  for (int km = 0; km <= 800; km += 20) {
    o << km << ",100,65,";
    if (km == 200) o << "Lodi,350";
    else if (km == 400) o << "Kettleman,750";
    else if (km == 700) o << "Grapevine,750";
    else o << ",";
    o << "\n";
  }
  return o.str();
}
}  // namespace

TEST_CASE("a route CSV marks chargers with their power; nonsense is refused with the line", "[core][charging]") {
  std::istringstream in(flat_road_with_chargers());
  const auto r = routes::read_route_csv(in, "road.csv", {});
  REQUIRE(r.chargers.size() == 3);
  CHECK(r.chargers[0].distance_m == Approx(200e3));
  CHECK(r.chargers[0].power_W == Approx(350e3));
  CHECK(r.chargers[0].name == "Lodi");
  CHECK(r.chargers[1].distance_m == Approx(400e3));

  std::istringstream bad("distance_km,elevation_m,charger_kW\n0,100,\n10,100,-5\n");
  try {
    (void)routes::read_route_csv(bad, "bad.csv", {});
    FAIL("accepted a negative charger power");
  } catch (const routes::RouteError& e) {
    CHECK_THAT(e.what(), Catch::Contains("bad.csv") && Catch::Contains(":3") && Catch::Contains("-5"));
  }
}

TEST_CASE("the electric truck charges at the farthest marked charger within reach, at its power", "[core][charging]") {
  std::istringstream in(flat_road_with_chargers());
  const auto route = routes::read_route_csv(in, "road.csv", {});
  auto s = core::load_scenario(core::default_scenario_path());
  core::RunOptions opt;
  opt.record_series = false;
  opt.integrator = physics::Integrator::RungeKutta;
  const auto r = core::run_comparison(s, route, opt);
  const auto& t = r.electric.trip;
  INFO(t.summary.end_reason);
  REQUIRE(t.summary.completed);
  // 800 km at about 1.2 kWh/km is more than the pack holds above its reserve (about 740 kWh, some 600 km):
  // 400 km is within reach, 700 km is not.
  REQUIRE(t.charge_stops.size() == 1);
  CHECK(t.charge_stops[0].distance_m == Approx(400e3).margin(2.0));
  CHECK(t.charge_stops[0].charger_power_W == Approx(750e3));
  const auto c = core::trip_charging(s, route);
  CHECK(t.summary.min_soc >= c.reserve_soc - 1e-6);
}

TEST_CASE("the trips are simulated again when an economics input they depend on changes, not otherwise",
          "[core][charging]") {
  std::istringstream in(flat_road_with_chargers());
  const auto route = routes::read_route_csv(in, "road.csv", {});
  const auto s = core::load_scenario(core::default_scenario_path());
  const auto base = core::trip_inputs_key(s, route);
  auto price = s;
  price.economics.prices.diesel_price_usd_per_gal += 1.0;  // costs only
  CHECK(core::trip_inputs_key(price, route) == base);
  auto reserve = s;
  reserve.economics.charging.reserve_soc_frac = 0.2;  // where the truck stops to charge
  CHECK(core::trip_inputs_key(reserve, route) != base);
  auto plug = s;
  plug.economics.charging.enroute_stop_overhead_s = 1200.0;  // standing time at each stop
  CHECK(core::trip_inputs_key(plug, route) != base);
  auto miles = s;
  miles.economics.operations.annual_miles = 400000.0;  // 1,600 mi a day: the 800 km road becomes a sample
  CHECK(core::trip_inputs_key(miles, route) != base);
}
