// UncertaintyView; see uncertainty_view.hpp.
#include "ui/uncertainty_view.hpp"

#include <QLabel>
#include <QScrollArea>
#include <QStringList>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

#include "ui/input_names.hpp"
#include "ui/input_values.hpp"
#include "ui/plot_style.hpp"
#include "ui/result_format.hpp"
#include "ui/view_page.hpp"

namespace semitco::ui {

UncertaintyView::UncertaintyView(QWidget* parent) : QWidget(parent) {
  tornado_ = new QCustomPlot;
  tornado_->setObjectName("plotTornado");
  histogram_ = new QCustomPlot;
  histogram_->setObjectName("plotMonteCarlo");
  style_plot(tornado_, tr("Sensitivity: EV savings when one input moves \xC2\xB1""20 %"));
  style_plot(histogram_, tr("Monte Carlo: EV savings per distance"));
  tornado_->axisRect()->setRangeDrag(Qt::Horizontal);
  // Legend below the bars, so it never hides one.
  tornado_->plotLayout()->addElement(2, 0, tornado_->legend);
  tornado_->legend->setFillOrder(QCPLegend::foColumnsFirst);
  tornado_->legend->setWrap(2);
  tornado_->legend->setBorderPen(Qt::NoPen);
  tornado_->plotLayout()->setRowStretchFactor(2, 0.001);
  // A page that scrolls when the window is low: ten tornado rows need their height to stay readable.
  auto* page = new QWidget;
  auto* lay = new QVBoxLayout(page);
  tornado_->setMinimumHeight(360);
  histogram_->setMinimumHeight(260);
  lay->addWidget(tornado_, 3);
  lay->addWidget(histogram_, 2);
  mc_summary_ = new QLabel;
  mc_summary_->setObjectName("monteCarloSummary");
  mc_summary_->setWordWrap(true);
  mc_summary_->setTextFormat(Qt::RichText);
  lay->addWidget(mc_summary_);
  set_scrolling_page(this, page);
  attach_hover(tornado_, [this](double, double value) {
    const int row = static_cast<int>(std::lround(value));
    const QString tip = tornado_->property(QStringLiteral("tip%1").arg(row).toUtf8().constData()).toString();
    return tip;
  });
  attach_hover(histogram_, [this](double key, double) {
    for (int i = 0; i < histogram_->plottableCount(); ++i) {
      auto* b = qobject_cast<QCPBars*>(histogram_->plottable(i));
      if (!b) continue;
      const double w = b->width();
      for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it) {
        if (std::abs(it->key - key) <= w / 2) {
          return tr("Savings %1 to %2 %3: %4 draws")
              .arg(QString::number(it->key - w / 2, 'f', 3), QString::number(it->key + w / 2, 'f', 3),
                   histogram_->property("keyUnit").toString())
              .arg(it->value);
        }
      }
    }
    return QString();
  });
}

NamedPlots UncertaintyView::plots() const { return {{"tornado", tornado_}, {"monte_carlo", histogram_}}; }

