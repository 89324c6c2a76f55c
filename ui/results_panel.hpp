// The right-hand side: verdict strip above tabs of result views (along the route, energy, costs,
// uncertainty, months of weather, compare, battery size, depot).
#pragma once

#include <QWidget>

#include "ui/battery_size_view.hpp"
#include "ui/charging_cost_view.hpp"
#include "ui/month_view.hpp"
#include "ui/depot_view.hpp"
#include "ui/result_views.hpp"
#include "ui/route_views.hpp"

class QTabWidget;

namespace semitco::ui {

class ResultsPanel : public QWidget {
  Q_OBJECT
 public:
  explicit ResultsPanel(QWidget* parent = nullptr);
  /// Shows a document's analysis (null clears nothing; the old figures stay until the new ones come).
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] VerdictStrip* verdict() const { return verdict_; }
  [[nodiscard]] CompareView* compare() const { return compare_; }
  [[nodiscard]] BatterySizeView* batterySize() const { return battery_size_; }
  [[nodiscard]] QTabWidget* tabs() const { return tabs_; }
  /// Every plot with a file-name stem, for export.
  [[nodiscard]] NamedPlots plots() const;

 signals:
  void repainted();  ///< the views show the last analysis passed in
  void analysisShown(const std::shared_ptr<const Analysis>& a, UnitSystem units);  ///< for views that listen

 private:
  VerdictStrip* verdict_;
  QTabWidget* tabs_;
  AlongRouteView* route_;
  EnergyView* energy_;
  CostView* cost_;
  UncertaintyView* uncertainty_;
  MonthView* months_;
  CompareView* compare_;
  BatterySizeView* battery_size_;
  DepotView* depot_;
  ChargingCostView* charging_cost_;
};

}  // namespace semitco::ui
