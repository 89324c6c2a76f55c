// Cost figures in the chosen unit system, shared by the result views: $/mi or $/km, $/ton-mi or $/t-km.
#pragma once

#include <QString>

#include "ui/units.hpp"

namespace semitco::ui {

inline constexpr double kKmPerMile = 1.609344;
inline constexpr double kTonneKmPerTonMile = 0.90718474 * 1.609344;

inline double per_distance(double usd_per_mi, UnitSystem u) { return u == UnitSystem::US ? usd_per_mi : usd_per_mi / kKmPerMile; }
inline QString per_distance_unit(UnitSystem u) { return u == UnitSystem::US ? "$/mi" : "$/km"; }
inline double per_load_distance(double usd_per_ton_mi, UnitSystem u) {
  return u == UnitSystem::US ? usd_per_ton_mi : usd_per_ton_mi / kTonneKmPerTonMile;
}
inline QString per_load_distance_unit(UnitSystem u) { return u == UnitSystem::US ? "$/ton-mi" : "$/t-km"; }

}  // namespace semitco::ui
