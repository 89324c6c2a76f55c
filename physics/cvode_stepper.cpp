// The CVODE back end of physics/stepper.hpp: variable-order Adams-Moulton with fixed-point iteration
// (the system is not stiff), root finding and stop times, one internal step per call (CV_ONE_STEP).
#include <cvode/cvode.h>
#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sunnonlinsol/sunnonlinsol_fixedpoint.h>

#include <memory>
#include <string>
#include <type_traits>

#include "physics/stepper.hpp"
#include "physics/trip_solver.hpp"

namespace semitco::physics {
namespace {

// RAII for the SUNDIALS objects.
struct ContextDeleter {
  void operator()(SUNContext c) const { SUNContext_Free(&c); }
};
struct VectorDeleter {
  void operator()(N_Vector v) const { N_VDestroy(v); }
};
struct CvodeDeleter {
  void operator()(void* m) const { CVodeFree(&m); }
};
struct NlsDeleter {
  void operator()(SUNNonlinearSolver s) const { SUNNonlinSolFree(s); }
};
using ContextPtr = std::unique_ptr<std::remove_pointer_t<SUNContext>, ContextDeleter>;
using VectorPtr = std::unique_ptr<std::remove_pointer_t<N_Vector>, VectorDeleter>;
using CvodePtr = std::unique_ptr<void, CvodeDeleter>;
using NlsPtr = std::unique_ptr<std::remove_pointer_t<SUNNonlinearSolver>, NlsDeleter>;

void check(int flag, const char* call) {
  if (flag < 0) throw SolverError(std::string(call) + " failed with flag " + std::to_string(flag));
}

void quiet_errors(int, const char*, const char*, char*, void*) {}

class CvodeStepper final : public Stepper {
 public:
  CvodeStepper(HybridOde& ode, const StepperSetup& s) : ode_(ode) {
    SUNContext ctx = nullptr;
    check(SUNContext_Create(nullptr, &ctx), "SUNContext_Create");
    ctx_.reset(ctx);
    y_.reset(N_VNew_Serial(s.n, ctx));
    if (!y_) throw SolverError("N_VNew_Serial failed");
    N_VConst(0.0, y_.get());
    y_interp_.reset(N_VClone(y_.get()));
    cvode_.reset(CVodeCreate(CV_ADAMS, ctx));
    if (!cvode_) throw SolverError("CVodeCreate failed");
    void* mem = cvode_.get();
    check(CVodeSetErrHandlerFn(mem, quiet_errors, nullptr), "CVodeSetErrHandlerFn");
    check(CVodeInit(mem, rhs_cb, 0.0, y_.get()), "CVodeInit");
    VectorPtr abstol(N_VClone(y_.get()));
    double* a = N_VGetArrayPointer(abstol.get());
    for (int i = 0; i < s.n; ++i) a[i] = s.abs_tol[static_cast<std::size_t>(i)];
    check(CVodeSVtolerances(mem, s.rel_tol, abstol.get()), "CVodeSVtolerances");
    nls_.reset(SUNNonlinSol_FixedPoint(y_.get(), 0, ctx));
    if (!nls_) throw SolverError("SUNNonlinSol_FixedPoint failed");
    check(CVodeSetNonlinearSolver(mem, nls_.get()), "CVodeSetNonlinearSolver");
    check(CVodeSetUserData(mem, this), "CVodeSetUserData");
    check(CVodeRootInit(mem, s.n_roots, root_cb), "CVodeRootInit");
    std::vector<int> dir = s.root_dir;
    check(CVodeSetRootDirection(mem, dir.data()), "CVodeSetRootDirection");
    check(CVodeSetNoInactiveRootWarn(mem), "CVodeSetNoInactiveRootWarn");
  }

  double* state() override { return N_VGetArrayPointer(y_.get()); }

