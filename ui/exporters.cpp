// Result exports; see exporters.hpp.
#include "ui/exporters.hpp"

#include <QDateTime>
#include <QDir>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <fstream>
#include <qcustomplot.h>
#include <stdexcept>
#include <xlsxwriter.h>

#include "app/core/trip_report.hpp"
#include "ui/units.hpp"

namespace semitco::ui {

namespace {

void require_costs(const Analysis& a) {
  if (!a.has_costs) throw std::runtime_error("no cost comparison to export (a truck could not finish the route)");
}

std::ofstream open_out(const QString& path) {
  std::ofstream out(path.toStdString());
  if (!out) throw std::runtime_error("cannot write " + path.toStdString());
  return out;
}

QCustomPlot* find_plot(const NamedPlots& plots, const QString& name) {
  for (const auto& [n, p] : plots) {
    if (n == name) return p;
  }
  return nullptr;
}

}  // namespace

void export_results_csv(const Analysis& a, const QString& stem) {
  require_costs(a);
  {
    auto out = open_out(stem + "_costs.csv");
    out << "line,electric_usd_per_mi,diesel_usd_per_mi,electric_usd_per_ton_mi,diesel_usd_per_ton_mi,"
           "electric_npv_usd,diesel_npv_usd\n";
    for (std::size_t i = 0; i < a.tco.electric.lines.size(); ++i) {
      const auto& e = a.tco.electric.lines[i];
      const auto& d = a.tco.diesel.lines[i];
      out << e.key << ',' << e.usd_per_mi << ',' << d.usd_per_mi << ',' << e.usd_per_ton_mi << ','
          << d.usd_per_ton_mi << ',' << e.npv_usd << ',' << d.npv_usd << '\n';
    }
    out << "total," << a.tco.electric.usd_per_mi << ',' << a.tco.diesel.usd_per_mi << ','
        << a.tco.electric.usd_per_ton_mi << ',' << a.tco.diesel.usd_per_ton_mi << ',' << a.tco.electric.npv_usd
        << ',' << a.tco.diesel.npv_usd << '\n';
  }
  {
    auto out = open_out(stem + "_electric_series.csv");
    core::write_series_csv(out, a.physics->result.electric.trip);
  }
  {
    auto out = open_out(stem + "_diesel_series.csv");
    core::write_series_csv(out, a.physics->result.diesel.trip);
  }
}

void export_results_xlsx(const Analysis& a, const QString& path) {
  require_costs(a);
  lxw_workbook* wb = workbook_new(path.toUtf8().constData());
  if (!wb) throw std::runtime_error("cannot create " + path.toStdString());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  // Summary.
  lxw_worksheet* s = workbook_add_worksheet(wb, "Summary");
  worksheet_set_column(s, 0, 0, 40, nullptr);
  worksheet_set_column(s, 1, 2, 16, nullptr);
  const struct {
    const char* label;
    double ev, dsl;
  } rows[] = {{"cost [USD/mi]", a.tco.electric.usd_per_mi, a.tco.diesel.usd_per_mi},
              {"cost [USD/ton-mi]", a.tco.electric.usd_per_ton_mi, a.tco.diesel.usd_per_ton_mi},
              {"NPV of cost of ownership [USD]", a.tco.electric.npv_usd, a.tco.diesel.npv_usd},
              {"energy [kWh/mi]", a.physics->result.electric.energy_kWh_per_mi, a.physics->result.diesel.energy_kWh_per_mi},
              {"payload [kg]", a.physics->result.electric.payload_kg, a.physics->result.diesel.payload_kg}};
  worksheet_write_string(s, 0, 0, a.scenario_name.c_str(), bold);
  worksheet_write_string(s, 1, 1, "electric", bold);
  worksheet_write_string(s, 1, 2, "diesel", bold);
  lxw_row_t r = 2;
  for (const auto& row : rows) {
    worksheet_write_string(s, r, 0, row.label, nullptr);
    worksheet_write_number(s, r, 1, row.ev, nullptr);
    worksheet_write_number(s, r, 2, row.dsl, nullptr);
    ++r;
  }
  worksheet_write_string(s, ++r, 0, "EV savings [USD/mi]", nullptr);
  worksheet_write_number(s, r, 1, a.tco.savings_usd_per_mi, nullptr);
  worksheet_write_string(s, ++r, 0, "EV savings [USD/yr]", nullptr);
  worksheet_write_number(s, r, 1, a.tco.savings_usd_per_yr, nullptr);
  worksheet_write_string(s, ++r, 0, "break-even year", nullptr);
  if (a.tco.break_even_year) worksheet_write_number(s, r, 1, *a.tco.break_even_year, nullptr);
  else worksheet_write_string(s, r, 1, "never", nullptr);
  worksheet_write_string(s, ++r, 0, "break-even diesel price [USD/gal]", nullptr);
  if (a.tco.break_even_diesel_price_usd_per_gal) worksheet_write_number(s, r, 1, *a.tco.break_even_diesel_price_usd_per_gal, nullptr);
  // Cost lines.
  lxw_worksheet* c = workbook_add_worksheet(wb, "Costs");
  const char* heads[] = {"line", "electric USD/mi", "diesel USD/mi", "electric USD/ton-mi", "diesel USD/ton-mi",
                         "electric NPV USD", "diesel NPV USD"};
  for (lxw_col_t i = 0; i < 7; ++i) worksheet_write_string(c, 0, i, heads[i], bold);
  worksheet_set_column(c, 0, 0, 26, nullptr);
  worksheet_set_column(c, 1, 6, 18, nullptr);
  for (std::size_t i = 0; i < a.tco.electric.lines.size(); ++i) {
    const auto& e = a.tco.electric.lines[i];
    const auto& d = a.tco.diesel.lines[i];
    const auto row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_string(c, row, 0, e.key.c_str(), nullptr);
    const double v[] = {e.usd_per_mi, d.usd_per_mi, e.usd_per_ton_mi, d.usd_per_ton_mi, e.npv_usd, d.npv_usd};
    for (lxw_col_t k = 0; k < 6; ++k) worksheet_write_number(c, row, k + 1, v[k], nullptr);
  }
  // Series (every 10th sample keeps the workbook small).
  auto series = [&](const char* name, const physics::TimeSeries& ts) {
    lxw_worksheet* w = workbook_add_worksheet(wb, name);
    const char* h[] = {"time_s", "distance_m", "speed_mps", "elevation_m", "soc", "brake_temperature_C", "fuel_used_kg"};
    for (lxw_col_t i = 0; i < 7; ++i) worksheet_write_string(w, 0, i, h[i], bold);
    lxw_row_t row = 1;
    for (std::size_t i = 0; i < ts.size(); i += 10, ++row) {
      const double v[] = {ts.time_s[i], ts.distance_m[i], ts.speed_mps[i], ts.elevation_m[i], ts.soc[i],
                          ts.brake_temperature_C[i], ts.fuel_used_kg[i]};
      for (lxw_col_t k = 0; k < 7; ++k) worksheet_write_number(w, row, k, v[k], nullptr);
    }
  };
  series("Electric series", a.physics->result.electric.trip.series);
  series("Diesel series", a.physics->result.diesel.trip.series);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + path.toStdString());
}

