// Integrators for the trip solver's hybrid system, behind one interface.
//
// The trip solver (trip_run.cpp, trip_stops.cpp) owns the discrete part of the model: modes, grade zones, stops,
// gear shifts. What it needs from an integrator is the continuous part, one step at a time:
//   - advance the state by one internal step, stopping exactly at a stop time (a known breakpoint) and
//     at the first zero crossing of a root function (an event), whichever comes first;
//   - the state anywhere inside the last step (output samples), by the integrator's own interpolant;
//   - a restart after the solver changed the state or the discrete mode at an event.
//
// Two back ends:
//   - CVODE (SUNDIALS): variable-order Adams with fixed-point iteration. The reference: tight
//     tolerances, an error test on every component, the default everywhere.
//   - Runge-Kutta: an explicit embedded Bogacki-Shampine 3(2) pair (Bogacki & Shampine 1989, Appl. Math.
//     Lett. 2(4):321-325) with a cubic Hermite interpolant, root location by the Illinois method on that
//     interpolant (the same method CVODE uses), and steps that end on the known kinks of the right-hand
//     side (the samples of a speed trace). A one-step method loses nothing at a restart and costs a few
//     right-hand side evaluations per step with no vector machinery around them, so it runs the same
//     model several times faster (SUNDIALS ARKODE's ERKStep with the same table was 5x slower than this,
//     docs/physics.md); batch runs over many routes can use it (--integrator rk).
//     tests/physics/test_integrators.cpp holds both to closed-form solutions and to each other on the
//     shared cycles.
#pragma once

#include <limits>
#include <memory>
#include <vector>

#include "physics/trip_result.hpp"

namespace semitco::physics {

/// The continuous part of a hybrid system as an integrator sees it.
class HybridOde {
 public:
  virtual ~HybridOde() = default;
  /// dy/dt at (t, y).
  virtual void rhs(double t, const double* y, double* dy) = 0;
  /// Root functions g[0 .. n_roots-1] at (t, y); an event is a zero crossing in the allowed direction.
  virtual void roots(double t, const double* y, double* g) = 0;
  /// First time > t at which the right-hand side, continuous there, changes its time derivative
  /// (infinity when none is known). A one-step integrator ends its steps there instead of stepping over
  /// the kink; CVODE, whose history spans many steps, does not use it.
  [[nodiscard]] virtual double next_kink(double /*t*/) const { return std::numeric_limits<double>::infinity(); }
};

struct StepperSetup {
  int n = 0;                     ///< number of states
  int n_roots = 0;               ///< number of root functions
  std::vector<int> root_dir;     ///< per root: +1 rising only, -1 falling only, 0 both
  double rel_tol = 1e-6;
  std::vector<double> abs_tol;   ///< per state
  /// The root functions read only y[0 .. root_states-1] (-1: all of them); the Runge-Kutta back end then
  /// interpolates just those while it locates a root.
  int root_states = -1;
  /// The Runge-Kutta back end locates a root to this many seconds (or ~100 ulp of t if that is more);
  /// CVODE always to ~100 ulp.
  double root_time_tol_s = 1e-6;
};

class Stepper {
 public:
  enum class Outcome { Step, Root, StopTime };
  virtual ~Stepper() = default;

  /// The current state; the caller writes the initial state and event changes here before restart().
  [[nodiscard]] virtual double* state() = 0;
  /// (Re)starts at time t from state(), integrating up to at most t_stop.
  virtual void restart(double t, double t_stop) = 0;
  /// Moves the stop time without a restart (after a stop time at which nothing changed).
  virtual void set_stop_time(double t_stop) = 0;
  /// One internal step. On return *t and state() are the time and state reached: the end of the step,
  /// a root (see root_info) or the stop time. Throws SolverError when the integration fails.
  virtual Outcome step(double* t) = 0;
  /// After Outcome::Root: found[i] != 0 for each root function that crossed zero at the returned time.
  virtual void root_info(int* found) const = 0;
  /// The state at a time inside the last step, by the integrator's interpolant (valid until the next call);
  /// components 0 .. count-1 at least (the Runge-Kutta back end computes only those).
  [[nodiscard]] virtual const double* interpolate(double t, int count) = 0;
  /// Adds the counters since the last call to `st` (steps, right-hand side and root evaluations).
  virtual void collect_stats(SolverStats& st) = 0;
};

std::unique_ptr<Stepper> make_cvode_stepper(HybridOde& ode, const StepperSetup& setup);
std::unique_ptr<Stepper> make_rk_stepper(HybridOde& ode, const StepperSetup& setup);

}  // namespace semitco::physics
