// The PDF report for management (two letter pages); see exporters.hpp.
//
// Page 1: the verdict and why, payload and feasibility, key figures, the cost per mile by line and the
// cumulative cost. Page 2: the route's elevation and the trucks' speed, then the assumptions the figures
// rest on (prices, miles, trucks, money, the Monte Carlo's ranges) and the notes of the run. Plots are
// drawn at about their on-screen size per inch, so their labels print at 8-9 pt.
#include <QDate>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <qcustomplot.h>
#include <stdexcept>

#include "app/core/cost_why.hpp"
#include "app/core/trip_verdict.hpp"
#include "ui/exporters.hpp"
#include "ui/input_names.hpp"
#include "ui/input_values.hpp"
#include "ui/result_format.hpp"
#include "ui/route_names.hpp"
#include "ui/units.hpp"

namespace semitco::ui {

namespace {

QCustomPlot* plot_named(const NamedPlots& plots, const QString& name) {
  for (const auto& [n, p] : plots) {
    if (n == name) return p;
  }
  return nullptr;
}

bool feasible(const Analysis& a) {
  const auto& r = a.physics->result;
  return a.has_costs && r.electric.trip.summary.completed && r.diesel.trip.summary.completed &&
         a.tco.electric.day.status != tco::DayFeasibility::kInfeasible &&
         a.tco.diesel.day.status != tco::DayFeasibility::kInfeasible;
}

}  // namespace

QString report_trips_assumption(const Analysis& a) {
  const auto& r = a.physics->result;
  const bool screening = r.electric.trip.solver.integrator == physics::Integrator::QuasiStatic;
  return QStringLiteral("Trips: both trucks simulated along the route (trip model: %1%2); energy per run electric %3 "
                        "kWh/mi, diesel %4 mpg.")
      .arg(trip_model_name(r.electric.trip.solver.integrator),
           screening ? QStringLiteral(", within 1 % of the forward model in energy") : QString(),
           format_quantity(r.electric.energy_kWh_per_mi, 3), format_quantity(r.diesel.mpg, 3));
}

void export_report_pdf(const Analysis& a, const QString& scenario_name, const NamedPlots& plots, const QString& path) {
  if (!a.has_costs) throw std::runtime_error("no cost comparison to export (a truck could not finish the route)");
  QSaveFile file(path);  // written whole or not at all
  if (!file.open(QIODevice::WriteOnly)) throw std::runtime_error("cannot write " + path.toStdString());
  {
    QPdfWriter pdf(&file);
    pdf.setPageSize(QPageSize(QPageSize::Letter));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setResolution(150);
    pdf.setTitle(QStringLiteral("semitco report: %1").arg(scenario_name));
    pdf.setCreator("semitco-gui");
    QPainter p(&pdf);
    if (!p.isActive()) throw std::runtime_error("cannot write " + path.toStdString());
    const int W = pdf.width(), H = pdf.height();
    const double dpi = pdf.resolution();
    const QFont title("Sans", 16, QFont::Bold), body("Sans", 9), small("Sans", 8), head("Sans", 11, QFont::Bold),
        big("Sans", 12, QFont::Bold);
    int y = 0;
    auto text = [&](const QString& t, const QFont& f, const QColor& c = Qt::black, int indent = 0) {
      p.setFont(f);
      p.setPen(c);
      const QRect r = p.boundingRect(QRect(indent, y, W - indent, H), Qt::TextWordWrap | Qt::AlignLeft, t);
      p.drawText(QRect(indent, y, W - indent, r.height()), Qt::TextWordWrap | Qt::AlignLeft, t);
      y += r.height() + static_cast<int>(dpi * 0.04);
    };
    auto plot_at = [&](const QString& name, QRect target) {
      QCustomPlot* plot = plot_named(plots, name);
      if (!plot) return;
      // Logical size = target inches x 96 x 1.15: the plot's 9.5 pt labels print at about 8 pt.
      const double k = 96.0 * 1.15 / dpi;
      const int w = static_cast<int>(target.width() * k), h = static_cast<int>(target.height() * k);
      p.drawPixmap(target, plot->toPixmap(w, h, 3.0));
    };
    const auto& c = a.tco;
    const bool ok = feasible(a);
    const QString route = route_display_name(QString::fromStdString(a.physics->route->source));

    // ---- page 1: verdict and costs
    text(QStringLiteral("Electric vs diesel: %1").arg(scenario_name), title);
    text(QString::fromUtf8("Route: %1 (%2 mi a run)  \xE2\x80\x94  semitco-gui, %3")
             .arg(route, format_quantity(a.physics->route->length_m() / 1609.344, 3), QDate::currentDate().toString(Qt::ISODate)),
         body, QColor(80, 80, 80));
    y += static_cast<int>(dpi * 0.08);
    const QString who = c.savings_usd_per_mi > 0 ? QStringLiteral("electric") : QStringLiteral("diesel");
    if (ok) {
      text(QStringLiteral("The %1 truck is cheaper by %2 per mile (%3 per year, %4 per ton-mile).")
               .arg(who, format_money(std::abs(c.savings_usd_per_mi), 3), format_money(std::abs(c.savings_usd_per_yr)),
                    format_money(std::abs(c.savings_usd_per_ton_mi), 4)),
           big, c.savings_usd_per_mi > 0 ? QColor(0, 120, 80) : QColor(180, 35, 24));
    } else {
      text(QStringLiteral("Not feasible as planned: a truck cannot do the trip or the day (below). If it could, the %1 "
                          "truck would be cheaper by %2 per mile.")
               .arg(who, format_money(std::abs(c.savings_usd_per_mi), 3)),
           big, QColor(181, 71, 8));
    }
    text(QStringLiteral("Why (electric minus diesel, per mile): %1.")
             .arg(QString::fromStdString(core::describe_why(c, core::UnitSystem::US, 4))),
         body);
    const double extra = (c.ev_runs_per_diesel_run_same_freight - 1.0) * 100.0;
    text(QStringLiteral("Payload: electric %1 lb, diesel %2 lb%3.")
             .arg(format_quantity(c.electric.quantities.payload_kg * units::kLbPerKg),
                  format_quantity(c.diesel.quantities.payload_kg * units::kLbPerKg),
                  extra >= 0.5 ? QStringLiteral(": the electric truck needs %1 % more runs for the same freight").arg(format_quantity(extra, 2))
                               : QString()),
         body);
    text(QStringLiteral("Electric truck's day: %1. Diesel's day: %2.")
             .arg(plain_numbers(QString::fromStdString(core::describe_day(c.electric))),
                  plain_numbers(QString::fromStdString(core::describe_day(c.diesel)))),
         body);
    text(QStringLiteral("Cost per mile: electric %1, diesel %2. Per ton-mile: electric %3, diesel %4. NPV of ownership over "
                        "%5 years: electric %6, diesel %7.")
             .arg(format_money(c.electric.usd_per_mi, 3), format_money(c.diesel.usd_per_mi, 3),
                  format_money(c.electric.usd_per_ton_mi, 4), format_money(c.diesel.usd_per_ton_mi, 4))
             .arg(a.tco_inputs.ownership_years)
             .arg(format_money(c.electric.npv_usd), format_money(c.diesel.npv_usd)),
         body);
    text(QStringLiteral("Break-even year: %1. Break-even diesel price: %2 per gallon (now %3). Monte Carlo (%4 draws): "
                        "savings P10 %5, P50 %6, P90 %7 per mile; the electric truck is cheaper in %8 % of draws.")
             .arg(c.break_even_year ? QString::number(*c.break_even_year) : QStringLiteral("none within ownership"),
                  c.break_even_diesel_price_usd_per_gal ? format_money(*c.break_even_diesel_price_usd_per_gal, 2) : "-",
                  format_money(a.tco_inputs.prices.diesel_price_usd_per_gal, 2))
             .arg(a.monte_carlo.draws)
             .arg(format_money(a.monte_carlo.savings_usd_per_mi.p10, 3), format_money(a.monte_carlo.savings_usd_per_mi.p50, 3),
                  format_money(a.monte_carlo.savings_usd_per_mi.p90, 3))
             .arg(a.monte_carlo.probability_electric_cheaper * 100, 0, 'f', 0),
         body);
    y += static_cast<int>(dpi * 0.1);
    const int gap = static_cast<int>(dpi * 0.15);
    const int rest = H - y;
    const int cost_h = std::min(static_cast<int>(rest * 0.55), static_cast<int>(W * 0.55));
    plot_at("cost_per_mile", QRect(0, y, W, cost_h));
    y += cost_h + gap;
    plot_at("cost_cumulative", QRect(0, y, W, std::max(0, H - y)));

    // ---- page 2: the route, then the assumptions
    pdf.newPage();
    y = 0;
    const int rh = static_cast<int>(W * 0.3);
    plot_at("route_elevation", QRect(0, y, W, rh));
    y += rh + gap / 2;
    plot_at("route_speed", QRect(0, y, W, rh));
    y += rh + gap;
    text(QStringLiteral("Assumptions"), head);
    const auto& in = a.tco_inputs;
    const auto& ops = in.operations;
    const QStringList assumptions = {
        QStringLiteral("Use: %1 mi a year on %2 days; %3 lb of freight offered per run (gross limit %4 lb, +%5 lb for the "
                       "electric truck); ownership %6 years at a %7 % discount rate.")
            .arg(format_quantity(c.electric.quantities.miles_per_yr), format_quantity(ops.operating_days_per_yr),
                 format_quantity(ops.payload_desired_kg * units::kLbPerKg), format_quantity(ops.gross_weight_limit_kg * units::kLbPerKg),
                 format_quantity(ops.ev_weight_allowance_kg * units::kLbPerKg))
            .arg(in.ownership_years)
            .arg(format_quantity(in.discount_rate_frac * 100, 3)),
        QStringLiteral("Energy: diesel %1/gal, DEF %2/gal; depot electricity %3/kWh, demand charge %4/kW-month, fees "
                       "%5/month; public charging %6/kWh (share of depot energy bought there %7 %); en-route stops at %8 kW.")
            .arg(format_money(in.prices.diesel_price_usd_per_gal, 2), format_money(in.prices.def_price_usd_per_gal, 2),
                 format_money(in.prices.electricity_price_usd_per_kWh, 3), format_money(in.prices.demand_charge_usd_per_kW_month, 2),
                 format_money(in.prices.fixed_fees_usd_per_month), format_money(in.prices.public_charging_usd_per_kWh, 2),
                 format_quantity(in.prices.public_charging_share_frac * 100, 3), format_quantity(in.charging.enroute_charger_power_kW)),
        QStringLiteral("Trucks: electric %1, diesel %2 before taxes (federal excise tax %3 %); incentives %4 / %5; resale "
                       "%6 % / %7 % of price; maintenance %8 / %9 per mile; insurance %10 % of price a year.")
            .arg(format_money(in.electric.economics.purchase_price_usd), format_money(in.diesel.economics.purchase_price_usd),
                 format_quantity(in.electric.economics.fet_rate_frac * 100, 3), format_money(in.electric.economics.incentives_usd),
                 format_money(in.diesel.economics.incentives_usd),
                 format_quantity(in.electric.economics.residual_value_frac * 100, 3),
                 format_quantity(in.diesel.economics.residual_value_frac * 100, 3),
                 format_money(in.electric.economics.maintenance_usd_per_mi, 3))
            .arg(format_money(in.diesel.economics.maintenance_usd_per_mi, 3),
                 format_quantity(in.electric.economics.insurance_frac_of_price_per_yr * 100, 3)),
        QStringLiteral("Driver: %1; benefits %2 % on top. Financing: %3 % down, %4 % APR over %5 months.")
            .arg(ops.driver_pay == tco::DriverPay::kPerMile
                     ? QStringLiteral("paid %1 per mile").arg(format_money(ops.driver_pay_usd_per_mi, 3))
                     : QStringLiteral("paid %1 per hour").arg(format_money(ops.driver_wage_usd_per_h, 2)),
                 format_quantity(ops.driver_benefits_frac * 100, 3),
                 format_quantity(in.electric.economics.down_payment_frac * 100, 3),
                 format_quantity(in.electric.economics.loan_apr_frac * 100, 3))
            .arg(in.electric.economics.loan_term_months),
        report_trips_assumption(a),
    };
    for (const QString& s : assumptions) text(QString::fromUtf8("\xE2\x80\xA2 ") + s, small, Qt::black, 0);
    if (!a.uncertain_inputs.empty()) {
      QStringList r;
      for (const auto& u : a.uncertain_inputs) {
        r << QString::fromUtf8("%1 %2 to %3").arg(input_display_name(u.key), input_value_text(u.key, u.distribution.a),
                                                  input_value_text(u.key, u.distribution.c));
      }
      text(QString::fromUtf8("\xE2\x80\xA2 Monte Carlo: triangular around the scenario's value: ") + r.join("; ") + ".", small);
    }
    if (!a.warnings.empty()) {
      y += static_cast<int>(dpi * 0.05);
      text(QStringLiteral("Notes"), head);
      int shown = 0;
      for (const auto& w : a.warnings) {
        if (y > H - static_cast<int>(dpi * 0.4) || ++shown > 12) break;
        text(QString::fromUtf8("\xE2\x80\xA2 ") + plain_numbers(QString::fromStdString(w)), small);
      }
    }
    p.end();
  }
  if (!file.commit()) throw std::runtime_error("cannot write " + path.toStdString());
}

}  // namespace semitco::ui
