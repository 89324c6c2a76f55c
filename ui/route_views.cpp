// Along-the-route plots; see route_views.hpp.
#include "ui/route_views.hpp"

#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

#include "ui/plot_style.hpp"

namespace semitco::ui {

namespace {

QVector<double> scaled(const std::vector<double>& v, double scale, double offset = 0.0) {
  QVector<double> out(static_cast<qsizetype>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) out[static_cast<qsizetype>(i)] = v[i] * scale + offset;
  return out;
}

QCPGraph* add_line(QCustomPlot* p, const QVector<double>& x, const QVector<double>& y, const QString& name,
                   const QColor& color, const QString& unit, int decimals = 1, Qt::PenStyle style = Qt::SolidLine,
                   QCPAxis* value_axis = nullptr) {
  QCPGraph* g = p->addGraph(p->xAxis, value_axis ? value_axis : p->yAxis);
  g->setData(x, y, true);
  g->setName(name);
  g->setPen(QPen(color, 1.6, style));
  g->setAdaptiveSampling(true);
  set_graph_unit(g, unit, decimals);
  return g;
}

void finish(QCustomPlot* p, double x_max) {
  p->xAxis->setRange(0, x_max);
  for (int i = 0; i < p->graphCount(); ++i) {
    if (p->graph(i)->valueAxis() == p->yAxis) p->graph(i)->rescaleValueAxis(i > 0, true);
  }
  p->yAxis->scaleRange(1.08, p->yAxis->range().center());
  p->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace

void plot_route_profile(QCustomPlot* plot, const routes::RouteProfile& route, UnitSystem units, bool compact) {
  plot->clearGraphs();
  const double xs = units::kDistance.to_display(1.0, units);
  const double ys = units::kElevation.to_display(1.0, units);
  const QString xu = units::kDistance.label(units), yu = units::kElevation.label(units);
  const auto x = scaled(route.distance_m, xs);
  QVector<double> up(x.size()), down(x.size());
  for (qsizetype i = 0; i < x.size(); ++i) {
    const double g = route.grade_frac[static_cast<std::size_t>(i)] * 100.0;
    up[i] = std::max(g, 0.0);
    down[i] = std::min(g, 0.0);
  }
  plot->yAxis2->setVisible(true);
  plot->yAxis2->setLabel(axis_label("Grade", "%"));
  QCPGraph* gu = add_line(plot, x, up, "Uphill grade", QColor(204, 51, 17, 90), "%", 1, Qt::SolidLine, plot->yAxis2);
  gu->setBrush(QColor(204, 51, 17, 55));
  gu->setLineStyle(QCPGraph::lsStepLeft);
  QCPGraph* gd =
      add_line(plot, x, down, "Downhill grade", QColor(0, 158, 115, 90), "%", 1, Qt::SolidLine, plot->yAxis2);
  gd->setBrush(QColor(0, 158, 115, 55));
  gd->setLineStyle(QCPGraph::lsStepLeft);
  QCPGraph* el = add_line(plot, x, scaled(route.elevation_m, ys), "Elevation", QColor(60, 60, 60), yu, 0);
  el->setPen(QPen(QColor(60, 60, 60), 2.0));
  el->setBrush(QColor(150, 150, 150, 40));
  plot->xAxis->setLabel(axis_label("Distance", xu));
  plot->yAxis->setLabel(axis_label("Elevation", yu));
  double gmax = 1.0;
  for (double g : route.grade_frac) gmax = std::max(gmax, std::abs(g) * 100.0);
  plot->yAxis2->setRange(-gmax * 3.0, gmax * 3.0);  // shading stays in the lower part, behind the profile
  plot->xAxis->setRange(0, x.isEmpty() ? 1.0 : x.back());
  el->rescaleValueAxis(false, true);
  const auto r = plot->yAxis->range();
  plot->yAxis->setRange(std::min(0.0, r.lower), r.upper + 0.1 * (r.upper - r.lower) + 1.0);
  plot->legend->setVisible(!compact);
  plot->setProperty("keyUnit", xu);
  plot->replot(QCustomPlot::rpQueuedReplot);
}

AlongRouteView::AlongRouteView(QWidget* parent) : QWidget(parent) {
  auto* inner = new QWidget;
  auto* lay = new QVBoxLayout(inner);
  lay->setContentsMargins(4, 4, 4, 4);
  lay->setSpacing(6);
  auto make = [&](const QString& title, const char* name) {
    auto* p = new QCustomPlot;
    p->setObjectName(name);
    style_plot(p, title);
    legend_below(p, 4);
    p->setMinimumHeight(250);
    attach_graph_hover(p, tr("Distance"));
    lay->addWidget(p);
    return p;
  };
  elevation_ = make(tr("Elevation and grade"), "plotElevation");
  speed_ = make(tr("Speed of both trucks against the target"), "plotSpeed");
  energy_ = make(tr("Battery state of charge and diesel used"), "plotEnergyUse");
  power_ = make(tr("Electric truck: motor, regenerative and friction-brake power"), "plotPower");
  brakes_ = make(tr("Brake temperature"), "plotBrakes");
  // Linked x axes.
  const QList<QCustomPlot*> all{elevation_, speed_, energy_, power_, brakes_};
  for (QCustomPlot* p : all) {
    connect(p->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [all, p](const QCPRange& r) {
      for (QCustomPlot* o : all) {
        if (o == p || o->xAxis->range() == r) continue;
        o->xAxis->setRange(r);
        o->replot(QCustomPlot::rpQueuedReplot);
      }
    });
  }
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(inner);
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(0, 0, 0, 0);
  outer->addWidget(scroll);
}

QList<QPair<QString, QCustomPlot*>> AlongRouteView::plots() const {
  return {{"route_elevation", elevation_},
          {"route_speed", speed_},
          {"route_soc_fuel", energy_},
          {"route_power", power_},
          {"route_brake_temperature", brakes_}};
}

namespace {
// The electric truck's charge stops as labelled vertical lines on a plot along distance.
void mark_charge_stops(QCustomPlot* p, const physics::TripResult& trip, double xs, bool label) {
  for (const auto& c : trip.charge_stops) {
    auto* line = new QCPItemStraightLine(p);
    line->setPen(QPen(colors::kGood.darker(130), 1.5, Qt::DashDotLine));
    line->point1->setCoords(c.distance_m * xs, 0.0);
    line->point2->setCoords(c.distance_m * xs, 1.0);
    if (!label) continue;
    auto* text = new QCPItemText(p);
    text->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(c.distance_m * xs, 0.02);
    text->setText(QObject::tr(" charge %1 min, %2 kWh")
                      .arg(QString::number(c.minutes(), 'f', 0), QString::number(c.pack_J / 3.6e6, 'f', 0)));
    text->setColor(colors::kGood.darker(150));
    text->setClipToAxisRect(true);
  }
}
}  // namespace

void AlongRouteView::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem units) {
  if (!a || (a->physics == shown_ && units == shown_units_)) return;
  shown_ = a->physics;
  shown_units_ = units;
  rebuild(*a, units);
}

void AlongRouteView::rebuild(const Analysis& a, UnitSystem units) {
  const auto& ev = a.physics->result.electric;
  const auto& dsl = a.physics->result.diesel;
  const auto& es = ev.trip.series;
  const auto& ds = dsl.trip.series;
  const double xs = units::kDistance.to_display(1.0, units);
  const QString xu = units::kDistance.label(units);
  const auto ex = scaled(es.distance_m, xs);
  const auto dx = scaled(ds.distance_m, xs);
  const double x_max = a.physics->route->length_m() * xs;

  plot_route_profile(elevation_, *a.physics->route, units, false);
  elevation_->setProperty("keyUnit", xu);
  elevation_->xAxis->setRange(0, x_max);

  for (auto* p : {speed_, energy_, power_, brakes_}) p->clearItems();
  // Speed.
  speed_->clearGraphs();
  const double vs = units::kSpeed.to_display(1.0, units);
  const QString vu = units::kSpeed.label(units);
  add_line(speed_, ex, scaled(es.target_speed_mps, vs), tr("Target"), colors::kTarget, vu, 1, Qt::DashLine);
  add_line(speed_, dx, scaled(ds.speed_mps, vs), tr("Diesel"), colors::kDiesel, vu);
  add_line(speed_, ex, scaled(es.speed_mps, vs), tr("Electric"), colors::kElectric, vu);
  speed_->xAxis->setLabel(axis_label(tr("Distance"), xu));
  speed_->yAxis->setLabel(axis_label(tr("Speed"), vu));
  finish(speed_, x_max);
  speed_->yAxis->setRangeLower(0);
  speed_->setProperty("keyUnit", xu);
  mark_charge_stops(speed_, ev.trip, xs, false);

  // State of charge (left) and fuel used (right).
  energy_->clearGraphs();
  add_line(energy_, ex, scaled(es.soc, 100.0), tr("Electric: state of charge"), colors::kElectric, "%");
  const double L_per_kg = dsl.trip.ledger.fuel_kg > 0 ? dsl.summary.fuel_L / dsl.trip.ledger.fuel_kg : 1.0 / 0.832;
  const bool us = units == UnitSystem::US;
  const double fuel_scale = us ? L_per_kg / units::kLitersPerGallon : L_per_kg;
  const QString fu = us ? "gal" : "L";
  energy_->yAxis2->setVisible(true);
  add_line(energy_, dx, scaled(ds.fuel_used_kg, fuel_scale), tr("Diesel: fuel used"), colors::kDiesel, fu, 1,
           Qt::SolidLine, energy_->yAxis2);
  energy_->xAxis->setLabel(axis_label(tr("Distance"), xu));
  energy_->yAxis->setLabel(axis_label(tr("State of charge"), "%"));
  energy_->yAxis2->setLabel(axis_label(tr("Diesel used"), fu));
  finish(energy_, x_max);
  energy_->yAxis->setRange(0, 100);
  energy_->graph(1)->rescaleValueAxis(false, true);
  energy_->yAxis2->setRangeLower(0);
  energy_->yAxis2->setRangeUpper(energy_->yAxis2->range().upper * 1.1 + 0.1);

  energy_->setProperty("keyUnit", xu);
  mark_charge_stops(energy_, ev.trip, xs, true);

  // Power of the electric truck: traction (+), regen (-), friction brakes (-); diesel friction brakes.
  power_->clearGraphs();
  QVector<double> traction(static_cast<qsizetype>(es.size())), regen(traction.size()), fric(traction.size());
  for (std::size_t i = 0; i < es.size(); ++i) {
    traction[static_cast<qsizetype>(i)] = std::max(es.wheel_power_W[i], 0.0) / 1000.0;
    regen[static_cast<qsizetype>(i)] = -es.regen_power_W[i] / 1000.0;
    fric[static_cast<qsizetype>(i)] = -es.friction_brake_power_W[i] / 1000.0;
  }
  QCPGraph* gt = add_line(power_, ex, traction, tr("Motor (traction at wheels)"), colors::kElectric, "kW", 0);
  gt->setBrush(QColor(0, 114, 178, 40));
  QCPGraph* gr = add_line(power_, ex, regen, tr("Regenerative braking"), colors::kGood, "kW", 0);
  gr->setBrush(QColor(0, 158, 115, 50));
  QCPGraph* gf = add_line(power_, ex, fric, tr("Friction brakes"), colors::kBad, "kW", 0);
  gf->setBrush(QColor(204, 51, 17, 50));
  add_line(power_, dx, scaled(ds.friction_brake_power_W, -1e-3), tr("Diesel friction brakes"), colors::kDiesel,
           "kW", 0, Qt::DotLine);
  power_->xAxis->setLabel(axis_label(tr("Distance"), xu));
  power_->yAxis->setLabel(axis_label(tr("Power (+ drive, \xE2\x88\x92 braking)"), "kW"));
  finish(power_, x_max);
  power_->setProperty("keyUnit", xu);
  mark_charge_stops(power_, ev.trip, xs, false);

  // Brake temperature and the fade limit.
  brakes_->clearGraphs();
  const double ts = units::kTemperature.to_display(1.0, units) - units::kTemperature.to_display(0.0, units);
  const double to = units::kTemperature.to_display(0.0, units);
  const QString tu = units::kTemperature.label(units);
  add_line(brakes_, dx, scaled(ds.brake_temperature_C, ts, to), tr("Diesel"), colors::kDiesel, tu, 0);
  add_line(brakes_, ex, scaled(es.brake_temperature_C, ts, to), tr("Electric"), colors::kElectric, tu, 0);
  const double fade = a.fade_limit_C * ts + to;
  add_line(brakes_, {0.0, x_max}, {fade, fade}, tr("Fade limit"), colors::kBad, tu, 0, Qt::DashLine);
  brakes_->xAxis->setLabel(axis_label(tr("Distance"), xu));
  brakes_->yAxis->setLabel(axis_label(tr("Brake temperature"), tu));
  finish(brakes_, x_max);
  brakes_->yAxis->setRangeLower(0);
  brakes_->yAxis->setRangeUpper(std::max(brakes_->yAxis->range().upper, fade * 1.15));
  brakes_->setProperty("keyUnit", xu);
}

}  // namespace semitco::ui
