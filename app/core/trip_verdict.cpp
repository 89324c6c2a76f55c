// Trip verdicts in words; see trip_verdict.hpp.
#include "app/core/trip_verdict.hpp"

#include <cstdio>

namespace semitco::core {

const char* trip_status_key(const physics::TripSummary& s) {
  switch (s.outcome) {
    case physics::TripOutcome::kCompleted: return "completed";
    case physics::TripOutcome::kBrakeFade: return "brake_fade";
    case physics::TripOutcome::kEnded: break;
  }
  return "ended";
}

std::string describe_trip(const physics::TripResult& t, UnitSystem units) {
  const bool us = units == UnitSystem::US;
  const auto& s = t.summary;
  char buf[256];
  auto dist = [&](double m) {
    char d[48];
    std::snprintf(d, sizeof d, us ? "%.1f mi" : "%.1f km", us ? m / 1609.344 : m / 1000.0);
    return std::string(d);
  };
  auto temp = [&](double c) {
    char d[32];
    std::snprintf(d, sizeof d, us ? "%.0f \xC2\xB0""F" : "%.0f \xC2\xB0""C", us ? c * 1.8 + 32.0 : c);
    return std::string(d);
  };
  switch (s.outcome) {
    case physics::TripOutcome::kBrakeFade:
      return "unsafe: brakes past their fade limit (" + temp(s.brake_fade_limit_C) + ") at " +
             dist(s.brake_fade_at_m) + ", peak " + temp(s.peak_brake_temperature_C) + " at " +
             dist(s.peak_brake_temperature_at_m);
    case physics::TripOutcome::kEnded: return "did not finish: " + s.end_reason;
    case physics::TripOutcome::kCompleted: break;
  }
  if (t.charge_stops.empty()) return "completed without charging on the way";
  std::string out = "completed with " + std::to_string(t.charge_stops.size()) +
                    (t.charge_stops.size() == 1 ? " charge stop (" : " charge stops (");
  for (std::size_t i = 0; i < t.charge_stops.size(); ++i) {
    const auto& c = t.charge_stops[i];
    std::snprintf(buf, sizeof buf, "%s%.0f min, %.0f kWh at %s", i > 0 ? "; " : "", c.minutes(), c.pack_J / 3.6e6,
                  dist(c.distance_m).c_str());
    out += buf;
  }
  return out + ")";
}

std::string describe_day(const tco::CostReport& c) {
  const auto& d = c.day;
  if (d.status == tco::DayFeasibility::kInfeasible) return "infeasible: " + d.reason;
  if (d.status == tco::DayFeasibility::kDepotOnly) {
    return c.powertrain == tco::Powertrain::kBatteryElectric ? "feasible on depot charging alone"
                                                             : "feasible on depot fuelling alone";
  }
  std::string out = "needs " + std::to_string(d.enroute_stops) + " en-route stop" + (d.enroute_stops == 1 ? "" : "s") +
                    " (";
  char buf[160];
  for (std::size_t i = 0; i < d.stops.size(); ++i) {
    const auto& st = d.stops[i];
    std::snprintf(buf, sizeof buf, "%sat %.0f mi, %.0f min, %.0f kWh, $%.2f", i ? "; " : "", st.at_mi, st.minutes,
                  st.pack_kWh, st.cost_usd);
    out += buf;
  }
  if (static_cast<int>(d.stops.size()) < d.enroute_stops) out += "; ...";
  return out + ")";
}

}  // namespace semitco::core
