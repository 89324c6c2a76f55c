// Where the energy went, per run of the route: the energy ledger of both trucks as grouped bars,
// with a summary line.
#pragma once

#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/named_plots.hpp"
#include "ui/units.hpp"

class QCustomPlot;
class QLabel;

namespace semitco::ui {

class EnergyView : public QWidget {
  Q_OBJECT
 public:
  explicit EnergyView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;

 private:
  QCustomPlot* plot_;
  QLabel* summary_;
  std::shared_ptr<const PhysicsRun> shown_;
};

}  // namespace semitco::ui
