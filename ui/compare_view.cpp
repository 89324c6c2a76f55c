// CompareView; see compare_view.hpp.
#include "ui/compare_view.hpp"

#include <QColor>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>
#include <vector>

#include "ui/plot_style.hpp"
#include "ui/route_names.hpp"
#include "ui/result_format.hpp"

namespace semitco::ui {

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
  table_ = new QTableWidget;
  table_->setObjectName("compareTable");
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setTextElideMode(Qt::ElideNone);
  auto* lay = new QVBoxLayout(this);
  auto* hint = new QLabel(tr("Every open scenario side by side: the inputs that differ most often, then the results. "
                             "Edit a scenario to update its column; rename it in the list on the left."));
  hint->setWordWrap(true);
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
    bool section = false;  ///< a heading row ("Inputs", "Results"), no values
  };
  auto money_d = [u](double v) { return format_money(per_distance(v, u), 3); };
  auto money_t = [u](double v) { return format_money(per_load_distance(v, u), 4); };
  auto costs = [](const Analysis& a, const std::function<QString()>& f) { return a.has_costs ? f() : QStringLiteral("-"); };
  auto pair = [](const QString& ev, const QString& dsl) { return QStringLiteral("%1 / %2").arg(ev, dsl); };
  const double per_gal = us ? 1.0 : 1.0 / units::kLitersPerGallon;
  const std::vector<Row> rows = {
      {tr("Inputs"), nullptr, true},
      {tr("Route"), [](const Analysis& a) { return route_display_name(QString::fromStdString(a.physics->route->source)); }},
      {tr("Trip model"),
       [](const Analysis& a) { return trip_model_name(a.physics->result.electric.trip.solver.integrator); }},
      {tr("Run length [%1]").arg(du),
       [u](const Analysis& a) { return format_quantity(units::kDistance.to_display(a.physics->route->length_m(), u)); }},
      {tr("Distance a year [%1]").arg(du),
       [us](const Analysis& a) {
         return format_quantity(a.tco.electric.quantities.miles_per_yr * (us ? 1.0 : 1.609344));
       }},
      {tr("Diesel price [%1]").arg(us ? "$/gal" : "$/L"),
       [per_gal](const Analysis& a) { return format_money(a.tco_inputs.prices.diesel_price_usd_per_gal * per_gal, 2); }},
      {tr("Depot electricity [$/kWh]"),
       [](const Analysis& a) { return format_money(a.tco_inputs.prices.electricity_price_usd_per_kWh, 3); }},
      {tr("Demand charge [$/kW-month]"),
       [](const Analysis& a) { return format_money(a.tco_inputs.prices.demand_charge_usd_per_kW_month, 2); }},
      {tr("Public charging [$/kWh]"),
       [](const Analysis& a) { return format_money(a.tco_inputs.prices.public_charging_usd_per_kWh, 3); }},
      {tr("Truck price EV / diesel [$]"),
       [pair](const Analysis& a) {
         return pair(format_money(a.tco_inputs.electric.economics.purchase_price_usd),
                     format_money(a.tco_inputs.diesel.economics.purchase_price_usd));
       }},
      {tr("Incentives EV / diesel [$]"),
       [pair](const Analysis& a) {
         return pair(format_money(a.tco_inputs.electric.economics.incentives_usd),
                     format_money(a.tco_inputs.diesel.economics.incentives_usd));
       }},
      {tr("Ownership [years]"), [](const Analysis& a) { return QString::number(a.tco_inputs.ownership_years); }},
      {tr("Payload EV / diesel [%1]").arg(us ? "lb" : "kg"),
       [u, pair](const Analysis& a) {
         return pair(format_quantity(units::kMass.to_display(a.physics->result.electric.payload_kg, u)),
                     format_quantity(units::kMass.to_display(a.physics->result.diesel.payload_kg, u)));
       }},
      {tr("Results"), nullptr, true},
      {tr("Electric cost [$/%1]").arg(du), [=](const Analysis& a) { return costs(a, [&] { return money_d(a.tco.electric.usd_per_mi); }); }},
      {tr("Diesel cost [$/%1]").arg(du), [=](const Analysis& a) { return costs(a, [&] { return money_d(a.tco.diesel.usd_per_mi); }); }},
      {tr("EV savings [$/%1]").arg(du), [=](const Analysis& a) { return costs(a, [&] { return money_d(a.tco.savings_usd_per_mi); }); }},
      {tr("Cost per ton EV / diesel [%1]").arg(per_load_distance_unit(u)),
       [=](const Analysis& a) {
         return costs(a, [&] { return pair(money_t(a.tco.electric.usd_per_ton_mi), money_t(a.tco.diesel.usd_per_ton_mi)); });
       }},
      {tr("EV savings per ton [%1]").arg(per_load_distance_unit(u)),
       [=](const Analysis& a) { return costs(a, [&] { return money_t(a.tco.savings_usd_per_ton_mi); }); }},
      {tr("EV runs for the diesel's freight"),
       [=](const Analysis& a) {
         return costs(a, [&] { return format_quantity(a.tco.ev_runs_per_diesel_run_same_freight, 3) + QString::fromUtf8(" \xC3\x97"); });
       }},
      {tr("EV savings [$/yr]"), [=](const Analysis& a) { return costs(a, [&] { return format_money(a.tco.savings_usd_per_yr); }); }},
      {tr("EV savings over ownership, NPV [$]"),
       [=](const Analysis& a) { return costs(a, [&] { return format_money(a.tco.savings_npv_usd); }); }},
      {tr("Delivered electricity [$/kWh]"),
       [=](const Analysis& a) { return costs(a, [&] { return format_money(a.tco.electric.delivered.total_usd_per_kWh, 3); }); }},
      {tr("Break-even year"),
       [](const Analysis& a) {
         return !a.has_costs ? QString("-") : a.tco.break_even_year ? QString::number(*a.tco.break_even_year) : tr("never");
       }},
      {tr("Break-even diesel price [%1]").arg(us ? "$/gal" : "$/L"),
       [per_gal](const Analysis& a) {
         return a.has_costs && a.tco.break_even_diesel_price_usd_per_gal
                    ? format_money(*a.tco.break_even_diesel_price_usd_per_gal * per_gal, 2)
                    : QString("-");
       }},
      {tr("P(EV cheaper), Monte Carlo"),
       [=](const Analysis& a) {
         return costs(a, [&] { return QString::number(a.monte_carlo.probability_electric_cheaper * 100, 'f', 0) + " %"; });
       }},
      {tr("Day: electric / diesel"),
       [pair](const Analysis& a) {
         if (!a.has_costs) return QStringLiteral("-");
         auto day = [](const tco::CostReport& c) {
           return c.day.status == tco::DayFeasibility::kInfeasible ? tr("infeasible")
                  : c.day.enroute_stops > 0                        ? tr("%n en-route stop(s)", "", c.day.enroute_stops)
                                                                   : tr("depot only");
         };
         return pair(day(a.tco.electric), day(a.tco.diesel));
       }},
      {tr("Electric energy [kWh/%1]").arg(du),
       [us](const Analysis& a) {
         const auto& s = a.physics->result.electric.trip.summary;
         return format_quantity(us ? s.energy_kWh_per_mi : s.energy_kWh_per_km, 3);
       }},
      {us ? tr("Diesel fuel economy [mpg]") : tr("Diesel fuel use [L/100 km]"),
       [us](const Analysis& a) {
         const double mpg = a.physics->result.diesel.mpg;
         return format_quantity(us ? mpg : (mpg > 0 ? 235.214583 / mpg : 0.0), 3);
       }},
      {tr("Peak brake temperature EV / diesel [%1]").arg(units::kTemperature.label(u)),
       [u, pair](const Analysis& a) {
         return pair(format_quantity(units::kTemperature.to_display(a.physics->result.electric.trip.summary.peak_brake_temperature_C, u), 3),
                     format_quantity(units::kTemperature.to_display(a.physics->result.diesel.trip.summary.peak_brake_temperature_C, u), 3));
       }},
  };
  table_->clear();
  table_->setRowCount(static_cast<int>(rows.size()));
  table_->setColumnCount(static_cast<int>(columns.size()));
  QStringList headers, labels;
  // A long name wraps onto more lines of the header instead of being cut (the full name is its tooltip too).
  const int per_line = std::max(16, (table_->viewport()->width() / std::max<int>(1, static_cast<int>(columns.size()))) /
                                        std::max(1, table_->fontMetrics().averageCharWidth()) - 2);
  for (const auto& c : columns) {
    QStringList lines{QString()};
    for (const QString& word : c.name.split(' ', Qt::SkipEmptyParts)) {
      if (!lines.back().isEmpty() && lines.back().size() + 1 + word.size() > per_line) lines << QString();
      lines.back() += (lines.back().isEmpty() ? "" : " ") + word;
    }
    headers << lines.join('\n');
  }
  for (const auto& r : rows) labels << r.label;
  table_->setHorizontalHeaderLabels(headers);
  table_->setVerticalHeaderLabels(labels);
  for (int r = 0; r < static_cast<int>(rows.size()); ++r) {
    const Row& row = rows[static_cast<std::size_t>(r)];
    if (row.section) {
      QFont bold = table_->font();
      bold.setBold(true);
      table_->verticalHeaderItem(r)->setFont(bold);
      for (int c = 0; c < columns.size(); ++c) {
        auto* item = new QTableWidgetItem;
        item->setBackground(QColor(234, 236, 240));
        table_->setItem(r, c, item);
      }
      continue;
    }
    for (int c = 0; c < columns.size(); ++c) {
      const auto& a = columns[c].analysis;
      auto* item = new QTableWidgetItem(a ? row.value(*a) : tr("(running)"));
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      table_->setItem(r, c, item);
    }
  }
  for (int c = 0; c < columns.size(); ++c) table_->horizontalHeaderItem(c)->setToolTip(columns[c].name);
}

}  // namespace semitco::ui
