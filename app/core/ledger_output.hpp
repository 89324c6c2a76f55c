// The year-by-year ledger of both trucks as a file: CSV, JSON or XLSX by the file's extension (`semitco tco
// --ledger-out FILE`, the app's Ledger tab "Save ledger...", Python's Comparison.write_ledger). The same table as
// `tco --ledger` (ledger_report.hpp), unrounded: a row per cost line (every line, zero ones too) with its nominal
// cash in each year (year 0 = purchase) and its NPV, then the year's total, discount factor and discounted total.
// Written atomically (atomic_file.hpp).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tco/cost_model.hpp"

namespace semitco::core {

/// One row of the ledger table.
struct LedgerRow {
  std::string truck;            ///< "electric" or "diesel"
  std::string line;             ///< cost line key, or "TOTAL", "discount_factor", "discounted_total"
  std::vector<double> by_year;  ///< years 0..N
  double npv_usd = 0.0;         ///< the line's NPV (TOTAL and discounted_total: the truck's NPV; factor: 0)
};

/// Both trucks' rows, electric first.
std::vector<LedgerRow> ledger_rows(const tco::Comparison& c);

/// {"electric": {"years": [0..N], "lines": {"key": {"by_year": [...], "npv_usd": x}}, "total_usd": [...],
///  "discount_factor": [...], "residual_discount_factor": x, "discounted_total_usd": [...], "npv_usd": x}, ...}
nlohmann::ordered_json ledger_json(const tco::Comparison& c);

/// Writes .csv, .json or .xlsx (by extension; anything else is refused naming the path). `inputs` are
/// files the output must not replace.
void write_ledger_file(const tco::Comparison& c, const std::string& path, const std::vector<std::string>& inputs = {});

}  // namespace semitco::core
