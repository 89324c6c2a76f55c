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
  route_ = new AlongRouteView;
  energy_ = new EnergyView;
  cost_ = new CostView;
  uncertainty_ = new UncertaintyView;
  months_ = new MonthView;
  compare_ = new CompareView;
  battery_size_ = new BatterySizeView;
  depot_ = new DepotView;
  tabs_->addTab(route_, tr("Along the route"));
  tabs_->addTab(energy_, tr("Energy"));
  tabs_->addTab(cost_, tr("Cost"));
  tabs_->addTab(uncertainty_, tr("Uncertainty"));
  tabs_->addTab(months_, tr("Months"));
  tabs_->addTab(compare_, tr("Compare"));
  tabs_->addTab(battery_size_, tr("Battery size"));
  tabs_->addTab(depot_, tr("Depot"));
  auto* ledger = new LedgerView;  // the year-by-year ledger (ledger_view.hpp)
  tabs_->addTab(ledger, tr("Ledger"));
  connect(this, &ResultsPanel::analysisShown, ledger, &LedgerView::setAnalysis);
  tabs_->addTab(charging_cost_ = new ChargingCostView, tr("Charging cost"));
  lay->addWidget(verdict_);
  lay->addWidget(tabs_, 1);
}

void ResultsPanel::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units) {
  if (!a) return;
  verdict_->setAnalysis(a, units);
  route_->setAnalysis(a, units);
  energy_->setAnalysis(a, units);
  cost_->setAnalysis(a, units);
  uncertainty_->setAnalysis(a, units);
  months_->setAnalysis(a, units);
  depot_->setAnalysis(a, units);
  emit analysisShown(a, units);
  charging_cost_->setAnalysis(a, units);
  emit repainted();
}

NamedPlots ResultsPanel::plots() const {
  NamedPlots all = route_->plots();
  all += energy_->plots();
  all += cost_->plots();
  all += uncertainty_->plots();
  all += battery_size_->plots();
  all += months_->plots();
  all += depot_->plots();
  return all;
}

}  // namespace semitco::ui
