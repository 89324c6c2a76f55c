// Exports of a scenario's results: cost table and both trucks' time series as CSV, a workbook (XLSX,
// libxlsxwriter), every plot as PNG or PDF, and a two-page PDF report for management.
#pragma once

#include <QString>

#include "ui/result_views.hpp"

namespace semitco::ui {

/// Writes <stem>_costs.csv, <stem>_electric_series.csv and <stem>_diesel_series.csv. Throws on I/O errors.
void export_results_csv(const Analysis& a, const QString& path_stem);
/// One workbook: Summary, Costs, Electric series, Diesel series. Throws on failure.
void export_results_xlsx(const Analysis& a, const QString& path);
/// Every plot into `dir` as <name>.png (or .pdf). Returns the number of files written.
int export_plots(const NamedPlots& plots, const QString& dir, bool pdf);
/// The report's line on how the trips were simulated: the trip model by name (Runge-Kutta, CVODE, the reference,
/// or quasi-static screening) and the energy per run of each truck.
QString report_trips_assumption(const Analysis& a);
/// A two-page letter PDF (report_pdf.cpp): verdict, why, payload, feasibility, key figures, cost and route
/// plots, the assumptions and the notes. Written whole or not at all.
void export_report_pdf(const Analysis& a, const QString& scenario_name, const NamedPlots& plots, const QString& path);

}  // namespace semitco::ui
