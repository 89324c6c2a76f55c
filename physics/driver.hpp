// Driver model: what speed the driver wants right now.
//
// Distance-based targets (speed limits along the road, stops): a speed envelope v_env(x) built once
// per route on a grid (at most 10 m spacing plus every limit change and stop):
//   1. cap at each grid point = the lowest limit of the segments touching it, the stop approach
//      speed at stop points;
//   2. backward pass  v_k = min(v_k, sqrt(v_{k+1}^2 + 2 b dx))   -- slow down at the comfortable
//      deceleration b for lower limits and stops ahead (look-ahead);
//   3. forward pass   v_k = min(v_k, sqrt(v_{k-1}^2 + 2 a dx))   -- ask for speed increases no faster
//      than the driver's acceleration a, which keeps the demand continuous for the ODE solver.
// The envelope is piecewise linear between grid points, so it is continuous in x.
//
// Demand: a_dem = clamp((v_target(preview) - v) / tau, -a_brake, a_max), where the preview looks
// tau ahead (x + v tau, never past the next stop; t + tau for a trace). The preview cancels the lag
// of the proportional tracking on a ramp: with v_target falling at rate b, the error decays as e^(-t/tau).
#pragma once

#include <memory>
#include <vector>

#include "physics/params.hpp"
#include "physics/road.hpp"
#include "routes/route_profile.hpp"

namespace semitco::physics {

class SpeedEnvelope {
 public:
  /// `start_speed_mps` caps the start point when the trip starts from a stop (0 otherwise ignored).
  SpeedEnvelope(const routes::RouteProfile& p, const DriverParams& d, bool start_from_rest);
  [[nodiscard]] double operator()(double x) const { return table_->table.at_with(x, cursor_); }
  /// Whether the envelope holds one speed over [x0, x1] (no limit, stop or ramp in between).
  [[nodiscard]] bool flat_over(double x0, double x1) const;
  /// Target speed of the route itself (the limit, without look-ahead), for trace-miss reports.
  [[nodiscard]] double limit_at(double x) const;

  /// The envelope as built, shared with the thread's memo (driver.cpp) and its other users.
  struct Shared {
    Table1D table;
    std::vector<double> flat_until;  ///< per point: where the speed held from it first changes
  };

 private:
  std::shared_ptr<const Shared> table_;
  mutable std::size_t cursor_ = 0;
  const std::vector<double>& seg_d_;  // the profile's own points (it outlives the envelope)
  const std::vector<double>& seg_v_;
};

/// Speed trace along time (time-based cycles), linear between samples.
class SpeedTrace {
 public:
  explicit SpeedTrace(const routes::RouteProfile& p);
  [[nodiscard]] double operator()(double t) const { return table_(t); }
  [[nodiscard]] double end_time_s() const { return table_.x().back(); }
  /// Distance the trace itself covers (integral of its speed).
  [[nodiscard]] double distance_m() const { return distance_m_; }
  /// First time >= t at which the trace is at or above v (infinity if it never is again).
  [[nodiscard]] double first_reach(double t, double v) const;
  /// First sample time after t at which the trace's slope changes (infinity after the last one).
  [[nodiscard]] double next_kink(double t) const;

 private:
  Table1D table_;
  double distance_m_ = 0.0;
  std::vector<double> kinks_;  // sample times where the slope changes (collinear samples left out)
  mutable std::size_t kink_cursor_ = 0;
};

}  // namespace semitco::physics
