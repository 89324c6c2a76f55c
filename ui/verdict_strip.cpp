// The verdict strip; see verdict_strip.hpp.
#include "ui/verdict_strip.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

#include "app/core/cost_why.hpp"
#include "app/core/trip_verdict.hpp"
#include "ui/plot_style.hpp"
#include "ui/result_format.hpp"

namespace semitco::ui {

namespace {

// The truck can do the trip and (with costs) the day.
bool r_ok(const core::TruckOutcome& t, const tco::CostReport& c, bool has_costs) {
  return t.trip.summary.completed && (!has_costs || c.day.status != tco::DayFeasibility::kInfeasible);
}

QLabel* card(QGridLayout* grid, int col, const QString& caption, const char* name) {
  auto* cap = new QLabel(caption);
  cap->setStyleSheet("color:#555; font-size:8pt;");
  auto* val = new QLabel("\xE2\x80\x94");
  val->setObjectName(name);
  val->setStyleSheet("font-size:13pt; font-weight:600;");
  grid->addWidget(cap, 0, col);
  grid->addWidget(val, 1, col);
  return val;
}

}  // namespace

// ---------------------------------------------------------------- verdict strip
VerdictStrip::VerdictStrip(QWidget* parent) : QFrame(parent), shown_savings_(std::numeric_limits<double>::quiet_NaN()) {
  setObjectName("verdictStrip");
  setFrameShape(QFrame::StyledPanel);
  setStyleSheet("#verdictStrip { background:#f6f8fa; border:1px solid #d0d7de; border-radius:6px; }");
  auto* outer = new QVBoxLayout(this);
  outer->setContentsMargins(10, 4, 10, 4);
  outer->setSpacing(1);
  auto* top = new QHBoxLayout;
  headline_ = new QLabel(tr("Running the first comparison\xE2\x80\xA6"));
  headline_->setObjectName("verdictHeadline");
  headline_->setStyleSheet("font-size:13pt; font-weight:700;");
  headline_->setWordWrap(true);
  busy_ = new QProgressBar;
  busy_->setObjectName("runProgress");
  busy_->setRange(0, 0);
  busy_->setMaximumWidth(140);
  busy_->setMaximumHeight(14);
  busy_->setTextVisible(false);
  status_ = new QLabel;
  status_->setStyleSheet("color:#666;");
  model_ = new QLabel;  // the trip model the figures rest on (the Run menu)
  model_->setObjectName("verdictTripModel");
  top->addWidget(headline_, 1);
  top->addWidget(model_);
  top->addWidget(status_);
  top->addWidget(busy_);
  outer->addLayout(top);
  why_ = new QLabel;
  why_->setObjectName("verdictWhy");
  why_->setWordWrap(true);
  why_->setTextFormat(Qt::RichText);
  outer->addWidget(why_);
  payload_ = new QLabel;
  payload_->setObjectName("verdictPayload");
  payload_->setWordWrap(true);
  payload_->setTextFormat(Qt::RichText);
  outer->addWidget(payload_);
  feasibility_ = new QLabel;
  feasibility_->setObjectName("verdictFeasibility");
  feasibility_->setWordWrap(true);
  feasibility_->setTextFormat(Qt::RichText);
  outer->addWidget(feasibility_);
  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(28);
  grid->setVerticalSpacing(0);
  per_mile_ = card(grid, 0, tr("EV savings per distance"), "verdictSavingsPerMile");
  per_ton_mile_ = card(grid, 1, tr("EV savings per ton of freight"), "verdictSavingsPerTonMile");
  per_year_ = card(grid, 2, tr("EV savings per year"), "verdictSavingsPerYear");
  break_even_year_ = card(grid, 3, tr("Break-even year"), "verdictBreakEvenYear");
  break_even_price_ = card(grid, 4, tr("Break-even diesel price"), "verdictBreakEvenDiesel");
  grid->setColumnStretch(5, 1);
  outer->addLayout(grid);
}

void VerdictStrip::setRunning(bool running) {
  busy_->setVisible(running);
  status_->setText(running ? tr("updating\xE2\x80\xA6") : QString());
}

void VerdictStrip::setError(const QString& message) {
  headline_->setText(tr("Could not run: %1").arg(message));
  model_->clear();  // no figures to name a model for
  headline_->setStyleSheet("font-size:11pt; font-weight:600; color:#b42318;");
}

void VerdictStrip::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem u) {
  if (!a) return;
  {
    // Named on every result; the screening model stands out, as its figures are an estimate within 1 %.
    const auto integrator = a->physics->result.electric.trip.solver.integrator;
    const bool screening = integrator == physics::Integrator::QuasiStatic;
    model_->setText(tr("Trips: %1").arg(trip_model_name(integrator)));
    model_->setStyleSheet(screening ? "color:#9a6700; font-weight:600;" : "color:#666;");
    model_->setToolTip(screening ? tr("The quasi-static screening model (Run menu): within 1 % of the forward model "
                                      "in energy; choose Runge-Kutta or CVODE for the forward model")
                                 : tr("The forward model of the trips (Run menu)"));
  }
  {
    // Can each truck do it: said before any cost, red where it cannot or is unsafe.
    const auto& r = a->physics->result;
    QStringList lines;
    confident_ = a->has_costs;
    const auto cu = u == UnitSystem::US ? core::UnitSystem::US : core::UnitSystem::Metric;
    for (const auto* t : {&r.electric, &r.diesel}) {
      const tco::CostReport& c = t == &r.electric ? a->tco.electric : a->tco.diesel;
      const bool trip_ok = t->trip.summary.completed;
      const bool day_ok = !a->has_costs || c.day.status != tco::DayFeasibility::kInfeasible;
      QString line = QStringLiteral("<b>%1</b> \u2014 trip: <span style='color:%2'>%3</span>")
                         .arg(t == &r.electric ? tr("Electric") : tr("Diesel"),
                              trip_ok ? QStringLiteral("#1a7f37") : QStringLiteral("#b42318"),
                              plain_numbers(QString::fromStdString(core::describe_trip(t->trip, cu))).toHtmlEscaped());
      if (!trip_ok || !day_ok) confident_ = false;
      if (a->has_costs) {
        QString day = plain_numbers(QString::fromStdString(core::describe_day(c))).toHtmlEscaped();
        if (c.day.status == tco::DayFeasibility::kNeedsEnroute) {
          // Where the money goes when the truck charges on the way: the price it pays there.
          day += tr(", at the public price of %1/kWh (the \xE2\x80\x9c" "en-route charging\xE2\x80\x9d cost line)")
                     .arg(format_money(a->tco_inputs.prices.public_charging_usd_per_kWh, 2));
        }
        line += QStringLiteral("; day: <span style='color:%1'>%2</span>")
                    .arg(day_ok ? QStringLiteral("#1a7f37") : QStringLiteral("#b42318"), day);
      }
      lines << line;
    }
    feasibility_->setText(lines.join(QStringLiteral("<br>")));
  }
  why_->clear();
  payload_->clear();
  if (!a->has_costs) {
    shown_savings_ = std::numeric_limits<double>::quiet_NaN();
    headline_->setText(tr("No cost comparison: %1")
                           .arg(a->warnings.empty() ? QString() : plain_numbers(QString::fromStdString(a->warnings.back()))));
    headline_->setStyleSheet("font-size:12pt; font-weight:600; color:#b42318;");
    return;
  }
  const auto& c = a->tco;
  shown_savings_ = c.savings_usd_per_mi;
  const bool ev_cheaper = c.savings_usd_per_mi > 0;
  const QString du = u == UnitSystem::US ? tr("mile") : tr("km");
  const double per_d = std::abs(per_distance(c.savings_usd_per_mi, u));
  const QString amber = QStringLiteral("#b54708");
  if (confident_) {
    headline_->setText(ev_cheaper ? tr("The electric truck is cheaper by %1 per %2").arg(format_money(per_d, 3), du)
                                  : tr("The diesel truck is cheaper by %1 per %2").arg(format_money(per_d, 3), du));
  } else {
    // A plan a truck cannot do has no winner: say what fails first, and the figures only as "if it could".
    const bool ev_fails = !r_ok(a->physics->result.electric, c.electric, true);
    const bool dsl_fails = !r_ok(a->physics->result.diesel, c.diesel, true);
    const QString who = ev_fails && dsl_fails ? tr("Neither truck") : ev_fails ? tr("The electric truck") : tr("The diesel truck");
    headline_->setText(tr("Not feasible as planned: %1 cannot do this trip or day (see below). "
                          "The figures assume it could: %2 %3 per %4.")
                           .arg(who, ev_cheaper ? tr("electric cheaper by") : tr("diesel cheaper by"),
                                format_money(per_d, 3), du));
  }
  const QString verdict_color = !confident_ ? amber : ev_cheaper ? colors::kGood.darker(120).name() : colors::kBad.name();
  headline_->setStyleSheet(QStringLiteral("font-size:%1pt; font-weight:700; color:%2;").arg(confident_ ? 13 : 11).arg(verdict_color));
  const QString color = QStringLiteral("font-size:13pt; font-weight:600; color:%1;")
                            .arg(!confident_ ? QStringLiteral("#98a2b3") : verdict_color);
  {
    // Why: the few cost groups that make the difference, electric minus diesel.
    const auto cu = u == UnitSystem::US ? core::UnitSystem::US : core::UnitSystem::Metric;
    const QString why = QString::fromStdString(core::describe_why(c, cu, 3)).toHtmlEscaped();
    QString tip = tr("<b>Electric minus diesel, by cost group</b> (+ costs the electric truck more):<br>");
    for (const auto& d : core::cost_differences(c)) {
      tip += QStringLiteral("%1: %2 %3 <i>(%4)</i><br>")
                 .arg(QString::fromStdString(d.name).toHtmlEscaped(),
                      format_money(per_distance(d.electric_minus_diesel_usd_per_mi, u), 3), per_distance_unit(u),
                      QString::fromStdString(d.driven_by).toHtmlEscaped());
    }
    why_->setText(why.isEmpty() ? QString() : tr("<b>Why</b> (electric minus diesel): %1").arg(why));
    why_->setToolTip(tip);
  }
  {
    // Payload: a lighter load per run means more runs for the same freight.
    const double ev_kg = c.electric.quantities.payload_kg, dsl_kg = c.diesel.quantities.payload_kg;
    const double extra = (c.ev_runs_per_diesel_run_same_freight - 1.0) * 100.0;
    const QString mass_u = units::kMass.label(u);
    QString t = tr("<b>Payload</b> electric %1 vs diesel %2 %3")
                    .arg(format_quantity(units::kMass.to_display(ev_kg, u)), format_quantity(units::kMass.to_display(dsl_kg, u)),
                         mass_u);
    if (extra >= 0.5) {
      t += tr(" \xE2\x80\x94 <span style='color:%1'>the electric truck needs %2 % more runs for the same freight</span>")
               .arg(amber, format_quantity(extra, 2));
    } else if (extra <= -0.5) {
      t += tr(" \xE2\x80\x94 the diesel truck needs %1 % more runs for the same freight").arg(format_quantity(1.0 / (1.0 + extra / 100.0) * 100.0 - 100.0, 2));
    }
    t += tr("; per ton of freight: electric %1, diesel %2 %3")
             .arg(format_money(per_load_distance(c.electric.usd_per_ton_mi, u), 3),
                  format_money(per_load_distance(c.diesel.usd_per_ton_mi, u), 3), per_load_distance_unit(u));
    payload_->setText(t);
  }
  per_mile_->setText(QStringLiteral("%1 /%2").arg(format_money(per_distance(c.savings_usd_per_mi, u), 3),
                                                  u == UnitSystem::US ? "mi" : "km"));
  per_mile_->setStyleSheet(color);
  per_ton_mile_->setText(QStringLiteral("%1 %2").arg(format_money(per_load_distance(c.savings_usd_per_ton_mi, u), 3),
                                                     u == UnitSystem::US ? "/ton-mi" : "/t-km"));
  per_ton_mile_->setStyleSheet(color);
  per_year_->setText(format_money(c.savings_usd_per_yr, 0) + " /yr");
  per_year_->setStyleSheet(color);
  break_even_year_->setText(c.break_even_year ? (*c.break_even_year == 0 ? tr("from day one")
                                                                          : tr("year %1").arg(*c.break_even_year))
                                              : tr("not within %1 years").arg(a->tco_inputs.ownership_years));
  if (c.break_even_diesel_price_usd_per_gal) {
    const double p = *c.break_even_diesel_price_usd_per_gal;
    const double now = a->tco_inputs.prices.diesel_price_usd_per_gal;
    const bool us = u == UnitSystem::US;
    const double k = us ? 1.0 : 1.0 / units::kLitersPerGallon;
    break_even_price_->setText(QStringLiteral("%1 %2 (now %3)")
                                   .arg(format_money(p * k, 2), us ? "/gal" : "/L", format_money(now * k, 2)));
  } else {
    break_even_price_->setText("\xE2\x80\x94");
  }
}

}  // namespace semitco::ui
