// The day's verdict before any cost: depot only, en-route stops listed (where, how long, kWh, $), or
// infeasible with the reason (range, hours of service, charging window). Hand calculations on
// hand_inputs(): 200 mi a day, 2 kWh/mi, 500 kWh pack, reserve 10 %, en route 300 kW to 80 % with 10 min
// overhead at 95 % and $0.40/kWh, depot 100 kW at 90 % shared by 2 trucks, 10 h at the depot.
#include <catch2/catch.hpp>

#include "hand_inputs.hpp"
#include "tco/charging.hpp"
#include "tco/cost_model.hpp"

using namespace semitco::tco;
using Catch::Contains;
using semitco::tco::test::hand_inputs;
using semitco::tco::units::J_from_kWh;
using semitco::tco::units::m_from_miles;

namespace {
constexpr Powertrain EV = Powertrain::kBatteryElectric;
constexpr Powertrain DZ = Powertrain::kDiesel;
double cash(const CostReport& r, int year, CostLine l) {
  return r.ledger[static_cast<std::size_t>(year)].usd[static_cast<std::size_t>(l)];
}
}  // namespace

TEST_CASE("a day that fits above the reserve is feasible on depot charging alone", "[feasibility]") {
  // 400 kWh a day <= 450 kWh above reserve; the depot puts 400 kWh back at 100 kW in 4 h, x 2 trucks = 8 h
  // of the 10 h window.
  const Comparison c = compare(hand_inputs());
  CHECK(c.electric.day.status == DayFeasibility::kDepotOnly);
  CHECK(c.electric.day.enroute_stops == 0);
  CHECK(c.electric.day.stops.empty());
  CHECK(c.electric.day.depot_shortfall_kWh == 0.0);
  CHECK(c.diesel.day.status == DayFeasibility::kDepotOnly);
  CHECK(std::string(day_status_key(c.electric.day.status)) == "depot_only");
  // The whole day: 4 h driving + 1 h stops away, 10 h at the depot.
  CHECK(c.electric.day.day_h == Approx(15.0));
}

TEST_CASE("a day beyond the pack needs en-route stops, each listed with place, time, energy and cost",
          "[feasibility]") {
  TcoInputs in = hand_inputs();
  in.electric.trip.energy_from_source_J = J_from_kWh(300.0);  // 3 kWh/mi: 600 kWh a day
  const CostReport r = cost_report(in, EV);
  REQUIRE(r.day.status == DayFeasibility::kNeedsEnroute);
  REQUIRE(r.day.enroute_stops == 1);
  REQUIRE(r.day.stops.size() == 1);
  const auto& s = r.day.stops[0];
  CHECK(s.at_mi == Approx(150.0));                          // 450 kWh above reserve / 3 kWh/mi
  CHECK(s.pack_kWh == Approx(150.0));                       // 600 - 450
  CHECK(s.minutes == Approx(150.0 / 300.0 * 60.0 + 10.0));  // 30 min at 300 kW + 10 min overhead
  CHECK(s.grid_kWh == Approx(150.0 / 0.95));
  CHECK(s.cost_usd == Approx(150.0 / 0.95 * 0.40));
  CHECK(std::string(day_status_key(r.day.status)) == "needs_enroute");
  // The cost line is the stops' cost over the year, apart from public charging of depot energy.
  CHECK(cash(r, 1, CostLine::kEnrouteCharging) == Approx(s.cost_usd * 200.0));
  CHECK(cash(r, 1, CostLine::kPublicCharging) == 0.0);
}

