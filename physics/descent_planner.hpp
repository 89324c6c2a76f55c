// Safe descent speed (after the FHWA Grade Severity Rating System, FHWA-RD-81-185, as updated for
// Wyoming DOT 2016-2020), and the regen headroom a battery-electric truck needs before a long descent.
//
// Holding speed v down a stretch of length L with average downhill slope sin_down, the brakes take what
// the powertrain's retarder (regen or engine brake) and the road load leave:
//   P_b(v) = max(0, m g sin_down - F_aero(v) - F_roll - F_retard_max(v)) * v                     [W]
// and the lumped brake temperature (BrakeThermalParams) tends to T_ss = T_amb + P_b / (C K1), so after L:
//   T_end(v) = T_ss + (T_now - T_ss) exp(-K1(v) L / v)                                            [degC]
// The safe speed is the largest v whose T_end stays `brake_margin_C` under the fade limit. Approaching a
// descent, the cap is raised by what the driver can shed at the comfort deceleration b before the top:
//   v_cap(x) = sqrt(v_safe^2 + 2 b (x_top - x)).
//
// Regen headroom: down a descent of height drop dh the pack can take at most the potential energy less
// the road load, m g dh - (aero + rolling) over its length, through the motor and driveline. A truck that
// leaves fuller than soc_max - that energy / pack energy has no room for it and brakes on friction.
#pragma once

#include <array>
#include <limits>
#include <vector>

#include "physics/params.hpp"
#include "physics/powertrain.hpp"
#include "physics/road.hpp"

namespace semitco::physics {

class DescentPlanner {
 public:
  /// Nothing to plan when `descents` is empty (time-based traces, or the driver does not manage brakes).
  DescentPlanner(const Chassis& chassis, const BrakeThermalParams& brakes, const Ambient& ambient,
                 const DriverParams& driver, const Road& road, const Powertrain& powertrain,
                 std::vector<Road::Descent> descents);

  /// Speed cap at x from the descent the truck is on or approaching (kUnlimited when none matters);
  /// `v_limit` is the speed the driver would otherwise go. `zone` is the road's lookup hint.
  [[nodiscard]] double safe_speed_ahead(double x, double T_now, double store, double v_limit,
                                        std::size_t zone) const;

  /// Highest speed up to `cap` that keeps the brakes under the limit (kUnlimited when `cap` does).
  [[nodiscard]] double safe_speed(double sin_down, double rho, double L, double T_now, double store,
                                  double cap) const;
  /// Brake temperature after holding v down the stretch (the equation above).
  [[nodiscard]] double end_temperature(double v, double sin_down, double rho, double L, double T_now,
                                       double store) const;

  static constexpr double kUnlimited = 1e9;        ///< [m/s] no cap
  static constexpr double kMaxDescentSpeed = 40.0; ///< [m/s] above any truck speed limit

 private:
  static constexpr int kScan = 72;  ///< cells of the scan for the highest safe speed
  /// Holding v down a stretch: T_end = t_ss + (T_now - t_ss) decay (the equation above).
  struct Hold {
    double t_ss = 0.0, decay = 0.0;
    [[nodiscard]] double end_temperature(double T_now) const { return t_ss + (T_now - t_ss) * decay; }
  };
  /// The rest of descent d keeps the brakes under the limit at any speed (a bound; see the .cpp).
  [[nodiscard]] bool harmless(const Road::Descent& d, double T_now) const;
  [[nodiscard]] Hold hold(double v, double sin_down, double rho, double L, double store) const;
  [[nodiscard]] Hold hold_with(double v, double retard_N, double sin_down, double rho, double L) const;
  [[nodiscard]] double refine(double ok, double f_ok, double bad, double f_bad, double sin_down, double rho,
                              double L, double T_now, double store, double target) const;
  /// The scan's grid for the last stretch asked about, filled as far as a scan went.
  struct ScanCache {
    double sin_down = std::numeric_limits<double>::quiet_NaN(), rho = 0.0, L = 0.0, store_key = 0.0, lo = 0.0,
           hi = 0.0;
    int filled = 0;         ///< grid[0 .. filled-1] are known
    int retard_filled = 0;  ///< retard[0 .. retard_filled-1] are known
    std::array<Hold, kScan + 1> grid{};
    std::array<double, kScan + 1> retard{};  ///< sustained retarding force at the scan's speeds [N]
  };
  mutable ScanCache scan_;
  mutable std::size_t next_descent_ = 0;  ///< the first descent ending after the x asked last

  const Chassis& chassis_;
  const BrakeThermalParams& brakes_;
  const Ambient& ambient_;
  const DriverParams& driver_;
  const Road& road_;
  const Powertrain& pt_;
  double mass_;
  std::vector<Road::Descent> descents_;
};

/// Energy [J] the pack would take in regen down the largest descent of a distance-based route (the
/// potential energy less aero and rolling losses at `speed_mps`, times a regen chain efficiency), so a
/// departure SOC of soc_max - this / (capacity x voltage) keeps room for it. 0 for time-based traces.
double regen_energy_of_largest_descent_J(const routes::RouteProfile& route, const Chassis& chassis,
                                         const Ambient& ambient, double speed_mps, double chain_efficiency);

}  // namespace semitco::physics
