// Parameter structs of the diesel tractor (engine, fuel, automated manual gearbox, shift strategy).
// SI units throughout (speeds in rad/s, torques in N*m, powers in W); every field names its unit and
// valid range. The defaults ARE the shipped 15 L / 450 hp engine and 12-speed AMT (see
// resources/vehicles/diesel_tractor.json for the source of every number and docs/diesel.md for the
// models); tests may build on them.
//
// Every struct has a check() that throws ParameterError naming the field and the offending value,
// in every build type.
#pragma once

#include <string>
#include <vector>

#include "physics/params.hpp"

namespace semitco::physics {

constexpr double kRadpsPerRpm = 0.10471975511965977;  // 2 pi / 60

/// One point of an engine torque curve.
struct TorquePoint {
  double speed_radps = 0.0;  ///< engine speed, strictly increasing along a curve, [0, 1000]
  double torque_Nm = 0.0;    ///< torque magnitude, [0, 1e5]
};

/// Willans-line fuel model used to build the default fuel map (docs/diesel.md):
///   P_fuel = (T + T_fric(w)) w / eta_i(w, bmep)      for T > -T_fric, else 0 (fuel cut)
///   eta_i  = eta_i_max (1 - k_speed (w/w_opt - 1)^2) (1 - k_load max(0, bmep/bmep_knee - 1)^2)
///   bmep   = 4 pi T / V_d (four-stroke)
/// where T_fric is the motoring torque curve (friction and pumping mean effective pressure).
struct WillansFuelModel {
  double displacement_m3 = 14.9e-3;                ///< swept volume, (0, 0.1]
  double indicated_eff_max = 0.47;                 ///< best gross indicated efficiency, (0, 0.7]
  double speed_opt_radps = 1300.0 * kRadpsPerRpm;  ///< speed of best indicated efficiency, (0, 1000]
  double k_speed = 0.25;                           ///< efficiency fall-off with speed, [0, 1]
  double bmep_knee_Pa = 16.0e5;  ///< bmep above which efficiency falls (late combustion), (0, 1e7]
  double k_load = 0.5;           ///< efficiency fall-off above the knee, [0, 10]
  void check() const;
};

/// Fuel map over engine speed x brake torque, bilinear, for brake torque >= 0 (torque axis from 0).
/// Below zero torque the engine model extends it linearly to zero fuel at -T_motoring(w) (fuel cut).
struct FuelMapTable {
  std::vector<double> speed_radps;  ///< strictly increasing, >= 2 points
  std::vector<double> torque_Nm;    ///< strictly increasing from 0, >= 2 points
  std::vector<double> fuel_kgps;    ///< row-major [speed][torque], >= 0
  [[nodiscard]] bool empty() const { return fuel_kgps.empty(); }
  void check() const;
};

/// Diesel engine: curves vs speed and the fuel map. Default: 15 L, 450 hp (336 kW) at 1,800 rpm,
/// 1,750 lb-ft (2,373 N*m) from 1,000 to 1,350 rpm (estimate modelled on published 15 L ratings).
struct DieselEngineParams {
  double idle_speed_radps = 600.0 * kRadpsPerRpm;  ///< (0, min_speed]
  double min_speed_radps =
      900.0 * kRadpsPerRpm;  ///< lowest speed in gear with the clutch closed (lugging limit)
  double launch_speed_radps =
      1000.0 * kRadpsPerRpm;  ///< engine speed held while the clutch slips, [min_speed, rated)
  double rated_speed_radps =
      1800.0 * kRadpsPerRpm;  ///< speed of rated power; upshift forced here, (launch, max)
  double max_speed_radps = 2050.0 * kRadpsPerRpm;  ///< governor: full-load torque reaches 0, (rated, 1000]
  /// Full-load (maximum brake) torque vs speed; covers [idle, max_speed].
  std::vector<TorquePoint> full_load = default_full_load();
  /// Motoring torque (friction + pumping, a positive number) vs speed; also T_fric of the fuel model.
  std::vector<TorquePoint> motoring = default_motoring();
  /// Compression-release engine brake torque (positive, on top of motoring) vs speed.
  std::vector<TorquePoint> engine_brake = default_engine_brake();
  WillansFuelModel willans;  ///< used when fuel_map is empty
  FuelMapTable fuel_map;     ///< explicit map; empty: built from `willans`

