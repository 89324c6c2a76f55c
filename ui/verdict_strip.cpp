// The verdict strip; see verdict_strip.hpp.
#include "ui/verdict_strip.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

#include "app/core/trip_verdict.hpp"
#include "ui/plot_style.hpp"

namespace semitco::ui {

namespace {

constexpr double kKmPerMile = 1.609344;
double per_distance(double usd_per_mi, UnitSystem u) { return u == UnitSystem::US ? usd_per_mi : usd_per_mi / kKmPerMile; }

QLabel* card(QGridLayout* grid, int col, const QString& caption, const char* name) {
  auto* cap = new QLabel(caption);
  cap->setStyleSheet("color:#555; font-size:9pt;");
  auto* val = new QLabel("\xE2\x80\x94");
  val->setObjectName(name);
  val->setStyleSheet("font-size:15pt; font-weight:600;");
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
  outer->setContentsMargins(12, 8, 12, 8);
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
  top->addWidget(headline_, 1);
  top->addWidget(status_);
  top->addWidget(busy_);
  outer->addLayout(top);
  feasibility_ = new QLabel;
  feasibility_->setObjectName("verdictFeasibility");
  feasibility_->setWordWrap(true);
  feasibility_->setTextFormat(Qt::RichText);
  outer->addWidget(feasibility_);
  auto* grid = new QGridLayout;
  grid->setHorizontalSpacing(28);
  per_mile_ = card(grid, 0, tr("EV savings per distance"), "verdictSavingsPerMile");
  per_year_ = card(grid, 1, tr("EV savings per year"), "verdictSavingsPerYear");
  break_even_year_ = card(grid, 2, tr("Break-even year"), "verdictBreakEvenYear");
  break_even_price_ = card(grid, 3, tr("Break-even diesel price"), "verdictBreakEvenDiesel");
  grid->setColumnStretch(4, 1);
  outer->addLayout(grid);
}

void VerdictStrip::setRunning(bool running) {
  busy_->setVisible(running);
  status_->setText(running ? tr("updating\xE2\x80\xA6") : QString());
}

void VerdictStrip::setError(const QString& message) {
  headline_->setText(tr("Could not run: %1").arg(message));
  headline_->setStyleSheet("font-size:11pt; font-weight:600; color:#b42318;");
}

void VerdictStrip::setAnalysis(const std::shared_ptr<const Analysis>& a, UnitSystem u) {
  if (!a) return;
  {
    // Can each truck do it: said before any cost, red where it cannot or is unsafe.
    const auto& r = a->physics->result;
    QStringList lines;
    const auto cu = u == UnitSystem::US ? core::UnitSystem::US : core::UnitSystem::Metric;
    for (const auto* t : {&r.electric, &r.diesel}) {
      const tco::CostReport& c = t == &r.electric ? a->tco.electric : a->tco.diesel;
      const bool trip_ok = t->trip.summary.completed;
      const bool day_ok = !a->has_costs || c.day.status != tco::DayFeasibility::kInfeasible;
      QString line = QStringLiteral("<b>%1</b> \u2014 trip: <span style='color:%2'>%3</span>")
                         .arg(t == &r.electric ? tr("Electric") : tr("Diesel"),
                              trip_ok ? QStringLiteral("#1a7f37") : QStringLiteral("#b42318"),
                              QString::fromStdString(core::describe_trip(t->trip, cu)).toHtmlEscaped());
      if (a->has_costs) {
        line += QStringLiteral("; day: <span style='color:%1'>%2</span>")
                    .arg(day_ok ? QStringLiteral("#1a7f37") : QStringLiteral("#b42318"),
                         QString::fromStdString(core::describe_day(c)).toHtmlEscaped());
      }
      lines << line;
    }
    feasibility_->setText(lines.join(QStringLiteral("<br>")));
  }
  if (!a->has_costs) {
    shown_savings_ = std::numeric_limits<double>::quiet_NaN();
    headline_->setText(tr("No cost comparison: %1")
                           .arg(a->warnings.empty() ? QString() : QString::fromStdString(a->warnings.back())));
    headline_->setStyleSheet("font-size:12pt; font-weight:600; color:#b42318;");
    return;
  }
  const auto& c = a->tco;
  shown_savings_ = c.savings_usd_per_mi;
  const bool ev_cheaper = c.savings_usd_per_mi > 0;
  const QString du = u == UnitSystem::US ? tr("mile") : tr("km");
  const double per_d = std::abs(per_distance(c.savings_usd_per_mi, u));
  headline_->setText(ev_cheaper ? tr("The electric truck is cheaper by %1 per %2").arg(format_money(per_d, 3), du)
                                : tr("The diesel truck is cheaper by %1 per %2").arg(format_money(per_d, 3), du));
  headline_->setStyleSheet(QStringLiteral("font-size:13pt; font-weight:700; color:%1;")
                               .arg(ev_cheaper ? colors::kGood.darker(120).name() : colors::kBad.name()));
  const QString color = QStringLiteral("font-size:15pt; font-weight:600; color:%1;")
                            .arg(ev_cheaper ? colors::kGood.darker(120).name() : colors::kBad.name());
  per_mile_->setText(QStringLiteral("%1 /%2").arg(format_money(per_distance(c.savings_usd_per_mi, u), 3),
                                                  u == UnitSystem::US ? "mi" : "km"));
  per_mile_->setStyleSheet(color);
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
