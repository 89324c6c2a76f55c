// Depot view; see depot_view.hpp.
#include "ui/depot_view.hpp"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/plot_style.hpp"
#include "ui/result_format.hpp"

namespace semitco::ui {

namespace {

QString money(double v) { return QStringLiteral("$%L1").arg(v, 0, 'f', 0); }
QString per_kWh(double v) { return QStringLiteral("$%1/kWh").arg(v, 0, 'f', 3); }

}  // namespace

DepotView::DepotView(QWidget* parent) : QWidget(parent) {
  status_ = new QLabel;
  status_->setObjectName("depotStatus");
  status_->setWordWrap(true);
  status_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  load_ = new QCustomPlot;
  load_->setObjectName("plotDepotLoad");
  style_plot(load_, tr("Depot load over the day"));
  legend_below(load_, 3);
  attach_graph_hover(load_, tr("Hour of day"));
  table_ = new QTableWidget(0, 3);
  table_->setObjectName("depotTable");
  table_->setHorizontalHeaderLabels({tr(""), tr("Unmanaged"), tr("Managed")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto* lay = new QVBoxLayout(this);
  lay->addWidget(status_);
  lay->addWidget(load_, 3);
  lay->addWidget(table_, 2);
}

NamedPlots DepotView::plots() const {
  if (!shown_) return {};  // no depot: nothing to export
  return {{"depot_load", load_}};
}

void DepotView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem) {
  if (!a) return;
  load_->clearGraphs();
  table_->setRowCount(0);
  shown_ = a->depot != nullptr;
  load_->setVisible(shown_);  // no empty axes and table without a depot: the message says what to add
  table_->setVisible(shown_);
  if (!a->depot) {
    status_->setText(
        a->depot_error.empty()
            ? tr("This scenario has no \"depot\" section: add one to schedule a fleet's charging "
                 "(docs/depot.md, resources/scenarios/depot_20_trucks.json).")
            : tr("Depot: %1").arg(QString::fromStdString(a->depot_error)));
    load_->replot(QCustomPlot::rpQueuedReplot);
    return;
  }
  const core::DepotRun& run = *a->depot;
  const tco::DepotResult& r = run.result;
  const auto& m = r.managed;
  const auto& u = r.unmanaged;
  QString head = tr("%1 trucks, %2 kW chargers, site limit %3 kW, %4-minute slots.")
                     .arg(run.site.trucks.size())
                     .arg(run.site.charger.power_kW, 0, 'f', 0)
                     .arg(run.site.site_limit_kW, 0, 'f', 0)
                     .arg(run.site.slot_s / 60.0, 0, 'f', 0);
  if (run.trips_integrator) {
    head += tr(" Trips: %1.").arg(trip_model_name(*run.trips_integrator));
  }
  if (!m.feasible) head += tr(" Managed schedule INFEASIBLE: %1").arg(QString::fromStdString(m.why));
  for (const auto& n : r.notes) head += "\n" + tr("Note: %1").arg(QString::fromStdString(n));
  status_->setText(head);

  // Load: a step per slot, hours on the key axis.
  const double dt_h = r.slot_s / 3600.0;
  auto add = [&](const std::vector<double>& kW, const QString& name, const QColor& c, Qt::PenStyle style) {
    QVector<double> x, y;
    for (std::size_t i = 0; i < kW.size(); ++i) {
      x << static_cast<double>(i) * dt_h;
      y << kW[i];
    }
    if (!kW.empty()) {
      x << static_cast<double>(kW.size()) * dt_h;
      y << kW.back();
    }
    QCPGraph* g = load_->addGraph();
    g->setName(name);
    g->setData(x, y, true);
    g->setLineStyle(QCPGraph::lsStepLeft);
    g->setPen(QPen(c, 2, style));
    set_graph_unit(g, "kW", 0);
  };
  add(u.grid_kW, tr("Unmanaged (full power on arrival)"), colors::kDiesel, Qt::SolidLine);
  if (m.feasible) add(m.grid_kW, tr("Managed (LP: energy + demand cost)"), colors::kElectric, Qt::SolidLine);
  add(std::vector<double>(static_cast<std::size_t>(r.day_slots), run.site.site_limit_kW), tr("Site limit"),
      colors::kBad, Qt::DashLine);
  load_->setProperty("keyUnit", "h");
  load_->xAxis->setLabel(axis_label(tr("Hour of day"), "h"));
  load_->yAxis->setLabel(axis_label(tr("Grid power"), "kW"));
  load_->xAxis->setRange(0.0, 24.0);
  load_->yAxis->rescale();
  load_->yAxis->setRangeLower(0.0);
  load_->yAxis->setRangeUpper(std::max(u.peak_kW, run.site.site_limit_kW) * 1.1);
  load_->legend->setVisible(true);
  load_->replot(QCustomPlot::rpQueuedReplot);

  // Table.
  const auto& uc = r.unmanaged_costs;
  const auto& mc = r.managed_costs;
  const double n = static_cast<double>(run.site.trucks.size());
  auto row = [&](const QString& label, const QString& a1, const QString& a2) {
    const int i = table_->rowCount();
    table_->insertRow(i);
    table_->setItem(i, 0, new QTableWidgetItem(label));
    table_->setItem(i, 1, new QTableWidgetItem(a1));
    table_->setItem(i, 2, new QTableWidgetItem(m.feasible ? a2 : tr("infeasible")));
  };
  row(tr("Peak grid power"), tr("%1 kW").arg(u.peak_kW, 0, 'f', 0), tr("%1 kW").arg(m.peak_kW, 0, 'f', 0));
  row(tr("Chargers (lower bound by power)"), tr("%1 (%2)").arg(u.chargers).arg(u.chargers_lower_bound),
      tr("%1 (%2)").arg(m.chargers).arg(m.chargers_lower_bound));
  row(tr("Delivered cost"), per_kWh(uc.usd_per_kWh(uc.total_usd_per_yr())),
      per_kWh(mc.usd_per_kWh(mc.total_usd_per_yr())));
  row(tr("  energy (time of use)"), per_kWh(uc.usd_per_kWh(uc.energy_usd_per_yr)),
      per_kWh(mc.usd_per_kWh(mc.energy_usd_per_yr)));
  row(tr("  demand charge"), per_kWh(uc.usd_per_kWh(uc.demand_usd_per_yr)),
      per_kWh(mc.usd_per_kWh(mc.demand_usd_per_yr)));
  row(tr("  fixed fees"), per_kWh(uc.usd_per_kWh(uc.fixed_usd_per_yr)),
      per_kWh(mc.usd_per_kWh(mc.fixed_usd_per_yr)));
  row(tr("  charger capital (annualised)"), per_kWh(uc.usd_per_kWh(uc.capital_usd_per_yr)),
      per_kWh(mc.usd_per_kWh(mc.capital_usd_per_yr)));
  row(tr("Demand charge per truck a year (single truck: %1)").arg(money(r.single_truck_demand_usd_per_yr)),
      money(uc.demand_usd_per_yr / n), money(mc.demand_usd_per_yr / n));
  row(tr("Depot bill a year"), money(uc.total_usd_per_yr()), money(mc.total_usd_per_yr()));
  table_->resizeColumnsToContents();
}

}  // namespace semitco::ui
