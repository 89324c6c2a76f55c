// Charging time, hours-of-service breaks and the day's charge-stop plan, against hand calculations.
#include <catch2/catch.hpp>
#include <cmath>

#include "tco/charging.hpp"
#include "tco/units.hpp"

using namespace semitco::tco;
using units::J_from_kWh;

TEST_CASE("charge time on a flat curve is energy / power", "[charging]") {
  const ChargingCurve flat{{0.0, 1.0}, {1000.0, 1000.0}};
  // 500 kWh pack, 10 % -> 40 %: 150 kWh at the 300 kW charger limit = 0.5 h.
  CHECK(charge_time_s(flat, J_from_kWh(500.0), 0.1, 0.4, 300.0) == Approx(1800.0));
  CHECK(charge_time_s(flat, J_from_kWh(500.0), 0.4, 0.4, 300.0) == 0.0);
}

TEST_CASE("charge time through a taper / capped by the charger", "[charging]") {
  // Curve 200 kW to 50 % SOC, falling linearly to 50 kW at 100 %: P(s) = 200 - 300 (s - 0.5) above 0.5.
  // Charger cap 150 kW. 500 kWh pack from 20 % to 90 %:
  //  0.2 -> 0.5      capped at 150 kW: 150 kWh / 150 kW            = 1 h
  //  0.5 -> 2/3      P >= 150, still capped: 500 * (1/6) / 150     = 0.5556 h
  //  2/3 -> 0.9      P falls 150 -> 80 kW: integral of U ds / P(s) = (U / 300) ln(P(2/3) / P(0.9))
  //                  = (500 / 300) ln(150 / 80)                    = 1.0477 h
  const ChargingCurve taper{{0.0, 0.5, 1.0}, {200.0, 200.0, 50.0}};
  const double hand_h = 1.0 + 500.0 * (1.0 / 6.0) / 150.0 + (500.0 / 300.0) * std::log(150.0 / 80.0);
  CHECK(charge_time_s(taper, J_from_kWh(500.0), 0.2, 0.9, 150.0) == Approx(hand_h * 3600.0).epsilon(1e-12));
  CHECK(acceptance_power_kW(taper, 0.9) == Approx(80.0));
  CHECK(acceptance_power_kW(taper, 1.5) == Approx(50.0));  // constant beyond the ends
}

TEST_CASE("hours-of-service: a 30 min break after 8 h of driving", "[charging][hos]") {
  CHECK(hos_breaks_per_day(8.0 * 3600.0, 8.0 * 3600.0) == 0);
  CHECK(hos_breaks_per_day(8.5 * 3600.0, 8.0 * 3600.0) == 1);
  CHECK(hos_breaks_per_day(11.0 * 3600.0, 8.0 * 3600.0) == 1);
  CHECK(hos_breaks_per_day(16.0 * 3600.0, 8.0 * 3600.0) == 1);  // 8 h, break, 8 h
  CHECK(hos_breaks_per_day(16.5 * 3600.0, 8.0 * 3600.0) == 2);
}

namespace {
ChargingPlan flat_plan() {
  ChargingPlan p;
  p.acceptance = ChargingCurve{{0.0, 1.0}, {1000.0, 1000.0}};
  p.reserve_soc_frac = 0.1;
  p.enroute_target_soc_frac = 0.8;
  p.enroute_charger_power_kW = 300.0;
  p.enroute_stop_overhead_s = 600.0;
  p.depot_charger_power_kW = 100.0;
  return p;
}
DayChargingDemand day(double run_kWh, double usable_kWh, int runs) {
  DayChargingDemand d;
  d.run_distance_m = units::m_from_miles(100.0);
  d.day_distance_m = runs * units::m_from_miles(100.0);
  d.day_energy_J = runs * J_from_kWh(run_kWh);
  d.usable_J = J_from_kWh(usable_kWh);
  d.start_soc_frac = 1.0;
  return d;
}
}  // namespace

TEST_CASE("no en-route stop when the day fits above the reserve", "[charging]") {
  // 2 x 200 kWh = 400 kWh <= (1.0 - 0.1) * 500 = 450 kWh. Depot puts 400 kWh back at 100 kW: 4 h.
  const DayChargingPlan p = plan_day_charging(flat_plan(), day(200.0, 500.0, 2));
  CHECK(p.enroute_stops == 0);
  CHECK(p.enroute_pack_J == 0.0);
  CHECK(p.depot_pack_J == Approx(J_from_kWh(400.0)));
  CHECK(p.depot_time_s == Approx(4.0 * 3600.0));
}

