// Diesel engine: full-load, motoring and engine-brake torque curves (linear in speed) and a fuel map
// (bilinear in speed x brake torque), with the default map built from a Willans-line model.
//
//   fuel map, T >= 0:         m_f(w, T) = bilinear table [kg/s]
//   fuel map, -T_mot <= T < 0: m_f(w, T) = m_f(w, 0) (1 + T / T_mot(w))   (Willans line down to fuel cut)
//   fuel map, T < -T_mot:      m_f = 0 (fuel cut; the engine absorbs T_mot + engine brake)
//   floor:                    m_f LHV >= 2 T w  (brake efficiency never above 50 %, so the engine loss
//                             m_f LHV - T w is >= 0 even where the table is extrapolated)
//   Willans map (WillansFuelModel in diesel_params.hpp):
//     P_fuel = (T + T_mot(w)) w / eta_i,  eta_i = eta_max (1 - k_s (w/w_opt - 1)^2) (1 - k_l max(0, bmep/knee
//     - 1)^2)
//   BSFC [g/kWh] = 3.6e6 m_f / (T w) * 1000 / 1000.
// Sources of the constants: diesel_params.cpp, resources/vehicles/diesel_tractor.json, docs/diesel.md.
#pragma once

#include <vector>

#include "physics/diesel_params.hpp"
#include "physics/road.hpp"

namespace semitco::physics {

class DieselEngine {
 public:
  DieselEngine(const DieselEngineParams& p, double lhv_J_per_kg);

  [[nodiscard]] double full_load_Nm(double w) const { return full_load_(w); }
  [[nodiscard]] double motoring_Nm(double w) const { return motoring_(w); }
  [[nodiscard]] double engine_brake_Nm(double w) const { return engine_brake_(w); }
  /// Fuel mass flow [kg/s] at speed w [rad/s] and brake torque T [N*m] (negative: motored).
  [[nodiscard]] double fuel_kgps(double w, double torque_Nm) const;
  /// Brake-specific fuel consumption [g/kWh] at a positive brake torque.
  [[nodiscard]] double bsfc_g_per_kWh(double w, double torque_Nm) const;
  /// Largest full-load power over the curve [W] and the speed where it is reached.
  [[nodiscard]] double max_power_W() const { return max_power_W_; }
  [[nodiscard]] double idle_fuel_kgps(double aux_W) const;
  [[nodiscard]] const DieselEngineParams& params() const { return p_; }
  [[nodiscard]] const FuelMapTable& fuel_map() const { return map_; }

  /// The Willans-line map on a speed x torque grid covering the engine's range.
  static FuelMapTable willans_map(const DieselEngineParams& p, double lhv_J_per_kg);

 private:
  static double curve(const std::vector<TorquePoint>& c, double w);
  [[nodiscard]] double table(double w, double t) const;

  DieselEngineParams p_;
  double lhv_;
  FuelMapTable map_;
  // The curves as lookup tables that remember where they were last asked (the solver asks at nearby
  // speeds over and over); so do the fuel map's axes. One engine per concurrent simulation.
  Table1D full_load_, motoring_, engine_brake_;
  mutable std::size_t speed_cursor_ = 0, torque_cursor_ = 0;
  double max_power_W_ = 0.0;
};

}  // namespace semitco::physics
