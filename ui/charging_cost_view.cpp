// The Charging cost view; see charging_cost_view.hpp.
#include "ui/charging_cost_view.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/core/charging_cost_report.hpp"

namespace semitco::ui {

ChargingCostView::ChargingCostView(QWidget* parent) : QWidget(parent) {
  summary_ = new QLabel;
  summary_->setWordWrap(true);
  table_ = new QTableWidget(0, 4);
  table_->setObjectName("chargingCostTable");
  table_->setHorizontalHeaderLabels({tr(""), tr("$/kWh"), tr("$/yr (levelised)"), tr("share")});
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  auto* lay = new QVBoxLayout(this);
  auto* hint = new QLabel(tr("Delivered electricity at the depot per grid kWh bought there, levelised over the "
                             "ownership like every cost line (docs/tco.md, \"Delivered electricity\")."));
  hint->setWordWrap(true);
  hint->setStyleSheet("color:#555;");
  lay->addWidget(hint);
  lay->addWidget(summary_);
  lay->addWidget(table_, 1);
}

void ChargingCostView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem) {
  table_->setRowCount(0);
  if (!a || !a->has_costs) {
    summary_->setText(tr("No costs: a truck could not finish the route."));
    return;
  }
  const tco::DeliveredElectricity& d = a->tco.electric.delivered;
  if (!(d.grid_kWh_per_yr > 0.0)) {
    summary_->setText(tr("The electric truck buys no energy at the depot."));
    return;
  }
  QString text = QString::fromStdString(core::depot_charging_summary(a->tco_inputs));
  if (!d.from_depot_schedule) {
    text += tr("; peak %1 kW from the grid").arg(d.peak_grid_kW, 0, 'f', 0);
    if (a->tco_inputs.charging.depot_charging == tco::DepotCharging::kManaged)
      text += tr("; energy as soon as plugged in would be %1/kWh").arg(format_money(d.unmanaged_energy_usd_per_kWh, 3));
  }
  summary_->setText(text + tr("; %1 kWh a year.").arg(QLocale().toString(d.grid_kWh_per_yr, 'f', 0)));
  const struct {
    QString label;
    double v;
  } rows[] = {{tr("Energy"), d.energy_usd_per_kWh},
              {tr("Demand charge"), d.demand_usd_per_kWh},
              {tr("Fixed fees"), d.fixed_usd_per_kWh},
              {tr("Charger capital"), d.capital_usd_per_kWh},
              {tr("Total"), d.total_usd_per_kWh}};
  table_->setRowCount(static_cast<int>(std::size(rows)));
  int r = 0;
  for (const auto& row : rows) {
    const QString share =
        d.total_usd_per_kWh > 0.0 ? QString::number(100.0 * row.v / d.total_usd_per_kWh, 'f', 0) + " %" : "-";
    const QString cells[] = {row.label, format_money(row.v, 3), format_money(row.v * d.grid_kWh_per_yr), share};
    for (int c = 0; c < 4; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(r, c, item);
    }
    ++r;
  }
}

}  // namespace semitco::ui
