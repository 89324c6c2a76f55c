// Result views container; see results_panel.hpp.
#include "ui/results_panel.hpp"

#include <QTabWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/ledger_view.hpp"

namespace semitco::ui {

ResultsPanel::ResultsPanel(QWidget* parent) : QWidget(parent) {
  auto* lay = new QVBoxLayout(this);
  lay->setContentsMargins(0, 0, 0, 0);
  verdict_ = new VerdictStrip;
  tabs_ = new QTabWidget;
  tabs_->setObjectName("resultTabs");
  // The plots export in this order: along the route, energy, cost, uncertainty, battery size, months, depot.
  addView(new AlongRouteView, tr("Along the route"));
  addView(new EnergyView, tr("Energy"));
  addView(new CostView, tr("Cost"));
  addView(new UncertaintyView, tr("Uncertainty"));
  addView(new MonthView, tr("Months"));
  compare_ = addView(new CompareView, tr("Compare"));
  battery_size_ = new BatterySizeView;
  tabs_->addTab(battery_size_, tr("Battery size"));  // runs on request; its plots export before the months'
  plots_.insert(plots_.end() - 1, [this] { return battery_size_->plots(); });
  addView(new DepotView, tr("Depot"));
  addView(new LedgerView, tr("Ledger"));  // the year-by-year ledger (ledger_view.hpp)
  addView(new ChargingCostView, tr("Charging cost"));  // delivered electricity by part (charging_cost_view.hpp)
  lay->addWidget(verdict_);
  lay->addWidget(tabs_, 1);
}

void ResultsPanel::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units) {
  if (!a) return;
  verdict_->setAnalysis(a, units);
  for (const auto& show : show_) show(a, units);
  emit repainted();
}

NamedPlots ResultsPanel::plots() const {
  NamedPlots all;
  for (const auto& p : plots_) all += p();
  return all;
}

}  // namespace semitco::ui
