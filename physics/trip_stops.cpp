// The trip's mode switches: stops and their dwell, a speed trace's standstills, charge stops, brake
// fade, and the end of the trip (reached, or why not). Each is a discrete change after which the loop
// (trip_run.cpp) restarts the integrator.
#include "physics/trip_run.hpp"

#include <algorithm>
#include <cstdio>

namespace semitco::physics::detail {

void TripRun::stand_still() {
  const double v = y_data_[kV];
  const double ke = 0.5 * model_.m_eff_ * v * v;
  y_data_[kInertia] -= ke;
  y_data_[kFrictionBrake] += ke;
  y_data_[kV] = 0.0;
}

void TripRun::begin_dwell_or_drive(double t, double dwell_s) {
  result_.stops.push_back(StopRecord{y_data_[kX], t, t + std::max(dwell_s, 0.0)});
  if (dwell_s > 0.0) {
    model_.mode_ = Mode::Dwell;
    dwell_end_s_ = t + dwell_s;
  } else {
    model_.mode_ = Mode::Drive;
    model_.pt_.reset(0.0);
  }
}

bool TripRun::begin_charge(double t, const PlannedCharge& p) {
  const double soc = model_.pt_.state_of_charge(y_data_[kStore]);
  ++next_charge_;
  // The plan came from a run without stops; arriving fuller than it expected, the stop is not needed.
  if (p.target_soc <= soc + 1e-4) return false;
  model_.mode_ = Mode::Charge;
  model_.charger_W_ = p.power_W;
  model_.charge_target_store_ = model_.pt_.store_at_soc(std::max(p.target_soc, soc));
  charge_start_s_ = t;
  ChargeStopRecord rec;
  rec.distance_m = y_data_[kX];
  rec.arrival_s = t;
  rec.soc_in = soc;
  rec.charger_power_W = p.power_W;
  rec.pack_J = -(y_data_[kChargeIn] + y_data_[kBatteryLoss]);  // completed in end_charge()
  rec.grid_J = -y_data_[kGridIn];
  result_.charge_stops.push_back(rec);
  return true;
}

void TripRun::end_charge(double t) {
  auto& rec = result_.charge_stops.back();
  rec.soc_out = model_.pt_.state_of_charge(y_data_[kStore]);
  rec.pack_J += y_data_[kChargeIn] + y_data_[kBatteryLoss];
  rec.grid_J += y_data_[kGridIn];
  const double plug = in_.charging.plug_time_s;
  rec.departure_s = t + plug;
  if (!model_.time_based_ && !result_.stops.empty()) result_.stops.back().departure_s = rec.departure_s;
  if (model_.time_based_) {
    // The trace's clock stood still while the truck charged; plugging out is part of that stop.
    model_.trace_offset_s_ += t + plug - charge_start_s_;
    max_time_s_ += t + plug - charge_start_s_;
  }
  model_.charger_W_ = 0.0;
  if (plug > 0.0) {
    model_.mode_ = Mode::Dwell;
    dwell_end_s_ = t + plug;
  } else if (model_.time_based_) {
    begin_hold(t);
  } else {
    model_.mode_ = Mode::Drive;
    model_.pt_.reset(0.0);
  }
}

void TripRun::finish(double t) {
  model_.mode_ = Mode::Finished;
  result_.summary.reached_end = true;
  t_ = t;
}

void TripRun::end_trip(double t, const std::string& reason) {
  t_ = t;
  model_.mode_ = Mode::Ended;
  result_.summary.reached_end = false;
  result_.summary.end_reason = reason + " " + place();
}

void TripRun::flag_brake_fade(double t) {
  auto& s = result_.summary;
  model_.fade_armed_ = false;
  s.brake_fade = true;
  s.brake_fade_at_m = y_data_[kX];
  s.brake_fade_at_s = t;
  s.brake_fade_limit_C = in_.truck.brakes.fade_limit_C;
}

double TripRun::demand_at(double t, const double* y) const {
  if (model_.mode_ != Mode::Drive) return 0.0;
  TripModel::Eval e;
  double need = 0.0;
  model_.demand(t, y, e, need);
  return need;
}

void TripRun::handle_roots(double t, const std::vector<int>& found) {
  t_ = t;
  for (int i = kNumRoots; i < model_.num_roots(); ++i) {
    if (found[static_cast<std::size_t>(i)] != 0 && model_.mode_ == Mode::Drive) {
      model_.pt_.on_root(i - kNumRoots, t, y_data_[kV], demand_at(t, y_data_));
    }
  }
  if (found[kBrakeFade] != 0 && model_.fade_armed_) flag_brake_fade(t);
  if (found[kGradeBreak] != 0 && model_.mode_ == Mode::Drive) {
    // A known discontinuity of the road: the power flows jump here while x and v stay smooth, so the
    // integration restarts on the new segment instead of smearing the jump over one long step.
    ++model_.zone_;
  }
  if (found[kStoreEmpty] != 0) {
    end_trip(t, "battery empty (state of charge at the bottom of its usable window)");
    return;
  }
  if (found[kReserve] != 0 && model_.mode_ != Mode::Charge) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "the pack reached its reserve of %.0f %% state of charge with no charger within reach",
                  in_.charging.reserve_soc * 100.0);
    end_trip(t, buf);
    return;
  }
  if (found[kChargeFull] != 0 && model_.mode_ == Mode::Charge) {
    end_charge(t);
    return;
  }
  if (found[kReachPoint] != 0 && model_.mode_ == Mode::Drive) {
    const auto& stops = model_.route_.stops;
    const double point = model_.next_point_m_;
    y_data_[kX] = point;  // the root is located to solver precision; put the truck exactly there
    const bool is_stop = !model_.time_based_ && model_.next_stop_ < stops.size() &&
                         stops[model_.next_stop_].distance_m <= point;
    const bool at_end = point >= model_.road_.length_m();
    if (is_stop) {
      stand_still();
      const std::size_t k = model_.next_stop_;
      const double dwell = stops[k].dwell_s;
      ++model_.next_stop_;
      const bool charge_here = charges_ != nullptr && next_charge_ < charges_->stop_index.size() &&
                               charges_->stop_index[next_charge_] == k;
      if (at_end) {
        // Wait out a final dwell as part of the trip, then finish.
        result_.stops.push_back(StopRecord{point, t, t + dwell});
        if (dwell > 0.0) {
          model_.mode_ = Mode::Dwell;
          dwell_end_s_ = t + dwell;
          model_.next_point_m_ = std::numeric_limits<double>::infinity();
          return;
        }
        finish(t);
        return;
      }
      if (charge_here && begin_charge(t, charges_->plan[next_charge_])) {
        result_.stops.push_back(StopRecord{point, t, t});  // departure set when the charge ends
      } else {
        begin_dwell_or_drive(t, dwell);
      }
    } else if (at_end) {
      finish(t);
      return;
    }
    model_.next_point_m_ = model_.road_.length_m();
    if (!model_.time_based_ && model_.next_stop_ < stops.size()) {
      model_.next_point_m_ = std::min(model_.next_point_m_, stops[model_.next_stop_].distance_m);
    }
    return;
  }
  if (found[kRollBack] != 0 && model_.mode_ == Mode::Drive) {
    end_trip(t, "cannot climb: rolling backwards");
    return;
  }
  if (found[kHalt] != 0 && model_.mode_ == Mode::Drive) {
    const bool trace_says_stop = model_.time_based_ && model_.trace_at(t + in_.driver.response_time_s) < kTraceGoSpeed;
    if (trace_says_stop) {
      stand_still();
      begin_hold(t);
      return;
    }
    end_trip(t, "cannot keep moving: speed fell to zero");
    return;
  }
}

void TripRun::begin_hold(double t) {
  // A planned charge at this standstill of the trace (its notch, or a standstill of its own just before).
  if (charges_ != nullptr && next_charge_ < charges_->plan.size()) {
    const auto& p = charges_->plan[next_charge_];
    constexpr double kWindow = 30.0;  // [s] the driver halts a little before the notch's middle
    if (t - model_.trace_offset_s_ >= p.at - kWindow && begin_charge(t, p)) return;
  }
  // The trace is known in advance: the hold ends when trace(t + tau) next reaches the go speed, a timed
  // event, so no integrator can step over a short move of the trace while the truck stands.
  const double tau = in_.driver.response_time_s;
  model_.mode_ = Mode::Hold;
  hold_end_s_ = model_.trace_->first_reach(t - model_.trace_offset_s_ + tau, kTraceGoSpeed) - tau +
                model_.trace_offset_s_;
}

}  // namespace semitco::physics::detail
