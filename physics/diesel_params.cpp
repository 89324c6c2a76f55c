// Default curves and range checks of the diesel parameter structs (diesel_params.hpp).
//
// Default curves (15 L, 450 hp class; sources and estimates as in resources/vehicles/diesel_tractor.json):
//   full load: 1,750 lb-ft (2,373 N*m) from 1,000 to 1,350 rpm, then constant 336 kW (450 hp) to
//              1,800 rpm (rated), governor line to 0 at 2,050 rpm; 900-1,250 lb-ft below 1,000 rpm.
//   motoring:  T = FMEP V_d / (4 pi), FMEP = 60 + 40 N + 25 N^2 kPa, N in 1000 rpm (Chen-Flynn form,
//              Heywood 1988 ch. 13; coefficients an estimate for a modern 15 L engine).
//   engine brake: compression release, ~600 N*m at 800 rpm rising to 1,700 N*m at 2,100 rpm, so motoring
//              plus brake is ~440 kW (590 hp) at 2,100 rpm (estimate from makers' "up to ~600 hp" claims).
#include "physics/diesel_params.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace semitco::physics {

namespace {
constexpr double kNmPerLbft = 1.3558179483314004;

std::vector<TorquePoint> from_rpm(std::initializer_list<std::pair<double, double>> pts, double scale) {
  std::vector<TorquePoint> out;
  for (const auto& [rpm, t] : pts) out.push_back({rpm * kRadpsPerRpm, t * scale});
  return out;
}

void check_curve(const char* name, const std::vector<TorquePoint>& c, double lo_speed, double hi_speed) {
  if (c.size() < 2) throw ParameterError(std::string(name) + ": needs at least 2 points");
  // The names are built only for a point that fails (a batch checks its trucks once per job).
  auto ok = [](double v, double lo, double hi) { return std::isfinite(v) && v >= lo && v <= hi; };
  for (std::size_t i = 0; i < c.size(); ++i) {
    const bool increasing = i == 0 || c[i].speed_radps > c[i - 1].speed_radps;
    if (ok(c[i].speed_radps, 0.0, 1000.0) && ok(c[i].torque_Nm, 0.0, 1e5) && increasing) continue;
    const std::string at = std::string(name) + "[" + std::to_string(i) + "]";
    require_in_range((at + ".speed_radps").c_str(), c[i].speed_radps, 0.0, 1000.0);
    require_in_range((at + ".torque_Nm").c_str(), c[i].torque_Nm, 0.0, 1e5);
    if (!increasing) {
      std::ostringstream os;
      os << at << ".speed_radps = " << c[i].speed_radps << ": speeds must increase strictly";
      throw ParameterError(os.str());
    }
  }
  if (c.front().speed_radps > lo_speed || c.back().speed_radps < hi_speed) {
    std::ostringstream os;
    os << name << ": covers " << c.front().speed_radps << ".." << c.back().speed_radps
       << " rad/s, must cover idle to max speed " << lo_speed << ".." << hi_speed << " rad/s";
    throw ParameterError(os.str());
  }
}

void check_axis(const std::string& name, const std::vector<double>& a, double lo, double hi) {
  if (a.size() < 2) throw ParameterError(name + ": needs at least 2 values");
  for (std::size_t i = 0; i < a.size(); ++i) {
    const bool increasing = i == 0 || a[i] > a[i - 1];
    if (std::isfinite(a[i]) && a[i] >= lo && a[i] <= hi && increasing) continue;
    const std::string at = name + "[" + std::to_string(i) + "]";
    require_in_range(at.c_str(), a[i], lo, hi);
    if (!increasing) {
      std::ostringstream os;
      os << at << " = " << a[i] << ": values must increase strictly";
      throw ParameterError(os.str());
    }
  }
}
}  // namespace

