// Cost per ton-mile against battery size; see battery_size_view.hpp.
#include "ui/battery_size_view.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <qcustomplot.h>

#include "physics/battery_pack.hpp"
#include "ui/plot_style.hpp"
#include "ui/result_format.hpp"
#include "ui/scenario_document.hpp"

namespace semitco::ui {

namespace {
constexpr double kLbPerKg = 1.0 / 0.45359237;
}

BatterySizeView::BatterySizeView(QWidget* parent) : QWidget(parent) {
  auto* lay = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  auto field = [&](const QString& label, const QString& name, const QString& value) {
    auto* e = new QLineEdit(value);
    e->setObjectName(name);
    e->setAlignment(Qt::AlignRight);
    e->setMaximumWidth(80);
    bar->addWidget(new QLabel(label));
    bar->addWidget(e);
    return e;
  };
  from_ = field(tr("Usable battery from"), "sizeFrom", "200");
  to_ = field(tr("to"), "sizeTo", "1200");
  step_ = field(tr("kWh, in steps of"), "sizeStep", "100");
  bar->addWidget(new QLabel(tr("kWh")));
  run_ = new QPushButton(tr("Sweep battery size"));
  run_->setObjectName("sweepBatterySize");
  run_->setToolTip(tr("Runs the scenario at each pack size: the tare follows the pack (pack-level Wh/kg), the "
                      "payload under the gross limit follows the tare, and a built-up price follows the kWh."));
  bar->addWidget(run_);
  bar->addStretch(1);
  lay->addLayout(bar);
  plot_ = new QCustomPlot;
  plot_->setObjectName("batterySizePlot");
  style_plot(plot_, tr("Electric truck: cost per ton-mile against battery size"));
  plot_->setMinimumHeight(220);
  lay->addWidget(plot_, 1);
  summary_ = new QLabel(tr("Press \"Sweep battery size\" to run the scenario at each size."));
  summary_->setObjectName("batterySizeSummary");
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  lay->addWidget(summary_);
  connect(run_, &QPushButton::clicked, this, &BatterySizeView::sweep);
  connect(&watcher_, &QFutureWatcher<core::SizeCurve>::finished, this, [this] {
    curve_ = watcher_.result();
    run_->setEnabled(true);
    show_curve();
    emit sweepFinished();
  });
}

void BatterySizeView::setDocument(ScenarioDocument* doc) { doc_ = doc; }

void BatterySizeView::setUnitSystem(UnitSystem u) {
  units_ = u;
  show_curve();
}

void BatterySizeView::sweep() {
  if (!doc_ || watcher_.isRunning()) return;
  const auto a = doc_->analysis();
  if (!a || !a->physics || !a->physics->route) {
    summary_->setText(tr("The scenario has not run yet."));
    return;
  }
  bool ok1 = false, ok2 = false, ok3 = false;
  const double from = from_->text().toDouble(&ok1), to = to_->text().toDouble(&ok2), step = step_->text().toDouble(&ok3);
  if (!ok1 || !ok2 || !ok3 || !(from >= 1.0) || !(to >= from) || !(step > 0.0) || to > 10000.0 || (to - from) / step > 50) {
    summary_->setText(tr("Not run \xE2\x80\x94 give sizes from 1 to 10,000 kWh, from <= to, and at most 50 steps."));
    return;
  }
  run_->setEnabled(false);
  summary_->setText(tr("Running the scenario at each size\xE2\x80\xA6"));
  // The document's trip model (the Run menu), so the sweep and the scenario's own run agree.
  curve_integrator_ = doc_->integrator();
  watcher_.setFuture(QtConcurrent::run([s = doc_->scenario(), route = a->physics->route, sizes = core::size_range(from, to, step),
                                        integrator = curve_integrator_] {
    return core::battery_size_curve(s, *route, sizes, core::RunOptions{false, integrator});
  }));
}

NamedPlots BatterySizeView::plots() const { return {{QStringLiteral("battery_size"), plot_}}; }

void BatterySizeView::show_curve() {
  plot_->clearGraphs();
  plot_->clearItems();
  if (curve_.points.empty()) {
    plot_->replot();
    return;
  }
  QVector<double> x, y, bad_x;
  double lo = 1e300, hi = -1e300;
  for (const auto& p : curve_.points) {
    if (p.costed) {
      x << p.usable_kWh;
      y << p.usd_per_ton_mi;
      lo = std::min(lo, p.usd_per_ton_mi);
      hi = std::max(hi, p.usd_per_ton_mi);
    } else {
      bad_x << p.usable_kWh;
    }
  }
  auto* g = plot_->addGraph();
  g->setName(tr("$/ton-mi"));
  g->setPen(QPen(colors::kElectric, 2));
  g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
  g->setData(x, y);
  if (!bad_x.isEmpty()) {
    auto* b = plot_->addGraph();
    b->setName(tr("cannot do the trip"));
    b->setLineStyle(QCPGraph::lsNone);
    b->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(colors::kBad, 2), Qt::NoBrush, 10));
    QVector<double> by(bad_x.size(), y.isEmpty() ? 0.0 : lo);
    b->setData(bad_x, by);
  }
  QString text;
  if (curve_.best) {
    const auto& p = curve_.points[*curve_.best];
    auto* m = plot_->addGraph();
    m->setName(tr("lowest"));
    m->setLineStyle(QCPGraph::lsNone);
    m->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(colors::kGood, 2), Qt::NoBrush, 16));
    m->setData(QVector<double>{p.usable_kWh}, QVector<double>{p.usd_per_ton_mi});
    auto* label = new QCPItemText(plot_);
    label->position->setCoords(p.usable_kWh, p.usd_per_ton_mi);
    label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    label->setPadding(QMargins(0, 0, 0, 10));
    label->setText(tr("lowest: %1 kWh").arg(p.usable_kWh, 0, 'f', 0));
    label->setColor(colors::kGood);
    const bool us = units_ == UnitSystem::US;
    text = tr("<b>Lowest cost per ton-mile at %1 kWh usable:</b> $%2/ton-mi ($%3/mi), range %4 %5 on this route, "
              "payload %6 %7, %8 en-route stop(s) a day.")
               .arg(p.usable_kWh, 0, 'f', 0)
               .arg(p.usd_per_ton_mi, 0, 'f', 4)
               .arg(p.usd_per_mi, 0, 'f', 3)
               .arg(us ? p.range_mi : p.range_mi * 1.609344, 0, 'f', 0)
               .arg(us ? "mi" : "km")
               .arg(QLocale().toString(us ? p.payload_kg * kLbPerKg : p.payload_kg, 'f', 0))
               .arg(us ? "lb" : "kg")
               .arg(p.enroute_stops);
  } else {
    text = tr("<b>No size was costed with a feasible day.</b>");
  }
  for (const auto& p : curve_.points) {
    if (!p.costed) {
      text += tr("<br>%1 kWh: not costed \xE2\x80\x94 %2").arg(p.usable_kWh, 0, 'f', 0).arg(QString::fromStdString(p.why_not).toHtmlEscaped());
    } else if (!p.day_feasible) {
      text += tr("<br>%1 kWh: the day is not feasible").arg(p.usable_kWh, 0, 'f', 0);
    }
  }
  text += tr("<br>Trips: %1.").arg(trip_model_name(curve_integrator_));
  summary_->setText(text);
  plot_->xAxis->setLabel(tr("Usable battery [kWh]"));
  plot_->yAxis->setLabel(tr("Electric truck [$/ton-mi]"));
  plot_->xAxis->setRange(curve_.points.front().usable_kWh - 50, curve_.points.back().usable_kWh + 50);
  if (hi >= lo) {
    const double pad = std::max(1e-4, 0.15 * (hi - lo));
    plot_->yAxis->setRange(lo - pad, hi + 2 * pad);
  }
  plot_->legend->setVisible(true);
  plot_->replot();
}

}  // namespace semitco::ui
