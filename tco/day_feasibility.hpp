// The day's verdict, judged before any cost (docs/tco.md, "Feasibility"):
//   infeasible     a charger gap longer than the pack allows above the reserve (range); the depot window
//                  cannot refill the day and en-route charging cannot make up for it (charging window);
//                  the hours-of-service schedule fails (hours of service); the working span plus the depot
//                  dwell is more than 24 h (hours)
//   needs_enroute  otherwise, when the charging plan has en-route stops (each listed: where, how long,
//                  kWh, $)
//   depot_only     otherwise (a diesel is always here unless its hours fail)
// Internal to tco/: cost_model.cpp calls it with its year-1 plan; CostReport::day holds the result.
#pragma once

#include "tco/charging.hpp"
#include "tco/cost_model.hpp"
#include "tco/duty.hpp"

namespace semitco::tco {

DayFeasibility judge_day(const TcoInputs& in, Powertrain p, const DutyDay& duty, const DayChargingPlan& plan,
                         const DaySchedule& schedule);

}  // namespace semitco::tco