std::vector<TorquePoint> DieselEngineParams::default_full_load() {
  const double p_rated = 450.0 * 745.69987;  // W
  std::vector<TorquePoint> c =
      from_rpm({{500, 800}, {600, 900}, {800, 1250}, {1000, 1750}, {1100, 1750}, {1200, 1750}, {1300, 1750}},
               kNmPerLbft);
  const double w_knee = p_rated / (1750.0 * kNmPerLbft);  // where 1,750 lb-ft reaches 450 hp (~1,351 rpm)
  c.push_back({w_knee, 1750.0 * kNmPerLbft});
  for (double rpm = 1400.0; rpm <= 1800.0; rpm += 100.0)
    c.push_back({rpm * kRadpsPerRpm, p_rated / (rpm * kRadpsPerRpm)});
  for (const auto& p : from_rpm({{1900, 1000}, {2000, 300}, {2050, 0}, {2200, 0}}, 1.0)) c.push_back(p);
  return c;
}

std::vector<TorquePoint> DieselEngineParams::default_motoring() {
  std::vector<TorquePoint> c;
  const double vd = 14.9e-3;
  for (double rpm = 500.0; rpm <= 2200.0; rpm += 100.0) {
    const double n = rpm / 1000.0;
    const double fmep_Pa = (60.0 + 40.0 * n + 25.0 * n * n) * 1e3;
    c.push_back({rpm * kRadpsPerRpm, fmep_Pa * vd / (4.0 * M_PI)});
  }
  return c;
}

std::vector<TorquePoint> DieselEngineParams::default_engine_brake() {
  return from_rpm({{500, 0},
                   {800, 600},
                   {1000, 900},
                   {1200, 1200},
                   {1500, 1500},
                   {1800, 1650},
                   {2100, 1700},
                   {2200, 1700}},
                  1.0);
}

void WillansFuelModel::check() const {
  require_in_range("willans.displacement_m3", displacement_m3, 1e-6, 0.1);
  require_in_range("willans.indicated_eff_max", indicated_eff_max, 1e-3, 0.7);
  require_in_range("willans.speed_opt_radps", speed_opt_radps, 1.0, 1000.0);
  require_in_range("willans.k_speed", k_speed, 0.0, 1.0);
  require_in_range("willans.bmep_knee_Pa", bmep_knee_Pa, 1.0, 1e7);
  require_in_range("willans.k_load", k_load, 0.0, 10.0);
}

void FuelMapTable::check() const {
  check_axis("fuel_map.speed_radps", speed_radps, 0.0, 1000.0);
  check_axis("fuel_map.torque_Nm", torque_Nm, 0.0, 1e5);
  if (torque_Nm.front() != 0.0) throw ParameterError("fuel_map.torque_Nm[0] must be 0");
  if (fuel_kgps.size() != speed_radps.size() * torque_Nm.size()) {
    throw ParameterError("fuel_map.fuel_kgps: has " + std::to_string(fuel_kgps.size()) +
                         " values, expected " + std::to_string(speed_radps.size()) + " speeds x " +
                         std::to_string(torque_Nm.size()) + " torques");
  }
  for (std::size_t i = 0; i < fuel_kgps.size(); ++i) {
    // The map must burn more fuel energy than it delivers at the crank (checked against 60 % efficiency
    // with the lowest plausible heating value).
    const double brake_W = speed_radps[i / torque_Nm.size()] * torque_Nm[i % torque_Nm.size()];
    const bool burns_enough = fuel_kgps[i] * 3.0e7 * 0.6 >= brake_W;
    if (std::isfinite(fuel_kgps[i]) && fuel_kgps[i] >= 0.0 && fuel_kgps[i] <= 1.0 && burns_enough) continue;
    const std::string at = "fuel_map.fuel_kgps[" + std::to_string(i / torque_Nm.size()) + "][" +
                           std::to_string(i % torque_Nm.size()) + "]";
    require_in_range(at.c_str(), fuel_kgps[i], 0.0, 1.0);
    if (!burns_enough) {
      std::ostringstream os;
      os << at << " = " << fuel_kgps[i] << " kg/s: less fuel than the " << brake_W << " W it delivers allows";
      throw ParameterError(os.str());
    }
  }
}

