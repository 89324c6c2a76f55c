// The trip's hybrid model: continuous state, right-hand side, root functions and discrete modes.
// Internal to physics/ (trip_run.cpp drives it); the model itself is described in trip_solver.hpp.
//
//   dx/dt = v,  m_eff dv/dt = F_pt - F_brake - (F_aero + F_roll + F_grade)
//   C dT_brake/dt = F_brake v - C K1(v) (T_brake - T_amb)
//   dQ/dt = -I (battery charge), and each ledger integral its power (trip_result.hpp's EnergyLedger).
// Modes: Drive; Dwell (standing for a stop's dwell); Hold (standing while a speed trace is at 0);
// Charge (standing at a charger: dQ/dt from the charge power, see charge_planner.hpp); Finished; Ended.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "physics/charge_planner.hpp"
#include "physics/descent_planner.hpp"
#include "physics/driver.hpp"
#include "physics/road.hpp"
#include "physics/road_load.hpp"
#include "physics/stepper.hpp"
#include "physics/trip_solver.hpp"

namespace semitco::physics::detail {

enum State : int {
  kX,             // distance [m]
  kV,             // speed [m/s]
  kBrakeT,        // brake temperature [degC]
  kStore,         // energy store (battery charge [C])
  kSourceOut,     // ledger integrals [J] from here on
  kSourceIn,
  kAero,
  kRolling,
  kClimbing,
  kDescending,
  kInertia,
  kMotorLoss,
  kBatteryLoss,
  kDrivelineLoss,
  kEngineLoss,
  kAux,
  kFrictionBrake,
  kEngineBrake,
  kRegenWheel,
  kTractionWheel,
  kFuel,          // [kg]
  kDef,           // [kg]
  kMovingTime,    // [s]
  kGridIn,        // [J] charge stops
  kChargerLoss,
  kChargeIn,
  kNumStates
};
constexpr int kFirstLedger = kSourceOut;

enum Root : int {
  kReachPoint,
  kGradeBreak,
  kHalt,
  kRollBack,
  kStoreEmpty,
  kReserve,     // SOC down to the reserve (when en-route charging keeps one)
  kChargeFull,  // SOC up to the stop's target (Charge mode)
  kBrakeFade,   // brake temperature up to the fade limit (flagged, the trip goes on)
  kNumRoots
};

enum class Mode { Drive, Dwell, Hold, Charge, Finished, Ended };

constexpr double kHaltSpeed = 0.02;       // [m/s] below this the truck counts as standing
constexpr double kTraceGoSpeed = 0.1;     // [m/s] a trace above this asks the truck to move
constexpr double kMinPreviewSpeed = 2.0;  // [m/s]
constexpr double kMph40 = 40.0 * 0.44704;

class TripModel final : public HybridOde {
 public:
  explicit TripModel(const TripInputs& in);

  /// Everything the right-hand side computes, also used for output samples.
  struct Eval {
    Road::Here here;
    RoadForces road;
    double target_mps = 0.0;
    double wheel_force_N = 0.0;  // powertrain at the wheel
    double brake_force_N = 0.0;  // friction brakes (>= 0)
    double accel_mps2 = 0.0;
    double charge_W = 0.0;       // pack terminal power from a charger (Charge mode)
    PowerFlows flows;
  };

  /// The driver's demand: target speed and the wheel force it needs (before limits), memoised.
  void demand(double t, const double* y, Eval& e, double& need_N) const;
  void evaluate(double t, const double* y, Eval& e) const;
  void rhs(double t, const double* y, double* dy) override;
  [[nodiscard]] int num_roots() const { return kNumRoots + pt_.num_roots(); }
  void roots(double t, const double* y, double* g) override;
  [[nodiscard]] double next_kink(double t) const override;

  /// Pack terminal power a charger delivers now (Charge mode): min(acceptance, P_c - P_aux).
  [[nodiscard]] double charge_power_W(double store) const;
  /// The speed trace at simulated time t (the trace's clock stops while the truck charges).
  [[nodiscard]] double trace_at(double t) const { return (*trace_)(t - trace_offset_s_); }
  [[nodiscard]] double trace_end_s() const { return trace_->end_time_s() + trace_offset_s_; }
  /// Target speed here without preview (for trace-miss statistics).
  [[nodiscard]] double target_here(double t, const double* y) const;

  // Mode and event bookkeeping, used by the integration loop.
  Mode mode_ = Mode::Drive;
  double next_point_m_ = 0.0;     // next stop or the end of the road
  std::size_t zone_ = 0;          // grade zone the truck is in (a discrete state)
  std::size_t next_stop_ = 0;     // index into route_.stops of the next stop ahead
  double trace_offset_s_ = 0.0;   // time spent charging while a trace's clock stood still
  double reserve_store_ = -std::numeric_limits<double>::infinity();  // kReserve fires below this
  double charge_target_store_ = 0.0;  // Charge mode: kChargeFull fires here
  double charger_W_ = 0.0;            // Charge mode: the charger's rating
  bool fade_armed_ = true;            // kBrakeFade is watched until it first fires

  const TripInputs& in_;
  const routes::RouteProfile& route_;
  Road road_;
  Powertrain& pt_;
  double mass_, m_eff_;
  bool time_based_;
  std::optional<SpeedEnvelope> envelope_;
  std::optional<SpeedTrace> trace_;
  DescentPlanner descent_;

 private:
  void compute_demand(double t, const double* y, Eval& e, double& need_N) const;

  struct DemandMemo {
    double t = std::numeric_limits<double>::quiet_NaN();  // never equal: the memo starts empty
    std::array<double, kFirstLedger> y{};
    std::size_t zone = 0;
    double next_point = 0.0;
    double trace_offset = 0.0;
    Road::Here here;
    RoadForces road;
    double target = 0.0, need = 0.0;
  };
  mutable DemandMemo memo_;
};

}  // namespace semitco::physics::detail
