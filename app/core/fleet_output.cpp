// semitco fleet: the report as text tables and as an XLSX workbook (libxlsxwriter), see fleet.hpp.
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "app/core/comparison_report.hpp"
#include "app/core/fleet.hpp"
#include "app/core/text.hpp"

namespace semitco::core {
namespace {

constexpr double kKmPerMile = 1.609344;

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string dollars(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, v < 0 ? "-$%.0f" : "$%.0f", v < 0 ? -v : v);
  return buf;
}

void print_group_header(std::ostream& out, const char* what, UnitSystem u) {
  char line[256];
  std::snprintf(line, sizeof line, "%-16s %5s %6s %10s %12s %10s %9s", what, "days", "failed",
                u == UnitSystem::US ? "miles" : "km", "EV energy", "depot-only", "en-route");
  out << line;
}

void print_group(std::ostream& out, const FleetGroup& g, UnitSystem u) {
  char line[256];
  const double dist = u == UnitSystem::US ? g.miles : g.miles * kKmPerMile;
  std::snprintf(line, sizeof line, "%-16s %5zu %6zu %10.0f %8.0f kWh %9.0f %% %4zu days", printable(g.name).substr(0, 16).c_str(),
                g.days, g.failed_days, dist, g.ev_energy_kWh, 100.0 * g.depot_only_share(), g.enroute_days);
  out << line;
}

}  // namespace

void print_fleet(std::ostream& out, const FleetReport& r, UnitSystem u) {
  out << "fleet: " << r.days.size() << " vehicle-day files, " << r.trips << " trips, " << r.vehicles.size() << " vehicles, "
      << r.lanes.size() << " lanes, " << r.failed << " failed (" << r.simulated << " distinct files simulated"
      << (r.resumed ? ", " + std::to_string(r.resumed) + " of them resumed from the journal" : std::string())
      << "), integrator " << integrator_description(r.integrator) << "\n\n";
  print_group_header(out, "vehicle", u);
  out << "   annual mi   EV $/mi  diesel $/mi  savings/yr\n";
  for (const FleetGroup& g : r.vehicles) {
    print_group(out, g, u);
    if (g.costed)
      out << fmt(" %11.0f", g.annual_miles) << fmt(" %9.3f", g.ev_usd_per_mi) << fmt(" %12.3f", g.diesel_usd_per_mi) << "  "
          << dollars(g.savings_usd_per_yr) << "\n";
    else
      out << "   not costed (a day the electric truck cannot do, or a failed file)\n";
  }
  out << "\n";
  print_group_header(out, "lane", u);
  out << "\n";
  for (const FleetGroup& g : r.lanes) {
    print_group(out, g, u);
    out << "\n";
  }
  out << "\nelectrify first (by savings a year at the vehicle's own annual miles):\n";
  int rank = 0;
  for (const FleetGroup* g : electrify_first(r)) {
    out << fmt("  %2.0f. ", ++rank) << printable(g->name) << "  "
        << (g->costed ? dollars(g->savings_usd_per_yr) + "/yr" : std::string("not costed")) << ", "
        << fmt("%.0f %%", 100.0 * g->depot_only_share()) << " of days on depot charging alone\n";
  }
  out << "\nrepairs (" << r.repairs.size() << " kinds):\n";
  for (const FleetRepair& rep : r.repairs)
    out << "  " << rep.count << " x " << routes::repair_name(rep.kind) << " in " << rep.files << " files (first: "
        << printable(rep.first_file) << ":" << rep.first_line << ")\n";
  for (const FleetDay& d : r.days)
    if (!d.ok) out << "failed: " << printable(d.file) << ": " << printable(d.error) << "\n";
}

