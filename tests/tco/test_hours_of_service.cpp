// Hours of service scheduled (49 CFR 395.3), team drivers and automation, by hand.
#include <catch2/catch.hpp>

#include "hand_inputs.hpp"
#include "tco/cost_model.hpp"
#include "tco/hours_of_service.hpp"

using namespace semitco::tco;
using Catch::Contains;
using semitco::tco::test::hand_inputs;
using semitco::tco::units::m_from_miles;

namespace {
constexpr Powertrain DZ = Powertrain::kDiesel;
constexpr double h = 3600.0;

double cash(const CostReport& r, int year, CostLine l) {
  return r.ledger[static_cast<std::size_t>(year)].usd[static_cast<std::size_t>(l)];
}

// Two 300-mile legs a day on 200 days (120,000 mi) at hand_inputs' 50 mph: 12 h driving, 3 h of stops.
// The depot dwell is 8 h so the day fits in 24 h: 12 + 3 + 0.5 (one break) + 8 = 23.5 h.
TcoInputs long_day() {
  TcoInputs in = hand_inputs();
  in.operations.day_plan.legs = {DayLeg{m_from_miles(300.0), 0.0}, DayLeg{m_from_miles(300.0), 0.0}};
  in.operations.annual_miles = 600.0 * 200.0;
  in.operations.day_plan.depot_dwell_s = 8.0 * h;
  return in;
}
}  // namespace

TEST_CASE("one driver: breaks after 8 h of driving, 11 h driving and 14 h on duty", "[hos]") {
  Operations ops;  // 8 h before a 30-minute break, unpaid
  DayWork w;
  w.driving_s = 8.0 * h;
  w.on_duty_other_s = 1.0 * h;
  DaySchedule s = schedule_day(ops, w);
  CHECK(s.feasible);
  CHECK(s.breaks == 0);  // exactly 8 h: no break yet
  CHECK(s.paid_driver_h == Approx(9.0));
  w.driving_s = 10.0 * h;  // one break; span 10 + 1 + 0.5 = 11.5 h
  s = schedule_day(ops, w);
  CHECK(s.breaks == 1);
  CHECK(s.span_h == Approx(11.5));
  CHECK(s.paid_driver_h == Approx(11.0));  // the break is unpaid
  // Charging inside the break costs no driver time: 40 min of stops, 30 inside the break -> 10 paid.
  w.enroute_charging_s = 40.0 * 60.0;
  w.charging_in_breaks_s = 30.0 * 60.0;
  CHECK(schedule_day(ops, w).paid_driver_h == Approx(11.0 + 10.0 / 60.0));
  // 14-hour window: 10 h driving + 4 h other + 0.5 h break = 14.5 h.
  DayWork w14;
  w14.driving_s = 10.0 * h;
  w14.on_duty_other_s = 4.0 * h;
  s = schedule_day(ops, w14);
  CHECK_FALSE(s.feasible);
  CHECK_THAT(s.reason, Contains("14.5 h on duty") && Contains("14 h") && Contains("395.3(a)(2)"));
}

TEST_CASE("a day plan with more than 11 h of driving is infeasible for one driver; a team makes it feasible",
          "[hos][team]") {
  TcoInputs in = long_day();
  const CostReport one = cost_report(in, DZ);
  CHECK(one.day.status == DayFeasibility::kInfeasible);
  CHECK_THAT(one.day.reason, Contains("12.0 h of driving") && Contains("11 h") && Contains("choose a team"));
  CHECK(one.day.schedule.drivers == 1);
  CHECK_FALSE(one.feasible);
  // Costed as one driver anyway: 12 h driving + 3 h stops = 15 h paid (the break is unpaid).
  CHECK(cash(one, 1, CostLine::kDriverLabour) == Approx(15.0 * 200.0 * 37.5));

  in.operations.team_drivers = true;
  const CostReport team = cost_report(in, DZ);
  CHECK(team.day.status == DayFeasibility::kDepotOnly);
  CHECK(team.feasible);
  CHECK(team.day.schedule.drivers == 2);
  CHECK(team.day.schedule.breaks == 0);  // driver swaps give each driver his break
  CHECK(team.quantities.hos_breaks_per_day == 0);
  CHECK(one.quantities.hos_breaks_per_day == 1);  // ceil(12 / 8) - 1
  // The second driver is on the truck for the same 15 h: labour rises by 15 h x 200 days x $37.50.
  CHECK(cash(team, 1, CostLine::kDriverLabour) - cash(one, 1, CostLine::kDriverLabour) ==
        Approx(15.0 * 200.0 * 37.5));
  bool noted = false;
  for (const auto& n : team.notes) noted = noted || n.find("team of two drivers") != std::string::npos;
  CHECK(noted);

  // A team may drive at most 2 x 11 h.
  Operations ops;
  ops.team_drivers = true;
  DayWork w;
  w.driving_s = 23.0 * h;
  const DaySchedule s = schedule_day(ops, w);
  CHECK_FALSE(s.feasible);
  CHECK_THAT(s.reason, Contains("23.0 h of driving") && Contains("22 h"));
}

