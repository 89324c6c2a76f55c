// "Battery size": the electric truck's cost per ton-mile against its usable pack energy for the current
// scenario and route (core::battery_size_curve), with the minimum marked, the sizes that cannot do the trip
// or the day named, and payload and range beside each size. Computed on request in the background: a sweep
// is a dozen simulations, too many for every keystroke.
#pragma once

#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

#include "app/core/battery_sizing.hpp"
#include "ui/result_views.hpp"
#include "ui/units.hpp"

class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;

namespace semitco::ui {

class ScenarioDocument;

class BatterySizeView : public QWidget {
  Q_OBJECT
 public:
  explicit BatterySizeView(QWidget* parent = nullptr);
  /// The document whose scenario and route are swept (null: nothing to sweep).
  void setDocument(ScenarioDocument* doc);
  void setUnitSystem(UnitSystem u);
  /// Starts a sweep over the sizes in the range fields.
  void sweep();
  [[nodiscard]] bool isRunning() const { return watcher_.isRunning(); }
  [[nodiscard]] const core::SizeCurve& curve() const { return curve_; }
  [[nodiscard]] NamedPlots plots() const;

 signals:
  void sweepFinished();

 private:
  void show_curve();
  QPointer<ScenarioDocument> doc_;
  UnitSystem units_ = UnitSystem::US;
  QLineEdit *from_, *to_, *step_;
  QPushButton* run_;
  QCustomPlot* plot_;
  QLabel* summary_;
  core::SizeCurve curve_;
  physics::Integrator curve_integrator_ = physics::Integrator::RungeKutta;  ///< the trip model of curve_
  QFutureWatcher<core::SizeCurve> watcher_;
};

}  // namespace semitco::ui
