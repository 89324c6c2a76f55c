// Cost figures in the chosen unit system, shared by the result views: $/mi or $/km, $/ton-mi or $/t-km.
#pragma once

#include <QString>

#include "physics/params.hpp"
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

/// The trip model as the app names it (status bar, verdict strip, Run menu, report): the forward model with
/// the Runge-Kutta pair (the default) or CVODE (the reference), or the quasi-static screening model.
inline QString trip_model_name(physics::Integrator i) {
  switch (i) {
    case physics::Integrator::Cvode: return QStringLiteral("CVODE, the reference");
    case physics::Integrator::RungeKutta: return QStringLiteral("Runge-Kutta");
    case physics::Integrator::QuasiStatic: return QStringLiteral("quasi-static screening");
  }
  return QStringLiteral("unknown");
}

}  // namespace semitco::ui
