// Range checks of the parameter structs (params.hpp). They run in every build type.
#include "physics/params.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace semitco::physics {

void require_in_range(const char* name, double value, double lo, double hi) {
  if (!std::isfinite(value) || value < lo || value > hi) {
    std::ostringstream os;
    os << name << " = " << value << ": must be a number in [" << lo << ", " << hi << "]";
    throw ParameterError(os.str());
  }
}

void Chassis::check() const {
  require_in_range("tractor_mass_kg", tractor_mass_kg, 1.0, 1e5);
  require_in_range("trailer_mass_kg", trailer_mass_kg, 0.0, 1e5);
  require_in_range("payload_kg", payload_kg, 0.0, 1e5);
  require_in_range("rotating_equiv_mass_kg", rotating_equiv_mass_kg, 0.0, 2e4);
  require_in_range("cda_m2", cda_m2, 1e-3, 30.0);
  require_in_range("crr", crr, 0.0, 0.05);
  require_in_range("crr_per_mps", crr_per_mps, 0.0, 0.01);
  require_in_range("wheel_radius_m", wheel_radius_m, 0.2, 1.0);
}

void Ambient::check() const {
  require_in_range("temperature_C", temperature_C, -50.0, 60.0);
  require_in_range("headwind_mps", headwind_mps, -40.0, 40.0);
  require_in_range("base_altitude_m", base_altitude_m, -500.0, 6000.0);
}

void DriverParams::check() const {
  require_in_range("max_accel_mps2", max_accel_mps2, 1e-3, 5.0);
  require_in_range("comfort_decel_mps2", comfort_decel_mps2, 1e-3, 5.0);
  require_in_range("max_decel_mps2", max_decel_mps2, 1e-3, 10.0);
  require_in_range("response_time_s", response_time_s, 0.2, 20.0);
  require_in_range("stop_approach_speed_mps", stop_approach_speed_mps, 1e-3, 3.0);
  require_in_range("trace_miss_tolerance_mps", trace_miss_tolerance_mps, 1e-3, 10.0);
  require_in_range("brake_margin_C", brake_margin_C, 0.0, 200.0);
  require_in_range("descent_min_grade_frac", descent_min_grade_frac, 1e-4, 0.2);
  require_in_range("descent_min_speed_mps", descent_min_speed_mps, 0.1, 30.0);
}

void BatteryParams::check() const {
  require_in_range("capacity_Ah", capacity_Ah, 1e-3, 1e5);
  require_in_range("resistance_ohm", resistance_ohm, 0.0, 10.0);
  require_in_range("soc_min", soc_min, 0.0, 0.999);
  require_in_range("soc_max", soc_max, soc_min + 1e-3, 1.0);
  require_in_range("max_discharge_power_W", max_discharge_power_W, 1.0, 1e8);
  require_in_range("max_charge_power_W", max_charge_power_W, 0.0, 1e8);
  require_in_range("charge_taper_start_soc", charge_taper_start_soc, 0.0, soc_max);
  require_in_range("pack_specific_energy_Wh_per_kg", pack_specific_energy_Wh_per_kg, 0.0, 1000.0);
  if (ocv.size() < 2) throw ParameterError("ocv: needs at least 2 points, has " + std::to_string(ocv.size()));
  for (std::size_t i = 0; i < ocv.size(); ++i) {
    const std::string at = "ocv[" + std::to_string(i) + "]";
    require_in_range((at + ".soc").c_str(), ocv[i].soc, 0.0, 1.0);
    require_in_range((at + ".voltage_V").c_str(), ocv[i].voltage_V, 1.0, 1e4);
    if (i > 0 && ocv[i].soc <= ocv[i - 1].soc) {
      std::ostringstream os;
      os << at << ".soc = " << ocv[i].soc << ": SOC must increase along the curve";
      throw ParameterError(os.str());
    }
  }
  if (ocv.front().soc > soc_min || ocv.back().soc < soc_max) {
    std::ostringstream os;
    os << "ocv: curve covers SOC " << ocv.front().soc << ".." << ocv.back().soc
       << " but the usable window is " << soc_min << ".." << soc_max;
    throw ParameterError(os.str());
  }
}

void MotorParams::check() const {
  require_in_range("peak_power_W", peak_power_W, 1.0, 1e7);
  require_in_range("peak_regen_power_W", peak_regen_power_W, 0.0, 1e7);
  require_in_range("peak_torque_Nm", peak_torque_Nm, 1e-3, 1e6);
  require_in_range("max_speed_radps", max_speed_radps, 1.0, 1e5);
  require_in_range("loss_const_W", loss_const_W, 0.0, 1e5);
  require_in_range("loss_speed_W_per_radps", loss_speed_W_per_radps, 0.0, 1e3);
  require_in_range("loss_torque_W_per_Nm2", loss_torque_W_per_Nm2, 0.0, 10.0);
  require_in_range("loss_speed2_W_per_radps2", loss_speed2_W_per_radps2, 0.0, 10.0);
  require_in_range("regen_fade_low_mps", regen_fade_low_mps, 0.0, 10.0);
  require_in_range("regen_fade_high_mps", regen_fade_high_mps, regen_fade_low_mps, 20.0);
}

