// Cost per ton-mile against battery size for one scenario and route: the app's "Battery size" view, and
// what the batch gives row by row with --sweep electric.battery.usable_kWh=... (batch_sizing.hpp names the
// minimum there). Each point is the scenario with the pack set through set_vehicle_value, so its mass,
// payload, power limits and a built-up price follow the pack (vehicle_overrides.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/core/comparison.hpp"

namespace semitco::core {

struct SizePoint {
  double usable_kWh = 0.0;
  bool costed = false;          ///< both trucks finished and the costs were computed
  std::string why_not;          ///< when not costed: why (the pack ran out, ...)
  double payload_kg = 0.0;
  double range_mi = 0.0;        ///< usable energy / energy per mile on this route
  double usd_per_mi = 0.0;
  double usd_per_ton_mi = 0.0;
  int enroute_stops = 0;        ///< per day
  bool day_feasible = false;
  double price_usd = 0.0;
};

struct SizeCurve {
  std::vector<SizePoint> points;
  std::optional<std::size_t> best;  ///< the costed point whose day is feasible with the lowest $/ton-mi
};

/// usable_kWh values from `from` to `to` in `step` (to included within rounding).
std::vector<double> size_range(double from, double to, double step);

/// Runs the scenario at each usable pack energy [kWh] on the route.
SizeCurve battery_size_curve(const Scenario& s, const routes::RouteProfile& route, const std::vector<double>& usable_kWh,
                             const RunOptions& opt);

}  // namespace semitco::core
