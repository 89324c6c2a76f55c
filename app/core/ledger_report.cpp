// Year-by-year ledgers; see ledger_report.hpp.
#include "app/core/ledger_report.hpp"

#include <cmath>
#include <cstdio>
#include <ostream>
#include <string>

namespace semitco::core {

namespace {

std::string cents(double usd) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", std::abs(usd) < 0.005 ? 0.0 : usd);
  return buf;
}

void cell(std::ostream& out, const std::string& text, int width) {
  out << std::string(static_cast<std::size_t>(std::max(0, width - static_cast<int>(text.size()))), ' ') << text;
}

}  // namespace

void print_ledger(std::ostream& out, const char* title, const tco::CostReport& r) {
  constexpr int kLabel = 26, kCol = 14;
  out << title << " ledger (nominal USD by year; year 0 = purchase; NPV at the scenario's discount rate)\n";
  cell(out, "line", kLabel);
  for (const auto& y : r.ledger) cell(out, "year " + std::to_string(y.year), kCol);
  cell(out, "NPV", kCol);
  out << "\n";
  for (const auto& line : r.lines) {
    const auto i = static_cast<std::size_t>(line.line);
    bool any = false;
    for (const auto& y : r.ledger) any = any || std::abs(y.usd[i]) >= 0.005;
    if (!any) continue;
    out << line.key << std::string(static_cast<std::size_t>(std::max(0, kLabel - static_cast<int>(line.key.size()))), ' ');
    for (const auto& y : r.ledger) cell(out, cents(y.usd[i]), kCol);
    cell(out, cents(line.npv_usd), kCol);
    out << "\n";
  }
  auto total_row = [&](const char* label, auto value, const std::string& last) {
    out << label << std::string(static_cast<std::size_t>(kLabel - static_cast<int>(std::string(label).size())), ' ');
    for (const auto& y : r.ledger) cell(out, value(y), kCol);
    cell(out, last, kCol);
    out << "\n";
  };
  total_row("TOTAL", [](const tco::LedgerYear& y) { return cents(y.total_usd); }, cents(r.npv_usd));
  total_row("discount factor", [](const tco::LedgerYear& y) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", y.discount_factor);
    return std::string(buf);
  }, "");
  total_row("discounted TOTAL", [](const tco::LedgerYear& y) { return cents(y.discounted_total_usd); }, cents(r.npv_usd));
}

void print_ledgers(std::ostream& out, const tco::Comparison& c) {
  print_ledger(out, "Electric truck", c.electric);
  out << "\n";
  print_ledger(out, "Diesel truck", c.diesel);
}

}  // namespace semitco::core