TEST_CASE("a short depot window: shortfall reported, en-route stops make it up or the day fails",
          "[feasibility][window]") {
  TcoInputs in = hand_inputs();
  // 2 h at the depot shared by 2 trucks: 1 h at 100 kW = 100 kWh a night (flat acceptance curve).
  in.operations.day_plan.depot_dwell_s = 2.0 * 3600.0;
  const CostReport r = cost_report(in, EV);
  // From tonight's 20 % the window reaches 40 %: 300 kWh short of the full 100 % start.
  CHECK(r.day.depot_shortfall_kWh == Approx(300.0));
  CHECK_THAT(r.day.reason, Contains("charging window") && Contains("300 kWh"));
  // From the reserve (10 %) the window reaches 30 %: the day leaves with 100 kWh above reserve and
  // charges the other 300 kWh en route in one stop (window 80 % - 10 % = 350 kWh).
  CHECK(r.day.status == DayFeasibility::kNeedsEnroute);
  REQUIRE(r.day.stops.size() == 1);
  CHECK(r.day.stops[0].at_mi == Approx(50.0));  // 100 kWh / 2 kWh/mi
  CHECK(r.day.stops[0].pack_kWh == Approx(300.0));
  CHECK(r.quantities.depot_charge_h_per_day == Approx(1.0));  // 100 kWh back at 100 kW

  // No time at the depot at all: nothing can be put back, the day is infeasible.
  in.operations.day_plan.depot_dwell_s = 0.0;
  const CostReport none = cost_report(in, EV);
  CHECK(none.day.status == DayFeasibility::kInfeasible);
  CHECK_THAT(none.day.reason, Contains("charging window") && Contains("400 kWh"));
  CHECK_FALSE(none.feasible);
}

TEST_CASE("a charger gap longer than the pack allows is infeasible for range", "[feasibility]") {
  TcoInputs in = hand_inputs();
  in.electric.trip.usable_battery_J = J_from_kWh(100.0);  // 90 kWh above reserve = 45 mi
  in.charging.trucks_per_charger = 1.0;
  in.charging.enroute_charger_positions_m = {m_from_miles(10.0)};  // at 10 and 110 mi: a 100-mile gap
  const CostReport r = cost_report(in, EV);
  CHECK(r.day.status == DayFeasibility::kInfeasible);
  CHECK_THAT(r.day.reason, Contains("range"));
}

TEST_CASE("a derived day longer than 24 h is judged infeasible, naming the keys", "[feasibility]") {
  TcoInputs in = hand_inputs();
  in.operations.day_plan.legs.clear();
  in.operations.annual_miles = 200000.0;  // 1,000 mi a day on 200 days: 20 h driving + 5 h stops
  const CostReport r = cost_report(in, DZ);
  CHECK(r.day.status == DayFeasibility::kInfeasible);
  CHECK_THAT(r.day.reason, Contains("operations.annual_miles = 200000") && Contains("more than 24 h") &&
                               Contains("20.0 h of driving"));
}

TEST_CASE("charge stops along the day: positions of the stops placed wherever needed",
          "[feasibility][charging]") {
  // 900 kWh over 300 mi (3 kWh/mi), 500 kWh pack, 450 above reserve, window 350 kWh:
  // stop 1 at 450 / 3 = 150 mi takes 350 kWh; stop 2 at 150 + 350 / 3 = 266.7 mi takes the last 100 kWh.
  ChargingPlan plan;
  plan.acceptance = ChargingCurve{{0.0, 1.0}, {1000.0, 1000.0}};
  plan.enroute_charger_power_kW = 300.0;
  DayChargingDemand d;
  d.day_distance_m = m_from_miles(300.0);
  d.run_distance_m = m_from_miles(100.0);
  d.day_energy_J = J_from_kWh(900.0);
  d.usable_J = J_from_kWh(500.0);
  const DayChargingPlan p = plan_day_charging(plan, d);
  REQUIRE(p.enroute_stops == 2);
  CHECK(p.stops[0].at_m == Approx(m_from_miles(150.0)));
  CHECK(p.stops[0].pack_J == Approx(J_from_kWh(350.0)));
  CHECK(p.stops[1].at_m == Approx(m_from_miles(150.0 + 350.0 / 3.0)));
  CHECK(p.stops[1].pack_J == Approx(J_from_kWh(100.0)));
  CHECK(p.stops[1].time_s == Approx(100.0 / 300.0 * 3600.0 + plan.enroute_stop_overhead_s));
}

TEST_CASE("soc_after_charging inverts charge_time_s", "[charging]") {
  const ChargingCurve c{{0.0, 0.6, 1.0}, {1000.0, 1000.0, 100.0}};
  const double U = J_from_kWh(500.0);
  const double t = charge_time_s(c, U, 0.2, 0.9, 400.0);
  CHECK(soc_after_charging(c, U, 0.2, t, 400.0) == Approx(0.9).epsilon(1e-9));
  // Flat 100 kW for 1 h into 500 kWh: +20 %.
  CHECK(soc_after_charging(ChargingCurve{{0.0}, {1000.0}}, U, 0.1, 3600.0, 100.0) == Approx(0.3));
}
