// The quasi-static screening model (Integrator::QuasiStatic): a trip in steps of a second or more, the
// speed of each step known in closed form instead of integrated with the forces, and the powertrain asked
// once per step at the step's mean speed and force, in the manner of NREL FASTSim (Brooker et al. 2015,
// SAE 2015-01-0973), with the forward model's parts.
//
// What it keeps of the forward model (physics/trip_model.hpp): the road (grade, elevation, air density),
// the driver's speed envelope along a route (limits, look-ahead braking for stops and lower limits, the
// comfortable acceleration) and safe descent speed (descent_planner.hpp), each powertrain's limits,
// flows and gear-shift rules (physics/powertrain.hpp), the brake temperature, stops and their dwell,
// the battery's window, and every line of the energy ledger.
//
// One step from (t0, x0, v0) to (t1, x1, v1), constant acceleration inside it:
//   the speed: the forward model's driver, dv/dt = clamp((u - v) / tau, -a_brake, a_max) with the target
//     u = trace(t + tau) or the route's envelope and safe descent speed tau ahead (driver.hpp), solved in
//     closed form for u linear over the step: v1 = u1 - b tau + (v0 - u0 + b tau) exp(-dt / tau),
//     b = (u1 - u0) / dt (on a trace piece by piece through the trace's kinks inside the step), the mean
//     acceleration within the driver's bounds;
//   the step: 2 s on a trace, 1 s along a route while the speed or the target changes or the friction
//     brakes work, 2 s while the truck is held to its traction limit below the target at 10 m/s or more,
//     4 s (at most SolverOptions::quasi_static_step_m) while both hold steady, 6 s (at most 1.5 times
//     that distance) at a cruise of 20 m/s or more where the envelope holds one speed over the step and
//     its preview and the steady demand stays on traction, under 90 % of the limit, on the least and the
//     greatest grade of the step (the energy is convex in the demand: an average over a change of sign
//     would book too little); it ends at a stop, the end, a change of grade of 0.25 % or more, and where
//     a gear shift's torque interruption does;
//   a = (v1 - v0) / dt,  v_m = (v0 + v1) / 2,  x1 = x0 + v_m dt,
//   sin = (h(x1) - h(x0)) / (x1 - x0)  (the climbing energy is m g (h1 - h0) whatever the grade did),
//   F_need = m_eff a + F_aero(v_m) + F_roll(v_m, cos) + m g sin.
// Traction above the powertrain's limit at v_m lowers v1 (the truck falls behind the trace or slows on
// the climb: m_eff a = F_max(v_m) - F_road(v_m), a fixed point settled in three passes); braking beyond
// its retarder goes to the friction brakes. The flows are those of the powertrain at (v_m, F_wheel) held
// over the step, so the ledger closes exactly: F_wheel v_m dt = ΔKE + road-load work + brake work, and
// each powertrain's flows balance instant by instant (powertrain.hpp). The brake temperature follows its
// linear ODE exactly over the step with the brake power held. A gearbox decides at the start of each step
// with the driver's demand then (its decision times inside a step are not kept), and its root functions'
// sign changes over a step fire at the step's end.
//
// What it leaves out, and says so: the forces inside a step (the speed's closed form ignores that the
// truck's limits can bite part of the way through it), no en-route charge stops (a trip that would need
// one is refused with the reason), events located to a step rather than to solver precision. Its agreement
// with the forward model is tested within 1 % in energy on every shared cycle and route
// (tests/physics/test_quasi_static.cpp), and every result that used it is named "quasi-static". Internal to
// physics/: simulate_trip() calls it.
#pragma once

#include "physics/trip_solver.hpp"

namespace semitco::physics::detail {

/// One trip by the quasi-static model; the caller has checked the inputs. Throws ParameterError for a
/// trip that needs an en-route charge stop.
TripResult run_quasi_static(const TripInputs& in);

}  // namespace semitco::physics::detail