void DrivelineParams::check() const {
  require_in_range("gear_ratio", gear_ratio, 1e-3, 100.0);
  require_in_range("efficiency", efficiency, 1e-3, 1.0);
}

AuxParams::Breakdown AuxParams::breakdown(double ambient_C) const {
  Breakdown b;
  b.base_W = power_W;
  b.cabin_heating_W = cabin_heating_W_per_K * std::max(0.0, cabin_heating_below_C - ambient_C);
  b.cabin_cooling_W = cabin_cooling_W_per_K * std::max(0.0, ambient_C - cabin_cooling_above_C);
  b.battery_heating_W = battery_heating_W_per_K * std::max(0.0, battery_heating_below_C - ambient_C);
  b.battery_cooling_W = battery_cooling_W_per_K * std::max(0.0, ambient_C - battery_cooling_above_C);
  return b;
}

bool AuxParams::depends_on_temperature() const {
  return cabin_heating_W_per_K != 0.0 || cabin_cooling_W_per_K != 0.0 || battery_heating_W_per_K != 0.0 ||
         battery_cooling_W_per_K != 0.0;
}

void AuxParams::check() const {
  require_in_range("power_W", power_W, 0.0, 1e5);
  require_in_range("cabin_heating_below_C", cabin_heating_below_C, -50.0, 60.0);
  require_in_range("cabin_heating_W_per_K", cabin_heating_W_per_K, 0.0, 5000.0);
  require_in_range("cabin_cooling_above_C", cabin_cooling_above_C, cabin_heating_below_C, 60.0);
  require_in_range("cabin_cooling_W_per_K", cabin_cooling_W_per_K, 0.0, 5000.0);
  require_in_range("battery_heating_below_C", battery_heating_below_C, -50.0, 60.0);
  require_in_range("battery_heating_W_per_K", battery_heating_W_per_K, 0.0, 5000.0);
  require_in_range("battery_cooling_above_C", battery_cooling_above_C, battery_heating_below_C, 60.0);
  require_in_range("battery_cooling_W_per_K", battery_cooling_W_per_K, 0.0, 5000.0);
}

void BrakeThermalParams::check() const {
  require_in_range("k1_const_per_h", k1_const_per_h, 0.0, 100.0);
  require_in_range("k1_per_mph_per_h", k1_per_mph_per_h, 0.0, 10.0);
  require_in_range("heat_capacity_J_per_K", heat_capacity_J_per_K, 1e3, 1e8);
  require_in_range("initial_temperature_C", initial_temperature_C, -50.0, 600.0);
  require_in_range("fade_limit_C", fade_limit_C, 1.0, 1000.0);
}

void ElectricTruckParams::check() const {
  chassis.check();
  motor.check();
  driveline.check();
  battery.check();
  aux.check();
  brakes.check();
  require_in_range("initial_soc", initial_soc, battery.soc_min, 1.0);
}

const char* integrator_name(Integrator i) {
  switch (i) {
    case Integrator::Cvode: return "cvode";
    case Integrator::RungeKutta: return "rk";
    case Integrator::QuasiStatic: return "quasi-static";
  }
  return "?";
}

Integrator integrator_from_name(const std::string& name) {
  if (name == "cvode") return Integrator::Cvode;
  if (name == "rk") return Integrator::RungeKutta;
  if (name == "quasi-static") return Integrator::QuasiStatic;
  throw ParameterError("integrator = \"" + name +
                       "\": expected \"rk\" (fast, the default), \"cvode\" (the reference) or \"quasi-static\" (the "
                       "screening model)");
}

SolverOptions SolverOptions::defaults_for(Integrator i) {
  SolverOptions o;
  o.integrator = i;
  if (i == Integrator::RungeKutta) o.rel_tol = 1e-4;
  return o;
}

void SolverOptions::check() const {
  require_in_range("rel_tol", rel_tol, 1e-12, 1e-2);
  require_in_range("abs_tol_distance_m", abs_tol_distance_m, 1e-12, 10.0);
  require_in_range("abs_tol_speed_mps", abs_tol_speed_mps, 1e-12, 1.0);
  require_in_range("sample_interval_s", sample_interval_s, 0.0, 3600.0);
  require_in_range("initial_speed_mps", initial_speed_mps, 0.0, 60.0);
  require_in_range("max_duration_s", max_duration_s, 0.0, 1e8);
  require_in_range("quasi_static_step_m", quasi_static_step_m, 0.1, 1000.0);
}

}  // namespace semitco::physics
