// Result exports; see exporters.hpp (the PDF report is in report_pdf.cpp).
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
  worksheet_write_string(s, r, 0, "trip model (integrator)", nullptr);
  worksheet_write_string(s, r, 1, physics::integrator_name(a.physics->result.electric.trip.solver.integrator), nullptr);
  worksheet_write_string(s, r, 2, physics::integrator_name(a.physics->result.diesel.trip.solver.integrator), nullptr);
  ++r;
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

}  // namespace semitco::ui
