// What a simulated trip returns: time series, energy ledger and summary.
#pragma once

#include <string>
#include <vector>

#include "physics/params.hpp"

namespace semitco::physics {

/// Where every joule went [J]. Sources on the left, sinks on the right:
///   source_out - source_in = aero + rolling + climbing + descending + inertia
///                            + motor_loss + battery_loss + driveline_loss + engine_loss
///                            + aux + friction_brake + engine_brake
/// `descending` is <= 0 (potential energy released), `inertia` is the change of kinetic energy
/// (rotating parts included), so the equation is an identity of the model, checked by closure().
struct EnergyLedger {
  double source_out_J = 0.0;     ///< battery chemical energy out, or fuel energy (LHV)
  double source_in_J = 0.0;      ///< battery chemical energy in (regen recovered into the cells)
  double aero_J = 0.0;
  double rolling_J = 0.0;
  double climbing_J = 0.0;       ///< m g sin(theta) v integrated where positive
  double descending_J = 0.0;     ///< the same where negative (<= 0)
  double inertia_J = 0.0;        ///< net change of kinetic energy
  double motor_loss_J = 0.0;     ///< motor + inverter
  double battery_loss_J = 0.0;
  double driveline_loss_J = 0.0;
  double engine_loss_J = 0.0;
  double aux_J = 0.0;
  double friction_brake_J = 0.0;
  double engine_brake_J = 0.0;
  double regen_wheel_J = 0.0;    ///< energy the wheels handed to regenerative braking (before losses)
  double traction_wheel_J = 0.0; ///< positive work of the powertrain at the wheels
  double fuel_kg = 0.0;          ///< diesel burned
  double def_kg = 0.0;           ///< diesel exhaust fluid used

  [[nodiscard]] double source_net_J() const { return source_out_J - source_in_J; }
  [[nodiscard]] double sinks_J() const {
    return aero_J + rolling_J + climbing_J + descending_J + inertia_J + motor_loss_J + battery_loss_J +
           driveline_loss_J + engine_loss_J + aux_J + friction_brake_J + engine_brake_J;
  }
  /// Relative mismatch |net source - sinks| / (source_out + source_in).
  [[nodiscard]] double closure() const;
};

/// Time series sampled at a fixed interval (plus the end of the trip).
struct TimeSeries {
  std::vector<double> time_s, distance_m, speed_mps, target_speed_mps, elevation_m, grade_frac;
  std::vector<double> wheel_power_W;           ///< powertrain at the wheels: + traction, - regen/engine brake
  std::vector<double> source_power_W;          ///< battery terminal power (+ out) or fuel power
  std::vector<double> regen_power_W;           ///< wheel power into regenerative braking (>= 0)
  std::vector<double> friction_brake_power_W;  ///< >= 0
  std::vector<double> soc;                     ///< state of charge (1 for diesel)
  std::vector<double> brake_temperature_C;
  std::vector<double> fuel_used_kg;            ///< cumulative
  std::vector<double> gear;                    ///< engaged gear (0 neutral / single-speed)
  std::vector<double> machine_speed_rpm;       ///< motor or engine speed
  [[nodiscard]] std::size_t size() const { return time_s.size(); }
};

struct TripSummary {
  bool completed = false;          ///< reached the end of the route / trace
  std::string end_reason;          ///< "completed", or why and where the trip ended
  double distance_m = 0.0;
  double duration_s = 0.0;         ///< including stops
  double moving_time_s = 0.0;
  double average_speed_mps = 0.0;  ///< distance / duration
  double energy_kWh_per_mi = 0.0;  ///< net source energy per mile (battery or fuel energy)
  double energy_kWh_per_km = 0.0;
  double initial_soc = 1.0, final_soc = 1.0, min_soc = 1.0;
  double peak_brake_temperature_C = 0.0;
  double peak_brake_temperature_at_m = 0.0;
  // Trace miss: how far the truck fell below what the driver wanted.
  double max_speed_shortfall_mps = 0.0;
  double max_speed_shortfall_at_m = 0.0;
  double time_below_target_s = 0.0;      ///< time more than the tolerance below the target
  double trace_distance_shortfall_m = 0.0;  ///< time-based: trace distance - distance driven
  double time_below_40mph_climbing_s = 0.0; ///< time under 40 mph on grades >= 2 %
  double stops_made = 0.0;
};

/// A stop the truck made: where, when it arrived and when it left.
struct StopRecord {
  double distance_m = 0.0;
  double arrival_s = 0.0;
  double departure_s = 0.0;
};

/// What the integration cost (for performance work; not part of the physics).
struct SolverStats {
  Integrator integrator = Integrator::Cvode;
  long steps = 0;        ///< the integrator's internal steps
  long rhs_evals = 0;    ///< right-hand side evaluations
  long root_evals = 0;   ///< root function evaluations
  long restarts = 0;     ///< integrator restarts after discrete changes (CVodeReInit for CVODE)
  long error_test_failures = 0;
};

struct TripResult {
  std::string vehicle;
  std::string route;
  TripSummary summary;
  std::vector<StopRecord> stops;
  EnergyLedger ledger;
  TimeSeries series;
  SolverStats solver;
};

}  // namespace semitco::physics
