// simulate_trip: one trip, described in trip_solver.hpp. The model is in trip_model.hpp, the loop in
// trip_run.cpp, the mode switches in trip_stops.cpp, the descent speed in descent_planner.hpp and the
// charge stops in charge_planner.hpp.
//
// With en-route charging a trip runs twice: first without charging (the pack may run below its window)
// to learn the consumption along the trip, then, if that run went below the reserve, with the planned
// stops and a reserve root, so the state of charge never goes below the reserve.
#include "physics/trip_solver.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "physics/electric_powertrain.hpp"
#include "physics/quasi_static.hpp"
#include "physics/trip_run.hpp"

namespace semitco::physics {

double EnergyLedger::closure() const {
  const double scale = source_out_J + source_in_J + grid_in_J + charge_in_J;
  return scale > 0.0 ? std::abs(supplied_J() - sinks_J()) / scale : 0.0;
}

using detail::ChargeRun;
using detail::run_once;

namespace {

/// The powertrain drives on below its window while this lives (a planning run), then is as it was, also
/// when the run throws.
class NeverEmpty {
 public:
  explicit NeverEmpty(Powertrain& pt) : pt_(pt), was_(pt.never_empty()) { pt_.set_never_empty(true); }
  ~NeverEmpty() { pt_.set_never_empty(was_); }
  NeverEmpty(const NeverEmpty&) = delete;
  NeverEmpty& operator=(const NeverEmpty&) = delete;

 private:
  Powertrain& pt_;
  bool was_;
};

}  // namespace

TripResult simulate_trip(const TripInputs& in) {
  if (in.route == nullptr) throw ParameterError("simulate_trip: no route given");
  if (in.truck.powertrain == nullptr) throw ParameterError("simulate_trip: no powertrain given");
  in.truck.chassis.check();
  in.truck.brakes.check();
  in.ambient.check();
  in.driver.check();
  in.solver.check();
  const bool screening = in.solver.integrator == Integrator::QuasiStatic;
  if (!in.charging.enabled || in.truck.powertrain->store_at_soc(1.0) <= 0.0) {  // off, or nothing to charge
    return screening ? detail::run_quasi_static(in) : run_once(in, nullptr, nullptr);
  }
  in.charging.check();
  // First run: no charging, the pack drives on below its window, so the whole trip's consumption is known.
  Powertrain& pt = *in.truck.powertrain;
  std::vector<SocPoint> track;
  TripResult first;
  {
    const NeverEmpty planning(pt);
    first = screening ? detail::run_quasi_static(in) : run_once(in, nullptr, &track);
  }
  if (first.summary.min_soc >= in.charging.reserve_soc) {
    first.summary.reserve_soc = in.charging.reserve_soc;
    return first;  // no stop needed; the same trip as a run that keeps the reserve
  }
  if (screening) {
    // The quasi-static model plans no charge stops (the forward model does): refused with the reason.
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "integrator = quasi-static: this trip needs an en-route charge stop (the state of charge would "
                  "fall to %.0f %%, under the reserve of %.0f %%), and the quasi-static screening model plans "
                  "none; run it with the forward model (rk or cvode)",
                  first.summary.min_soc * 100.0, in.charging.reserve_soc * 100.0);
    throw ParameterError(buf);
  }
  // Second run: the planned stops, and the reserve kept by a root.
  ChargeRun charges;
  charges.plan = plan_charge_stops(track, in.charging, pt.soc_window_top(), !in.route->is_time_based());
  routes::RouteProfile route = *in.route;
  charges.stop_index = insert_charge_stops(route, charges.plan, in.driver.comfort_decel_mps2,
                                           std::min(in.driver.max_accel_mps2, 0.5));
  TripInputs second = in;
  second.route = &route;
  TripResult r = run_once(second, &charges, nullptr);
  r.route = in.route->name;
  return r;
}

TripResult simulate_with(const routes::RouteProfile& route, const std::string& name, const Chassis& chassis,
                         const BrakeThermalParams& brakes, Powertrain& powertrain, const Ambient& ambient,
                         const DriverParams& driver, const SolverOptions& solver, bool record_series,
                         const EnrouteCharging& charging) {
  TripInputs in;
  in.route = &route;
  in.truck = TruckModel{name, chassis, brakes, &powertrain};
  in.ambient = ambient;
  in.driver = driver;
  in.solver = solver;
  in.record_series = record_series;
  in.charging = charging;
  return simulate_trip(in);
}

TripResult simulate_electric(const routes::RouteProfile& route, const ElectricTruckParams& truck,
                             const Ambient& ambient, const DriverParams& driver, const SolverOptions& solver,
                             bool record_series, bool never_empty, const EnrouteCharging& charging) {
  ElectricPowertrain pt(truck, never_empty, ambient);
  return simulate_with(route, truck.name, truck.chassis, truck.brakes, pt, ambient, driver, solver, record_series,
                       charging);
}

}  // namespace semitco::physics