TEST_CASE("charge stops inserted anywhere: count / energy and time", "[charging]") {
  // Day: 2 x 300 kWh = 600 kWh; above reserve 450 kWh; short 150 kWh; window (0.8 - 0.1) * 500 = 350 kWh
  // -> one stop of 150 kWh at 300 kW = 0.5 h, + 10 min overhead = 2,400 s. Depot: 450 kWh.
  auto d = day(300.0, 500.0, 2);
  d.hos_breaks_per_day = 1;
  d.hos_break_s = 1800.0;
  const DayChargingPlan p = plan_day_charging(flat_plan(), d);
  CHECK(p.enroute_stops == 1);
  CHECK(p.enroute_pack_J == Approx(J_from_kWh(150.0)));
  CHECK(p.enroute_time_s == Approx(1800.0 + 600.0));
  CHECK(p.break_overlap_s == Approx(1800.0));  // the break absorbs 30 of the 40 minutes
  CHECK(p.depot_pack_J == Approx(J_from_kWh(450.0)));

  // 3 x 300 = 900 kWh: short 450 kWh = one full window (350) + 100 kWh.
  // Times: 350/300 h + 600 s and 100/300 h + 600 s. With one break, overlap = min(longest, 1800 s).
  auto d3 = day(300.0, 500.0, 3);
  d3.hos_breaks_per_day = 1;
  const DayChargingPlan p3 = plan_day_charging(flat_plan(), d3);
  CHECK(p3.enroute_stops == 2);
  CHECK(p3.enroute_pack_J == Approx(J_from_kWh(450.0)));
  CHECK(p3.enroute_time_s == Approx((350.0 / 300.0 + 100.0 / 300.0) * 3600.0 + 2 * 600.0));
  CHECK(p3.break_overlap_s == Approx(1800.0));
}

TEST_CASE("charge stops at marked chargers: greedy plan by hand", "[charging]") {
  // Run 100 mi at 2 kWh/mi = 200 kWh, 2 runs; pack 300 kWh, above reserve 270 kWh; target 80 %.
  // Chargers at 50 and 90 mi of each run -> day positions 50, 90, 150, 190; day ends at 200.
  //  at  50: 270 - 100 = 170 left, next charger 40 mi (80 kWh): go on
  //  at  90: 170 -  80 =  90 left, next 60 mi (120 kWh) out of reach: charge to min(80 % -> 120 kWh,
  //          rest of day 220 - 90 = 130 kWh) = 120 kWh  -> 210 left
  //  at 150: 210 - 120 =  90 left, next 40 mi (80 kWh): go on
  //  at 190:  90 -  80 =  10 left, end 10 mi (20 kWh) out of reach: rest of day needs 10 kWh -> charge 10
  // Stops: 2, energy 130 kWh; time (120 + 10) / 300 h + 2 x 600 s.
  ChargingPlan plan = flat_plan();
  plan.enroute_charger_positions_m = {units::m_from_miles(50.0), units::m_from_miles(90.0)};
  const DayChargingPlan p = plan_day_charging(plan, day(200.0, 300.0, 2));
  CHECK(p.feasible);
  CHECK(p.enroute_stops == 2);
  CHECK(p.enroute_pack_J == Approx(J_from_kWh(130.0)));
  CHECK(p.enroute_time_s == Approx(130.0 / 300.0 * 3600.0 + 1200.0));
  CHECK(p.depot_pack_J == Approx(J_from_kWh(270.0)));
}

TEST_CASE("a charger gap longer than the pack makes the plan infeasible", "[charging]") {
  // 100 kWh pack, 90 kWh above reserve, one charger at 10 mi, then 90 mi (180 kWh) to go.
  ChargingPlan plan = flat_plan();
  plan.enroute_charger_positions_m = {units::m_from_miles(10.0)};
  const DayChargingPlan p = plan_day_charging(plan, day(200.0, 100.0, 1));
  CHECK_FALSE(p.feasible);
  // The shortfall is still costed, so the energy balance closes: en route + depot = day.
  CHECK(p.enroute_pack_J + p.depot_pack_J == Approx(J_from_kWh(200.0)));
}
