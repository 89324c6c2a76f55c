// The explicit Runge-Kutta back end of physics/stepper.hpp.
//
// Method: the Bogacki-Shampine 3(2) pair (Bogacki & Shampine 1989), first same as last, advancing with
// the third-order solution:
//   k1 = f(t, y)                      (the last stage of the previous step)
//   k2 = f(t + h/2,  y + h/2 k1)
//   k3 = f(t + 3h/4, y + 3h/4 k2)
//   y1 = y + h (2/9 k1 + 1/3 k2 + 4/9 k3)
//   k4 = f(t + h, y1)
//   error estimate  e = h (-5/72 k1 + 1/12 k2 + 1/9 k3 - 1/8 k4)
// The step is accepted when every component's error is within its tolerance, |e_i| <= rel_tol max(|y_i|,
// |y1_i|) + abs_tol_i (the max norm: an RMS over the 23 states would let one of them err ~5x more); the
// next step is h (0.9 / norm)^(1/3), between 0.2 h and 5 h, and does not grow right after a rejection.
// Dense output: the cubic Hermite interpolant through (y, k1) and (y1, k4), third order like the step.
// Roots: after each step every root function is evaluated at its end; where one crossed zero in its
// allowed direction the earliest crossing is bracketed on the interpolant by the Illinois variant of
// the secant method, as CVODE does (Hiebert & Shampine 1980), to StepperSetup::root_time_tol_s, and the
// step is cut back to the first time at or after the crossing.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "physics/stepper.hpp"
#include "physics/trip_solver.hpp"

namespace semitco::physics {
namespace {

constexpr double kSafety = 0.9;
constexpr double kMaxGrowth = 5.0;
constexpr double kMinShrink = 0.2;
constexpr double kNoCbrt = 0.0058;  // (kSafety / kMaxGrowth)^3 = 0.005832, a little under
constexpr double kFirstStep = 0.1;  // [s] the controller grows it from there

class RkStepper final : public Stepper {
 public:
  RkStepper(HybridOde& ode, const StepperSetup& s)
      : ode_(ode),
        n_(static_cast<std::size_t>(s.n)),
        nr_(static_cast<std::size_t>(s.n_roots)),
        rel_tol_(s.rel_tol),
        abs_tol_(s.abs_tol),
        dir_(s.root_dir),
        root_states_(s.root_states < 0 ? n_ : std::min(n_, static_cast<std::size_t>(s.root_states))),
        root_time_tol_(s.root_time_tol_s),
        y_(n_, 0.0), y0_(n_), f0_(n_), k2_(n_), k3_(n_), f1_(n_), tmp_(n_), yi_(n_),
        g0_(nr_), g1_(nr_), glo_(nr_), gmid_(nr_), found_(nr_, 0) {}

  double* state() override { return y_.data(); }

  void restart(double t, double t_stop) override {
    t_ = t;
    t_stop_ = t_stop;
    ode_.rhs(t_, y_.data(), f1_.data());
    ode_.roots(t_, y_.data(), g1_.data());
    ++rhs_evals_;
    ++root_evals_;
    t0_ = h1_ = t;
    end_y_ = y_.data();
    end_f_ = f1_.data();
    if (h_ <= 0.0) h_ = kFirstStep;
  }

  void set_stop_time(double t_stop) override { t_stop_ = t_stop; }