void DieselEngineParams::check() const {
  require_in_range("engine.idle_speed_radps", idle_speed_radps, 1.0, 1000.0);
  require_in_range("engine.min_speed_radps", min_speed_radps, idle_speed_radps, 1000.0);
  require_in_range("engine.launch_speed_radps", launch_speed_radps, min_speed_radps, 1000.0);
  require_in_range("engine.rated_speed_radps", rated_speed_radps, launch_speed_radps * 1.0001, 1000.0);
  require_in_range("engine.max_speed_radps", max_speed_radps, rated_speed_radps * 1.0001, 1000.0);
  check_curve("engine.full_load", full_load, idle_speed_radps, max_speed_radps);
  check_curve("engine.motoring", motoring, idle_speed_radps, max_speed_radps);
  check_curve("engine.engine_brake", engine_brake, idle_speed_radps, max_speed_radps);
  if (fuel_map.empty()) {
    willans.check();
  } else {
    fuel_map.check();
  }
}

void FuelParams::check() const {
  require_in_range("fuel.lhv_J_per_kg", lhv_J_per_kg, 3e7, 5e7);
  require_in_range("fuel.density_kg_per_m3", density_kg_per_m3, 700.0, 1000.0);
  require_in_range("fuel.co2_kg_per_m3", co2_kg_per_m3, 1e3, 5e3);
  require_in_range("fuel.def_volume_frac", def_volume_frac, 0.0, 0.2);
  require_in_range("fuel.def_density_kg_per_m3", def_density_kg_per_m3, 900.0, 1300.0);
}

void GearboxParams::check() const {
  const int n = gears();
  require_in_range("gearbox number of gears", n, 2, 16);
  if (efficiencies.size() != ratios.size()) {
    throw ParameterError("gearbox.efficiencies: " + std::to_string(efficiencies.size()) + " values for " +
                         std::to_string(ratios.size()) + " gears");
  }
  for (std::size_t i = 0; i < ratios.size(); ++i) {
    const std::string g = std::to_string(i + 1);
    require_in_range(("gearbox.ratios[gear " + g + "]").c_str(), ratios[i], 0.05, 50.0);
    require_in_range(("gearbox.efficiencies[gear " + g + "]").c_str(), efficiencies[i], 1e-3, 1.0);
    if (i > 0 && ratios[i] >= ratios[i - 1]) {
      std::ostringstream os;
      os << "gearbox.ratios[gear " << g << "] = " << ratios[i] << ": ratios must decrease strictly";
      throw ParameterError(os.str());
    }
  }
  require_in_range("gearbox.final_drive_ratio", final_drive_ratio, 1e-3, 20.0);
  require_in_range("gearbox.final_drive_efficiency", final_drive_efficiency, 1e-3, 1.0);
  require_in_range("gearbox.shift_time_s", shift_time_s, 1e-3, 10.0);
  require_in_range("gearbox.start_gear", start_gear, 1, n);
}

void ShiftStrategyParams::check(const DieselEngineParams& e) const {
  require_in_range("shift_strategy.upshift_low_radps", upshift_low_radps, e.min_speed_radps,
                   e.rated_speed_radps);
  require_in_range("shift_strategy.upshift_high_radps", upshift_high_radps, upshift_low_radps,
                   e.rated_speed_radps);
  require_in_range("shift_strategy.downshift_low_radps", downshift_low_radps, e.min_speed_radps,
                   upshift_low_radps);
  require_in_range("shift_strategy.downshift_high_radps", downshift_high_radps, downshift_low_radps,
                   upshift_high_radps);
  require_in_range("shift_strategy.margin_radps", margin_radps, 0.0, 50.0);
  require_in_range("shift_strategy.reversal_lockout_s", reversal_lockout_s, 0.0, 60.0);
  require_in_range("shift_strategy.decision_interval_s", decision_interval_s, 0.05, 5.0);
}

void DieselTruckParams::check() const {
  chassis.check();
  engine.check();
  fuel.check();
  gearbox.check();
  shift.check(engine);
  aux.check();
  if (aux.battery_heating_W_per_K != 0.0 || aux.battery_cooling_W_per_K != 0.0) {
    throw ParameterError("aux.battery_heating_W_per_K / battery_cooling_W_per_K = " +
                         std::to_string(aux.battery_heating_W_per_K) + " / " +
                         std::to_string(aux.battery_cooling_W_per_K) +
                         ": a diesel truck has no traction battery to heat or chill; must be 0");
  }
  brakes.check();
}

}  // namespace semitco::physics
