// Verdict, energy, cost, uncertainty and compare views; see result_views.hpp.
#include "ui/result_views.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <qcustomplot.h>

#include "ui/plot_style.hpp"
#include "ui/scenario_fields.hpp"

namespace semitco::ui {

namespace {

constexpr double kKmPerMile = 1.609344;
constexpr double kTonneKmPerTonMile = 0.90718474 * 1.609344;

double per_distance(double usd_per_mi, UnitSystem u) { return u == UnitSystem::US ? usd_per_mi : usd_per_mi / kKmPerMile; }
QString per_distance_unit(UnitSystem u) { return u == UnitSystem::US ? "$/mi" : "$/km"; }
double per_load_distance(double usd_per_ton_mi, UnitSystem u) {
  return u == UnitSystem::US ? usd_per_ton_mi : usd_per_ton_mi / kTonneKmPerTonMile;
}
QString per_load_distance_unit(UnitSystem u) { return u == UnitSystem::US ? "$/ton-mi" : "$/t-km"; }

// Cost lines grouped for readable stacked bars.
struct LineGroup {
  const char* name;
  std::vector<tco::CostLine> lines;
};
const std::vector<LineGroup>& line_groups() {
  using L = tco::CostLine;
  static const std::vector<LineGroup> groups = {
      {"Truck, taxes & financing", {L::kVehiclePrice, L::kExciseTax, L::kSalesTax, L::kIncentives, L::kFinancingInterest}},
      {"Residual value", {L::kResidualValue}},
      {"Depot charger", {L::kChargerCapital}},
      {"Fuel & energy", {L::kDieselFuel, L::kDef, L::kDepotElectricity, L::kPublicCharging, L::kEnrouteCharging}},
      {"Demand charge & fees", {L::kDemandCharge, L::kElectricityFixedFees}},
      {"Maintenance & tyres", {L::kMaintenance, L::kTyres}},
      {"Insurance, tax, tolls", {L::kInsurance, L::kHvut, L::kRegistration, L::kTolls}},
      {"Driver", {L::kDriverLabour, L::kRemoteSupervision}},
      {"Battery replacement", {L::kBatteryReplacement}},
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
  p->yAxis->setLabel(axis_label(per_ton ? "Cost per ton-distance" : "Cost per distance", unit));
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
  p->yAxis->setRange(bottom * 1.15, top * 1.15);
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

QString input_display_name(const std::string& key) {
  static const std::map<std::string, const char*> special = {
      {"electric.trip.energy_from_source_J", "EV energy per run (physics)"},
      {"electric.trip.usable_battery_J", "EV usable battery"},
      {"electric.trip.start_soc_frac", "EV start state of charge"},
      {"electric.trip.co2_kg", "EV grid CO\xE2\x82\x82 per run"},
      {"diesel.trip.fuel_L", "Diesel fuel per run (physics)"},
      {"diesel.trip.def_L", "DEF per run"},
      {"diesel.trip.co2_kg", "Diesel CO\xE2\x82\x82 per run"},
      {"charging.depot_efficiency_frac", "Depot charging efficiency"},
      {"charging.enroute_efficiency_frac", "En-route charging efficiency"},
      {"electric.economics.fet_rate_frac", "EV federal excise tax"},
      {"diesel.economics.fet_rate_frac", "Diesel federal excise tax"},
  };
  if (auto it = special.find(key); it != special.end()) return QString::fromUtf8(it->second);
  if (const FieldSpec* f = find_field("economics." + key)) {
    QString who;
    if (key.rfind("electric.", 0) == 0) who = "EV ";
    if (key.rfind("diesel.", 0) == 0) who = "Diesel ";
    QString label = QString::fromUtf8(f->label);
    if (!who.isEmpty()) label = who + label.left(1).toLower() + label.mid(1);
    return label;
  }
  QString k = QString::fromStdString(key).section('.', -1);
  for (const char* unit : {"_usd_per_gal", "_usd_per_kWh", "_usd_per_mi", "_usd", "_frac_per_yr", "_frac", "_kg", "_J", "_L", "_s", "_kW"}) {
    if (k.endsWith(QLatin1String(unit))) {
      k.chop(static_cast<int>(qstrlen(unit)));
      break;
    }
  }
  k.replace('_', ' ');
  k[0] = k[0].toUpper();
  if (key.rfind("electric.", 0) == 0) k = "EV " + k.toLower();
  if (key.rfind("diesel.", 0) == 0) k = "Diesel " + k.toLower();
  return k;
}

// ---------------------------------------------------------------- energy
EnergyView::EnergyView(QWidget* parent) : QWidget(parent) {
  plot_ = new QCustomPlot;
  plot_->setObjectName("plotEnergyLedger");
  style_plot(plot_, tr("Where the energy went, per run of the route"));
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
                          tr("Powertrain\nlosses"), tr("Auxiliaries"), tr("Brake heat\n(friction + engine)"),
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
          .arg(QString::number(e.trip.ledger.source_net_J() / 3.6e6, 'f', 0))
          .arg(QString::number(us ? e.energy_kWh_per_mi : e.trip.summary.energy_kWh_per_km, 'f', 2))
          .arg(us ? "mi" : "km")
          .arg(QString::number(us ? e.mpg : (e.mpg > 0 ? 235.214583 / e.mpg : 0.0), 'f', 1))
          .arg(us ? "mpg" : "L/100 km")
          .arg(QString::number(e.trip.ledger.source_in_J / 3.6e6, 'f', 0))
          .arg(QString::number(us ? d.summary.fuel_L / units::kLitersPerGallon : d.summary.fuel_L, 'f', 1))
          .arg(us ? "gal" : "L")
          .arg(QString::number(us ? d.mpg : (d.mpg > 0 ? 235.214583 / d.mpg : 0.0), 'f', 2))
          .arg(us ? "mpg" : "L/100 km")
          .arg(QString::number(d.trip.ledger.source_net_J() / 3.6e6, 'f', 0))
          .arg(QString::number(us ? mi : mi * 1.609344, 'f', 1))
          .arg(us ? "mi" : "km"));
}

// ---------------------------------------------------------------- costs
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
  auto* grid = new QGridLayout(this);
  grid->addWidget(per_mile_, 0, 0);
  grid->addWidget(per_ton_mile_, 0, 1);
  grid->addWidget(cumulative_, 1, 0, 1, 2);
  grid->setRowStretch(0, 3);
  grid->setRowStretch(1, 2);
}

NamedPlots CostView::plots() const {
  return {{"cost_per_mile", per_mile_}, {"cost_per_ton_mile", per_ton_mile_}, {"cost_cumulative", cumulative_}};
}

void CostView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem u) {
  if (!a || !a->has_costs) return;
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
  p->yAxis->setLabel(axis_label(tr("Cumulative discounted cost"), "thousand $"));
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
    note->setText(tr("No break-even within %1 years: the electric truck costs %2 more over ownership (NPV)")
                      .arg(a->tco_inputs.ownership_years)
                      .arg(format_money(-a->tco.savings_npv_usd, 0)));
    note->setColor(colors::kBad);
  }
  p->legend->setVisible(true);
  p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  p->replot(QCustomPlot::rpQueuedReplot);
}