  Outcome step(double* t_out) override {
    const double limit = std::min(t_stop_, ode_.next_kink(t_));
    if (limit <= t_) {  // already at the stop time
      *t_out = t_;
      return Outcome::StopTime;
    }
    // The start of this step is the end of the last one (or the restart point).
    std::copy(y_.begin(), y_.end(), y0_.begin());
    std::swap(f0_, f1_);
    std::swap(g0_, g1_);
    t0_ = t_;
    for (int rejected = 0;; ++rejected) {
      double h = h_;
      bool to_limit = false;
      if (t0_ + 1.1 * h >= limit) {  // land on a stop time or kink instead of just short of it
        h = limit - t0_;
        to_limit = true;
      }
      // A step cut short by a limit may be as short as it needs to be; one the error test shrank may not.
      const double min_h = 1e-12 * std::max(1.0, std::abs(t0_));
      if ((!to_limit && !(h > min_h)) || rejected > 60) {
        throw SolverError("Runge-Kutta step size fell to " + std::to_string(h) + " s at t = " + std::to_string(t0_) +
                          " s");
      }
      const double err = attempt(h);
      // Below kNoCbrt the growth is clamped to kMaxGrowth anyway (0.9 cbrt(1/0.0058) = 5.01): no cube root.
      const double grow = err > kNoCbrt ? kSafety * std::cbrt(1.0 / err) : kMaxGrowth;
      if (err <= 1.0) {
        h1_ = to_limit ? limit : t0_ + h;
        // A step that had to shrink to reach a limit says nothing about the step size the solution wants.
        // No growth right after a rejection (Hairer, Norsett & Wanner, Solving ODEs I, II.4).
        if (!to_limit || h >= h_) h_ = h * std::clamp(grow, kMinShrink, rejected > 0 ? 1.0 : kMaxGrowth);
        break;
      }
      ++error_test_failures_;
      h_ = h * std::clamp(std::isfinite(grow) ? grow : kMinShrink, 0.1, 1.0);
    }
    ++steps_;
    t_ = h1_;
    end_y_ = y_.data();
    end_f_ = f1_.data();
    // f1_ and y_ hold the end of the step; find the first event inside it.
    ode_.roots(t_, y_.data(), g1_.data());
    ++root_evals_;
    if (locate_root()) {
      *t_out = t_;
      return Outcome::Root;
    }
    *t_out = t_;
    return t_ >= t_stop_ ? Outcome::StopTime : Outcome::Step;
  }

  void root_info(int* found) const override { std::copy(found_.begin(), found_.end(), found); }

  const double* interpolate(double t, int count) override {
    hermite(t, yi_.data(), std::min(n_, static_cast<std::size_t>(std::max(count, 0))));
    return yi_.data();
  }

  void collect_stats(SolverStats& st) override {
    st.steps += steps_;
    st.rhs_evals += rhs_evals_;
    st.root_evals += root_evals_;
    st.error_test_failures += error_test_failures_;
    steps_ = rhs_evals_ = root_evals_ = error_test_failures_ = 0;
  }

 private:
  /// One trial step of size h from (t0_, y0_, f0_): leaves y1 in y_, f(t0+h, y1) in f1_, returns the error norm.
  double attempt(double h) {
    const double* y0 = y0_.data();
    const double* k1 = f0_.data();
    double* tmp = tmp_.data();
    for (std::size_t i = 0; i < n_; ++i) tmp[i] = y0[i] + 0.5 * h * k1[i];
    ode_.rhs(t0_ + 0.5 * h, tmp, k2_.data());
    const double* k2 = k2_.data();
    for (std::size_t i = 0; i < n_; ++i) tmp[i] = y0[i] + 0.75 * h * k2[i];
    ode_.rhs(t0_ + 0.75 * h, tmp, k3_.data());
    const double* k3 = k3_.data();
    double* y1 = y_.data();
    for (std::size_t i = 0; i < n_; ++i) y1[i] = y0[i] + h * (2.0 / 9.0 * k1[i] + 1.0 / 3.0 * k2[i] + 4.0 / 9.0 * k3[i]);
    ode_.rhs(t0_ + h, y1, f1_.data());
    rhs_evals_ += 3;
    const double* k4 = f1_.data();
    double worst = 0.0;
    for (std::size_t i = 0; i < n_; ++i) {
      const double e = h * (-5.0 / 72.0 * k1[i] + 1.0 / 12.0 * k2[i] + 1.0 / 9.0 * k3[i] - 0.125 * k4[i]);
      const double w = rel_tol_ * std::max(std::abs(y0[i]), std::abs(y1[i])) + abs_tol_[i];
      worst = std::max(worst, std::abs(e) / w);
    }
    const double norm = worst;
    return std::isfinite(norm) ? norm : std::numeric_limits<double>::infinity();
  }

  /// Cubic Hermite interpolant of the last step at t in [t0_, h1_], components 0 .. count-1.
  void hermite(double t, double* out, std::size_t count) const {
    const double h = h1_ - t0_;
    if (h <= 0.0) {
      std::copy(end_y_, end_y_ + count, out);
      return;
    }
    const double s = (t - t0_) / h, s2 = s * s, s3 = s2 * s;
    const double h00 = 2.0 * s3 - 3.0 * s2 + 1.0, h10 = s3 - 2.0 * s2 + s;
    const double h01 = -2.0 * s3 + 3.0 * s2, h11 = s3 - s2;
    for (std::size_t i = 0; i < count; ++i) {
      out[i] = h00 * y0_[i] + h * h10 * f0_[i] + h01 * end_y_[i] + h * h11 * end_f_[i];
    }
  }