void write_fleet_xlsx(const FleetReport& r, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error(path + ": cannot create workbook");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "$#,##0");
  lxw_format* per_mi = workbook_add_format(wb);
  format_set_num_format(per_mi, "$0.000");
  lxw_format* pct = workbook_add_format(wb);
  format_set_num_format(pct, "0%");
  lxw_format* whole = workbook_add_format(wb);
  format_set_num_format(whole, "#,##0");
  auto header = [&](lxw_worksheet* ws, std::initializer_list<const char*> cols) {
    lxw_col_t c = 0;
    for (const char* h : cols) worksheet_write_string(ws, 0, c++, h, head);
    worksheet_freeze_panes(ws, 1, 0);
  };
  auto text = [](lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& s) {
    worksheet_write_string(ws, row, col, printable(s).c_str(), nullptr);
  };

  lxw_worksheet* rank = workbook_add_worksheet(wb, "electrify first");
  header(rank, {"Rank", "Vehicle", "Savings [$/yr]", "Savings [$/mi]", "Annual miles [mi]", "Depot-only days [%]",
                "Days needing en-route charging", "Costed"});
  lxw_row_t row = 1;
  for (const FleetGroup* g : electrify_first(r)) {
    worksheet_write_number(rank, row, 0, row, nullptr);
    text(rank, row, 1, g->name);
    if (g->costed) {
      worksheet_write_number(rank, row, 2, g->savings_usd_per_yr, money);
      worksheet_write_number(rank, row, 3, g->savings_usd_per_mi, per_mi);
    }
    worksheet_write_number(rank, row, 4, g->annual_miles, whole);
    worksheet_write_number(rank, row, 5, g->depot_only_share(), pct);
    worksheet_write_number(rank, row, 6, static_cast<double>(g->enroute_days), nullptr);
    text(rank, row, 7, g->costed ? "yes" : "no");
    ++row;
  }

  auto groups = [&](const char* name, const std::vector<FleetGroup>& list, bool costs) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name);
    header(ws, {"Name", "Days", "Failed days", "Distance [mi]", "EV energy [kWh]", "Depot-only days [%]",
                "Days needing en-route charging", "En-route stops", "Annual miles [mi]", "EV cost [$/mi]",
                "Diesel cost [$/mi]", "Savings [$/yr]"});
    lxw_row_t r_ = 1;
    for (const FleetGroup& g : list) {
      text(ws, r_, 0, g.name);
      worksheet_write_number(ws, r_, 1, static_cast<double>(g.days), nullptr);
      worksheet_write_number(ws, r_, 2, static_cast<double>(g.failed_days), nullptr);
      worksheet_write_number(ws, r_, 3, g.miles, whole);
      worksheet_write_number(ws, r_, 4, g.ev_energy_kWh, whole);
      worksheet_write_number(ws, r_, 5, g.depot_only_share(), pct);
      worksheet_write_number(ws, r_, 6, static_cast<double>(g.enroute_days), nullptr);
      worksheet_write_number(ws, r_, 7, g.enroute_stops, nullptr);
      if (costs && g.costed) {
        worksheet_write_number(ws, r_, 8, g.annual_miles, whole);
        worksheet_write_number(ws, r_, 9, g.ev_usd_per_mi, per_mi);
        worksheet_write_number(ws, r_, 10, g.diesel_usd_per_mi, per_mi);
        worksheet_write_number(ws, r_, 11, g.savings_usd_per_yr, money);
      }
      ++r_;
    }
  };
  groups("vehicles", r.vehicles, true);
  groups("lanes", r.lanes, false);

  lxw_worksheet* days = workbook_add_worksheet(wb, "days");
  header(days, {"Vehicle", "Day", "Lane", "File", "Distance [mi]", "EV energy [kWh]", "EV day", "En-route stops",
                "Repairs", "Error", "Trips"});
  row = 1;
  for (const FleetDay& d : r.days) {
    text(days, row, 0, d.vehicle);
    text(days, row, 1, d.day);
    text(days, row, 2, d.lane);
    text(days, row, 3, std::filesystem::path(d.file).filename().string());
    if (d.ok) {
      worksheet_write_number(days, row, 4, d.miles, nullptr);
      worksheet_write_number(days, row, 5, d.ev_energy_kWh, nullptr);
      text(days, row, 6, d.ev_day_status);
      worksheet_write_number(days, row, 7, d.enroute_stops, nullptr);
    }
    text(days, row, 8, routes::repairs_summary(d.repairs));
    text(days, row, 9, d.error);
    if (d.ok) worksheet_write_number(days, row, 10, static_cast<double>(d.trips), nullptr);
    ++row;
  }

  // What the workbook is of: the scenario's trucks over these files, and the model the trips ran with.
  lxw_worksheet* run = workbook_add_worksheet(wb, "run");
  header(run, {"Item", "Value"});
  worksheet_set_column(run, 0, 0, 26, nullptr);
  worksheet_set_column(run, 1, 1, 40, nullptr);
  const std::vector<std::pair<std::string, std::string>> items = {
      {"Trips simulated with", integrator_description(r.integrator)},
      {"Vehicle-day files", std::to_string(r.days.size())},
      {"Trips", std::to_string(r.trips)},
      {"Failed files", std::to_string(r.failed)},
  };
  row = 1;
  for (const auto& [item, value] : items) {
    text(run, row, 0, item);
    text(run, row, 1, value);
    ++row;
  }

  lxw_worksheet* reps = workbook_add_worksheet(wb, "repairs");
  header(reps, {"Repair", "Count", "Files", "First file", "First line"});
  row = 1;
  for (const FleetRepair& rep : r.repairs) {
    text(reps, row, 0, std::string(routes::repair_name(rep.kind)));
    worksheet_write_number(reps, row, 1, static_cast<double>(rep.count), nullptr);
    worksheet_write_number(reps, row, 2, static_cast<double>(rep.files), nullptr);
    text(reps, row, 3, rep.first_file);
    worksheet_write_number(reps, row, 4, static_cast<double>(rep.first_line), nullptr);
    ++row;
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw std::runtime_error(path + ": cannot write workbook (" + lxw_strerror(err) + ")");
}

}  // namespace semitco::core
