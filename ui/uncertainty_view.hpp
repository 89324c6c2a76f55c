// The uncertainty view: tornado of one-at-a-time swings and the Monte Carlo histogram with P10/P50/P90.
#pragma once

#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/named_plots.hpp"
#include "ui/units.hpp"

class QCustomPlot;
class QLabel;

namespace semitco::ui {

class UncertaintyView : public QWidget {
  Q_OBJECT
 public:
  explicit UncertaintyView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;

 private:
  QCustomPlot *tornado_, *histogram_;
  QLabel* mc_summary_;  ///< probability, and which inputs vary over what ranges
};

}  // namespace semitco::ui
