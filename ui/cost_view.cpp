// Cost view; see cost_view.hpp.
#include "ui/cost_view.hpp"

#include <QGridLayout>
#include <QHeaderView>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QTableWidget>
#include <algorithm>
#include <cmath>
#include <vector>
#include <qcustomplot.h>

#include "app/core/cost_why.hpp"
#include "ui/plot_style.hpp"
#include "ui/result_format.hpp"
#include "ui/view_page.hpp"

namespace semitco::ui {

namespace {

// Cost lines grouped for readable stacked bars.
struct LineGroup {
  const char* name;
  std::vector<tco::CostLine> lines;
};
const std::vector<LineGroup>& line_groups() {
  using L = tco::CostLine;
  static const std::vector<LineGroup> groups = {
      // Short names: the legend sits below the bars in two columns and must fit a narrow plot.
      {"Truck & taxes", {L::kVehiclePrice, L::kExciseTax, L::kSalesTax, L::kIncentives, L::kFinancingInterest}},
      {"Resale value", {L::kResidualValue}},
      {"Depot charger", {L::kChargerCapital}},
      {"Fuel & energy", {L::kDieselFuel, L::kDef, L::kDepotElectricity, L::kPublicCharging, L::kEnrouteCharging}},
      {"Demand & fees", {L::kDemandCharge, L::kElectricityFixedFees}},
      {"Maintenance", {L::kMaintenance, L::kTyres}},
      {"Insurance & tax", {L::kInsurance, L::kHvut, L::kRegistration, L::kTolls}},
      {"Driver", {L::kDriverLabour, L::kRemoteSupervision}},
      {"New battery", {L::kBatteryReplacement}},
      {"Carbon & credits", {L::kCarbonCost, L::kLcfsCredit}},
  };
  return groups;
}

double group_value(const tco::CostReport& r, const LineGroup& g, bool per_ton) {
  double v = 0.0;
  for (auto l : g.lines) v += per_ton ? r.line(l).usd_per_ton_mi : r.line(l).usd_per_mi;
  return v;
}

void stacked_cost_bars(QCustomPlot* p, const Analysis& a, bool per_ton, UnitSystem u) {
  p->clearPlottables();
  p->clearItems();
  const auto conv = [&](double v) { return per_ton ? per_load_distance(v, u) : per_distance(v, u); };
  const QString unit = per_ton ? per_load_distance_unit(u) : per_distance_unit(u);
  const tco::CostReport* reports[2] = {&a.tco.electric, &a.tco.diesel};
  QCPBars* below_pos = nullptr;
  int color = 0;
  for (const auto& g : line_groups()) {
    const double ev = conv(group_value(*reports[0], g, per_ton));
    const double ds = conv(group_value(*reports[1], g, per_ton));
    ++color;
    if (std::abs(ev) < 1e-12 && std::abs(ds) < 1e-12) continue;
    auto* bars = new QCPBars(p->xAxis, p->yAxis);
    bars->setName(g.name);
    bars->setWidth(0.55);
    bars->setStackingGap(0);
    const QColor c = colors::category(color - 1);
    bars->setPen(QPen(c.darker(130)));
    bars->setBrush(c);
    bars->setData({1.0, 2.0}, {ev, ds});
    bars->setProperty("unit", unit);
    if (below_pos) bars->moveAbove(below_pos);
    below_pos = bars;
  }
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  ticker->addTick(1.0, "Electric");
  ticker->addTick(2.0, "Diesel");
  p->xAxis->setTicker(ticker);
  p->xAxis->setRange(0.4, 2.6);
  p->xAxis->grid()->setVisible(false);
  p->yAxis->setLabel(axis_label("Cost", unit));  // short: the plot may be low
  double top = 0.0, bottom = 0.0;
  for (int i = 0; i < 2; ++i) {
    const double total = conv(per_ton ? reports[i]->usd_per_ton_mi : reports[i]->usd_per_mi);
    double pos = 0.0, neg = 0.0;
    for (const auto& g : line_groups()) {
      const double v = conv(group_value(*reports[i], g, per_ton));
      (v > 0 ? pos : neg) += v;
    }
    top = std::max(top, pos);
    bottom = std::min(bottom, neg);
    auto* t = new QCPItemText(p);
    t->position->setType(QCPItemPosition::ptPlotCoords);
    t->position->setCoords(1.0 + i, pos);
    t->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
    t->setText(QStringLiteral("%1 %2").arg(QString::number(total, 'f', per_ton ? 4 : 3), unit));
    QFont f = p->font();
    f.setPointSizeF(9.5);
    f.setBold(true);
    t->setFont(f);
    t->setPadding(QMargins(0, 0, 0, 4));
  }
  p->yAxis->setRange(bottom * 1.15, top * 1.35);  // room for the totals above the bars
  p->replot(QCustomPlot::rpQueuedReplot);
}

QString bar_hover(QCustomPlot* p, double key, double value) {
  const int cat = static_cast<int>(std::lround(key));
  if (std::abs(key - cat) > 0.3) return {};
  QString t;
  for (int i = 0; i < p->plottableCount(); ++i) {
    auto* b = qobject_cast<QCPBars*>(p->plottable(i));
    if (!b) continue;
    auto it = b->data()->findBegin(cat, false);
    if (it == b->data()->constEnd() || std::abs(it->key - cat) > 1e-9) continue;
    double base = 0.0;  // sum of the bars below with the same sign (how QCPBars stacks)
    for (QCPBars* below = b->barBelow(); below; below = below->barBelow()) {
      auto bi = below->data()->findBegin(cat, false);
      if (bi != below->data()->constEnd() && std::abs(bi->key - cat) < 1e-9 && (bi->value >= 0) == (it->value >= 0)) {
        base += bi->value;
      }
    }
    const double lo = std::min(base, base + it->value), hi = std::max(base, base + it->value);
    const bool under = value >= lo && value <= hi;
    t += QStringLiteral("%1<span style='color:%2'>&#9632;</span> %3: %4 %5%6<br>")
             .arg(under ? "<b>" : "", b->brush().color().name(), b->name().toHtmlEscaped(),
                  QString::number(it->value, 'f', 4), b->property("unit").toString(), under ? "</b>" : "");
  }
  return t.isEmpty() ? t : QStringLiteral("<b>%1</b><br>").arg(cat == 1 ? "Electric" : "Diesel") + t;
}

}  // namespace

CostView::CostView(QWidget* parent) : QWidget(parent) {
  per_mile_ = new QCustomPlot;
  per_mile_->setObjectName("plotCostPerMile");
  per_ton_mile_ = new QCustomPlot;
  per_ton_mile_->setObjectName("plotCostPerTonMile");
  cumulative_ = new QCustomPlot;
  cumulative_->setObjectName("plotCumulativeCost");
  style_plot(per_mile_, tr("Cost per distance by line"));
  style_plot(per_ton_mile_, tr("Cost per ton of freight moved, by line"));
  style_plot(cumulative_, tr("Cumulative cost of ownership (discounted)"));
  for (QCustomPlot* p : {per_mile_, per_ton_mile_}) {
    // Legend below the bars in two columns, so it never hides a bar or a total.
    p->plotLayout()->addElement(2, 0, p->legend);
    p->legend->setFillOrder(QCPLegend::foColumnsFirst);
    p->legend->setWrap(2);
    p->legend->setBorderPen(Qt::NoPen);
    p->legend->setMargins(QMargins(4, 2, 4, 2));
    p->plotLayout()->setRowStretchFactor(2, 0.001);
    p->axisRect()->setRangeDrag(Qt::Vertical);
    p->axisRect()->setRangeZoom(Qt::Vertical);
    attach_hover(p, [p](double k, double v) { return bar_hover(p, k, v); });
  }
  attach_graph_hover(cumulative_, tr("Year"));
  legend_below(cumulative_, 2);
  // Every cost group by truck, with the inputs behind it (the "why" of the verdict strip, in full).
  auto* lines = new QTableWidget(0, 4);
  lines->setObjectName("costLinesTable");
  lines->setHorizontalHeaderLabels({tr("Cost group"), tr("Electric"), tr("Diesel"), tr("EV \xE2\x88\x92 diesel")});
  lines->verticalHeader()->hide();
  lines->setEditTriggers(QAbstractItemView::NoEditTriggers);
  lines->setSelectionMode(QAbstractItemView::NoSelection);
  lines->setAlternatingRowColors(true);
  lines->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  for (int c = 1; c < 4; ++c) lines->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  lines->verticalHeader()->setDefaultSectionSize(lines->fontMetrics().height() + 6);
  lines->setToolTip(tr("Each row adds up cost lines; hover a row for the lines and the inputs that drive them."));
  // A page that scrolls when the window is low (1280x720): nothing is squeezed until its labels are cut.
  auto* page = new QWidget;
  auto* grid = new QGridLayout(page);
  grid->addWidget(per_mile_, 0, 0);
  grid->addWidget(per_ton_mile_, 0, 1);
  grid->addWidget(cumulative_, 1, 0, 1, 2);
  grid->addWidget(lines, 2, 0, 1, 2);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
  grid->setRowStretch(2, 2);
  for (QCustomPlot* p : {per_mile_, per_ton_mile_}) p->setMinimumHeight(340);
  cumulative_->setMinimumHeight(250);
  lines->setMinimumHeight(lines->verticalHeader()->defaultSectionSize() * 14 + lines->horizontalHeader()->sizeHint().height() + 4);
  set_scrolling_page(this, page)->setObjectName("costPage");
}

NamedPlots CostView::plots() const {
  return {{"cost_per_mile", per_mile_}, {"cost_per_ton_mile", per_ton_mile_}, {"cost_cumulative", cumulative_}};
}

void CostView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem u) {
  if (!a || !a->has_costs) return;
  if (auto* table = findChild<QTableWidget*>("costLinesTable")) {
    const QString unit = per_distance_unit(u);
    const auto& groups = core::cost_difference_groups();
    table->setRowCount(static_cast<int>(groups.size()) + 1);
    table->horizontalHeaderItem(1)->setText(tr("Electric [%1]").arg(unit));
    table->horizontalHeaderItem(2)->setText(tr("Diesel [%1]").arg(unit));
    auto cell = [&](int r, int c, const QString& text, const QString& tip, bool bold) {
      auto* item = new QTableWidgetItem(text);
      item->setToolTip(tip);
      if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      if (bold) {
        QFont f = item->font();
        f.setBold(true);
        item->setFont(f);
      }
      table->setItem(r, c, item);
    };
    int r = 0;
    for (const auto& g : groups) {
      double ev = 0.0, ds = 0.0;
      QStringList keys;
      for (auto l : g.lines) {
        ev += a->tco.electric.line(l).usd_per_mi;
        ds += a->tco.diesel.line(l).usd_per_mi;
        keys << QString::fromUtf8(tco::cost_line_key(l).data(), static_cast<qsizetype>(tco::cost_line_key(l).size()));
      }
      const QString tip = tr("<b>%1</b> (cost lines %2)<br>Driven by: %3")
                              .arg(QString::fromStdString(g.name).toHtmlEscaped(), keys.join(", "),
                                   QString::fromStdString(g.driven_by).toHtmlEscaped());
      QString name = QString::fromStdString(g.name);
      name[0] = name[0].toUpper();
      cell(r, 0, name, tip, false);
      cell(r, 1, format_money(per_distance(ev, u), 3), tip, false);
      cell(r, 2, format_money(per_distance(ds, u), 3), tip, false);
      const double d = per_distance(ev - ds, u);
      cell(r, 3, (d > 0 ? "+" : "") + format_money(d, 3), tip, std::abs(d) >= 0.05);
      ++r;
    }
    cell(r, 0, tr("Total"), QString(), true);
    cell(r, 1, format_money(per_distance(a->tco.electric.usd_per_mi, u), 3), QString(), true);
    cell(r, 2, format_money(per_distance(a->tco.diesel.usd_per_mi, u), 3), QString(), true);
    const double d = per_distance(a->tco.electric.usd_per_mi - a->tco.diesel.usd_per_mi, u);
    cell(r, 3, (d > 0 ? "+" : "") + format_money(d, 3), QString(), true);
  }
  stacked_cost_bars(per_mile_, *a, false, u);
  stacked_cost_bars(per_ton_mile_, *a, true, u);

  auto* p = cumulative_;
  p->clearGraphs();
  p->clearItems();
  QVector<double> years, ev, ds;
  const auto& ce = a->tco.electric.cumulative_discounted_usd;
  const auto& cd = a->tco.diesel.cumulative_discounted_usd;
  for (std::size_t y = 0; y < ce.size() && y < cd.size(); ++y) {
    years.push_back(static_cast<double>(y));
    ev.push_back(ce[y] / 1000.0);
    ds.push_back(cd[y] / 1000.0);
  }
  auto line = [&](const QVector<double>& v, const QString& name, const QColor& c) {
    QCPGraph* g = p->addGraph();
    g->setData(years, v);
    g->setName(name);
    g->setPen(QPen(c, 2.2));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, Qt::white, 6));
    set_graph_unit(g, "k$", 1);
    return g;
  };
  QCPGraph* gev = line(ev, tr("Electric"), colors::kElectric);
  line(ds, tr("Diesel"), colors::kDiesel);
  p->setProperty("keyUnit", "");
  p->xAxis->setLabel(axis_label(tr("Year of ownership"), ""));
  p->yAxis->setLabel(axis_label(tr("Cost"), "thousand $"));
  p->xAxis->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
  static_cast<QCPAxisTickerFixed*>(p->xAxis->ticker().data())->setTickStep(1.0);
  p->rescaleAxes();
  p->xAxis->setRange(-0.3, years.isEmpty() ? 1 : years.back() + 0.3);
  p->yAxis->setRange(0, p->yAxis->range().upper * 1.1);
  auto* note = new QCPItemText(p);
  note->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
  note->position->setType(QCPItemPosition::ptAxisRectRatio);
  note->position->setCoords(0.02, 0.05);
  QFont f = p->font();
  f.setPointSizeF(10);
  f.setBold(true);
  note->setFont(f);
  if (a->tco.break_even_year) {
    const int y = *a->tco.break_even_year;
    auto* tracer = new QCPItemTracer(p);
    tracer->setGraph(gev);
    tracer->setGraphKey(y);
    tracer->setStyle(QCPItemTracer::tsCircle);
    tracer->setSize(14);
    tracer->setPen(QPen(colors::kGood, 2.5));
    note->setText(tr("Break-even in year %1").arg(y));
    note->setColor(colors::kGood.darker(130));
  } else {
    note->setText(tr("No break-even in %1 years: the EV costs %2 more (NPV)")
                      .arg(a->tco_inputs.ownership_years)
                      .arg(format_money(-a->tco.savings_npv_usd, 0)));
    note->setColor(colors::kBad);
  }
  p->legend->setVisible(true);
  p->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace semitco::ui
