// EnergyView; see energy_view.hpp.
#include "ui/energy_view.hpp"

#include <QLabel>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "ui/plot_style.hpp"

namespace semitco::ui {

EnergyView::EnergyView(QWidget* parent) : QWidget(parent) {
  plot_ = new QCustomPlot;
  plot_->setObjectName("plotEnergyLedger");
  style_plot(plot_, tr("Where the energy went, per run of the route"));
  legend_below(plot_, 2);
  plot_->axisRect()->setRangeDrag(Qt::Vertical);
  plot_->axisRect()->setRangeZoom(Qt::Vertical);
  summary_ = new QLabel;
  summary_->setWordWrap(true);
  summary_->setTextFormat(Qt::RichText);
  auto* lay = new QVBoxLayout(this);
  lay->addWidget(plot_, 1);
  lay->addWidget(summary_);
  attach_hover(plot_, [this](double key, double) {
    const int cat = static_cast<int>(std::lround(key));
    QString t;
    for (int i = 0; i < plot_->plottableCount(); ++i) {
      auto* b = qobject_cast<QCPBars*>(plot_->plottable(i));
      auto it = b ? b->data()->findBegin(cat, false) : QCPBarsDataContainer::const_iterator{};
      if (!b || it == b->data()->constEnd() || std::abs(it->key - cat) > 1e-9) continue;
      auto* ticker = static_cast<QCPAxisTickerText*>(plot_->xAxis->ticker().data());
      if (t.isEmpty()) t = "<b>" + ticker->ticks().value(cat).simplified() + "</b>";
      t += QStringLiteral("<br>%1: %2 kWh").arg(b->name(), QString::number(it->value, 'f', 1));
    }
    return t;
  });
}

NamedPlots EnergyView::plots() const { return {{"energy_ledger", plot_}}; }

void EnergyView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem u) {
  if (!a || a->physics == shown_) return;
  shown_ = a->physics;
  const auto& e = a->physics->result.electric;
  const auto& d = a->physics->result.diesel;
  auto values = [](const physics::EnergyLedger& l, bool ev) {
    const double k = 1.0 / 3.6e6;
    return QVector<double>{l.aero_J * k,
                           l.rolling_J * k,
                           l.climbing_J * k,
                           (l.motor_loss_J + l.battery_loss_J + l.driveline_loss_J + l.engine_loss_J) * k,
                           l.aux_J * k,
                           (l.friction_brake_J + l.engine_brake_J) * k,
                           ev ? l.source_in_J * k : 0.0};
  };
  plot_->clearPlottables();
  auto* group = new QCPBarsGroup(plot_);
  const QVector<double> keys{1, 2, 3, 4, 5, 6, 7};
  auto add = [&](const QString& name, const QColor& c, const QVector<double>& v) {
    auto* b = new QCPBars(plot_->xAxis, plot_->yAxis);
    b->setName(name);
    b->setData(keys, v);
    b->setWidth(0.36);
    b->setBrush(c);
    b->setPen(QPen(c.darker(130)));
    b->setBarsGroup(group);
  };
  add(tr("Electric"), colors::kElectric, values(e.trip.ledger, true));
  add(tr("Diesel"), colors::kDiesel, values(d.trip.ledger, false));
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  const QStringList names{tr("Aerodynamic\ndrag"), tr("Rolling\nresistance"), tr("Climbing"),
                          tr("Powertrain\nlosses"), tr("Auxiliaries"), tr("Brake heat"),
                          tr("Regen\nrecovered")};
  for (int i = 0; i < names.size(); ++i) ticker->addTick(i + 1, names[i]);
  plot_->xAxis->setTicker(ticker);
  plot_->xAxis->setRange(0.4, 7.6);
  plot_->xAxis->grid()->setVisible(false);
  plot_->yAxis->setLabel(axis_label(tr("Energy per run"), "kWh"));
  plot_->rescaleAxes();
  plot_->xAxis->setRange(0.4, 7.6);
  plot_->yAxis->setRange(0, plot_->yAxis->range().upper * 1.12);
  plot_->replot(QCustomPlot::rpQueuedReplot);

  const bool us = u == UnitSystem::US;
  const double mi = e.trip.summary.distance_m / 1609.344;
  summary_->setText(
      tr("<b>Electric:</b> %1 kWh from the battery (%2 kWh/%3, %4 %5 diesel-equivalent), %6 kWh recovered by "
         "regenerative braking. <b>Diesel:</b> %7 %8 of fuel (%9 %10), %11 kWh of fuel energy. Run: %12 %13.")
          .arg(format_quantity(e.trip.ledger.source_net_J() / 3.6e6, 3))
          .arg(QString::number(us ? e.energy_kWh_per_mi : e.trip.summary.energy_kWh_per_km, 'f', 2))
          .arg(us ? "mi" : "km")
          .arg(QString::number(us ? e.mpg : (e.mpg > 0 ? 235.214583 / e.mpg : 0.0), 'f', 1))
          .arg(us ? "mpg" : "L/100 km")
          .arg(format_quantity(e.trip.ledger.source_in_J / 3.6e6, 3))
          .arg(QString::number(us ? d.summary.fuel_L / units::kLitersPerGallon : d.summary.fuel_L, 'f', 1))
          .arg(us ? "gal" : "L")
          .arg(QString::number(us ? d.mpg : (d.mpg > 0 ? 235.214583 / d.mpg : 0.0), 'f', 2))
          .arg(us ? "mpg" : "L/100 km")
          .arg(format_quantity(d.trip.ledger.source_net_J() / 3.6e6, 3))
          .arg(format_quantity(us ? mi : mi * 1.609344, 4))
          .arg(us ? "mi" : "km"));
}

}  // namespace semitco::ui