TEST_CASE("driver assist changes the driver cost by the entered share, same hours", "[hos][automation]") {
  TcoInputs in = hand_inputs();  // 5 h paid a day, 200 days
  in.operations.automation = Automation::kDriverAssist;
  in.operations.driver_assist_driver_cost_change_frac = -0.10;
  const CostReport r = cost_report(in, DZ);
  CHECK(cash(r, 1, CostLine::kDriverLabour) == Approx(5.0 * 200.0 * 37.5 * 0.9));
  CHECK(r.day.schedule.drivers == 1);
  bool labelled = false;
  for (const auto& n : r.notes) labelled = labelled || n.find("assumption") != std::string::npos;
  CHECK(labelled);
}

TEST_CASE("supervised driverless: no hours-of-service limits, remote supervision per operating hour",
          "[hos][automation]") {
  TcoInputs in = long_day();  // 12 h driving + 3 h stops: infeasible for one driver
  in.operations.automation = Automation::kSupervisedDriverless;
  in.operations.remote_supervision_usd_per_h = 15.0;
  in.operations.driverless_max_operating_h_per_day = 20.0;
  const CostReport r = cost_report(in, DZ);
  CHECK(r.day.status == DayFeasibility::kDepotOnly);
  CHECK(r.day.schedule.drivers == 0);
  CHECK(r.day.schedule.breaks == 0);
  CHECK(cash(r, 1, CostLine::kDriverLabour) == 0.0);
  // 15 operating hours a day x 200 days x $15/h.
  CHECK(cash(r, 1, CostLine::kRemoteSupervision) == Approx(15.0 * 200.0 * 15.0));
  bool labelled = false;
  for (const auto& n : r.notes) labelled = labelled || n.find("assumption") != std::string::npos;
  CHECK(labelled);
  // An upper bound of 14 h a day: 15 h is infeasible, with the figures.
  in.operations.driverless_max_operating_h_per_day = 14.0;
  const CostReport capped = cost_report(in, DZ);
  CHECK(capped.day.status == DayFeasibility::kInfeasible);
  CHECK_THAT(capped.day.reason,
             Contains("15.0 h of operation") && Contains("driverless_max_operating_h_per_day"));
}

TEST_CASE("per-mile driver pay: every mile at the rate, whatever the duty's speed; charging beyond breaks by the hour",
          "[hos][pay]") {
  // ATRI quotes driver pay per mile; paid so, the cost per mile of a slow duty does not carry its hours.
  TcoInputs in = long_day();
  in.operations.team_drivers = true;
  in.operations.driver_pay = DriverPay::kPerMile;
  in.operations.driver_pay_usd_per_mi = 0.80;
  const CostReport team = cost_report(in, DZ);
  // Two drivers, each paid 120,000 mi x $0.80 x 1.25 benefits; the diesel never charges.
  CHECK(cash(team, 1, CostLine::kDriverLabour) == Approx(2.0 * 120000.0 * 0.80 * 1.25));
  in.operations.team_drivers = false;
  in.operations.annual_miles = 40000.0;  // back to hand_inputs' two 100-mile legs
  in.operations.day_plan.legs = {DayLeg{m_from_miles(100.0), 0.0}, DayLeg{m_from_miles(100.0), 0.0}};
  const CostReport one = cost_report(in, DZ);
  CHECK(cash(one, 1, CostLine::kDriverLabour) == Approx(40000.0 * 0.80 * 1.25));
  // Half the speed, same pay per mile.
  TcoInputs slow = in;
  slow.diesel.trip.driving_time_s *= 2.0;
  slow.diesel.trip.duration_s += slow.diesel.trip.driving_time_s / 2.0;
  CHECK(cash(cost_report(slow, DZ), 1, CostLine::kDriverLabour) == Approx(40000.0 * 0.80 * 1.25));
  // The electric truck's charging time beyond the breaks is paid at the hourly wage on top.
  const CostReport ev = cost_report(in, Powertrain::kBatteryElectric);
  const double charging_h = ev.quantities.paid_charging_h_per_day * ev.quantities.days_per_yr;
  CHECK(cash(ev, 1, CostLine::kDriverLabour) == Approx(40000.0 * 0.80 * 1.25 + charging_h * 30.0 * 1.25));
}