void UncertaintyView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem u) {
  if (!a || !a->has_costs) return;
  const QString unit = per_distance_unit(u);
  // Tornado: the ten largest swings, largest at the top.
  {
    auto* p = tornado_;
    p->clearPlottables();
    p->clearItems();
    const auto& bars = a->tornado.bars;
    const int n = static_cast<int>(std::min<std::size_t>(bars.size(), 10));
    const double base = per_distance(a->tornado.base_savings_usd_per_mi, u);
    auto* low = new QCPBars(p->yAxis, p->xAxis);
    auto* high = new QCPBars(p->yAxis, p->xAxis);
    low->setName(tr("Input 20 % lower"));
    high->setName(tr("Input 20 % higher"));
    low->setBrush(QColor(86, 180, 233, 220));
    low->setPen(QPen(QColor(86, 180, 233).darker(130)));
    high->setBrush(QColor(230, 159, 0, 200));
    high->setPen(QPen(QColor(230, 159, 0).darker(130)));
    low->setWidth(0.7);
    high->setWidth(0.7);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < n; ++i) {
      const auto& b = bars[static_cast<std::size_t>(i)];
      const double row = n - i;
      low->addData(row, per_distance(b.savings_usd_per_mi_low, u) - base);
      high->addData(row, per_distance(b.savings_usd_per_mi_high, u) - base);
      ticker->addTick(row, input_display_name(b.key));
      p->setProperty(QStringLiteral("tip%1").arg(static_cast<int>(row)).toUtf8().constData(),
                     tr("<b>%1</b><br>low %2 \xE2\x86\x92 savings %3 %4<br>base %5 \xE2\x86\x92 savings %6 %4"
                        "<br>high %7 \xE2\x86\x92 savings %8 %4")
                         .arg(input_display_name(b.key), format_quantity(b.low_value, 4),
                              QString::number(per_distance(b.savings_usd_per_mi_low, u), 'f', 3), unit,
                              format_quantity(b.base_value, 4), QString::number(base, 'f', 3),
                              format_quantity(b.high_value, 4),
                              QString::number(per_distance(b.savings_usd_per_mi_high, u), 'f', 3)));
    }
    p->yAxis->setTicker(ticker);
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setRange(0.3, n + 0.7);
    p->yAxis->setLabel(QString());
    p->xAxis->setLabel(axis_label(tr("Change of EV savings (base %1)").arg(QString::number(base, 'f', 3)), unit));
    p->rescaleAxes();
    const double m = std::max(std::abs(p->xAxis->range().lower), std::abs(p->xAxis->range().upper)) * 1.1 + 1e-6;
    p->xAxis->setRange(-m, m);
    p->yAxis->setRange(0.3, n + 0.7);
    auto* zero = new QCPItemStraightLine(p);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(0, 1);
    zero->setPen(QPen(QColor(60, 60, 60), 1.2));
    p->replot(QCustomPlot::rpQueuedReplot);
  }
  // Monte Carlo histogram with P10 / P50 / P90.
  {
    auto* p = histogram_;
    p->clearPlottables();
    p->clearItems();
    const auto& mc = a->monte_carlo;
    std::vector<double> draws;
    draws.reserve(mc.savings_usd_per_mi_by_draw.size());
    for (double v : mc.savings_usd_per_mi_by_draw) draws.push_back(per_distance(v, u));
    if (draws.empty()) return;
    const auto [mn, mx] = std::minmax_element(draws.begin(), draws.end());
    const int nbins = 40;
    const double lo = *mn, hi = std::max(*mx, *mn + 1e-9);
    const double w = (hi - lo) / nbins;
    QVector<double> keys(nbins), counts(nbins, 0.0);
    for (int i = 0; i < nbins; ++i) keys[i] = lo + (i + 0.5) * w;
    for (double v : draws) counts[std::clamp(static_cast<int>((v - lo) / w), 0, nbins - 1)] += 1.0;
    auto* bars = new QCPBars(p->xAxis, p->yAxis);
    bars->setData(keys, counts);
    bars->setWidth(w);
    bars->setName(tr("Draws (%1)").arg(mc.draws));
    bars->setBrush(QColor(0, 114, 178, 150));
    bars->setPen(QPen(QColor(0, 114, 178).darker(120)));
    p->setProperty("keyUnit", unit);
    p->xAxis->setLabel(axis_label(tr("EV savings (diesel \xE2\x88\x92 electric)"), unit));
    p->yAxis->setLabel(tr("Number of draws"));
    p->rescaleAxes();
    p->yAxis->setRange(0, p->yAxis->range().upper * 1.25);
    p->xAxis->scaleRange(1.1, p->xAxis->range().center());
    auto vline = [&](double x, const QString& label, const QColor& c, double y_ratio) {
      auto* l = new QCPItemStraightLine(p);
      l->point1->setCoords(x, 0);
      l->point2->setCoords(x, 1);
      l->setPen(QPen(c, 1.6, Qt::DashLine));
      auto* t = new QCPItemText(p);
      t->position->setTypeX(QCPItemPosition::ptPlotCoords);
      t->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
      t->position->setCoords(x, y_ratio);
      t->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
      t->setText(label);
      t->setColor(c.darker(120));
      t->setPadding(QMargins(4, 0, 0, 0));
    };
    const auto& pc = mc.savings_usd_per_mi;
    vline(per_distance(pc.p10, u), QStringLiteral("P10 %1").arg(per_distance(pc.p10, u), 0, 'f', 3), colors::kNeutral, 0.04);
    vline(per_distance(pc.p50, u), QStringLiteral("P50 %1").arg(per_distance(pc.p50, u), 0, 'f', 3), Qt::black, 0.12);
    vline(per_distance(pc.p90, u), QStringLiteral("P90 %1").arg(per_distance(pc.p90, u), 0, 'f', 3), colors::kNeutral, 0.04);
    // Below the plot, so it never covers a percentile label: the probability, then what varied and how.
    QStringList varied;
    for (const auto& in : a->uncertain_inputs) {
      varied << tr("%1 %2 to %3").arg(input_display_name(in.key), input_value_text(in.key, in.distribution.a),
                                       input_value_text(in.key, in.distribution.c));
    }
    mc_summary_->setText(
        tr("<b style='color:%1'>Probability the electric truck is cheaper: %2 %</b> (%3 draws). Varied at once, each "
           "triangular with the scenario's value most likely: %4. Ranges: the scenario's \"uncertainty\" section "
           "(docs/tco.md).")
            .arg((mc.probability_electric_cheaper >= 0.5 ? colors::kGood.darker(130) : colors::kBad).name())
            .arg(mc.probability_electric_cheaper * 100, 0, 'f', 1)
            .arg(format_quantity(mc.draws))
            .arg(varied.isEmpty() ? tr("none") : varied.join("; ")));
    p->legend->setVisible(false);  // the summary below says how many draws
    p->replot(QCustomPlot::rpQueuedReplot);
  }
}

}  // namespace semitco::ui