int export_plots(const NamedPlots& plots, const QString& dir, bool pdf) {
  int n = 0;
  for (const auto& [name, plot] : plots) {
    const QString file = QDir(dir).filePath(name + (pdf ? ".pdf" : ".png"));
    const int w = std::max(plot->width(), 900), h = std::max(plot->height(), 420);
    const bool ok = pdf ? plot->savePdf(file, w, h) : plot->savePng(file, w, h, 2.0);
    if (!ok) throw std::runtime_error("cannot write " + file.toStdString());
    ++n;
  }
  return n;
}

void export_report_pdf(const Analysis& a, const QString& scenario_name, const NamedPlots& plots, const QString& path) {
  require_costs(a);
  QPdfWriter pdf(path);
  pdf.setPageSize(QPageSize(QPageSize::Letter));
  pdf.setResolution(150);
  pdf.setTitle(QStringLiteral("semitco report: %1").arg(scenario_name));
  pdf.setCreator("semitco-gui");
  QPainter p(&pdf);
  if (!p.isActive()) throw std::runtime_error("cannot write " + path.toStdString());
  const int W = pdf.width();
  int y = 0;
  QFont title("Sans", 16, QFont::Bold);
  QFont body("Sans", 9);
  QFont big("Sans", 12, QFont::Bold);
  p.setFont(title);
  p.drawText(QRect(0, y, W, 60), Qt::AlignLeft, QStringLiteral("Electric vs diesel: %1").arg(scenario_name));
  y += 60;
  p.setFont(body);
  p.drawText(QRect(0, y, W, 30), Qt::AlignLeft,
             QString::fromUtf8("Route: %1  \xE2\x80\x94  generated by semitco-gui on %2")
                 .arg(QString::fromStdString(a.physics->route->name), QDate::currentDate().toString(Qt::ISODate)));
  y += 40;
  const auto& c = a.tco;
  p.setFont(big);
  p.setPen(c.savings_usd_per_mi > 0 ? QColor(0, 120, 80) : QColor(180, 35, 24));
  p.drawText(QRect(0, y, W, 40), Qt::AlignLeft,
             c.savings_usd_per_mi > 0
                 ? QStringLiteral("The electric truck is cheaper by %1 per mile (%2 per year).")
                       .arg(format_money(c.savings_usd_per_mi, 3), format_money(c.savings_usd_per_yr))
                 : QStringLiteral("The diesel truck is cheaper by %1 per mile (%2 per year).")
                       .arg(format_money(-c.savings_usd_per_mi, 3), format_money(-c.savings_usd_per_yr)));
  y += 50;
  p.setPen(Qt::black);
  p.setFont(body);
  const QStringList lines = {
      QStringLiteral("Cost per mile: electric %1, diesel %2.   Per ton-mile: electric %3, diesel %4.")
          .arg(format_money(c.electric.usd_per_mi, 3), format_money(c.diesel.usd_per_mi, 3),
               format_money(c.electric.usd_per_ton_mi, 4), format_money(c.diesel.usd_per_ton_mi, 4)),
      QStringLiteral("NPV of ownership over %1 years: electric %2, diesel %3.")
          .arg(a.tco_inputs.ownership_years)
          .arg(format_money(c.electric.npv_usd), format_money(c.diesel.npv_usd)),
      QStringLiteral("Break-even year: %1.   Break-even diesel price: %2 per gallon (now %3).")
          .arg(c.break_even_year ? QString::number(*c.break_even_year) : QStringLiteral("none within ownership"),
               c.break_even_diesel_price_usd_per_gal ? format_money(*c.break_even_diesel_price_usd_per_gal, 2) : "-",
               format_money(a.tco_inputs.prices.diesel_price_usd_per_gal, 2)),
      QStringLiteral("Monte Carlo (%1 draws): savings P10 %2, P50 %3, P90 %4 per mile; electric cheaper in %5 % of draws.")
          .arg(a.monte_carlo.draws)
          .arg(format_money(a.monte_carlo.savings_usd_per_mi.p10, 3), format_money(a.monte_carlo.savings_usd_per_mi.p50, 3),
               format_money(a.monte_carlo.savings_usd_per_mi.p90, 3))
          .arg(a.monte_carlo.probability_electric_cheaper * 100, 0, 'f', 0),
      QStringLiteral("Energy: electric %1 kWh/mi; diesel %2 mpg. Payload: electric %3 lb, diesel %4 lb.")
          .arg(a.physics->result.electric.energy_kWh_per_mi, 0, 'f', 2)
          .arg(a.physics->result.diesel.mpg, 0, 'f', 2)
          .arg(a.physics->result.electric.payload_kg * units::kLbPerKg, 0, 'f', 0)
          .arg(a.physics->result.diesel.payload_kg * units::kLbPerKg, 0, 'f', 0),
  };
  for (const QString& l : lines) {
    p.drawText(QRect(0, y, W, 28), Qt::AlignLeft, l);
    y += 28;
  }
  y += 10;
  // Plots: cost per mile and cumulative side by side, then the route elevation and speed.
  const int gap = 20;
  const int half = (W - gap) / 2;
  auto draw_plot = [&](const QString& name, QRect target) {
    QCustomPlot* plot = find_plot(plots, name);
    if (!plot) return;
    const QPixmap pm = plot->toPixmap(900, static_cast<int>(900.0 * target.height() / target.width()), 2.0);
    p.drawPixmap(target, pm);
  };
  const int ph = static_cast<int>(half * 0.72);
  draw_plot("cost_per_mile", QRect(0, y, half, ph));
  draw_plot("cost_cumulative", QRect(half + gap, y, half, ph));
  y += ph + gap;
  const int rh = static_cast<int>(W * 0.26);
  draw_plot("route_elevation", QRect(0, y, W, rh));
  y += rh + gap / 2;
  draw_plot("route_speed", QRect(0, y, W, rh));
  p.end();
}

}  // namespace semitco::ui
