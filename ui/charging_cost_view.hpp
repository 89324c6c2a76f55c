// The Charging cost view: the electric truck's delivered depot electricity by part -- energy, demand,
// fixed fees, charger capital -- in $/kWh and $/yr, with the assumptions behind them (tco/charging_cost.hpp
// computes it, app/core/charging_cost_report.hpp words it; this only shows it).
#pragma once

#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/units.hpp"

class QLabel;
class QTableWidget;

namespace semitco::ui {

class ChargingCostView : public QWidget {
  Q_OBJECT
 public:
  explicit ChargingCostView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] QTableWidget* table() const { return table_; }

 private:
  QLabel* summary_;
  QTableWidget* table_;
};

}  // namespace semitco::ui
