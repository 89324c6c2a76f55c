// The trip as a representative duty: annual miles and the day plan decide the year, the trip only its
// energy and time per mile. Hand calculations on hand_inputs() (100-mile run, 2 h driving, 2.5 h with
// stops; 10 gal diesel; 200 kWh) and refusals of impossible plans by key.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "hand_inputs.hpp"
#include "tco/cost_model.hpp"
#include "tco/duty.hpp"
#include "tco/uncertainty.hpp"

using namespace semitco::tco;
using Catch::Contains;
using semitco::tco::test::hand_inputs;
using semitco::tco::units::m_from_miles;

namespace {
constexpr Powertrain EV = Powertrain::kBatteryElectric;
constexpr Powertrain DZ = Powertrain::kDiesel;

double cash(const CostReport& r, int year, CostLine l) {
  return r.ledger[static_cast<std::size_t>(year)].usd[static_cast<std::size_t>(l)];
}

// Every per-trip quantity times k: the same duty on a route k times as long.
void scale_trip(TripSummary& t, double k) {
  t.distance_m *= k;
  t.duration_s *= k;
  t.driving_time_s *= k;
  t.energy_from_source_J *= k;
  t.battery_energy_out_J *= k;
  t.battery_energy_in_J *= k;
  t.fuel_L *= k;
  t.fuel_kg *= k;
  t.def_L *= k;
  t.co2_kg *= k;
}

std::string message(const TcoInputs& in) {
  try {
    validate(in);
  } catch (const TcoInputError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("with annual miles fixed the cost per mile does not depend on the route's length", "[duty]") {
  for (double ev_energy_scale : {1.0, 1.4}) {  // 1.4: the electric day needs en-route charging
    INFO("electric energy x " << ev_energy_scale);
    TcoInputs d = default_inputs();
    d.electric.trip.energy_from_source_J *= ev_energy_scale;
    TcoInputs d2 = d;
    scale_trip(d2.electric.trip, 2.0);
    scale_trip(d2.diesel.trip, 2.0);
    // The 2D route is a different route: keep its pack and SOC, as the physics would report them.
    const Comparison a = compare(d);
    const Comparison b = compare(d2);
    if (ev_energy_scale > 1.0) CHECK(a.electric.day.enroute_stops > 0);
    CHECK(b.electric.usd_per_mi == Approx(a.electric.usd_per_mi).epsilon(1e-9));
    CHECK(b.diesel.usd_per_mi == Approx(a.diesel.usd_per_mi).epsilon(1e-9));
    CHECK(b.electric.usd_per_ton_mi == Approx(a.electric.usd_per_ton_mi).epsilon(1e-9));
    CHECK(b.electric.day.enroute_stops == a.electric.day.enroute_stops);
  }
  // A 2.8-mile cycle at the run's energy and time per mile: the same cost per mile as the 100-mile run.
  TcoInputs h = hand_inputs();
  TcoInputs c = h;
  scale_trip(c.electric.trip, 2.8 / 100.0);
  scale_trip(c.diesel.trip, 2.8 / 100.0);
  CHECK(compare(c).diesel.usd_per_mi == Approx(compare(h).diesel.usd_per_mi).epsilon(1e-9));
  CHECK(compare(c).electric.usd_per_mi == Approx(compare(h).electric.usd_per_mi).epsilon(1e-9));
}

TEST_CASE("no legs: the day is annual miles / operating days at the trip's rates", "[duty]") {
  TcoInputs in = hand_inputs();
  in.operations.day_plan.legs.clear();
  in.operations.annual_miles = 50000.0;
  in.operations.operating_days_per_yr = 250.0;  // 200 mi a day
  const DutyDay d = duty_day(in.operations, in.diesel.trip);
  CHECK(d.distance_m == Approx(m_from_miles(200.0)));
  CHECK(d.driving_s == Approx(4.0 * 3600.0));  // 2 h per 100 mi
  CHECK(d.stops_s == Approx(1.0 * 3600.0));    // 0.5 h per 100 mi
  CHECK(d.loads_per_day == 1.0);
  const CostReport r = cost_report(in, DZ);
  CHECK(r.quantities.miles_per_yr == Approx(50000.0));
  CHECK(cash(r, 1, CostLine::kDieselFuel) == Approx(0.1 * 50000.0 * 4.0));  // 10 gal / 100 mi, $4/gal
  CHECK(cash(r, 1, CostLine::kDef) == Approx(0.0025 * 50000.0 * 3.0));
  // Paid: 5 h a day (4 driving + 1 stops) x 250 days x $30 x 1.25.
  CHECK(cash(r, 1, CostLine::kDriverLabour) == Approx(5.0 * 250.0 * 37.5));
  // One 20,000 kg load a day: 250 loads of 22.046 short tons.
  CHECK(r.quantities.tons_per_yr == Approx(250.0 * 20000.0 / 907.18474));
  // Electric: 2 kWh/mi x 200 mi = 400 kWh a day through the depot at 90 %.
  const CostReport e = cost_report(in, EV);
  CHECK(cash(e, 1, CostLine::kDepotElectricity) == Approx(400.0 / 0.9 * 250.0 * 0.10));
}

TEST_CASE("legs: daily distance is their sum, days follow from the annual miles, dwells are paid", "[duty]") {
  TcoInputs in = hand_inputs();
  in.operations.day_plan.legs = {DayLeg{m_from_miles(120.0), 45.0 * 60.0},
                                 DayLeg{m_from_miles(80.0), 30.0 * 60.0}};
  in.operations.annual_miles = 40000.0;
  in.operations.operating_days_per_yr = 0.0;  // derive: 40,000 / 200 = 200 days
  const CostReport d = cost_report(in, DZ);
  CHECK(d.quantities.days_per_yr == Approx(200.0));
  CHECK(d.quantities.day_distance_mi == Approx(200.0));
  CHECK(d.quantities.runs_per_yr == Approx(400.0));  // one load per leg
  // 4 h driving + 1 h stops + 1.25 h dwells = 6.25 h a day.
  CHECK(d.quantities.driver_hours_per_day == Approx(6.25));
  CHECK(cash(d, 1, CostLine::kDriverLabour) == Approx(6.25 * 200.0 * 37.5));
  // Agreeing within 1 % is accepted: 201 days given, 200 implied.
  in.operations.operating_days_per_yr = 201.0;
  CHECK_NOTHROW(validate(in));
}

TEST_CASE("impossible day plans are refused naming the keys and values", "[duty][validate]") {
  TcoInputs a = hand_inputs();
  a.operations.annual_miles = 100000.0;  // 200 mi a day -> 500 days
  a.operations.operating_days_per_yr = 0.0;
  CHECK_THAT(message(a), Contains("operations.annual_miles = 100000") &&
                             Contains("operations.day_plan.legs") && Contains("500") && Contains("366"));

  TcoInputs b = hand_inputs();
  b.operations.operating_days_per_yr = 250.0;  // 40,000 mi / 200 mi = 200 days, 25 % apart
  CHECK_THAT(message(b), Contains("operations.annual_miles = 40000") &&
                             Contains("operations.day_plan.legs") &&
                             Contains("operations.operating_days_per_yr = 250") && Contains("200"));

  TcoInputs c = hand_inputs();  // two 450-mile legs: 18 h driving + 4.5 h stops + 2 breaks + 10 h depot
  c.operations.day_plan.legs = {DayLeg{m_from_miles(450.0), 0.0}, DayLeg{m_from_miles(450.0), 0.0}};
  c.operations.annual_miles = 900.0 * 200.0;
  CHECK_THAT(message(c), Contains("operations.day_plan.legs") && Contains("18 h driving") &&
                             Contains("depot_dwell_s = 10 h") && Contains("33.5 h") && Contains("24 h"));

  TcoInputs d = hand_inputs();
  d.operations.day_plan.legs.clear();
  d.operations.operating_days_per_yr = 0.0;
  CHECK_THAT(message(d), Contains("operations.operating_days_per_yr = 0"));

  TcoInputs e = hand_inputs();
  e.operations.day_plan.legs[1].distance_m = -1.0;
  CHECK_THAT(message(e), Contains("operations.day_plan.legs[1].distance_mi"));

  TcoInputs f = hand_inputs();
  f.operations.utilisation = Utilisation::kFromRoute;
  f.operations.annual_distance_override_mi = 100000.0;  // 500 days of two 100-mile runs
  CHECK_THAT(message(f), Contains("operations.annual_distance_override_mi = 100000") && Contains("500"));
}

TEST_CASE("utilisation from_route keeps the old rule: route length x runs x days", "[duty]") {
  TcoInputs in = hand_inputs();
  in.operations.utilisation = Utilisation::kFromRoute;
  in.operations.routes_per_day = 3;  // 300 mi a day, 200 days: 60,000 mi, 600 runs
  in.operations.annual_miles = 1.0;  // ignored
  const CostReport d = cost_report(in, DZ);
  CHECK(d.quantities.miles_per_yr == Approx(60000.0));
  CHECK(d.quantities.runs_per_yr == Approx(600.0));
  CHECK(cash(d, 1, CostLine::kDieselFuel) == Approx(10.0 * 600.0 * 4.0));
  // 3 x 2 h = 6 h driving: no break; paid 3 x 2.5 h = 7.5 h a day.
  CHECK(cash(d, 1, CostLine::kDriverLabour) == Approx(7.5 * 200.0 * 37.5));
  // Here (and only here) the route's length moves the cost per mile: twice the route, twice the miles.
  TcoInputs longer = in;
  scale_trip(longer.diesel.trip, 2.0);
  scale_trip(longer.electric.trip, 2.0);
  CHECK(cost_report(longer, DZ).quantities.miles_per_yr == Approx(120000.0));
}

TEST_CASE("sensitivity to the annual miles works with a day plan whose days are given",
          "[duty][uncertainty]") {
  TcoInputs in = hand_inputs();  // two legs, 40,000 mi, 200 days given (they agree)
  const auto ranges = default_sensitivity_ranges(in, 0.2);
  bool miles = false;
  for (const auto& r : ranges) miles = miles || r.key == "operations.annual_miles";
  CHECK(miles);  // 32,000 and 48,000 mi: 160 and 240 days, not refused as disagreeing with the 200 given
  CHECK_NOTHROW(tornado(in, ranges));
  // More miles on the same fixed costs: the diesel's $/mi falls.
  const TornadoResult t = tornado(in, ranges);
  for (const auto& b : t.bars) {
    if (b.key == "operations.annual_miles") CHECK(b.diesel_usd_per_mi_high < b.diesel_usd_per_mi_low);
  }
}