// ---------------------------------------------------------------- uncertainty
UncertaintyView::UncertaintyView(QWidget* parent) : QWidget(parent) {
  tornado_ = new QCustomPlot;
  tornado_->setObjectName("plotTornado");
  histogram_ = new QCustomPlot;
  histogram_->setObjectName("plotMonteCarlo");
  style_plot(tornado_, tr("Sensitivity: EV savings when one input moves \xC2\xB1""20 %"));
  style_plot(histogram_, tr("Monte Carlo: EV savings per distance"));
  tornado_->axisRect()->setRangeDrag(Qt::Horizontal);
  auto* lay = new QVBoxLayout(this);
  lay->addWidget(tornado_, 3);
  lay->addWidget(histogram_, 2);
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
                         .arg(input_display_name(b.key), format_number(b.low_value, 5),
                              QString::number(per_distance(b.savings_usd_per_mi_low, u), 'f', 3), unit,
                              format_number(b.base_value, 5), QString::number(base, 'f', 3),
                              format_number(b.high_value, 5),
                              QString::number(per_distance(b.savings_usd_per_mi_high, u), 'f', 3)));
    }
    p->yAxis->setTicker(ticker);
    p->yAxis->grid()->setVisible(false);
    p->yAxis->setRange(0.3, n + 0.7);
    p->yAxis->setLabel(QString());
    p->xAxis->setLabel(axis_label(tr("Change of EV savings from the base case (base %1 %2)")
                                      .arg(QString::number(base, 'f', 3), unit),
                                  unit));
    p->rescaleAxes();
    const double m = std::max(std::abs(p->xAxis->range().lower), std::abs(p->xAxis->range().upper)) * 1.1 + 1e-6;
    p->xAxis->setRange(-m, m);
    p->yAxis->setRange(0.3, n + 0.7);
    auto* zero = new QCPItemStraightLine(p);
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(0, 1);
    zero->setPen(QPen(QColor(60, 60, 60), 1.2));
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
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
    p->xAxis->setLabel(axis_label(tr("EV savings (diesel cost \xE2\x88\x92 electric cost)"), unit));
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
    auto* note = new QCPItemText(p);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.01, 0.02);
    note->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    note->setText(tr("Probability the electric truck is cheaper: %1 %").arg(mc.probability_electric_cheaper * 100, 0, 'f', 1));
    QFont f = p->font();
    f.setBold(true);
    f.setPointSizeF(10);
    note->setFont(f);
    note->setBrush(QColor(255, 255, 255, 220));
    note->setColor(mc.probability_electric_cheaper >= 0.5 ? colors::kGood.darker(130) : colors::kBad);
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    p->replot(QCustomPlot::rpQueuedReplot);
  }
}

