// Trip result printing; see trip_report.hpp.
#include "app/core/trip_report.hpp"

#include "app/core/text.hpp"

#include <cmath>
#include <cstdio>
#include <iomanip>

namespace semitco::core {

namespace {
constexpr double kJPerKWh = 3.6e6;
constexpr double kMPerMi = 1609.344;
constexpr double kMpsPerMph = 0.44704;

std::string fmt(const char* f, double a) {
  char buf[128];
  std::snprintf(buf, sizeof buf, f, a);
  return buf;
}
}  // namespace

std::string format_duration(double s) {
  const long total = std::lround(s);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", total / 3600, (total / 60) % 60, total % 60);
  return buf;
}

void print_trip(std::ostream& out, const physics::TripResult& r, UnitSystem units) {
  const auto& s = r.summary;
  const auto& L = r.ledger;
  const bool us = units == UnitSystem::US;
  auto dist = [&](double m) { return us ? fmt("%.2f mi", m / kMPerMi) : fmt("%.2f km", m / 1000.0); };
  auto speed = [&](double v) { return us ? fmt("%.1f mph", v / kMpsPerMph) : fmt("%.1f km/h", v * 3.6); };
  auto temp = [&](double c) { return us ? fmt("%.0f F", c * 1.8 + 32.0) : fmt("%.0f C", c); };

  out << printable(r.vehicle) << " on " << printable(r.route) << ": " << printable(s.end_reason) << "\n";
  out << "  distance          " << dist(s.distance_m) << "\n";
  out << "  duration          " << format_duration(s.duration_s) << " (moving " << format_duration(s.moving_time_s)
      << "), average " << speed(s.average_speed_mps) << "\n";
  out << "  energy            "
      << (us ? fmt("%.3f kWh/mi", s.energy_kWh_per_mi) : fmt("%.3f kWh/km", s.energy_kWh_per_km)) << "\n";
  if (L.fuel_kg == 0.0) {
    out << "  state of charge   " << fmt("%.1f %%", s.initial_soc * 100) << " -> " << fmt("%.1f %%", s.final_soc * 100)
        << " (lowest " << fmt("%.1f %%", s.min_soc * 100) << ")\n";
  }
  out << "  trace miss        max " << speed(s.max_speed_shortfall_mps) << " below target at "
      << dist(s.max_speed_shortfall_at_m) << "; " << fmt("%.0f s", s.time_below_target_s) << " below by more than "
      << "the tolerance";
  if (s.trace_distance_shortfall_m > 0.5) out << "; " << dist(s.trace_distance_shortfall_m) << " short of the trace";
  out << "\n";
  out << "  climbing < 40 mph " << fmt("%.0f s", s.time_below_40mph_climbing_s) << "\n";
  out << "  brakes            peak " << temp(s.peak_brake_temperature_C) << " at " << dist(s.peak_brake_temperature_at_m)
      << "\n";
  if (s.brake_fade) {
    out << "  BRAKE FADE        past the " << temp(s.brake_fade_limit_C) << " fade limit at " << dist(s.brake_fade_at_m)
        << " (t = " << format_duration(s.brake_fade_at_s) << "), peak " << temp(s.peak_brake_temperature_C)
        << ": unsafe, not completed\n";
  }
  out << "  stops             " << r.stops.size() << "\n";
  if (!r.charge_stops.empty()) {
    out << "  charge stops      " << r.charge_stops.size() << ", " << format_duration(s.charging_time_s)
        << " standing, " << fmt("%.1f kWh", s.charge_pack_J / kJPerKWh) << " into the pack, "
        << fmt("%.1f kWh", s.charge_grid_J / kJPerKWh) << " from the grid\n";
    for (const auto& c : r.charge_stops) {
      out << "    at " << dist(c.distance_m) << " (t = " << format_duration(c.arrival_s) << "): "
          << fmt("%.0f min", c.minutes()) << ", " << fmt("%.1f kWh", c.pack_J / kJPerKWh) << ", SOC "
          << fmt("%.0f %%", c.soc_in * 100) << " -> " << fmt("%.0f %%", c.soc_out * 100) << " on a "
          << fmt("%.0f kW", c.charger_power_W / 1000.0) << " charger\n";
    }
  }
  if (s.reserve_soc > 0.0 && L.fuel_kg == 0.0) {
    out << "  reserve kept      " << fmt("%.0f %%", s.reserve_soc * 100) << " state of charge\n";
  }
  out << "  solver            " << physics::integrator_name(r.solver.integrator) << ": " << r.solver.steps << " steps, ";
  if (r.solver.integrator == physics::Integrator::QuasiStatic) {  // no ODE: one powertrain evaluation a step
    out << r.solver.rhs_evals << " powertrain evaluations\n";
  } else {
    out << r.solver.rhs_evals << " right-hand sides, " << r.solver.restarts << " restarts\n";
  }

  out << "  energy ledger                       kWh\n";
  auto row = [&](const char* name, double J) { out << "    " << std::left << std::setw(30) << name << std::right
                                                    << std::setw(10) << fmt("%.3f", J / kJPerKWh) << "\n"; };
  row("source out", L.source_out_J);
  row("source in (regen recovered)", -L.source_in_J);
  row("= net from source", L.source_net_J());
  if (L.grid_in_J > 0.0) {
    row("grid at charge stops", L.grid_in_J);
    row("into the cells there", -L.charge_in_J);
  }
  row("aerodynamic drag", L.aero_J);
  row("rolling resistance", L.rolling_J);
  row("climbing", L.climbing_J);
  row("descending (released)", L.descending_J);
  row("kinetic energy change", L.inertia_J);
  row("motor + inverter losses", L.motor_loss_J);
  row("battery losses", L.battery_loss_J);
  row("driveline losses", L.driveline_loss_J);
  row("engine losses", L.engine_loss_J);
  row("auxiliaries", L.aux_J);
  row("friction-brake heat", L.friction_brake_J);
  row("engine-brake heat", L.engine_brake_J);
  if (L.grid_in_J > 0.0) row("charger losses", L.charger_loss_J);
  row("= sum of sinks", L.sinks_J());
  out << "    closure error " << fmt("%.2e", L.closure()) << " (relative); regen taken at the wheels "
      << fmt("%.3f kWh", L.regen_wheel_J / kJPerKWh) << "\n";
}

void write_series_csv(std::ostream& out, const physics::TripResult& r) {
  const auto& t = r.series;
  out << "time_s,distance_m,speed_mps,target_speed_mps,elevation_m,grade_frac,wheel_power_W,source_power_W,"
         "regen_power_W,friction_brake_power_W,soc,brake_temperature_C,fuel_used_kg,gear,machine_speed_rpm,charge_power_W\n";
  out << std::setprecision(10);
  for (std::size_t i = 0; i < t.size(); ++i) {
    out << t.time_s[i] << ',' << t.distance_m[i] << ',' << t.speed_mps[i] << ',' << t.target_speed_mps[i] << ','
        << t.elevation_m[i] << ',' << t.grade_frac[i] << ',' << t.wheel_power_W[i] << ',' << t.source_power_W[i]
        << ',' << t.regen_power_W[i] << ',' << t.friction_brake_power_W[i] << ',' << t.soc[i] << ','
        << t.brake_temperature_C[i] << ',' << t.fuel_used_kg[i] << ',' << t.gear[i] << ','
        << t.machine_speed_rpm[i] << ',' << t.charge_power_W[i] << '\n';
  }
}

}  // namespace semitco::core
