// Trip simulation: a truck driven along a RouteProfile, integrated with SUNDIALS CVODE.
//
// Continuous state (one CVODE vector, indices in trip_model.hpp's enum State):
//   x [m], v [m/s], brake temperature [degC], energy store (battery charge [C]),
//   and the energy-ledger integrals [J] (and fuel [kg]), which do not feed back into the dynamics and
//   are excluded from the error test by a huge absolute tolerance.
// Dynamics while driving:
//   m_eff dv/dt = F_pt - F_brake - (F_aero + F_roll + F_grade)
// where the driver's demand m_eff a_dem + F_road is met by the powertrain up to its limits (traction,
// or regen / engine brake first when slowing) and by the friction brakes for the rest.
//
// Discrete modes (hybrid system in the style of the SUNDIALS examples cvRocket_dns / cvDisc_dns):
//   Drive, Dwell (standing at a stop for its dwell time), Hold (standing while a speed trace is at 0),
//   Charge (standing at a charger until the pack reaches the stop's target, physics/charge_planner.hpp),
//   Finished, Ended (could not go on: stalled on a grade, battery empty, reserve reached, time limit).
// Brakes past their fade limit are flagged where it first happened (a root of the brake temperature);
// the trip goes on to the end but its outcome is TripOutcome::kBrakeFade, not completed.
// Switches are found by CVODE root functions (reaching a stop or the end, speed falling to zero,
// rolling backwards, store empty) or at known times (the integrator's stop time: end of dwell, the trace
// asking to move again, end of trace); after each switch the integrator restarts (CVodeReInit for CVODE).
// The integrator is CVODE or an explicit Runge-Kutta pair, behind one interface (physics/stepper.hpp).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "physics/charge_planner.hpp"
#include "physics/params.hpp"
#include "physics/powertrain.hpp"
#include "physics/trip_result.hpp"
#include "routes/route_profile.hpp"

namespace semitco::physics {

/// A SUNDIALS call failed or the integration could not continue; names the call and the place.
class SolverError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Everything the solver needs about a truck, independent of its powertrain type.
struct TruckModel {
  std::string name;
  Chassis chassis;
  BrakeThermalParams brakes;
  Powertrain* powertrain = nullptr;  ///< not owned; holds discrete state, so one per concurrent simulation
};

struct TripInputs {
  const routes::RouteProfile* route = nullptr;
  TruckModel truck;
  Ambient ambient;
  DriverParams driver;
  SolverOptions solver;
  bool record_series = true;   ///< store the time series (batch runs can switch it off)
  EnrouteCharging charging;    ///< en-route charge stops (battery-electric), off by default
};

/// Runs one trip. Throws ParameterError for bad parameters and SolverError when CVODE fails;
/// a truck that cannot go on is a normal result with summary.completed == false and the reason.
TripResult simulate_trip(const TripInputs& in);

/// Runs one trip of a truck with the given powertrain (the simulate_* conveniences call this).
TripResult simulate_with(const routes::RouteProfile& route, const std::string& name, const Chassis& chassis,
                         const BrakeThermalParams& brakes, Powertrain& powertrain, const Ambient& ambient,
                         const DriverParams& driver, const SolverOptions& solver, bool record_series,
                         const EnrouteCharging& charging = {});

/// Convenience: the battery-electric truck on a route.
TripResult simulate_electric(const routes::RouteProfile& route, const ElectricTruckParams& truck,
                             const Ambient& ambient = {}, const DriverParams& driver = {},
                             const SolverOptions& solver = {}, bool record_series = true,
                             bool never_empty = false, const EnrouteCharging& charging = {});

}  // namespace semitco::physics
