// Along-the-route plots of both trucks: elevation with grade shading, speed against the target, state
// of charge and fuel used, powertrain / regen / friction-brake power, brake temperature with the fade
// limit. The x axes are linked: zooming or panning one moves all.
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/units.hpp"

class QCustomPlot;

namespace semitco::ui {

class AlongRouteView : public QWidget {
  Q_OBJECT
 public:
  explicit AlongRouteView(QWidget* parent = nullptr);
  /// Rebuilds the plots when the trips (or the units) changed; a costs-only analysis is a no-op.
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] QList<QPair<QString, QCustomPlot*>> plots() const;

 private:
  void rebuild(const Analysis& a, UnitSystem units);
  QCustomPlot *elevation_, *speed_, *energy_, *power_, *brakes_;
  std::shared_ptr<const PhysicsRun> shown_;
  UnitSystem shown_units_ = UnitSystem::US;
};

/// Fills `plot` with a route's elevation profile and grade shading (the editor's route preview).
void plot_route_profile(QCustomPlot* plot, const routes::RouteProfile& route, UnitSystem units, bool compact);

}  // namespace semitco::ui
