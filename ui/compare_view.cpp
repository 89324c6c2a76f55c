// CompareView; see compare_view.hpp.
#include "ui/compare_view.hpp"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <functional>
#include <vector>

#include "ui/plot_style.hpp"
#include "ui/result_format.hpp"

namespace semitco::ui {

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
