// The ledger as CSV, JSON or XLSX; see ledger_output.hpp.
#include "app/core/ledger_output.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <ostream>
#include <stdexcept>

#include "app/core/atomic_file.hpp"

namespace semitco::core {

namespace {

void add_truck(std::vector<LedgerRow>& rows, const char* truck, const tco::CostReport& r) {
  for (const auto& line : r.lines) {
    LedgerRow row{truck, line.key, {}, line.npv_usd};
    for (const auto& y : r.ledger) row.by_year.push_back(y.usd[static_cast<std::size_t>(line.line)]);
    rows.push_back(std::move(row));
  }
  LedgerRow total{truck, "TOTAL", {}, r.npv_usd};
  LedgerRow factor{truck, "discount_factor", {}, 0.0};
  LedgerRow discounted{truck, "discounted_total", {}, r.npv_usd};
  for (const auto& y : r.ledger) {
    total.by_year.push_back(y.total_usd);
    factor.by_year.push_back(y.discount_factor);
    discounted.by_year.push_back(y.discounted_total_usd);
  }
  rows.push_back(std::move(total));
  rows.push_back(std::move(factor));
  rows.push_back(std::move(discounted));
}

std::string number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::size_t years_of(const tco::Comparison& c) { return c.electric.ledger.size(); }

void write_csv(std::ostream& out, const tco::Comparison& c) {
  out << "truck,line";
  for (std::size_t y = 0; y < years_of(c); ++y) out << ",year_" << y << "_usd";
  out << ",npv_usd\n";
  for (const auto& row : ledger_rows(c)) {
    out << row.truck << "," << row.line;
    for (double v : row.by_year) out << "," << number(v);
    out << "," << (row.line == "discount_factor" ? "" : number(row.npv_usd)) << "\n";
  }
}

void write_xlsx(const std::string& tmp, const std::string& path, const tco::Comparison& c) {
  lxw_workbook* wb = workbook_new(tmp.c_str());
  if (!wb) throw std::runtime_error(path + ": cannot create workbook");
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0.00");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "ledger");
  worksheet_write_string(ws, 0, 0, "truck", head);
  worksheet_write_string(ws, 0, 1, "line", head);
  const auto n = static_cast<lxw_col_t>(years_of(c));
  for (lxw_col_t y = 0; y < n; ++y) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(2 + y), ("year " + std::to_string(y)).c_str(), head);
  }
  worksheet_write_string(ws, 0, static_cast<lxw_col_t>(2 + n), "NPV", head);
  lxw_row_t r = 1;
  for (const auto& row : ledger_rows(c)) {
    worksheet_write_string(ws, r, 0, row.truck.c_str(), nullptr);
    worksheet_write_string(ws, r, 1, row.line.c_str(), nullptr);
    const bool factor = row.line == "discount_factor";
    for (std::size_t y = 0; y < row.by_year.size(); ++y)
      worksheet_write_number(ws, r, static_cast<lxw_col_t>(2 + y), row.by_year[y], factor ? nullptr : money);
    if (!factor) worksheet_write_number(ws, r, static_cast<lxw_col_t>(2 + n), row.npv_usd, money);
    ++r;
  }
  worksheet_set_column(ws, 1, 1, 24, nullptr);
  worksheet_freeze_panes(ws, 1, 2);
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw std::runtime_error(path + ": cannot write workbook (" + lxw_strerror(err) + ")");
}

}  // namespace

std::vector<LedgerRow> ledger_rows(const tco::Comparison& c) {
  std::vector<LedgerRow> rows;
  add_truck(rows, "electric", c.electric);
  add_truck(rows, "diesel", c.diesel);
  return rows;
}

nlohmann::ordered_json ledger_json(const tco::Comparison& c) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto* r : {&c.electric, &c.diesel}) {
    nlohmann::ordered_json t;
    nlohmann::ordered_json years = nlohmann::ordered_json::array();
    nlohmann::ordered_json total = nlohmann::ordered_json::array();
    nlohmann::ordered_json factor = nlohmann::ordered_json::array();
    nlohmann::ordered_json discounted = nlohmann::ordered_json::array();
    for (const auto& y : r->ledger) {
      years.push_back(y.year);
      total.push_back(y.total_usd);
      factor.push_back(y.discount_factor);
      discounted.push_back(y.discounted_total_usd);
    }
    t["years"] = years;
    nlohmann::ordered_json lines = nlohmann::ordered_json::object();
    for (const auto& line : r->lines) {
      nlohmann::ordered_json by_year = nlohmann::ordered_json::array();
      for (const auto& y : r->ledger) by_year.push_back(y.usd[static_cast<std::size_t>(line.line)]);
      lines[line.key] = {{"by_year", by_year}, {"npv_usd", line.npv_usd}};
    }
    t["lines"] = lines;
    t["total_usd"] = total;
    t["discount_factor"] = factor;
    t["residual_discount_factor"] = r->ledger.empty() ? 1.0 : r->ledger.back().residual_discount_factor;
    t["discounted_total_usd"] = discounted;
    t["npv_usd"] = r->npv_usd;
    out[r == &c.electric ? "electric" : "diesel"] = t;
  }
  return out;
}

void write_ledger_file(const tco::Comparison& c, const std::string& path, const std::vector<std::string>& inputs) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".csv") {
    write_file_atomically(path, [&](std::ostream& out) { write_csv(out, c); }, inputs);
  } else if (ext == ".json") {
    write_file_atomically(path, [&](std::ostream& out) { out << ledger_json(c).dump(2) << "\n"; }, inputs);
  } else if (ext == ".xlsx") {
    const std::string tmp = temporary_name_for(path, inputs);
    try {
      write_xlsx(tmp, path, c);
    } catch (...) {
      discard_temporary(tmp);
      throw;
    }
    commit_temporary(tmp, path);
  } else {
    throw std::runtime_error(path + ": the ledger is written as .csv, .json or .xlsx (by the file's extension)");
  }
}

}  // namespace semitco::core