// ---------------------------------------------------------------- compare
CompareView::CompareView(QWidget* parent) : QWidget(parent) {
  table_ = new QTableWidget;
  table_->setObjectName("compareTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  auto* lay = new QVBoxLayout(this);
  auto* hint = new QLabel(tr("Headline figures of every open scenario. Edit a scenario on the left to update its column."));
  hint->setStyleSheet("color:#555;");
  lay->addWidget(hint);
  lay->addWidget(table_);
}

void CompareView::setScenarios(const QList<Column>& columns, UnitSystem u) {
  const bool us = u == UnitSystem::US;
  const QString du = us ? "mi" : "km";
  struct Row {
    QString label;
    std::function<QString(const Analysis&)> value;
  };
  auto money_d = [u](double v) { return format_money(per_distance(v, u), 3); };
  const std::vector<Row> rows = {
      {tr("Route"), [](const Analysis& a) { return QString::fromStdString(a.physics->route->name); }},
      {tr("Run length [%1]").arg(du),
       [us](const Analysis& a) {
         const double m = a.physics->route->length_m();
         return QString::number(us ? m / 1609.344 : m / 1000.0, 'f', 1);
       }},
      {tr("Electric cost [$/%1]").arg(du), [money_d](const Analysis& a) { return a.has_costs ? money_d(a.tco.electric.usd_per_mi) : "-"; }},
      {tr("Diesel cost [$/%1]").arg(du), [money_d](const Analysis& a) { return a.has_costs ? money_d(a.tco.diesel.usd_per_mi) : "-"; }},
      {tr("EV savings [$/%1]").arg(du), [money_d](const Analysis& a) { return a.has_costs ? money_d(a.tco.savings_usd_per_mi) : "-"; }},
      {tr("EV savings [$/yr]"), [](const Analysis& a) { return a.has_costs ? format_money(a.tco.savings_usd_per_yr) : "-"; }},
      {tr("EV savings, NPV [$]"), [](const Analysis& a) { return a.has_costs ? format_money(a.tco.savings_npv_usd) : "-"; }},
      {tr("Delivered electricity [$/kWh]"),
       [](const Analysis& a) { return a.has_costs ? format_money(a.tco.electric.delivered.total_usd_per_kWh, 3) : "-"; }},
      {tr("Break-even year"),
       [](const Analysis& a) {
         return !a.has_costs ? QString("-") : a.tco.break_even_year ? QString::number(*a.tco.break_even_year) : tr("never");
       }},
      {tr("Break-even diesel price [$/gal]"),
       [](const Analysis& a) {
         return a.has_costs && a.tco.break_even_diesel_price_usd_per_gal
                    ? format_money(*a.tco.break_even_diesel_price_usd_per_gal, 2)
                    : QString("-");
       }},
      {tr("P(EV cheaper), Monte Carlo"),
       [](const Analysis& a) {
         return a.has_costs ? QString::number(a.monte_carlo.probability_electric_cheaper * 100, 'f', 0) + " %" : "-";
       }},
      {tr("Electric energy [kWh/%1]").arg(du),
       [us](const Analysis& a) {
         const auto& s = a.physics->result.electric.trip.summary;
         return QString::number(us ? s.energy_kWh_per_mi : s.energy_kWh_per_km, 'f', 2);
       }},
      {us ? tr("Diesel fuel economy [mpg]") : tr("Diesel fuel use [L/100 km]"),
       [us](const Analysis& a) {
         const double mpg = a.physics->result.diesel.mpg;
         return QString::number(us ? mpg : (mpg > 0 ? 235.214583 / mpg : 0.0), 'f', 2);
       }},
      {tr("Payload EV / diesel [%1]").arg(us ? "lb" : "kg"),
       [u](const Analysis& a) {
         return QStringLiteral("%1 / %2")
             .arg(units::kMass.to_display(a.physics->result.electric.payload_kg, u), 0, 'f', 0)
             .arg(units::kMass.to_display(a.physics->result.diesel.payload_kg, u), 0, 'f', 0);
       }},
      {tr("Peak brake temperature EV / diesel [%1]").arg(units::kTemperature.label(u)),
       [u](const Analysis& a) {
         return QStringLiteral("%1 / %2")
             .arg(units::kTemperature.to_display(a.physics->result.electric.trip.summary.peak_brake_temperature_C, u), 0, 'f', 0)
             .arg(units::kTemperature.to_display(a.physics->result.diesel.trip.summary.peak_brake_temperature_C, u), 0, 'f', 0);
       }},
  };
  table_->clear();
  table_->setRowCount(static_cast<int>(rows.size()));
  table_->setColumnCount(static_cast<int>(columns.size()));
  QStringList headers, labels;
  for (const auto& c : columns) headers << c.name;
  for (const auto& r : rows) labels << r.label;
  table_->setHorizontalHeaderLabels(headers);
  table_->setVerticalHeaderLabels(labels);
  for (int c = 0; c < columns.size(); ++c) {
    for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
      const auto& a = columns[c].analysis;
      auto* item = new QTableWidgetItem(a ? rows[static_cast<std::size_t>(r)].value(*a) : tr("(running)"));
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(r, c, item);
    }
  }
}

}  // namespace semitco::ui
