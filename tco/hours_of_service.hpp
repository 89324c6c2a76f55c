// US hours of service for property-carrying drivers, scheduled for one operating day (49 CFR 395.3):
//   (a)(1)     10 consecutive hours off duty before the shift          -> the 14-h window leaves 10 h
//   (a)(2)     no driving after the 14th hour after coming on duty     -> span = D + W + n_b b <= 14 h
//   (a)(3)(i)  at most 11 hours of driving in the shift                -> D <= 11 h
//   (a)(3)(ii) a 30-minute break after 8 hours of cumulative driving   -> n_b = ceil(D / 8 h) - 1
// with D the day's driving, W the on-duty time not driving (scheduled stops, dwells at the legs' ends,
// en-route charging outside the breaks: the charging plan lays the longest stops over the breaks, so the
// part of a stop inside a break costs no driver time) and b the break length.
//
// A day one driver cannot do is infeasible for one driver. With Operations::team_drivers two drivers share
// it: driver swaps give each the non-driving time the break rule asks, so the truck stops for no break;
// the team may drive up to 2 x 11 h and the truck's working span D + W_all (W_all: every stop, dwell and
// all charging) must leave the day (<= 24 h). Sleeper-berth splits (395.1(g)) are not modelled. Both
// drivers are on the truck for the whole working span and both are paid for it.
//
// Automation (Operations::automation, buyer-entered assumptions):
//   driver / driver_assist: the rules above (driver_assist changes only the cost, in cost_model.cpp);
//   supervised_driverless:  no hours-of-service limits; the truck operates D + W_all hours, supervised
//                           remotely for all of them, feasible while <= driverless_max_operating_h_per_day.
#pragma once

#include <string>

#include "tco/inputs.hpp"

namespace semitco::tco {

inline constexpr double kHosMaxDrivingS = 11.0 * 3600.0;  ///< 49 CFR 395.3(a)(3)(i)
inline constexpr double kHosMaxOnDutyS = 14.0 * 3600.0;   ///< 49 CFR 395.3(a)(2)
inline constexpr double kHosMinOffDutyS = 10.0 * 3600.0;  ///< 49 CFR 395.3(a)(1)

/// The work of one operating day, before it is given to drivers.
struct DayWork {
  double driving_s = 0.0;             ///< time driving [s]
  double on_duty_other_s = 0.0;       ///< scheduled stops and dwells at the legs' ends [s] (on duty)
  double enroute_charging_s = 0.0;    ///< en-route charge stops, charging plus overhead [s]
  double charging_in_breaks_s = 0.0;  ///< part of enroute_charging_s inside the single driver's breaks [s]
};

/// The day as scheduled. Hours are per day.
struct DaySchedule {
  double driving_h = 0.0;      ///< driving
  double on_duty_h = 0.0;      ///< on duty: driving plus on-duty time not driving (charging inside breaks
                               ///< excluded for one driver)
  double span_h = 0.0;         ///< from leaving the depot to coming back: on duty plus breaks
  int breaks = 0;              ///< mandatory 30-minute breaks taken
  int drivers = 1;             ///< 1, 2 (team) or 0 (supervised driverless)
  double paid_driver_h = 0.0;  ///< driver hours paid, all drivers (breaks if hos_break_paid)
  double supervised_h = 0.0;   ///< remotely supervised operating hours (driverless)
  bool feasible = true;
  std::string reason;  ///< why not, with the figures and the rule (empty when feasible)
};

/// Mandatory breaks for `driving_s` of driving: ceil(driving / limit) - 1, none up to the limit.
int hos_breaks_per_day(double driving_s, double driving_before_break_s);

/// Schedules the day under ops.automation and ops.team_drivers. Allocates only to write a reason.
DaySchedule schedule_day(const Operations& ops, const DayWork& work);

/// "driver", "driver_assist", "supervised_driverless" (scenario spelling).
const char* automation_key(Automation a);

}  // namespace semitco::tco
