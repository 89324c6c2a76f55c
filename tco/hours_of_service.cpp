// Hours-of-service scheduling of one operating day; rules and their sources in hours_of_service.hpp.
#include "tco/hours_of_service.hpp"

#include <cmath>
#include <cstdio>

#include "tco/units.hpp"

namespace semitco::tco {

namespace {

std::string hours(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f h", units::h_from_s(s));
  return buf;
}

constexpr double kTolS = 1e-6;  // a day exactly at a limit is allowed

}  // namespace

int hos_breaks_per_day(double driving_s, double limit_s) {
  if (driving_s <= limit_s || limit_s <= 0.0) return 0;
  // A tiny relative tolerance keeps exactly 16 h of driving at one break despite rounding.
  return static_cast<int>(std::ceil(driving_s / limit_s - 1e-12)) - 1;
}

const char* automation_key(Automation a) {
  switch (a) {
    case Automation::kDriver:
      return "driver";
    case Automation::kDriverAssist:
      return "driver_assist";
    case Automation::kSupervisedDriverless:
      return "supervised_driverless";
  }
  return "driver";
}

DaySchedule schedule_day(const Operations& ops, const DayWork& w) {
  DaySchedule s;
  const double D = w.driving_s;
  const double all_other_s = w.on_duty_other_s + w.enroute_charging_s;  // nobody takes a break
  s.driving_h = units::h_from_s(D);

  if (ops.automation == Automation::kSupervisedDriverless) {
    s.drivers = 0;
    s.on_duty_h = units::h_from_s(D + all_other_s);
    s.span_h = s.on_duty_h;
    s.supervised_h = s.on_duty_h;
    if (s.span_h > ops.driverless_max_operating_h_per_day + 1e-9) {
      s.feasible = false;
      s.reason = hours(D + all_other_s) + " of operation a day (" + hours(D) +
                 " driving) is more than operations.driverless_max_operating_h_per_day = " +
                 hours(ops.driverless_max_operating_h_per_day * 3600.0) +
                 " (supervised driverless, an assumption)";
    }
    return s;
  }

  // One driver.
  const int breaks = hos_breaks_per_day(D, ops.hos_driving_before_break_s);
  const double other_s = w.on_duty_other_s + w.enroute_charging_s - w.charging_in_breaks_s;
  const double on_duty_s = D + other_s;
  const double span_s = on_duty_s + breaks * ops.hos_break_s;
  const bool too_much_driving = D > kHosMaxDrivingS + kTolS;
  const bool too_long_window = span_s > kHosMaxOnDutyS + kTolS;
  s.breaks = breaks;
  s.on_duty_h = units::h_from_s(on_duty_s);
  s.span_h = units::h_from_s(span_s);
  s.paid_driver_h = units::h_from_s(on_duty_s + (ops.hos_break_paid ? breaks * ops.hos_break_s : 0.0));
  if (!too_much_driving && !too_long_window) return s;

  std::string why =
      too_much_driving
          ? hours(D) + " of driving a day is more than the 11 h one driver may drive (49 CFR 395.3(a)(3))"
          : hours(span_s) + " on duty a day (" + hours(D) + " driving, " + hours(other_s) +
                " stops, dwells and charging, " + std::to_string(breaks) +
                " break(s)) is more than the 14 h one driver may work (49 CFR 395.3(a)(2))";
  if (!ops.team_drivers) {
    s.feasible = false;
    s.reason = why + "; choose a team (operations.team_drivers)";
    return s;
  }

  // A team of two shares the day: no stops for breaks, both paid for the working span.
  const double team_span_s = D + all_other_s;
  s.drivers = 2;
  s.breaks = 0;
  s.on_duty_h = units::h_from_s(team_span_s);
  s.span_h = s.on_duty_h;
  s.paid_driver_h = 2.0 * s.on_duty_h;
  if (D > 2.0 * kHosMaxDrivingS + kTolS) {
    s.feasible = false;
    s.reason =
        hours(D) +
        " of driving a day is more than the 22 h a team of two may drive (2 x 11 h, 49 CFR 395.3(a)(3))";
  } else if (team_span_s > 24.0 * 3600.0 + kTolS) {
    s.feasible = false;
    s.reason = hours(team_span_s) + " of work a day is more than a day (24 h) even for a team";
  }
  return s;
}

}  // namespace semitco::tco
