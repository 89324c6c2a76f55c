// The Depot view: the scenario's fleet depot over the day -- grid load unmanaged and managed with the
// site limit -- and a table of peak, chargers, delivered $/kWh by part and the per-truck demand charge
// against the single-truck figure (app/core/depot_run.hpp computes it; this only shows it).
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

class DepotView : public QWidget {
  Q_OBJECT
 public:
  explicit DepotView(QWidget* parent = nullptr);
  void setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units);
  [[nodiscard]] NamedPlots plots() const;

 private:
  QLabel* status_;
  QCustomPlot* load_;
  QTableWidget* table_;
  bool shown_ = false;  ///< a depot is on show (plots() exports it)
};

}  // namespace semitco::ui
