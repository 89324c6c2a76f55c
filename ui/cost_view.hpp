// The cost breakdown: stacked $/mi and $/ton-mi by line group, and the cumulative discounted cost
// with its break-even.
#pragma once

#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/named_plots.hpp"
#include "ui/units.hpp"

class QCustomPlot;

namespace semitco::ui {

class CostView : public QWidget {
  Q_OBJECT
 public:
  explicit CostView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;

 private:
  QCustomPlot *per_mile_, *per_ton_mile_, *cumulative_;
};

}  // namespace semitco::ui
