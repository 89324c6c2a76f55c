// The day's verdict from the year-1 duty, charging plan and schedule; rules in day_feasibility.hpp.
#include "tco/day_feasibility.hpp"

#include <algorithm>
#include <cstdio>

#include "tco/units.hpp"

namespace semitco::tco {

namespace {

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

void add_reason(std::string& to, const std::string& why) { to += (to.empty() ? "" : "; ") + why; }

}  // namespace

const char* day_status_key(DayFeasibility::Status s) {
  switch (s) {
    case DayFeasibility::kDepotOnly:
      return "depot_only";
    case DayFeasibility::kNeedsEnroute:
      return "needs_enroute";
    case DayFeasibility::kInfeasible:
      return "infeasible";
  }
  return "infeasible";
}

DayFeasibility judge_day(const TcoInputs& in, Powertrain p, const DutyDay& duty, const DayChargingPlan& plan,
                         const DaySchedule& schedule) {
  DayFeasibility f;
  f.schedule = schedule;
  std::string infeasible;
  std::string notes;
  if (p == Powertrain::kBatteryElectric) {
    const ChargingPlan& ch = in.charging;
    f.enroute_stops = plan.enroute_stops;
    const int listed = std::min(plan.enroute_stops, DayChargingPlan::kMaxListedStops);
    for (int i = 0; i < listed; ++i) {
      const auto& s = plan.stops[static_cast<std::size_t>(i)];
      DayFeasibility::Stop st;
      st.at_mi = units::miles_from_m(s.at_m);
      st.minutes = s.time_s / 60.0;
      st.pack_kWh = units::kWh_from_J(s.pack_J);
      st.grid_kWh = st.pack_kWh / ch.enroute_efficiency_frac;
      st.cost_usd = st.grid_kWh * in.prices.public_charging_usd_per_kWh;
      f.stops.push_back(st);
    }
    if (plan.enroute_stops > 0) f.status = DayFeasibility::kNeedsEnroute;
    if (!plan.feasible) {
      add_reason(
          infeasible,
          "range: a gap between the chargers in charging.enroute_charger_positions_m is longer than the "
          "pack allows above charging.reserve_soc_frac = " +
              fmt("%.2f", ch.reserve_soc_frac));
    }
    const double window_h = units::h_from_s(duty.depot_dwell_s);
    if (plan.window_short) {
      f.depot_shortfall_kWh = units::kWh_from_J(plan.depot_shortfall_J);
      const std::string what =
          "the depot window (operations.day_plan.depot_dwell_s = " + fmt("%.1f h", window_h) +
          (ch.trucks_per_charger > 1.0 ? fmt(" shared by %.4g trucks", ch.trucks_per_charger) : "") +
          fmt(" at %.0f kW)", ch.depot_charger_power_kW) + " cannot put back " +
          fmt("%.0f kWh", f.depot_shortfall_kWh) + " of the day's energy";
      if (plan.window_infeasible) {
        add_reason(infeasible, "charging window: " + what);
      } else {
        add_reason(notes, "charging window: " + what + "; the day leaves the depot at " +
                              fmt("%.0f %%", 100.0 * plan.start_soc_frac) +
                              " and en-route stops make up the rest");
      }
    }
  }
  if (!schedule.feasible) add_reason(infeasible, "hours of service: " + schedule.reason);
  f.day_h = schedule.span_h + units::h_from_s(duty.depot_dwell_s);
  if (f.day_h > 24.0 + 1e-9) {
    const Operations& o = in.operations;
    const std::string from =
        o.utilisation == Utilisation::kFromRoute
            ? fmt("operations.routes_per_day = %.0f runs", o.routes_per_day)
        : o.day_plan.legs.empty()
            ? fmt("operations.annual_miles = %.0f", o.annual_miles) +
                  fmt(" / operations.operating_days_per_yr = %.0f", o.operating_days_per_yr)
            : std::string("operations.day_plan.legs");
    add_reason(infeasible, "hours: " + from + fmt(" = %.0f mi a day", units::miles_from_m(duty.distance_m)) +
                               fmt(" at %.1f mph",
                                   units::miles_from_m(duty.distance_m) / units::h_from_s(duty.driving_s)) +
                               " takes " + fmt("%.1f h", schedule.span_h) + " away from the depot + " +
                               fmt("%.1f h", units::h_from_s(duty.depot_dwell_s)) +
                               " at it (operations.day_plan.depot_dwell_s) = " + fmt("%.1f h", f.day_h) +
                               ", more than 24 h: fewer annual miles or more operating days");
  }
  if (!infeasible.empty()) {
    f.status = DayFeasibility::kInfeasible;
    f.reason = infeasible;
    if (!notes.empty()) f.reason += "; " + notes;
  } else {
    f.reason = notes;
  }
  return f;
}

}  // namespace semitco::tco
