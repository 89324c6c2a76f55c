// The quasi-static screening model (Integrator::QuasiStatic): a trip in fixed steps, the speed taken
// from the speed trace or the driver's target instead of integrated from the driver's dynamics, in the
// manner of NREL FASTSim (Brooker et al. 2015, SAE 2015-01-0973) but with the forward model's parts.
//
// What it keeps of the forward model (physics/trip_model.hpp): the road (grade, elevation, air density),
// the driver's speed envelope along a route (limits, look-ahead braking for stops and lower limits, the
// comfortable acceleration) and safe descent speed (descent_planner.hpp), each powertrain's limits,
// flows and gear-shift rules (physics/powertrain.hpp), the brake temperature, stops and their dwell,
// the battery's window, and every line of the energy ledger.
//
// One step from (t0, x0, v0) to (t1, x1, v1), constant acceleration inside it:
//   a speed trace: t1 the next sample, v1 the trace's speed there;
//   a route:       x1 = x0 + min(step_m, v0 2 s + 2 m, the next stop or the end),
//                  v1 = min(target(x1), sqrt(v0^2 + 2 a_max (x1 - x0))),  t1 = t0 + 2 (x1 - x0) / (v0 + v1);
//   a = (v1 - v0) / (t1 - t0),  v_m = (v0 + v1) / 2 (the step's mean speed),
//   sin = (h(x1) - h(x0)) / (x1 - x0)  (the climbing energy is m g (h1 - h0), whatever the grade did),
//   F_need = m_eff a + F_aero(v_m) + F_roll(v_m, cos) + m g sin.
// Traction above the powertrain's limit at v_m lowers v1 (the truck falls behind the trace or slows on
// the climb: a = (F_max - F_road) / m_eff, twice to settle v_m); braking beyond its retarder goes to the
// friction brakes. The flows are those of the powertrain at (v_m, F_wheel) held over the step, so the
// ledger closes exactly: F_wheel v_m dt = ΔKE + road-load work + brake work, and each powertrain's flows
// balance instant by instant (powertrain.hpp). The brake temperature follows its linear ODE exactly over
// the step with the brake power held. A gearbox's discrete state moves at step boundaries: its root
// functions' sign changes, its timed events and decision times due by then.
//
// What it leaves out, and says so: no driver dynamics (the forward model's tracking lag, which its preview
// cancels on ramps), no en-route charge stops (a trip that would need one is refused with the reason),
// events located to a step rather than to solver precision. Its agreement with the forward model is
// tested within 1 % in energy on every shared cycle and route (tests/physics/test_quasi_static.cpp), and
// every result that used it is named "quasi-static". Internal to physics/: simulate_trip() calls it.
#pragma once

#include "physics/trip_solver.hpp"

namespace semitco::physics::detail {

/// One trip by the quasi-static model; the caller has checked the inputs. Throws ParameterError for a
/// trip that needs an en-route charge stop.
TripResult run_quasi_static(const TripInputs& in);

}  // namespace semitco::physics::detail