  [[nodiscard]] bool crosses(std::size_t i, double ga, double gb) const {
    const int d = dir_[i];
    return (ga < 0.0 && gb >= 0.0 && d >= 0) || (ga > 0.0 && gb <= 0.0 && d <= 0);
  }

  /// Looks for root crossings between g0_ (step start) and g1_ (step end). When there is one, moves the
  /// state to the earliest crossing (the first time at or after it, to a tolerance of ~100 ulp of t),
  /// fills found_ and returns true.
  bool locate_root() {
    bool any = false;
    for (std::size_t i = 0; i < nr_; ++i) any = any || crosses(i, g0_[i], g1_[i]);
    if (!any) return false;
    y1_end_ = y_;
    f1_end_ = f1_;
    end_y_ = y1_end_.data();
    end_f_ = f1_end_.data();
    double tlo = t0_, thi = h1_;
    glo_ = g0_;
    std::vector<double>& ghi = g1_;
    const double ttol = std::max(root_time_tol_,
                                 100.0 * std::numeric_limits<double>::epsilon() * (std::abs(thi) + (thi - tlo)));
    int kept_lo = 0, kept_hi = 0;  // iterations in a row that kept that end of the bracket
    for (int it = 0; it < 200 && thi - tlo > ttol; ++it) {
      double tmid = thi;
      if (kept_lo >= 4 || kept_hi >= 4) {
        tmid = 0.5 * (tlo + thi);  // the secant is stuck: bisect
      } else {
        // Secant estimate of the earliest crossing among the functions that cross in [tlo, thi]; Illinois:
        // an end kept twice in a row counts half as much.
        const double wl = kept_lo >= 2 ? 0.5 : 1.0, wh = kept_hi >= 2 ? 0.5 : 1.0;
        for (std::size_t i = 0; i < nr_; ++i) {
          if (!crosses(i, glo_[i], ghi[i])) continue;
          const double a = wl * glo_[i], b = wh * ghi[i];
          tmid = std::min(tmid, thi - b * (thi - tlo) / (b - a));
        }
      }
      const double edge = 0.25 * ttol;
      tmid = std::clamp(tmid, tlo + edge, thi - edge);
      hermite(tmid, yi_.data(), root_states_);
      ode_.roots(tmid, yi_.data(), gmid_.data());
      ++root_evals_;
      bool before = false;
      for (std::size_t i = 0; i < nr_; ++i) before = before || crosses(i, glo_[i], gmid_[i]);
      if (before) {
        thi = tmid;
        ghi = gmid_;
        ++kept_lo;
        kept_hi = 0;
      } else {
        tlo = tmid;
        glo_ = gmid_;
        ++kept_hi;
        kept_lo = 0;
      }
    }
    for (std::size_t i = 0; i < nr_; ++i) {
      found_[i] = crosses(i, glo_[i], ghi[i]) ? (ghi[i] > glo_[i] ? 1 : -1) : 0;
    }
    hermite(thi, y_.data(), n_);
    t_ = thi;
    ode_.rhs(t_, y_.data(), f1_.data());  // the next step (if there is no restart) starts here
    ++rhs_evals_;
    return true;
  }

  HybridOde& ode_;
  std::size_t n_, nr_;
  double rel_tol_;
  std::vector<double> abs_tol_;
  std::vector<int> dir_;
  std::size_t root_states_;
  double root_time_tol_;
  std::vector<double> y_, y0_, f0_, k2_, k3_, f1_, tmp_, yi_;
  std::vector<double> y1_end_, f1_end_;  // end of a step that was cut back to a root
  const double* end_y_ = nullptr;         // end of the last step: y_/f1_, or y1_end_/f1_end_ after a root
  const double* end_f_ = nullptr;
  std::vector<double> g0_, g1_, glo_, gmid_;
  std::vector<int> found_;
  double t_ = 0.0, t0_ = 0.0, h1_ = 0.0, t_stop_ = 0.0, h_ = 0.0;
  long steps_ = 0, rhs_evals_ = 0, root_evals_ = 0, error_test_failures_ = 0;
};

}  // namespace

std::unique_ptr<Stepper> make_rk_stepper(HybridOde& ode, const StepperSetup& setup) {
  return std::make_unique<RkStepper>(ode, setup);
}

}  // namespace semitco::physics