  void restart(double t, double t_stop) override {
    SolverStats counted;  // CVodeReInit restarts CVODE's counters: keep what they counted so far
    collect_stats(counted);
    pending_ = counted;
    check(CVodeReInit(cvode_.get(), t, y_.get()), "CVodeReInit");
    seen_ = counters();
    t_stop_ = t_stop;
    check(CVodeSetStopTime(cvode_.get(), t_stop), "CVodeSetStopTime");
  }

  void set_stop_time(double t_stop) override {
    t_stop_ = t_stop;
    check(CVodeSetStopTime(cvode_.get(), t_stop), "CVodeSetStopTime");
  }

  Outcome step(double* t) override {
    const int flag = CVode(cvode_.get(), t_stop_, y_.get(), t, CV_ONE_STEP);
    if (flag < 0) {
      std::string msg = "CVode failed with flag " + std::to_string(flag) + " (" + CVodeGetReturnFlagName(flag) + ")";
      if (!error_.empty()) msg += ": " + error_;
      throw SolverError(msg);
    }
    if (flag == CV_ROOT_RETURN) return Outcome::Root;
    if (flag == CV_TSTOP_RETURN) return Outcome::StopTime;
    return Outcome::Step;
  }

  void root_info(int* found) const override { check(CVodeGetRootInfo(cvode_.get(), found), "CVodeGetRootInfo"); }

  const double* interpolate(double t, int /*count*/) override {
    check(CVodeGetDky(cvode_.get(), t, 0, y_interp_.get()), "CVodeGetDky");
    return N_VGetArrayPointer(y_interp_.get());
  }

  void collect_stats(SolverStats& st) override {
    const SolverStats now = counters();
    st.steps += pending_.steps + now.steps - seen_.steps;
    st.rhs_evals += pending_.rhs_evals + now.rhs_evals - seen_.rhs_evals;
    st.root_evals += pending_.root_evals + now.root_evals - seen_.root_evals;
    st.error_test_failures += pending_.error_test_failures + now.error_test_failures - seen_.error_test_failures;
    pending_ = SolverStats{};
    seen_ = now;
  }

 private:
  // C callbacks: nothing may throw across SUNDIALS.
  static int rhs_cb(sunrealtype t, N_Vector y, N_Vector ydot, void* user) {
    auto* self = static_cast<CvodeStepper*>(user);
    try {
      self->ode_.rhs(t, N_VGetArrayPointer(y), N_VGetArrayPointer(ydot));
      return 0;
    } catch (const std::exception& ex) {
      self->error_ = ex.what();
      return -1;
    }
  }
  static int root_cb(sunrealtype t, N_Vector y, sunrealtype* g, void* user) {
    auto* self = static_cast<CvodeStepper*>(user);
    try {
      self->ode_.roots(t, N_VGetArrayPointer(y), g);
      return 0;
    } catch (const std::exception& ex) {
      self->error_ = ex.what();
      return -1;
    }
  }

  SolverStats counters() const {
    SolverStats c;
    CVodeGetNumSteps(cvode_.get(), &c.steps);
    CVodeGetNumRhsEvals(cvode_.get(), &c.rhs_evals);
    CVodeGetNumGEvals(cvode_.get(), &c.root_evals);
    CVodeGetNumErrTestFails(cvode_.get(), &c.error_test_failures);
    return c;
  }

  HybridOde& ode_;
  ContextPtr ctx_;
  VectorPtr y_, y_interp_;
  CvodePtr cvode_;
  NlsPtr nls_;
  double t_stop_ = 0.0;
  SolverStats seen_;     // CVODE's counters when last collected or restarted
  SolverStats pending_;  // counted before the last restart, not yet collected
  std::string error_;  // exception caught inside a callback
};

}  // namespace

std::unique_ptr<Stepper> make_cvode_stepper(HybridOde& ode, const StepperSetup& setup) {
  return std::make_unique<CvodeStepper>(ode, setup);
}

}  // namespace semitco::physics