  static std::vector<TorquePoint> default_full_load();
  static std::vector<TorquePoint> default_motoring();
  static std::vector<TorquePoint> default_engine_brake();
  void check() const;
};

/// Fuel and aftertreatment fluid properties.
struct FuelParams {
  double lhv_J_per_kg = 42.8e6;                   ///< lower heating value of the diesel, [3e7, 5e7]
  double density_kg_per_m3 = 847.0;               ///< diesel density, [700, 1000]
  double co2_kg_per_m3 = 10.18 / 3.785411784e-3;  ///< CO2 per volume burned (EPA 10,180 g/gal), [1e3, 5e3]
  double def_volume_frac = 0.025;                 ///< DEF volume / diesel volume, [0, 0.2]
  double def_density_kg_per_m3 = 1090.0;          ///< ISO 22241 AUS 32, [900, 1300]
  [[nodiscard]] double co2_kg_per_kg() const { return co2_kg_per_m3 / density_kg_per_m3; }
  void check() const;
};

/// Automated manual gearbox and drive axle.
struct GearboxParams {
  /// Gear ratios, gear 1 first, strictly decreasing; 2 to 16 gears. Default: 12-speed direct drive
  /// (Volvo I-Shift AT2612 type).
  std::vector<double> ratios = {14.94, 11.73, 9.04, 7.09, 5.54, 4.35, 3.44, 2.70, 2.08, 1.63, 1.27, 1.00};
  /// Efficiency of each gear (same count as ratios), (0, 1]; direct drive higher.
  std::vector<double> efficiencies = {0.965, 0.965, 0.965, 0.965, 0.965, 0.965,
                                      0.965, 0.965, 0.965, 0.965, 0.965, 0.985};
  double final_drive_ratio = 2.28;        ///< axle ratio, (0, 20]
  double final_drive_efficiency = 0.965;  ///< axle, (0, 1]
  double shift_time_s = 1.0;              ///< torque interruption of a shift, (0, 10]
  int start_gear = 2;                     ///< gear used to pull away, [1, number of gears]
  [[nodiscard]] int gears() const { return static_cast<int>(ratios.size()); }
  void check() const;
};

/// Shift strategy: thresholds in engine speed, interpolated linearly in the effort
/// e = |F_demand v| / P_ref in [0, 1] (P_ref: rated power through the top gear).
struct ShiftStrategyParams {
  double upshift_low_radps = 1200.0 * kRadpsPerRpm;   ///< upshift speed at e = 0, (min_speed, rated]
  double upshift_high_radps = 1760.0 * kRadpsPerRpm;  ///< upshift speed at e = 1, [upshift_low, rated]
  double downshift_low_radps = 950.0 * kRadpsPerRpm;  ///< downshift speed at e = 0, [min_speed, upshift_low)
  double downshift_high_radps =
      1360.0 * kRadpsPerRpm;                  ///< downshift speed at e = 1, [downshift_low, upshift_high)
  double margin_radps = 20.0 * kRadpsPerRpm;  ///< a new gear must land this far inside the band, [0, 50]
  double reversal_lockout_s = 6.0;  ///< no shift against the previous one's direction for this long, [0, 60]
  /// The shift rules for demand are evaluated this often, (0.05, 5], like a transmission control unit's
  /// decision cycle (forced shifts happen at once). The shift points then depend on the state at known
  /// times, not on which brief demand peaks an integrator's steps happened to catch.
  double decision_interval_s = 0.5;
  void check(const DieselEngineParams& engine) const;
};

/// Diesel tractor-trailer: all parameters of the diesel truck.
struct DieselTruckParams {
  std::string name = "diesel";
  Chassis chassis;
  DieselEngineParams engine;
  FuelParams fuel;
  GearboxParams gearbox;
  ShiftStrategyParams shift;
  AuxParams aux{5000.0};  ///< mechanical accessories on the crank (fan, compressor, alternator, steering)
  BrakeThermalParams brakes;
  void check() const;
};

}  // namespace semitco::physics
