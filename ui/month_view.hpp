// The year of weather (app/core/weather.hpp): the electric truck's energy per distance and its range on a
// full usable pack by month, with each month's mean temperature, and the diesel's economy in a table.
// Shows a note instead when the scenario has no year of weather (one trip at its air temperature).
#pragma once

#include <QWidget>
#include <memory>

#include "ui/analysis.hpp"
#include "ui/result_views.hpp"
#include "ui/units.hpp"

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace semitco::ui {

class MonthView : public QWidget {
  Q_OBJECT
 public:
  explicit MonthView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;
  [[nodiscard]] QTableWidget* table() const { return table_; }

 private:
  QCustomPlot* plot_;
  QTableWidget* table_;
  QLabel* note_;
};

}  // namespace semitco::ui
