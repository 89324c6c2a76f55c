// The trip's integration loop (internal to physics/): TripRun drives the hybrid model of trip_model.hpp
// through one trip. Its loop is in trip_run.cpp, its mode switches (stops, holds, charge stops, the end)
// in trip_stops.cpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "physics/trip_model.hpp"

namespace semitco::physics::detail {

/// What the second run of a trip with en-route charging drives.
struct ChargeRun {
  std::vector<PlannedCharge> plan;
  std::vector<std::size_t> stop_index;  // distance-based: the route stop of each planned charge
};

class TripRun {
 public:
  TripRun(const TripInputs& in, const ChargeRun* charges, std::vector<SocPoint>* track)
      : in_(in), model_(in), charges_(charges), track_(track) {}

  TripResult run();

 private:
  void setup_stepper();
  void restart();                           // restart the integrator after a discrete change
  void sample(double t, const double* y);   // time series and running statistics
  void sample_until(double t);              // every sample time in (last sample, t], interpolated
  void integrate();                         // the hybrid loop
  bool handle_timed_events(double t);       // dwell end, powertrain timers, end of trace, time limit
  bool decide_within_step(double* t_end, bool ended_at_root);  // the powertrain's decision times in the last step
  Stepper::Outcome step(double* t_reached);  // one integrator step; errors name the place
  void stand_still();  // v := 0, its kinetic energy booked as friction-brake heat
  void begin_dwell_or_drive(double t, double dwell_s);
  void begin_hold(double t);
  bool begin_charge(double t, const PlannedCharge& p);  // false: not needed after all
  void end_charge(double t);
  void handle_roots(double t, const std::vector<int>& found);
  void flag_brake_fade(double t);
  double demand_at(double t, const double* y) const;  // the driver's wheel-force demand (0 unless driving)
  void finish(double t);
  void end_trip(double t, const std::string& reason);
  double stop_time() const;
  std::string place() const;

  const TripInputs& in_;
  TripModel model_;
  const ChargeRun* charges_;       // null: no planned charge stops
  std::vector<SocPoint>* track_;   // null: no SOC track wanted
  std::size_t next_charge_ = 0;    // index into charges_->plan
  double charge_start_s_ = 0.0;
  std::unique_ptr<Stepper> stepper_;
  double* y_data_ = nullptr;
  TripResult result_;
  double t_ = 0.0;
  double dwell_end_s_ = 0.0;
  double hold_end_s_ = 0.0;
  double max_time_s_ = 0.0;
  double next_sample_s_ = 0.0;
  double dt_out_ = 1.0;
  double last_sample_s_ = 0.0;
  bool have_sample_ = false;
};

/// One run of a trip: with `charges` it stops at the planned chargers and keeps the reserve; with
/// `track` it records the state of charge along the trip (for planning).
TripResult run_once(const TripInputs& in, const ChargeRun* charges, std::vector<SocPoint>* track);

std::string km(double x_m);

/// The summary of a trip whose ledger, stops and flags are in `r`: distance, times, energy per mile, the
/// trace's shortfall (when `trace` is given) and the outcome.
void close_summary(TripResult& r, double distance_m, double duration_s, double moving_s, double final_soc,
                   const SpeedTrace* trace);

}  // namespace semitco::physics::detail
