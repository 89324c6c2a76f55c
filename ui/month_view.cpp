// Range and energy by month; see month_view.hpp.
#include "ui/month_view.hpp"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "app/core/weather.hpp"
#include "ui/plot_style.hpp"

namespace semitco::ui {

MonthView::MonthView(QWidget* parent) : QWidget(parent) {
  plot_ = new QCustomPlot;
  plot_->setObjectName("plotMonths");
  style_plot(plot_, tr("Electric truck by month: energy and range"));
  legend_below(plot_, 2);
  plot_->axisRect()->setRangeDrag(Qt::Vertical);
  plot_->axisRect()->setRangeZoom(Qt::Vertical);
  table_ = new QTableWidget;
  table_->setObjectName("monthTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->setVisible(false);
  note_ = new QLabel;
  note_->setWordWrap(true);
  auto* lay = new QVBoxLayout(this);
  lay->addWidget(note_);
  lay->addWidget(plot_, 3);
  lay->addWidget(table_, 2);
  attach_graph_hover(plot_, tr("Month"));
}

NamedPlots MonthView::plots() const { return {{"months", plot_}}; }

void MonthView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem u) {
  if (!a) return;
  const auto& r = a->physics->result;
  const auto& ev = r.electric.months;
  const auto& dz = r.diesel.months;
  const bool has = ev.size() == 12 && dz.size() == 12;
  plot_->setVisible(has);
  table_->setVisible(has);
  if (!has) {
    note_->setText(
        tr("This scenario has no year of weather: its costs come from one trip at the air temperature "
           "of the Route tab. Choose a region under Weather (or give \"weather\" in the scenario "
           "file) for range and energy month by month."));
    return;
  }
  const bool us = u == UnitSystem::US;
  const double per_unit = us ? 1.0 : 1.0 / 1.609344;  // kWh per mi -> per km
  const QString dist_unit = us ? "mi" : "km";
  auto range_shown = [&](double m) { return us ? m * units::kMilesPerMeter : m / 1000.0; };
  auto temp_shown = [&](double c) { return units::kTemperature.to_display(c, u); };
  note_->setText(tr("Year of weather: %1. Each month is simulated at its mean temperature; the costs use the "
                    "months weighted by their days: %2 kWh/%3 over the year.")
                     .arg(QString::fromStdString(r.weather_label))
                     .arg(QString::number(r.electric.energy_kWh_per_mi * per_unit, 'f', 2))
                     .arg(dist_unit));

  QVector<double> keys, energy, range, temps;
  for (const auto& m : ev) {
    keys << m.month + 1;
    energy << m.energy_kWh_per_mi * per_unit;
    range << range_shown(m.range_m);
    temps << temp_shown(m.temperature_C);
  }
  plot_->clearGraphs();
  plot_->clearPlottables();
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (int m = 0; m < 12; ++m) {
    ticker->addTick(m + 1, QString("%1\n%2 %3")
                               .arg(core::month_abbreviation(m))
                               .arg(QString::number(temps[m], 'f', 0))
                               .arg(units::kTemperature.label(u)));
  }
  plot_->xAxis->setTicker(ticker);
  plot_->xAxis->grid()->setVisible(false);
  plot_->setProperty("keyUnit", QString());
  auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
  bars->setName(tr("Energy [kWh/%1]").arg(dist_unit));
  bars->setData(keys, energy);
  bars->setWidth(0.6);
  bars->setBrush(colors::kElectric);
  bars->setPen(QPen(colors::kElectric.darker(130)));
  plot_->yAxis->setLabel(axis_label(tr("Energy per distance"), "kWh/" + dist_unit));
  plot_->yAxis2->setVisible(true);
  plot_->yAxis2->setLabel(axis_label(tr("Range on a full usable pack"), dist_unit));
  auto* g = plot_->addGraph(plot_->xAxis, plot_->yAxis2);
  g->setName(tr("Range"));
  g->setData(keys, range);
  g->setPen(QPen(colors::kNeutral, 2.0));
  g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
  set_graph_unit(g, dist_unit, 0);
  plot_->xAxis->setRange(0.4, 12.6);
  double e_max = 0.0, r_max = 0.0;
  for (double x : energy) e_max = std::max(e_max, x);
  for (double x : range) r_max = std::max(r_max, x);
  plot_->yAxis->setRange(0.0, e_max * 1.25 + 1e-9);
  plot_->yAxis2->setRange(0.0, r_max * 1.25 + 1e-9);
  plot_->replot(QCustomPlot::rpQueuedReplot);

  const QStringList head{tr("Month"),
                         tr("Mean temperature [%1]").arg(units::kTemperature.label(u)),
                         tr("EV aux [kW]"),
                         tr("EV energy [kWh/%1]").arg(dist_unit),
                         tr("EV range [%1]").arg(dist_unit),
                         us ? tr("Diesel [mpg]") : tr("Diesel [L/100 km]")};
  table_->clear();
  table_->setColumnCount(static_cast<int>(head.size()));
  table_->setHorizontalHeaderLabels(head);
  table_->setRowCount(12);
  for (int m = 0; m < 12; ++m) {
    const auto& e = ev[static_cast<std::size_t>(m)];
    const auto& d = dz[static_cast<std::size_t>(m)];
    const double fuel = us ? d.mpg : (d.mpg > 0 ? 235.214583 / d.mpg : 0.0);
    const QStringList cells{core::month_name(m),
                            QString::number(temps[m], 'f', 1),
                            QString::number(e.aux_W / 1000.0, 'f', 1),
                            QString::number(energy[m], 'f', 3),
                            e.feasible ? QString::number(range[m], 'f', 0) : tr("did not finish"),
                            d.feasible ? QString::number(fuel, 'f', us ? 2 : 1) : tr("did not finish")};
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(m, c, item);
    }
  }
  table_->resizeColumnsToContents();
}

}  // namespace semitco::ui
