// What a simulated trip returns: time series, energy ledger and summary.
#pragma once

#include <string>
#include <vector>

#include "physics/params.hpp"

namespace semitco::physics {

/// Where every joule went [J]. Sources on the left, sinks on the right:
///   source_out - source_in - charge_in + grid_in = aero + rolling + climbing + descending + inertia
///                            + motor_loss + battery_loss + driveline_loss + engine_loss
///                            + aux + friction_brake + engine_brake + charger_loss
/// At a charge stop the grid supplies grid_in; the charger loses charger_loss, the pack takes charge_in
/// into its cells (its resistance loss is in battery_loss) and the auxiliaries run off the charger.
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
  double grid_in_J = 0.0;        ///< energy drawn from the grid at en-route charge stops
  double charger_loss_J = 0.0;   ///< charger and cable losses at those stops
  double charge_in_J = 0.0;      ///< chemical energy the charger put into the cells

  /// Energy the truck's own store delivered for driving (battery out - regen in, or fuel): charging
  /// is not netted out, so per-mile figures stay those of the duty.
  [[nodiscard]] double source_net_J() const { return source_out_J - source_in_J; }
  /// Everything supplied: the store's net output and the grid at charge stops.
  [[nodiscard]] double supplied_J() const { return source_net_J() - charge_in_J + grid_in_J; }
  [[nodiscard]] double sinks_J() const {
    return aero_J + rolling_J + climbing_J + descending_J + inertia_J + motor_loss_J + battery_loss_J +
           driveline_loss_J + engine_loss_J + aux_J + friction_brake_J + engine_brake_J + charger_loss_J;
  }
  /// Relative mismatch |supplied - sinks| / (source_out + source_in + grid_in + charge_in).
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
  std::vector<double> charge_power_W;          ///< charger power into the pack at a charge stop (>= 0)
  [[nodiscard]] std::size_t size() const { return time_s.size(); }

  /// One sample: the columns above, in their order.
  struct Row {
    double time_s, distance_m, speed_mps, target_speed_mps, elevation_m, grade_frac, wheel_power_W,
        source_power_W, regen_power_W, friction_brake_power_W, soc, brake_temperature_C, fuel_used_kg, gear,
        machine_speed_rpm, charge_power_W;
  };
  void push(const Row& r) {
    time_s.push_back(r.time_s);
    distance_m.push_back(r.distance_m);
    speed_mps.push_back(r.speed_mps);
    target_speed_mps.push_back(r.target_speed_mps);
    elevation_m.push_back(r.elevation_m);
    grade_frac.push_back(r.grade_frac);
    wheel_power_W.push_back(r.wheel_power_W);
    source_power_W.push_back(r.source_power_W);
    regen_power_W.push_back(r.regen_power_W);
    friction_brake_power_W.push_back(r.friction_brake_power_W);
    soc.push_back(r.soc);
    brake_temperature_C.push_back(r.brake_temperature_C);
    fuel_used_kg.push_back(r.fuel_used_kg);
    gear.push_back(r.gear);
    machine_speed_rpm.push_back(r.machine_speed_rpm);
    charge_power_W.push_back(r.charge_power_W);
  }
};

/// How a trip ended. Only kCompleted is a trip that was done safely; brake fade is flagged even though
/// the truck reached the end, and the place it happened is in the summary.
enum class TripOutcome { kCompleted, kBrakeFade, kEnded };

struct TripSummary {
  bool completed = false;          ///< reached the end of the route / trace, and nothing was flagged
  bool reached_end = false;        ///< reached the end (also when flagged, e.g. for brake fade)
  TripOutcome outcome = TripOutcome::kEnded;
  std::string end_reason;          ///< "completed", or why and where the trip ended or was flagged
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
  // Brakes past their fade limit (the first time, and where).
  bool brake_fade = false;
  double brake_fade_at_m = 0.0;
  double brake_fade_at_s = 0.0;
  double brake_fade_limit_C = 0.0;
  // En-route charging inside the trip.
  int charge_stops = 0;
  double charging_time_s = 0.0;    ///< standing at chargers, plugging included (part of duration_s)
  double charge_pack_J = 0.0;      ///< energy into the pack's terminals at the stops
  double charge_grid_J = 0.0;      ///< energy drawn from the grid at the stops
  double reserve_soc = 0.0;        ///< the reserve the trip kept (0: none asked for)
};

/// A charge stop the truck made inside the trip.
struct ChargeStopRecord {
  double distance_m = 0.0;
  double arrival_s = 0.0;
  double departure_s = 0.0;        ///< after charging and plugging
  double soc_in = 0.0, soc_out = 0.0;
  double pack_J = 0.0;             ///< into the pack's terminals
  double grid_J = 0.0;             ///< from the grid
  double charger_power_W = 0.0;    ///< the charger's rating
  [[nodiscard]] double minutes() const { return (departure_s - arrival_s) / 60.0; }
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
  std::vector<ChargeStopRecord> charge_stops;
  EnergyLedger ledger;
  TimeSeries series;
  SolverStats solver;
};

}  // namespace semitco::physics
